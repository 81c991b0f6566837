package admin

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/daison/portal/admin/staff"
)

// RequireStaff is staff.Require, the guard of staff routes, for the callers
// of admin (the site's preview routes take it).
func RequireStaff(roles ...string) *hook.Handler[*core.RequestEvent] {
	return staff.Require(roles...)
}
