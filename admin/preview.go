package admin

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/markdown"
	"github.com/daison/portal/internal/quota"
)

// Limits of the Markdown preview (POST /api/portal/markdown): each staff
// account may ask for previewsPerMinute previews in any minute (the back
// office asks 0.6 s after typing stops), and the portal renders at most
// previewsAtOnce at a time; others wait up to previewWait.
const (
	previewsPerMinute = 30
	previewsAtOnce    = 2
	previewWait       = 2 * time.Second
	// maxPreviewBody bounds the request: 100,000 characters, each up to
	// 4 bytes, or 6 as a JSON \u escape.
	maxPreviewBody = 1 << 20
)

// previewGate keeps the limits of the preview for one app.
type previewGate struct {
	perMinute *quota.Window // by account
	wait      time.Duration
	slots     chan struct{}
}

func newPreviewGate() *previewGate {
	return &previewGate{
		perMinute: quota.NewWindow(previewsPerMinute, time.Minute),
		wait:      previewWait,
		slots:     make(chan struct{}, previewsAtOnce),
	}
}

// serve answers POST /api/portal/markdown within the limits: 429 past an
// account's previews of the minute, 503 when the portal is busy rendering
// others for longer than g.wait.
func (g *previewGate) serve(e *core.RequestEvent) error {
	account := e.Auth.Collection().Id + "/" + e.Auth.Id
	if ok, after := g.perMinute.Allow(account); !ok {
		secs := int(math.Ceil(after.Seconds()))
		e.Response.Header().Set("Retry-After", strconv.Itoa(secs))
		return e.TooManyRequestsError(fmt.Sprintf(
			"Bạn đã xem trước %d lần trong một phút, nhiều hơn mức cho phép. Hãy đợi %d giây rồi gõ tiếp để xem lại; nội dung đang soạn không bị mất.",
			previewsPerMinute, secs), nil)
	}
	timer := time.NewTimer(g.wait)
	defer timer.Stop()
	select {
	case g.slots <- struct{}{}:
		defer func() { <-g.slots }()
	case <-timer.C:
		e.Response.Header().Set("Retry-After", "2")
		return e.Error(http.StatusServiceUnavailable, "Máy chủ đang bận xem trước nội dung của người khác. Hãy thử lại sau vài giây.", nil)
	case <-e.Request.Context().Done():
		return fmt.Errorf("markdown preview: %w", e.Request.Context().Err())
	}
	return markdownPreview(e)
}

// markdownPreview answers POST /api/portal/markdown {"markdown": "…"} with
// {"html": "…", "problems": […]}: the text rendered as the site will render
// it, and what would stop it from being saved. A text over the limits of
// what the portal parses (markdown.OverLimit) is not rendered: its html is
// empty and the problem says why.
func markdownPreview(e *core.RequestEvent) error {
	var in struct {
		Markdown string `json:"markdown"`
	}
	if err := e.BindBody(&in); err != nil {
		return e.BadRequestError("Không đọc được nội dung gửi lên.", err)
	}
	if p := markdown.OverLimit(in.Markdown); p != "" {
		problems := []string{string(p)}
		if markdown.HasShortcode(in.Markdown) {
			problems = append(problems, string(markdown.ProblemShortcode))
		}
		return e.JSON(http.StatusOK, map[string]any{"html": "", "problems": problems})
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
