package admin

import (
	"net/http"
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/daison/portal/internal/markdown"
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

// maxPreviewMarkdown bounds what the live preview renders: the longest
// Markdown field (an article's body) holds 100,000 characters.
const maxPreviewMarkdown = 100000

// markdownPreview answers POST /api/portal/markdown {"markdown": "…"} with
// {"html": "…", "problems": […]}: the text rendered as the site will render
// it, and what would stop it from being saved.
func markdownPreview(e *core.RequestEvent) error {
	var in struct {
		Markdown string `json:"markdown"`
	}
	if err := e.BindBody(&in); err != nil {
		return e.BadRequestError("Không đọc được nội dung gửi lên.", err)
	}
	if utf8.RuneCountInString(in.Markdown) > maxPreviewMarkdown {
		return e.BadRequestError("Nội dung quá dài để xem trước (tối đa 100.000 ký tự).", nil)
	}
	html, err := markdown.Render(in.Markdown)
	if err != nil {
		return e.InternalServerError("", err)
	}
	problems := []string{}
	for _, p := range markdown.Check(in.Markdown) {
		problems = append(problems, string(p))
	}
	return e.JSON(http.StatusOK, map[string]any{"html": html, "problems": problems})
}
