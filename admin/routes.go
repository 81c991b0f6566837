package admin

import (
	"net/http"
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/daison/portal/admin/staff"
	"github.com/daison/portal/internal/markdown"
)

// RequireStaff is staff.Require, the guard of staff routes, for the callers
// of admin (the site's preview routes take it).
func RequireStaff(roles ...string) *hook.Handler[*core.RequestEvent] {
	return staff.Require(roles...)
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
