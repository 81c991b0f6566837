// Package schema names what the portal stores: its collections, the staff
// roles, the public read rule and the shapes of the JSON fields both the
// back office and the site read, and the commune's time zone. It is a
// leaf: the migrations, records, admin and site use it; it uses none of
// them.
package schema

// Public collections: what citizens read, and what the static site is built
// from. Each is a kind of record (records/<kind>), and records.All lists
// them.
const (
	Units       = "units"
	Articles    = "articles"
	Initiatives = "initiatives"
	Honorees    = "honorees"
	Awards      = "awards"
	Guides      = "guides"
	Indicators  = "indicators"
	// Documents are official documents (văn bản): plans, decisions,
	// notices, reports and forms, each with its signed file.
	Documents = "documents"
)

// Staff-side collections: accounts, the audit log and the versions of
// public records.
const (
	Staff     = "staff"
	AuditLog  = "auditLog"
	Revisions = "revisions"
)

// Staff-only collections of the award process.
const (
	Nominations  = "nominations"
	UnitReports  = "unitReports"
	PortalConfig = "portalConfig"
	// DeadlineExceptions are a reviewer's extensions of a deadline for one
	// unit, and waivers of a report a unit need not file.
	DeadlineExceptions = "deadlineExceptions"
)

// Follow-up: reminders already sent (so none goes twice) and the in-app
// notices staff read on their dashboard.
const (
	Reminders = "reminders"
	Notices   = "notices"
)

// Feedback holds citizens' questions and ideas and the answers staff give.
const Feedback = "feedback"
