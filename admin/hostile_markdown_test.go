package admin_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/daison/portal/internal/markdown"
)

// TestHostileMarkdownThroughTheAPI: an article whose body links to another
// host in disguise ("/\evil.example", "/%5Cevil.example"), or whose table
// of 2.8 KB would render to 770 KB of HTML, is refused beside the body
// with the Vietnamese reason, and nothing is stored.
func TestHostileMarkdownThroughTheAPI(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for name, c := range map[string]struct {
		body string
		want markdown.Problem
	}{
		"backslash":   {`Xem [kế hoạch](/\evil.example/ke-hoach/).`, markdown.ProblemOtherHost},
		"escaped":     {`Xem [kế hoạch](/%5Cevil.example/).`, markdown.ProblemOtherHost},
		"two slashes": {`Xem [kế hoạch](//evil.example/).`, markdown.ProblemOtherHost},
		"table":       {strings.Repeat("|a", 500) + "\n" + strings.Repeat("|:-", 500) + "\n" + strings.Repeat("|\n", 150), markdown.ProblemLongOutput},
	} {
		fields := map[string]string{"title": "Bài " + name, "category": "thong-bao", "status": "draft", "body": c.body}
		code, body := upload(w.H, http.MethodPost, "/api/collections/articles/records", w.Tokens[editor], fields)
		if msg := fieldMessage(t, name, code, body, "body"); !strings.Contains(msg, string(c.want)) {
			t.Errorf("%s: message %q", name, msg)
		}
	}
	if n, _ := w.App.CountRecords("articles"); n != 0 {
		t.Errorf("%d articles stored", n)
	}
}
