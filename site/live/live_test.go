package live

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// build makes a build folder holding the given files and returns its public
// folder.
func build(t *testing.T, d Dir, files map[string]string) string {
	t.Helper()
	_, p, err := d.NewBuild(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	pub := filepath.Join(p, "public")
	for name, body := range files {
		f := filepath.Join(pub, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return pub
}

func get(t *testing.T, h http.Handler, method, url string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, url, nil))
	return rec
}

// Before any build is live every page of the site answers 503 with a
// plain Vietnamese page that reloads itself without a script, and asks to
// come back (Retry-After).
func TestServeBeforeAnyBuild(t *testing.T) {
	d := Dir{Root: t.TempDir()}
	for _, path := range []string{"/", "/tin-tuc/mot-bai/", "/css/main.css"} {
		rec := get(t, d.Handler(), "GET", path)
		body := rec.Body.String()
		if rec.Code != 503 || !strings.Contains(body, "Trang web đang được dựng") || !strings.Contains(body, `http-equiv="refresh"`) ||
			strings.Contains(body, "<script") {
			t.Fatalf("%s: got %d %q", path, rec.Code, body)
		}
		if rec.Header().Get("Retry-After") == "" || rec.Header().Get("Cache-Control") != "no-store" {
			t.Fatalf("%s: headers %v", path, rec.Header())
		}
	}
}

func TestServeAndSwap(t *testing.T) {
	d := Dir{Root: t.TempDir()}
	one := build(t, d, map[string]string{
		"index.html":           "trang chủ 1",
		"404.html":             "không tìm thấy",
		"tin-tuc/a/index.html": "bài a",
		"css/main.0123456789abcdef0123456789abcdef.css": "body{}",
	})
	if err := d.Swap(one); err != nil {
		t.Fatal(err)
	}
	h := d.Handler()
	cases := []struct {
		method, url string
		code        int
		body        string
		location    string
	}{
		{"GET", "/", 200, "trang chủ 1", ""},
		{"GET", "/tin-tuc/a/", 200, "bài a", ""},
		{"HEAD", "/tin-tuc/a/", 200, "", ""},
		{"GET", "/tin-tuc/a", 301, "", "/tin-tuc/a/"},
		{"GET", "/tin-tuc/a?nguon=qr", 301, "", "/tin-tuc/a/?nguon=qr"},
		{"GET", "/tin-tuc/b/", 404, "không tìm thấy", ""},
		{"GET", "/tin-tuc/../../../etc/passwd", 301, "", "/etc/passwd"},
		{"GET", "/%2e%2e/%2e%2e/etc/passwd", 301, "", "/etc/passwd"},
		{"GET", "/etc/passwd", 404, "không tìm thấy", ""},
		{"GET", "/a%00b", 404, "không tìm thấy", ""},
		// Paths from the request are written escaped: a browser would read
		// "/\\evil.example/" or "/\t/evil.example/" as "//evil.example/".
		{"GET", "/.%2F%5Cevil.example/", 301, "", "/%5Cevil.example/"},
		{"GET", "/./%09/evil.example/?a=1", 301, "", "/%09/evil.example/?a=1"},
		{"GET", "/tin-tuc/../%E2%80%AEx", 301, "", "/%E2%80%AEx"},
		{"POST", "/", 405, "", ""},
	}
	for _, c := range cases {
		rec := get(t, h, c.method, c.url)
		if rec.Code != c.code || !strings.Contains(rec.Body.String(), c.body) || rec.Header().Get("Location") != c.location {
			t.Errorf("%s %s = %d %q (Location %q), want %d %q %q", c.method, c.url, rec.Code, rec.Body.String(), rec.Header().Get("Location"), c.code, c.body, c.location)
		}
	}
	if cc := get(t, h, "GET", "/css/main.0123456789abcdef0123456789abcdef.css").Header().Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("fingerprinted asset Cache-Control = %q", cc)
	}
	if cc := get(t, h, "GET", "/").Header().Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("page Cache-Control = %q", cc)
	}
	for _, path := range []string{"/", "/khong-co/"} {
		hd := get(t, h, "GET", path).Header()
		csp := hd.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "script-src 'self' 'unsafe-inline'") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s CSP = %q", path, csp)
		}
		if hd.Get("X-Content-Type-Options") != "nosniff" || hd.Get("Referrer-Policy") == "" {
			t.Errorf("%s headers = %v", path, hd)
		}
	}

	two := build(t, d, map[string]string{"index.html": "trang chủ 2", "404.html": "không tìm thấy 2"})
	if err := d.Swap(two); err != nil {
		t.Fatal(err)
	}
	if rec := get(t, h, "GET", "/"); rec.Body.String() != "trang chủ 2" {
		t.Fatalf("after swap: %q", rec.Body.String())
	}
	if rec := get(t, h, "GET", "/tin-tuc/a/"); rec.Code != 404 {
		t.Fatalf("a page gone from the new build still answers %d", rec.Code)
	}
}

