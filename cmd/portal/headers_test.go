package main

import (
	"bytes"
	"crypto/tls"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/filesystem"
	"github.com/pocketbase/pocketbase/ui"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/admin/backoffice"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/site/live"
)

// headerWorld is a portal with the back office, the dashboard and a live
// site beside the API, as "portal serve" has them.
func headerWorld(t *testing.T) (*tests.TestApp, http.Handler) {
	t.Helper()
	app := admintest.NewApp(t, nil)
	backoffice.Register(app)

	dir := live.Dir{Root: t.TempDir()}
	_, build, err := dir.NewBuild(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(build, "public")
	if err := os.MkdirAll(public, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(public, "index.html"), []byte("<!doctype html><title>Đại Sơn</title>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := dir.Swap(public); err != nil {
		t.Fatal(err)
	}
	site := dir.Handler()
	app.OnServe().BindFunc(func(e *core.ServeEvent) error {
		// PocketBase's dashboard, as apis.Serve binds it (its own CSP is
		// added there; here the route has none).
		e.Router.GET("/_/{path...}", apis.Static(ui.DistDirFS, false))
		e.Router.GET("/{path...}", func(re *core.RequestEvent) error {
			site.ServeHTTP(re.Response, re.Request)
			return nil
		})
		return e.Next()
	})
	return app, admintest.Handler(t, app)
}

// TestHostile15Headers: every part of the portal carries the same referrer
// and frame rules; the API's answers are never stored by a cache (public
// files aside); HSTS is sent only over HTTPS, as TLS here or as a trusted
// proxy says.
func TestHostile15Headers(t *testing.T) {
	t.Parallel()
	app, h := headerWorld(t)
	reviewer := admintest.StaffToken(t, app, "reviewer", "")
	honoree := admintest.Create(t, app, schema.Honorees, map[string]any{"name": "Nguyễn Thị Hà", "kind": "ca-nhan", "status": "published",
		"publishAt": admintest.Date(time.Now().Add(-time.Hour))})
	admintest.Create(t, app, schema.Awards, map[string]any{"honoree": honoree.Id, "form": "giay-khen", "kind": "dot-xuat", "year": 2026,
		"achievement": "Trả kết quả đúng hạn", "decisionNo": "12/QĐ-UBND", "status": "draft"})
	cover, err := filesystem.NewFileFromBytes(pngBytes(t), "anh.png")
	if err != nil {
		t.Fatal(err)
	}
	article := admintest.Create(t, app, schema.Articles, map[string]any{"title": "Tin có ảnh", "category": "thong-bao", "status": "published",
		"publishAt": admintest.Date(time.Now().Add(-time.Hour)), "cover": cover})
	coverURL := "/api/files/" + article.Collection().Id + "/" + article.Id + "/" + article.GetString("cover")

	const absent = "\x00absent"
	common := map[string]string{
		"Referrer-Policy":           "same-origin",
		"X-Content-Type-Options":    "nosniff",
		"X-Frame-Options":           "DENY",
		"Strict-Transport-Security": absent,
	}
	for _, c := range []struct {
		name, method, path, token string
		want                      map[string]string // header: value, "~part" for a part, or absent
		csp                       []string          // parts every answer's CSP must hold
		noCSP                     []string          // parts it must not
	}{
		{"public API read", "GET", "/api/collections/articles/records", "", map[string]string{"Cache-Control": "no-store"}, []string{"default-src 'none'", "frame-ancestors 'none'"}, nil},
		{"citizens' feedback", "GET", "/api/collections/feedback/records", reviewer, map[string]string{"Cache-Control": "no-store"}, []string{"frame-ancestors 'none'"}, nil},
		{"staff accounts", "GET", "/api/collections/staff/records", reviewer, map[string]string{"Cache-Control": "no-store"}, []string{"frame-ancestors 'none'"}, nil},
		{"nominations", "GET", "/api/collections/nominations/records", reviewer, map[string]string{"Cache-Control": "no-store"}, []string{"frame-ancestors 'none'"}, nil},
		{"audit log", "GET", "/api/collections/auditLog/records", reviewer, map[string]string{"Cache-Control": "no-store"}, []string{"frame-ancestors 'none'"}, nil},
		{"history", "GET", "/api/collections/revisions/records", reviewer, map[string]string{"Cache-Control": "no-store"}, []string{"frame-ancestors 'none'"}, nil},
		{"export", "GET", "/api/portal/exports/feedback", reviewer, map[string]string{"Cache-Control": "no-store"}, []string{"frame-ancestors 'none'"}, nil},
		{"sign-in answer", "POST", "/api/collections/staff/auth-with-password", "", map[string]string{"Cache-Control": "no-store"}, []string{"frame-ancestors 'none'"}, nil},
		{"API error", "GET", "/api/khong-co", "", map[string]string{"Cache-Control": "no-store"}, []string{"frame-ancestors 'none'"}, nil},
		{"public file", "GET", coverURL, "", map[string]string{"Cache-Control": "~max-age="}, []string{"frame-ancestors 'none'"}, nil},
		{"file with a token", "GET", coverURL + "?token=x", "", map[string]string{"Cache-Control": "no-store"}, []string{"frame-ancestors 'none'"}, nil},
		{"printable decision, framed by the back office", "GET", "/api/portal/decisions/print?no=12%2FQĐ-UBND", reviewer,
			map[string]string{"Cache-Control": "no-store", "X-Frame-Options": "SAMEORIGIN"}, []string{"frame-ancestors 'self'"}, nil},
		{"back office", "GET", "/quan-tri/", "", nil, []string{"script-src 'self'", "frame-ancestors 'none'"}, nil},
		{"dashboard", "GET", "/_/", "", nil, []string{"frame-ancestors 'none'"}, []string{"default-src 'none'", "script-src 'none'"}},
		{"site", "GET", "/", "", nil, []string{"script-src 'self'", "frame-ancestors 'none'"}, nil},
		{"citizen's receipt", "GET", "/gop-y/da-nhan/?ma=GY-ABC123", "", map[string]string{"Cache-Control": "no-store"}, []string{"frame-ancestors 'none'"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := send(h, c.method, c.path, c.token, nil)
			if res.Code >= 500 {
				t.Fatalf("%s %s: %d %s", c.method, c.path, res.Code, res.Body.String())
			}
			want := map[string]string{}
			for k, v := range common {
				want[k] = v
			}
			for k, v := range c.want {
				want[k] = v
			}
			for k, v := range want {
				got, has := res.Header()[k]
				switch {
				case v == absent:
					if has {
						t.Errorf("%s: %s: %q, want none", c.path, k, got)
					}
				case strings.HasPrefix(v, "~"):
					if !strings.Contains(res.Header().Get(k), v[1:]) {
						t.Errorf("%s: %s: %q, want it to hold %q", c.path, k, res.Header().Get(k), v[1:])
					}
				default:
					if len(got) != 1 || got[0] != v {
						t.Errorf("%s: %s: %q, want %q", c.path, k, got, v)
					}
				}
			}
			csp := strings.Join(res.Header().Values("Content-Security-Policy"), " | ")
			for _, part := range c.csp {
				if !strings.Contains(csp, part) {
					t.Errorf("%s: CSP %q lacks %q", c.path, csp, part)
				}
			}
			for _, part := range c.noCSP {
				if strings.Contains(csp, part) {
					t.Errorf("%s: CSP %q has %q", c.path, csp, part)
				}
			}
		})
	}

	// HSTS only over HTTPS.
	hsts := func(url string, header http.Header) string {
		return send(h, "GET", url, "", header).Header().Get("Strict-Transport-Security")
	}
	if got := hsts("https://caicach.daison.test/", nil); got != "max-age=31536000" {
		t.Errorf("over TLS: HSTS %q", got)
	}
	if got := hsts("https://caicach.daison.test/api/health", nil); got != "max-age=31536000" {
		t.Errorf("API over TLS: HSTS %q", got)
	}
	forwarded := http.Header{"X-Forwarded-Proto": {"https"}}
	if got := hsts("/", forwarded); got != "" {
		t.Errorf("X-Forwarded-Proto believed without a trusted proxy: HSTS %q", got)
	}
	s := app.Settings()
	s.TrustedProxy.Headers = []string{"X-Forwarded-For"}
	if err := app.Save(s); err != nil {
		t.Fatal(err)
	}
	if got := hsts("/quan-tri/", forwarded); got != "max-age=31536000" {
		t.Errorf("behind a trusted proxy over HTTPS: HSTS %q", got)
	}
	if got := hsts("/quan-tri/", http.Header{"X-Forwarded-Proto": {"http"}}); got != "" {
		t.Errorf("behind a trusted proxy over HTTP: HSTS %q", got)
	}
}

// send makes one request to h and records the answer.
func send(h http.Handler, method, url, token string, header http.Header) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, url, nil)
	if method == http.MethodPost {
		req = httptest.NewRequest(method, url, strings.NewReader(`{"identity":"x@daison.test","password":"sai-mat-khau-1"}`))
		req.Header.Set("Content-Type", "application/json")
	}
	if req.URL.Scheme == "https" && req.TLS == nil {
		req.TLS = &tls.ConnectionState{}
	}
	for k, v := range header {
		req.Header[k] = v
	}
	if token != "" {
		req.Header.Set("Authorization", token)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// pngBytes is a small real picture.
func pngBytes(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 320, 200))
	for y := 0; y < 200; y++ {
		for x := 0; x < 320; x++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 90, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
