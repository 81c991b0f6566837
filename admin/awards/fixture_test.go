package awards_test

import "github.com/daison/portal/admin/admintest"

// Short names for the shared fixture (admintest.World) in this package's
// tests.
const (
	unitA     = admintest.UnitA
	unitB     = admintest.UnitB
	honoreeID = admintest.HonoreeID

	anonymous = admintest.Anonymous
	editor    = admintest.Editor
	reviewer  = admintest.Reviewer
	reporterA = admintest.ReporterA
	reporterB = admintest.ReporterB
	superuser = admintest.Superuser
)

var (
	newWorld  = admintest.NewWorld
	jsonField = admintest.JSONField
	between   = admintest.Between
)
