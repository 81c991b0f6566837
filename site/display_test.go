package site

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestDisplayWithoutScript: the settings' form stores the choice in the
// cookie and goes back to the page it was sent from (on this site only);
// pages are then served with the choice on <html>, privately; other files,
// other browsers and unknown cookie values get the files as they are.
func TestDisplayWithoutScript(t *testing.T) {
	dir := t.TempDir()
	page := `<!doctype html><html lang=vi><head><title>Tin tức</title></head><body><p>Tin</p></body></html>`
	for name, body := range map[string]string{"tin-tuc/index.html": page, "css/main.css": "body{}", "index.html": page} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h := withDisplay(http.FileServer(http.Dir(dir)))
	get := func(path, cookie, referer string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodGet, "http://xa.example"+path, nil)
		r.Header.Set("Accept-Encoding", "gzip")
		if cookie != "" {
			r.AddCookie(&http.Cookie{Name: DisplayCookie, Value: cookie})
		}
		if referer != "" {
			r.Header.Set("Referer", referer)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}

	// Choosing.
	for _, c := range []struct {
		query, cookie, referer, back, stored string
	}{
		{"?co-chu=lon&tuong-phan=cao", "", "http://xa.example/tin-tuc/?trang=2", "/tin-tuc/?trang=2", "lon.cao"},
		{"?co-chu=rat-lon", "lon.cao", "http://xa.example/", "/", "rat-lon.cao"},
		{"?tuong-phan=thuong", "rat-lon.cao", "https://evil.example/tin-tuc/", "/", "rat-lon"},
		{"?co-chu=khong-co&tuong-phan=x", "cao", "", "/", "cao"},
		{"?co-chu=vua&tuong-phan=thuong", "lon.cao", "http://xa.example//evil.example/", "/", ""},
	} {
		w := get(DisplayPath+c.query, c.cookie, c.referer)
		if w.Code != http.StatusSeeOther || w.Header().Get("Location") != c.back {
			t.Errorf("%s from %q: %d to %q, want 303 to %q", c.query, c.referer, w.Code, w.Header().Get("Location"), c.back)
		}
		cookies := w.Result().Cookies()
		if len(cookies) != 1 || cookies[0].Name != DisplayCookie || cookies[0].Value != c.stored || cookies[0].Path != "/" ||
			(c.stored == "" && cookies[0].MaxAge >= 0) || (c.stored != "" && cookies[0].MaxAge < 30*24*3600) {
			t.Errorf("%s with %q: cookie %+v, want %q", c.query, c.cookie, cookies, c.stored)
		}
	}

	// Reading.
	w := get("/tin-tuc/", "rat-lon.cao", "")
	if body := w.Body.String(); !strings.Contains(body, `<html lang=vi class="co-chu-rat-lon tuong-phan-cao">`) || !strings.Contains(body, "<p>Tin</p>") {
		t.Errorf("the page with a stored choice:\n%s", body)
	}
	if w.Header().Get("Cache-Control") != "private, no-cache" || !strings.Contains(w.Header().Get("Vary"), "Cookie") ||
		w.Header().Get("Content-Encoding") != "" || w.Header().Get("Content-Length") != "" && w.Header().Get("Content-Length") != itoa(w.Body.Len()) {
		t.Errorf("headers of the page with a stored choice: %v", w.Header())
	}
	for _, c := range []struct{ path, cookie string }{
		{"/tin-tuc/", ""}, {"/tin-tuc/", "to-nhat"}, {"/tin-tuc/", `" onload="x`}, {"/css/main.css", "lon.cao"},
	} {
		w := get(c.path, c.cookie, "")
		if strings.Contains(w.Body.String(), "class=") || w.Header().Get("Cache-Control") == "private, no-cache" {
			t.Errorf("%s with cookie %q was changed:\n%s", c.path, c.cookie, w.Body.String())
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestWithClasses: the classes join an <html> tag as minified or written,
// with or without a class of its own; a document without one is unchanged.
func TestWithClasses(t *testing.T) {
	for in, want := range map[string]string{
		`<!doctype html><html lang=vi><head>`:                `<!doctype html><html lang=vi class="co-chu-lon"><head>`,
		`<!DOCTYPE html>` + "\n" + `<html lang="vi">` + "\n": `<!DOCTYPE html>` + "\n" + `<html lang="vi" class="co-chu-lon">` + "\n",
		`<html class="js" lang="vi">`:                        `<html class="co-chu-lon js" lang="vi">`,
		`<html class=js lang=vi>`:                            `<html class="co-chu-lon js" lang=vi>`,
		`<p>no html</p>`:                                     `<p>no html</p>`,
		`<html`:                                              `<html`,
	} {
		if got := string(withClasses([]byte(in), "co-chu-lon")); got != want {
			t.Errorf("withClasses(%q) = %q, want %q", in, got, want)
		}
	}
}
