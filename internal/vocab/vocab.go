// Package vocab is the portal's controlled vocabulary: the fixed choices of
// select fields (article categories, initiative kinds, award forms…), each
// with the stable ASCII key stored in the database and used in URLs, and the
// Vietnamese label people read. Migrations take their values from here, the
// site export and the back office their labels, so a choice is named once.
package vocab

// Option is one choice of a select field.
type Option struct {
	Key   string // stored value and URL segment: lower-case ASCII, hyphens
	Label string // what citizens and staff read
}

// List is an ordered set of options.
type List []Option

// Keys returns the stored values in order, as a PocketBase select field wants
// them.
func (l List) Keys() []string {
	keys := make([]string, len(l))
	for i, o := range l {
		keys[i] = o.Key
	}
	return keys
}

// Label returns the label of key, or key itself when it is not in the list
// (an old value kept in the database after a choice was retired).
func (l List) Label(key string) string {
	for _, o := range l {
		if o.Key == key {
			return o.Label
		}
	}
	return key
}

// Has reports whether key is one of the options.
func (l List) Has(key string) bool {
	for _, o := range l {
		if o.Key == key {
			return true
		}
	}
	return false
}

// Status is the publication state every public record has.
var Status = List{
	{"draft", "Bản nháp"},
	{"review", "Chờ duyệt"},
	{"published", "Đã xuất bản"},
	{"archived", "Lưu trữ"},
}

// Status keys, used in rules and code.
const (
	StatusDraft     = "draft"
	StatusReview    = "review"
	StatusPublished = "published"
	StatusArchived  = "archived"
)

// UnitKinds are the kinds of unit taking part in the movement.
var UnitKinds = List{
	{"phong-chuyen-mon", "Phòng, bộ phận chuyên môn"},
	{"trung-tam", "Trung tâm"},
	{"doan-the", "Mặt trận và đoàn thể"},
	{"thon-to-dan-pho", "Thôn, tổ dân phố"},
	{"truong-tram", "Trường học, trạm y tế"},
	{"khac", "Đơn vị khác"},
}

// ArticleCategories are the plan's six contents (section II) followed by
// activity news and announcements.
var ArticleCategories = List{
	{"trach-nhiem-nguoi-dung-dau", "Trách nhiệm người đứng đầu"},
	{"nhiem-vu-cai-cach", "Nhiệm vụ cải cách hành chính"},
	{"bo-chi-so", "Bộ chỉ số cải cách hành chính"},
	{"tuyen-truyen", "Tuyên truyền cải cách hành chính"},
	{"giai-phap-sang-kien", "Giải pháp, sáng kiến"},
	{"can-bo-cong-chuc", "Cán bộ, công chức hoàn thành xuất sắc nhiệm vụ"},
	{"tin-hoat-dong", "Tin hoạt động"},
	{"thong-bao", "Thông báo"},
}

// DocumentKinds are the kinds of official document (văn bản) the site
// publishes in /van-ban/; the keys are its URL segments.
var DocumentKinds = List{
	{"ke-hoach", "Kế hoạch"},
	{"quyet-dinh", "Quyết định"},
	{"thong-bao", "Thông báo"},
	{"bao-cao", "Báo cáo"},
	{"cong-van", "Công văn"},
	{"huong-dan", "Hướng dẫn"},
	{"bieu-mau", "Biểu mẫu"},
	{"khac", "Văn bản khác"},
}

// InitiativeKinds are the kinds of model and initiative.
var InitiativeKinds = List{
	{"mo-hinh", "Mô hình"},
	{"sang-kien", "Sáng kiến"},
	{"giai-phap", "Giải pháp"},
	{"cach-lam-hay", "Cách làm hay"},
}

// InitiativeFields are the reform areas an initiative serves (the plan's
// section II.2).
var InitiativeFields = List{
	{"thu-tuc-hanh-chinh", "Cải cách thủ tục hành chính"},
	{"chuyen-doi-so", "Chính quyền điện tử, chuyển đổi số"},
	{"to-chuc-bo-may", "Cải cách tổ chức bộ máy"},
	{"cong-vu", "Cải cách chế độ công vụ"},
	{"tai-chinh-cong", "Cải cách tài chính công"},
	{"the-che", "Cải cách thể chế"},
}

// RecognitionLevels are the levels at which an initiative was recognised.
var RecognitionLevels = List{
	{"don-vi", "Cấp đơn vị"},
	{"xa", "Cấp xã"},
	{"thanh-pho", "Cấp thành phố"},
	{"toan-quoc", "Cấp toàn quốc"},
}

