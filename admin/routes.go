package admin

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/daison/portal/internal/schema"
)

// RequireStaff is a route middleware that lets through superusers and
// staff members, and of staff only those with one of roles when roles are
// given; others get 401 (not logged in) or 403.
func RequireStaff(roles ...string) *hook.Handler[*core.RequestEvent] {
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
			if len(roles) > 0 && !contains(roles, a.GetString("role")) {
				return e.ForbiddenError("Vai trò của bạn không được phép thực hiện thao tác này.", nil)
			}
			return e.Next()
		},
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