func TestPruneKeepsLiveAndNewest(t *testing.T) {
	d := Dir{Root: t.TempDir()}
	var pubs []string
	for i := 0; i < 5; i++ {
		pubs = append(pubs, build(t, d, map[string]string{"index.html": "x"}))
	}
	// The third is live; the fourth and fifth failed after it.
	if err := d.Swap(pubs[2]); err != nil {
		t.Fatal(err)
	}
	busy := filepath.Base(filepath.Dir(pubs[4]))
	if err := d.Prune(2, busy); err != nil {
		t.Fatal(err)
	}
	exists := func(p string) bool { _, err := os.Stat(p); return err == nil }
	want := []bool{false, false, true, true, true} // live, one kept, busy
	// pubs[3] is the newest non-live non-busy build: the one kept.
	for i, p := range pubs {
		if exists(p) != want[i] {
			t.Errorf("build %d exists=%v, want %v", i, exists(p), want[i])
		}
	}
	if rec := get(t, d.Handler(), "GET", "/"); rec.Code != 200 {
		t.Fatalf("live site gone after prune: %d", rec.Code)
	}
	// Pruned builds wait in the trash until it is emptied.
	if trash, _ := os.ReadDir(d.trashPath()); len(trash) != 2 {
		t.Errorf("%d builds in the trash, want 2", len(trash))
	}
	if err := d.EmptyTrash(); err != nil {
		t.Fatal(err)
	}
	if trash, _ := os.ReadDir(d.trashPath()); len(trash) != 0 {
		t.Errorf("%d builds left in the trash after emptying", len(trash))
	}
}

func TestServeGzip(t *testing.T) {
	d := Dir{Root: t.TempDir()}
	page := strings.Repeat("<p>Đại Sơn</p>", 200)
	pub := build(t, d, map[string]string{"index.html": page, "404.html": "x", "index.html.gz": "GZIPPED"})
	if err := d.Swap(pub); err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Accept-Encoding", "gzip, deflate, br")
	rec := httptest.NewRecorder()
	d.Handler().ServeHTTP(rec, req)
	if rec.Header().Get("Content-Encoding") != "gzip" || rec.Body.String() != "GZIPPED" || rec.Header().Get("Content-Length") != "7" || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("gzip: %v %q", rec.Header(), rec.Body.String())
	}
	if rec := get(t, d.Handler(), "GET", "/"); rec.Header().Get("Content-Encoding") != "" || rec.Body.String() != page {
		t.Fatal("gzip sent to a client that did not ask for it")
	}
}