// HonoreeKinds tell individuals from collectives.
var HonoreeKinds = List{
	{"ca-nhan", "Cá nhân"},
	{"tap-the", "Tập thể"},
}

// AwardForms are the forms of commendation.
var AwardForms = List{
	{"giay-khen", "Giấy khen của Chủ tịch UBND xã"},
	{"bang-khen-thanh-pho", "Bằng khen của Chủ tịch UBND Thành phố"},
	{"bang-khen-thu-tuong", "Bằng khen của Thủ tướng Chính phủ"},
}

// AwardKinds are the occasions of an award (the plan's section III.2).
var AwardKinds = List{
	{"hang-nam", "Khen thưởng hằng năm"},
	{"dot-xuat", "Khen thưởng đột xuất"},
	{"tong-ket", "Khen thưởng tổng kết giai đoạn 2026 – 2030"},
}

// Metrics are the reform indicators tracked on the site; all are percentages.
var Metrics = List{
	{"dung-han", "Tỷ lệ hồ sơ giải quyết đúng hạn, trước hạn"},
	{"truc-tuyen-toan-trinh", "Tỷ lệ hồ sơ trực tuyến toàn trình"},
	{"thanh-toan-truc-tuyen", "Tỷ lệ thanh toán trực tuyến phí, lệ phí"},
	{"so-hoa", "Tỷ lệ số hóa hồ sơ, kết quả giải quyết"},
	{"hai-long", "Mức độ hài lòng của người dân, tổ chức"},
}

// StepLogic tells how a guide step relates to the one before it, in the
// manner of GOV.UK's step-by-step navigation.
var StepLogic = List{
	{"", "Bước tiếp theo"},
	{"and", "và"},
	{"or", "hoặc"},
}

// StaffRoles are the roles of staff accounts. Superusers (IT) stand
// above them and are not staff.
var StaffRoles = List{
	{"editor", "Biên tập viên (Trung tâm Dịch vụ sự nghiệp công)"},
	{"reviewer", "Cán bộ thẩm định (Phòng Văn hóa – Xã hội)"},
	{"unitReporter", "Cán bộ đầu mối của đơn vị"},
}

// AuditActions are the kinds of audit log entries.
var AuditActions = List{
	{"create", "Tạo mới"},
	{"update", "Sửa"},
	{"delete", "Xóa"},
	{"status", "Chuyển trạng thái"},
	{"restore", "Khôi phục phiên bản"},
	{"login", "Đăng nhập"},
	{"login_failed", "Đăng nhập không thành công"},
	{"login_mfa", "Đúng mật khẩu, chờ mã xác thực"},
	{"impersonate", "Quản trị hệ thống đăng nhập thay cán bộ"},
	{"refused", "Thao tác bị từ chối"},
}

// NominationStates are the steps of a nomination dossier (the plan's
// section III.3): a unit files it, Phòng Văn hóa – Xã hội reviews it and
// returns it for changes or forwards it to the council, whose decision is
// recorded.
var NominationStates = List{
	{"draft", "Đang soạn"},
	{"submitted", "Đã nộp"},
	{"returned", "Trả lại để bổ sung"},
	{"forwarded", "Đã trình Hội đồng"},
	{"approved", "Được khen thưởng"},
	{"rejected", "Không được khen thưởng"},
}

// ReportStates are the states of a unit's yearly report.
var ReportStates = List{
	{"draft", "Đang soạn"},
	{"submitted", "Đã nộp"},
}

// FeedbackKinds are what citizens send from the site.
var FeedbackKinds = List{
	{"gop-y", "Góp ý về dịch vụ công"},
	{"sang-kien", "Đề xuất sáng kiến"},
	{"huu-ich", "Trang này có hữu ích không"},
	{"hai-long", "Đánh giá mức độ hài lòng"},
}

// FeedbackStates are the steps of a submission in the staff queue.
var FeedbackStates = List{
	{"moi", "Mới"},
	{"dang-xu-ly", "Đang xử lý"},
	{"da-tra-loi", "Đã trả lời"},
	{"da-dong", "Đã đóng"},
}

// Channels are how a citizen used the service they rate.
var Channels = List{
	{"quay-mot-cua", "Tại Trung tâm Phục vụ hành chính công (quầy một cửa)"},
	{"truc-tuyen", "Trực tuyến (Cổng Dịch vụ công, VNeID)"},
	{"buu-chinh", "Qua dịch vụ bưu chính công ích"},
}

