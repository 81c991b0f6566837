package admin_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/daison/portal/admin"
	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
)

// TestHostile18FormsFromOtherSites: a citizen form posted by a page of
// another web site is refused with a Vietnamese reason and nothing is
// stored; the portal's own pages, the public site's host and clients that
// send no Origin still post.
func TestHostile18FormsFromOtherSites(t *testing.T) {
	t.Parallel()
	app := admintest.NewAppWith(t, admin.Options{SiteURL: func() string { return "https://caicach.daison.gov.vn/" }})
	h := admintest.Handler(t, app)

	cases := []struct {
		name, path, origin string
		want               int
	}{
		{"form, no Origin", "/gop-y/gui", "", http.StatusSeeOther},
		{"form, same host", "/gop-y/gui", "http://example.com", http.StatusSeeOther},
		{"form, public site", "/gop-y/gui", "https://caicach.daison.gov.vn", http.StatusSeeOther},
		{"form, other site", "/gop-y/gui", "https://evil.example", http.StatusForbidden},
		{"form, null origin", "/gop-y/gui", "null", http.StatusForbidden},
		{"form, look-alike host", "/gop-y/gui", "https://caicach.daison.gov.vn.evil.example", http.StatusForbidden},
		{"json, other site", "/api/portal/feedback", "https://evil.example", http.StatusForbidden},
		{"json, public site", "/api/portal/feedback", "https://caicach.daison.gov.vn", http.StatusCreated},
	}
	for i, c := range cases {
		msg := "Góp ý số " + string(rune('A'+i)) + ": đề nghị thêm ghế chờ ở quầy một cửa."
		var req *http.Request
		if strings.HasPrefix(c.path, "/api/") {
			req = httptest.NewRequest(http.MethodPost, c.path, strings.NewReader(`{"kind":"gop-y","message":"`+msg+`"}`))
			req.Header.Set("Content-Type", "application/json")
		} else {
			form := url.Values{"kind": {"gop-y"}, "message": {msg}}
			req = httptest.NewRequest(http.MethodPost, c.path, strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		req.RemoteAddr = "198.51.100." + string(rune('1'+i)) + ":1234"
		if c.origin != "" {
			req.Header.Set("Origin", c.origin)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != c.want {
			t.Errorf("%s: status %d, want %d: %s", c.name, rec.Code, c.want, rec.Body.String())
			continue
		}
		found, err := app.FindFirstRecordByData(schema.Feedback, "message", msg)
		if c.want == http.StatusForbidden {
			if err == nil && found != nil {
				t.Errorf("%s: a refused post was stored", c.name)
			}
			if !strings.Contains(rec.Body.String(), "chỉ gửi được từ trang của xã") {
				t.Errorf("%s: no Vietnamese reason: %s", c.name, rec.Body.String())
			}
		} else if err != nil {
			t.Errorf("%s: accepted post not stored: %v", c.name, err)
		}
	}
}
