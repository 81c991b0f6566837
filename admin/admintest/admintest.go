// Package admintest gives tests a real PocketBase app with the portal's
// collections and the admin side's hooks on a fresh temporary database
// (records/recordstest, with admin.Register), the shared World fixture of
// roles, and small helpers to fill it.
package admintest

import (
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/daison/portal/admin"
	"github.com/daison/portal/records/recordstest"
)

// NewApp returns a test app on a fresh database in a temporary folder, with
// every migration applied and admin's hooks bound. changed, if not nil,
// receives admin's change notifications. The app is cleaned up with the test.
func NewApp(t testing.TB, changed func(collection string)) *tests.TestApp {
	t.Helper()
	return NewAppWith(t, admin.Options{Changed: changed})
}

// NewAppWith is NewApp with all of admin's options.
func NewAppWith(t testing.TB, opts admin.Options) *tests.TestApp {
	t.Helper()
	app := recordstest.Migrated(t)
	admin.Register(app, opts)
	t.Cleanup(app.Cleanup)
	return app
}

// Factory adapts NewApp to tests.ApiScenario's TestAppFactory.
func Factory(setup func(t testing.TB, app *tests.TestApp)) func(t testing.TB) *tests.TestApp {
	return func(t testing.TB) *tests.TestApp {
		app := recordstest.Migrated(t)
		admin.Register(app, admin.Options{})
		if setup != nil {
			setup(t, app)
		}
		return app
	}
}

// The helpers of records/recordstest, for admin's tests.
var (
	Create         = recordstest.Create
	Date           = recordstest.Date
	SuperuserToken = recordstest.SuperuserToken
	Handler        = recordstest.Handler
	Do             = recordstest.Do
	StaffToken     = recordstest.StaffToken
)
