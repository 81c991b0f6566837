package live

import (
	"errors"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// Handler serves the live build: "/a/b/" as a/b/index.html, "/a/b" (a
// folder) redirected to "/a/b/", what does not exist as 404.html with status
// 404, and before any build has gone live a short Vietnamese notice with
// status 503. The live link is followed on every request, so a swap takes
// effect at once.
func (d Dir) Handler() http.Handler {
	return http.HandlerFunc(d.serve)
}

// SiteCSP is the public site's Content-Security-Policy: its own scripts and
// styles only (nothing inline: the theme needs none), images of its own or
// data: URIs, no plugins, no framing.
const SiteCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'"

// SecurityHeaders sets the headers every page of the public site carries.
func SecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", SiteCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
}

// fingerprinted matches asset names carrying a content hash
// (main.<64 hex>.css, as Hugo's fingerprint writes them): they never change
// and may be cached for a year.
var fingerprinted = regexp.MustCompile(`\.[0-9a-f]{32,}\.[a-z0-9]+$`)

func (d Dir) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "Phương thức không được hỗ trợ.", http.StatusMethodNotAllowed)
		return
	}
	SecurityHeaders(w.Header())

	upath := r.URL.Path
	if !strings.HasPrefix(upath, "/") {
		upath = "/" + upath
	}
	if strings.ContainsRune(upath, 0) {
		d.notFound(w, r)
		return
	}
	clean := path.Clean(upath)
	if clean != "/" && strings.HasSuffix(upath, "/") {
		clean += "/"
	}
	if clean != upath {
		// "/tin-tuc/../ke-hoach" and "//x" are sent to their one true name.
		http.Redirect(w, r, clean, http.StatusMovedPermanently)
		return
	}

	root := d.LivePath()
	name := filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(clean, "/")))
	fi, err := os.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist) && clean == "/":
		d.notBuilt(w)
		return
	case err != nil:
		d.notFound(w, r)
		return
	case fi.IsDir():
		if !strings.HasSuffix(clean, "/") {
			target := clean + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		name = filepath.Join(name, "index.html")
	}
	d.serveFile(w, r, name, http.StatusOK)
}

func (d Dir) serveFile(w http.ResponseWriter, r *http.Request, name string, status int) {
	f, err := os.Open(name)
	if err != nil {
		if status == http.StatusOK {
			d.notFound(w, r)
			return
		}
		http.Error(w, "Không tìm thấy trang.", http.StatusNotFound)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.IsDir() {
		d.notFound(w, r)
		return
	}
	h := w.Header()
	ctype := mime.TypeByExtension(filepath.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h.Set("Content-Type", ctype)
	switch {
	case fingerprinted.MatchString(name):
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	case strings.HasPrefix(ctype, "text/html"), strings.Contains(ctype, "xml"), strings.Contains(ctype, "json"):
		// Pages change when staff publish: browsers ask again each time
		// (cheaply, with If-Modified-Since).
		h.Set("Cache-Control", "no-cache")
	default:
		h.Set("Cache-Control", "public, max-age=86400")
	}
	if status != http.StatusOK {
		h.Set("Cache-Control", "no-store")
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			_, _ = f.WriteTo(w)
		}
		return
	}
	// The build wrote a gzipped copy of text files (site/precompress.go).
	if textTypes(ctype) {
		h.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			if gz, err := os.Open(name + ".gz"); err == nil {
				defer gz.Close()
				if gzi, err := gz.Stat(); err == nil {
					h.Set("Content-Encoding", "gzip")
					http.ServeContent(w, r, "", gzi.ModTime(), gz)
					return
				}
			}
		}
	}
	http.ServeContent(w, r, "", fi.ModTime(), f)
}

func textTypes(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "json") ||
		strings.Contains(ctype, "xml") || strings.Contains(ctype, "javascript") || strings.Contains(ctype, "svg")
}

// acceptsGzip reads Accept-Encoding as browsers send it ("gzip, deflate,
// br"); "gzip;q=0" refuses it.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(enc), "gzip") {
			return strings.ReplaceAll(params, " ", "") != "q=0"
		}
	}
	return false
}

func (d Dir) notFound(w http.ResponseWriter, r *http.Request) {
	d.serveFile(w, r, filepath.Join(d.LivePath(), "404.html"), http.StatusNotFound)
}

func (d Dir) notBuilt(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Retry-After", "10")
	w.WriteHeader(http.StatusServiceUnavailable)
	_, _ = w.Write([]byte(`<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Trang đang được tạo</title><h1>Trang web đang được tạo</h1><p>Vui lòng quay lại sau ít phút.</p></html>`))
}
