package admin_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
)

// TestHostile10PreviewRateLimit: a staff account gets 30 Markdown previews
// a minute; the 31st is a 429 saying why in Vietnamese, and another
// account is not held back by it.
// The Markdown preview renders for staff, without raw HTML and saying so,
// and answers no one else.
func TestMarkdownPreview(t *testing.T) {
	app := admintest.NewApp(t, nil)
	h := admintest.Handler(t, app)
	editor := admintest.StaffToken(t, app, "editor", "")
	code, got := admintest.Do(h, http.MethodPost, "/api/portal/markdown", editor, `{"markdown":"**Đậm** <script>x()</script>"}`)
	if code != 200 || !strings.Contains(got, `<strong>Đậm</strong>`) || !strings.Contains(got, "mã HTML") || strings.Contains(got, "<script>") {
		t.Fatalf("markdown preview: %d %s", code, got)
	}
	if code, _ := admintest.Do(h, http.MethodPost, "/api/portal/markdown", "", `{"markdown":"x"}`); code != 401 {
		t.Errorf("anonymous markdown preview: %d", code)
	}
}

func TestHostile10PreviewRateLimit(t *testing.T) {
	t.Parallel()
	app := admintest.NewApp(t, nil)
	h := admintest.Handler(t, app)
	editor := admintest.StaffToken(t, app, "editor", "")
	reviewer := admintest.StaffToken(t, app, "reviewer", "")
	const body = `{"markdown":"Xã **Đại Sơn**"}`
	for i := 1; i <= 30; i++ {
		if code, got := admintest.Do(h, http.MethodPost, "/api/portal/markdown", editor, body); code != 200 || !strings.Contains(got, "<strong>Đại Sơn</strong>") {
			t.Fatalf("preview %d: %d %s", i, code, got)
		}
	}
	code, got := admintest.Do(h, http.MethodPost, "/api/portal/markdown", editor, body)
	if code != http.StatusTooManyRequests || !strings.Contains(got, "Bạn đã xem trước 30 lần trong một phút") {
		t.Fatalf("31st preview in a minute: %d %s", code, got)
	}
	if code, got := admintest.Do(h, http.MethodPost, "/api/portal/markdown", reviewer, body); code != 200 {
		t.Fatalf("another account's preview: %d %s", code, got)
	}
}

// TestHostile10PathologicalMarkdown: 99 KB of "[](" (5 s for goldmark to
// check before) is previewed without being rendered, with the reason, and
// an article holding it is not saved, so that it never reaches Hugo.
func TestHostile10PathologicalMarkdown(t *testing.T) {
	t.Parallel()
	app := admintest.NewApp(t, nil)
	h := admintest.Handler(t, app)
	editor := admintest.StaffToken(t, app, "editor", "")
	bad := strings.Repeat("[](", 33_000)
	const reason = "quá nhiều dấu ngoặc [ ] ( ) lồng nhau hoặc chưa đóng"

	in, _ := json.Marshal(map[string]string{"markdown": "Mở đầu\n\n" + bad})
	code, got := admintest.Do(h, http.MethodPost, "/api/portal/markdown", editor, string(in))
	var out struct {
		HTML     string   `json:"html"`
		Problems []string `json:"problems"`
	}
	if err := json.Unmarshal([]byte(got), &out); code != 200 || err != nil {
		t.Fatalf("preview: %d %s", code, got)
	}
	if out.HTML != "" || len(out.Problems) != 1 || !strings.Contains(out.Problems[0], "Đoạn văn bắt đầu ở dòng 3 có "+reason) {
		t.Fatalf("preview of %d bytes of [](: html %d bytes, problems %q", len(bad), len(out.HTML), out.Problems)
	}

	article, _ := json.Marshal(map[string]any{"title": "Tin thử", "category": "thong-bao", "status": "draft", "body": bad})
	code, got = admintest.Do(h, http.MethodPost, "/api/collections/"+schema.Articles+"/records", editor, string(article))
	if code != http.StatusBadRequest || !strings.Contains(got, reason) {
		t.Fatalf("saving an article of %d bytes of [](: %d %s", len(bad), code, got)
	}
	if n, _ := app.CountRecords(schema.Articles); n != 0 {
		t.Fatalf("%d articles saved", n)
	}
}