// Helpful answers "was this page useful?".
var Helpful = List{
	{"co", "Có"},
	{"khong", "Không"},
}

// LateDecisions are a reviewer's answers to a report or nomination filed
// after its deadline.
var LateDecisions = List{
	{"pending", "Chờ xem xét"},
	{"accepted", "Chấp nhận"},
	{"refused", "Không chấp nhận"},
}

// ExceptionActions are what a reviewer grants one unit about a deadline.
var ExceptionActions = List{
	{"extend", "Gia hạn"},
	{"waive", "Miễn nộp"},
}

// DeadlineSubjects are the things a unit files by a deadline.
var DeadlineSubjects = List{
	{"report", "Báo cáo năm"},
	{"nomination", "Hồ sơ đề nghị khen thưởng hằng năm"},
}

// AwardCriteria are the plan's standards (section III.2), as a nomination's
// checklist: "tt-" yearly, collectives (all four); "cn-" yearly,
// individuals (the conditions and one of the three); "tk-tt-" summary,
// collectives (one of three); "tk-cn-" summary, individuals (the conditions
// and one of the two).
var AwardCriteria = List{
	{"tt-sang-kien", "Có sáng kiến, mô hình, giải pháp thiết thực được áp dụng hiệu quả trong thực tiễn"},
	{"tt-thanh-tich", "Có thành tích xuất sắc, tiêu biểu trong thực hiện nhiệm vụ cải cách hành chính hằng năm; hoàn thành tốt các chỉ tiêu, nhiệm vụ được giao"},
	{"tt-ky-luat", "Thực hiện nghiêm kỷ luật, kỷ cương hành chính; không để chậm trễ, phiền hà cho người dân, tổ chức; không có cán bộ vi phạm trong thực thi công vụ"},
	{"tt-ket-qua", "Có kết quả nổi bật trong nâng cao chất lượng giải quyết thủ tục hành chính, ứng dụng công nghệ thông tin, chuyển đổi số, mức độ hài lòng của người dân"},
	{"cn-dieu-kien", "Có phẩm chất đạo đức tốt, gương mẫu chấp hành chủ trương, pháp luật; hoàn thành xuất sắc nhiệm vụ; trực tiếp tham mưu, tổ chức hoặc tham gia thực hiện nhiệm vụ cải cách hành chính"},
	{"cn-sang-kien", "Có sáng kiến, giải pháp, cách làm hay được áp dụng hiệu quả trong thực tế"},
	{"cn-tham-muu", "Có thành tích xuất sắc, tiêu biểu trong tham mưu, đề xuất, triển khai nhiệm vụ cải cách hành chính, chuyển đổi số"},
	{"cn-trach-nhiem", "Có tinh thần trách nhiệm cao, nhiều đóng góp xây dựng nền hành chính chuyên nghiệp, hiện đại, công khai, minh bạch"},
	{"tk-tt-dan-dau", "Có thành tích xuất sắc, tiêu biểu, dẫn đầu phong trào giai đoạn 2026 – 2030; hoàn thành xuất sắc các mục tiêu, chỉ tiêu"},
	{"tk-tt-sang-kien", "Có từ 02 sáng kiến, mô hình, giải pháp được áp dụng hiệu quả trong thực tế"},
	{"tk-tt-lien-tuc", "Có thành tích nổi bật, liên tục trong ít nhất 03 năm của giai đoạn 2026 – 2030"},
	{"tk-cn-dieu-kien", "Có phẩm chất đạo đức tốt; hoàn thành xuất sắc nhiệm vụ; có ít nhất 03 năm trực tiếp thực hiện nhiệm vụ cải cách hành chính trong giai đoạn 2026 – 2030"},
	{"tk-cn-tham-muu", "Có thành tích xuất sắc, tiêu biểu trong tham mưu, đề xuất, triển khai nhiệm vụ cải cách hành chính, chuyển đổi số"},
	{"tk-cn-sang-kien", "Có sáng kiến, giải pháp, cách làm hiệu quả được áp dụng trong thực tế"},
}

// ContactErasures say why a citizen's contact details were erased from
// their submission.
var ContactErasures = List{
	{"nguoi-gui", "Người gửi tự xóa"},
	{"theo-yeu-cau", "Cán bộ xóa theo yêu cầu của người gửi"},
	{"het-han", "Hết thời hạn lưu giữ"},
}
