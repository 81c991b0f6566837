// Package schema names what the portal stores: its collections, which of
// them the public site is built from, the staff roles, the public read rule
// and the shapes of the JSON fields both the back office and the site read.
// It is a leaf: the migrations, admin and site use it; it uses none of them.
package schema

import "slices"

// Public collections: what citizens read, and what the static site is built
// from. A change to any of them calls for a rebuild.
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

// PublicCollections lists the public collections in dependency order (a
// collection comes after those it refers to).
var PublicCollections = []string{Units, Documents, Honorees, Articles, Initiatives, Awards, Guides, Indicators}

// IsPublic reports whether name is a public collection.
func IsPublic(name string) bool {
	return slices.Contains(PublicCollections, name)
}

// Linkable collections have short links (/l/<code>/) and keep their old
// slugs, so that links shared on Zalo or printed on a QR poster keep working
// after a rename.
var Linkable = []string{Articles, Initiatives, Honorees, Guides}

// IsLinkable reports whether name is a linkable collection.
func IsLinkable(name string) bool {
	return slices.Contains(Linkable, name)
}
