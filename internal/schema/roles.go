package schema

// Roles of staff accounts (their labels are vocab.StaffRoles'). Superusers
// (IT) stand above them and are not staff.
const (
	RoleEditor       = "editor"       // publishes content (Trung tâm Dịch vụ sự nghiệp công)
	RoleReviewer     = "reviewer"     // reviews nominations (Phòng Văn hóa – Xã hội)
	RoleUnitReporter = "unitReporter" // files a unit's nominations and reports
)