// TestServeFromMemoryAndDisk: the same handler answers small files from
// memory and large ones from disk alike, with conditional requests and
// ranges, and a 404 from memory after the first.
func TestServeFromMemoryAndDisk(t *testing.T) {
	d := Dir{Root: t.TempDir()}
	large := strings.Repeat("Cải cách hành chính. ", maxCachedFile/10)
	pub := build(t, d, map[string]string{"index.html": "trang chủ", "lon.txt": large, "404.html": "không có"})
	if err := d.Swap(pub); err != nil {
		t.Fatal(err)
	}
	h := d.Handler()
	for i := 0; i < 2; i++ { // the first read fills the cache, the second uses it
		for _, c := range []struct{ url, body string }{{"/", "trang chủ"}, {"/lon.txt", large}} {
			rec := get(t, h, "GET", c.url)
			if rec.Code != 200 || rec.Body.String() != c.body {
				t.Fatalf("round %d %s: %d, %d bytes", i, c.url, rec.Code, rec.Body.Len())
			}
			if got, want := rec.Header().Get("Content-Length"), strconv.Itoa(len(c.body)); got != want || rec.Header().Get("Last-Modified") == "" {
				t.Errorf("round %d %s: Content-Length %q (want %s), Last-Modified %q", i, c.url, got, want, rec.Header().Get("Last-Modified"))
			}
			if head := get(t, h, "HEAD", c.url); head.Code != 200 || head.Body.Len() != 0 || head.Header().Get("Content-Length") != strconv.Itoa(len(c.body)) {
				t.Errorf("round %d HEAD %s: %d, %d bytes, Content-Length %q", i, c.url, head.Code, head.Body.Len(), head.Header().Get("Content-Length"))
			}
			req := httptest.NewRequest("GET", c.url, nil)
			req.Header.Set("If-Modified-Since", rec.Header().Get("Last-Modified"))
			cond := httptest.NewRecorder()
			h.ServeHTTP(cond, req)
			if cond.Code != http.StatusNotModified {
				t.Errorf("round %d %s: If-Modified-Since answered %d", i, c.url, cond.Code)
			}
			req = httptest.NewRequest("GET", c.url, nil)
			req.Header.Set("Range", "bytes=0-4")
			part := httptest.NewRecorder()
			h.ServeHTTP(part, req)
			if part.Code != http.StatusPartialContent || part.Body.String() != c.body[:5] {
				t.Errorf("round %d %s: range answered %d %q", i, c.url, part.Code, part.Body.String())
			}
		}
		if rec := get(t, h, "GET", "/khong-co/"); rec.Code != 404 || rec.Body.String() != "không có" || rec.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("round %d: 404 answered %d %q", i, rec.Code, rec.Body.String())
		}
		if rec := get(t, h, "HEAD", "/khong-co/"); rec.Code != 404 || rec.Body.Len() != 0 {
			t.Errorf("round %d: HEAD of a missing page answered %d with %d bytes", i, rec.Code, rec.Body.Len())
		}
	}
	c := h.(*server).cache
	if c.files["/"] == nil || c.files["/lon.txt"] != nil || c.files[notFoundKey] == nil {
		t.Errorf("cache holds %v", c.files)
	}
}

// TestOverlay: pages rendered ahead of a build are served in place of the
// live build's, the rest of the site as it was, until cleared.
func TestOverlay(t *testing.T) {
	d := Dir{Root: t.TempDir()}
	pub := build(t, d, map[string]string{"index.html": "trang chủ", "tin-tuc/a/index.html": "bài A cũ", "404.html": "không có"})
	if err := d.Swap(pub); err != nil {
		t.Fatal(err)
	}
	h := d.Handler()
	if rec := get(t, h, "GET", "/tin-tuc/a/"); rec.Body.String() != "bài A cũ" {
		t.Fatalf("before the overlay: %q", rec.Body.String())
	}
	ov, err := d.NewOverlay(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"tin-tuc/a/index.html": "bài A mới", "tin-tuc/b/index.html": "bài B"} {
		f := filepath.Join(ov, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.SwapOverlay(ov); err != nil {
		t.Fatal(err)
	}
	for url, want := range map[string]string{"/tin-tuc/a/": "bài A mới", "/tin-tuc/b/": "bài B", "/": "trang chủ", "/tin-tuc/": "không có"} {
		if rec := get(t, h, "GET", url); rec.Body.String() != want {
			t.Errorf("with the overlay, %s: %d %q, want %q", url, rec.Code, rec.Body.String(), want)
		}
	}
	if rec := get(t, h, "GET", "/tin-tuc/b"); rec.Code != http.StatusMovedPermanently {
		t.Errorf("/tin-tuc/b without slash: %d, want a redirect", rec.Code)
	}

	next := build(t, d, map[string]string{"index.html": "trang chủ", "tin-tuc/a/index.html": "bài A mới", "tin-tuc/b/index.html": "bài B (bản dựng)", "404.html": "không có"})
	if err := d.Swap(next); err != nil {
		t.Fatal(err)
	}
	if rec := get(t, h, "GET", "/tin-tuc/b/"); rec.Body.String() != "bài B" {
		t.Errorf("after the swap, before the overlay is cleared, /tin-tuc/b/: %q", rec.Body.String())
	}
	if err := d.ClearOverlay(); err != nil {
		t.Fatal(err)
	}
	if rec := get(t, h, "GET", "/tin-tuc/b/"); rec.Body.String() != "bài B (bản dựng)" {
		t.Errorf("after clearing the overlay, /tin-tuc/b/: %q", rec.Body.String())
	}
	if cur, _ := d.CurrentOverlay(); cur != "" {
		t.Errorf("overlay still set after clearing: %s", cur)
	}
	if left, _ := os.ReadDir(d.overlaysPath()); len(left) != 0 {
		t.Errorf("%d overlays left outside the trash", len(left))
	}
}
