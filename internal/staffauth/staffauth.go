// Package staffauth says whether the caller of a route is staff, and in
// what role: the guard of staff routes (Require), which the admin side's
// routes and the site's (through the function the entry passes them) use,
// and the caller's role (Role). It is a leaf.
package staffauth

import (
	"slices"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/daison/portal/internal/schema"
)

// Require is a route middleware that lets through superusers and
// staff members, and of staff only those with one of roles when roles are
// given; others get 401 (not logged in) or 403.
func Require(roles ...string) *hook.Handler[*core.RequestEvent] {
	return &hook.Handler[*core.RequestEvent]{
		Id: "portalRequireStaff",
		Func: func(e *core.RequestEvent) error {
			a := e.Auth
			if a == nil {
				return e.UnauthorizedError("Bạn cần đăng nhập để thực hiện thao tác này.", nil)
			}
			if a.IsSuperuser() {
				return e.Next()
			}
			if a.Collection().Name != schema.Staff {
				return e.ForbiddenError("Chỉ cán bộ của xã mới được thực hiện thao tác này.", nil)
			}
			if len(roles) > 0 && !slices.Contains(roles, a.GetString("role")) {
				return e.ForbiddenError("Vai trò của bạn không được phép thực hiện thao tác này.", nil)
			}
			return e.Next()
		},
	}
}

// Role is the role of the request's actor: a staff role, "superuser", or ""
// for others.
func Role(e *core.RequestEvent) string {
	switch {
	case e.Auth == nil:
		return ""
	case e.Auth.IsSuperuser():
		return "superuser"
	case e.Auth.Collection().Name == schema.Staff:
		return e.Auth.GetString("role")
	}
	return ""
}
