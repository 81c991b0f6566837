package live

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// Handler serves the live build: "/a/b/" as a/b/index.html, "/a/b" (a
// folder) redirected to "/a/b/", what does not exist as 404.html with status
// 404, and before any build has gone live a short Vietnamese notice with
// status 503. The live link is read on every request, so a swap takes
// effect at once; each request is answered from the one build the link
// named when it arrived.
//
// Small files of the live build (pages, styles, scripts, their gzip copies)
// are kept in memory once read, until the live link moves to another
// build: a build's files never change after it has gone live.
func (d Dir) Handler() http.Handler {
	return &server{dir: d, cache: newFileCache(cacheBudget)}
}

// cacheBudget bounds the memory the handler keeps files in; files larger
// than maxCachedFile are always read from disk.
const (
	cacheBudget   = 64 << 20
	maxCachedFile = 512 << 10
)

// SiteCSP is the public site's Content-Security-Policy: its own scripts and
// styles only (nothing inline: the theme needs none), images of its own or
// data: URIs, no plugins, no framing.
const SiteCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'"

// securityHeaders are set on every answer of the public site (canonical
// keys, shared read-only values).
var securityHeaders = http.Header{
	"Content-Security-Policy":    {SiteCSP},
	"X-Content-Type-Options":     {"nosniff"},
	"Referrer-Policy":            {"same-origin"},
	"X-Frame-Options":            {"DENY"},
	"Permissions-Policy":         {"camera=(), microphone=(), geolocation=(), payment=()"},
	"Cross-Origin-Opener-Policy": {"same-origin"},
}

// SecurityHeaders sets the headers every page of the public site carries.
func SecurityHeaders(h http.Header) {
	for k, v := range securityHeaders {
		h[k] = v
	}
}

// fingerprinted matches asset names carrying a content hash
// (main.<64 hex>.css, as Hugo's fingerprint writes them): they never change
// and may be cached for a year.
var fingerprinted = regexp.MustCompile(`\.[0-9a-f]{32,}\.[a-z0-9]+$`)

// CacheControl is the Cache-Control of a file of the site named name with
// the type ctype: a year for fingerprinted assets, "no-cache" for pages
// and feeds, which change when staff publish (browsers ask again each
// time, cheaply, with If-Modified-Since), a day for the rest.
func CacheControl(name, ctype string) string {
	switch {
	case fingerprinted.MatchString(name):
		return "public, max-age=31536000, immutable"
	case IsPage(ctype):
		return "no-cache"
	default:
		return "public, max-age=86400"
	}
}

// IsPage reports whether a file of type ctype is a page or a feed (HTML,
// XML, JSON), whose content changes at the same address.
func IsPage(ctype string) bool {
	return strings.HasPrefix(ctype, "text/html") || strings.Contains(ctype, "xml") || strings.Contains(ctype, "json")
}

// server is the handler of one Dir with its memory cache.
type server struct {
	dir   Dir
	cache *fileCache
	cur   atomic.Pointer[liveRoot]
}

// liveRoot is the live link's target, and the overlay's, as last read.
type liveRoot struct {
	root, overlay string
	gen           uint64    // swaps made by this process when it was read
	at            time.Time // when it was read
}

// linkRecheck is how long the handler trusts the live link's target it
// read, if no swap was made by this process meanwhile: swaps by this
// process take effect at once, a link changed by hand within a second.
const linkRecheck = time.Second

// current returns the live build's folder, reading the link only after a
// swap or once a second: a readlink per request costs a tenth of the
// throughput.
func (s *server) current() (*liveRoot, error) {
	gen, now := swaps.Load(), time.Now()
	if c := s.cur.Load(); c != nil && c.gen == gen && now.Sub(c.at) < linkRecheck {
		return c, nil
	}
	root, err := s.dir.Current()
	if err != nil {
		return nil, err
	}
	overlay, err := s.dir.CurrentOverlay()
	if err != nil {
		return nil, err
	}
	c := &liveRoot{root: root, overlay: overlay, gen: gen, at: now}
	s.cur.Store(c)
	return c, nil
}

// key names the files served now in the memory cache: the live build and
// the overlay.
func (c *liveRoot) key() string { return c.root + "\x00" + c.overlay }

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
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
	cur, err := s.current()
	if err != nil || cur.root == "" {
		s.notBuilt(w)
		return
	}
	root, key := cur.root, cur.key()
	if f := s.cache.get(key, upath); f != nil {
		s.write(w, r, f)
		return
	}
	if strings.ContainsRune(upath, 0) {
		s.notFound(w, r, root, key)
		return
	}
	clean := path.Clean(upath)
	if clean != "/" && strings.HasSuffix(upath, "/") {
		clean += "/"
	}
	if clean != upath {
		// "/tin-tuc/../ke-hoach" and "//x" are sent to their one true name.
		redirect(w, r, clean)
		return
	}

	rel := filepath.FromSlash(strings.TrimPrefix(clean, "/"))
	if cur.overlay != "" {
		// A page rendered ahead of the next build: a file, or a folder's
		// index.html, in the overlay.
		name := filepath.Join(cur.overlay, rel)
		if fi, err := os.Stat(name); err == nil && fi.IsDir() {
			if !strings.HasSuffix(clean, "/") {
				if _, err := os.Stat(filepath.Join(name, "index.html")); err == nil {
					toFolder(w, r, clean)
					return
				}
			}
			name = filepath.Join(name, "index.html")
		}
		if f, err := s.load(key, upath, name, http.StatusOK); err == nil {
			s.write(w, r, f)
			return
		}
	}
	name := filepath.Join(root, rel)
	fi, err := os.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist) && clean == "/":
		s.notBuilt(w)
		return
	case err != nil:
		s.notFound(w, r, root, key)
		return
	case fi.IsDir():
		if !strings.HasSuffix(clean, "/") {
			toFolder(w, r, clean)
			return
		}
		name = filepath.Join(name, "index.html")
	}
	f, err := s.load(key, upath, name, http.StatusOK)
	if err != nil {
		s.notFound(w, r, root, key)
		return
	}
	s.write(w, r, f)
}

// toFolder redirects "/a/b" (a folder) to "/a/b/", keeping the query.
func toFolder(w http.ResponseWriter, r *http.Request, clean string) {
	redirect(w, r, clean+"/")
}

// redirect sends r on, for good, to p, a cleaned path of this site, with
// r's query. The path comes from the request, so it is written escaped:
// as it is, "/\evil.example/" (from "/.%2F%5Cevil.example/") or
// "/\t/evil.example/" are read by browsers, which take "\" for "/" and drop
// tabs and line breaks, as "//evil.example/": another site. Escaped, every
// character but letters, digits and "-._~!$&'()*+,;=:@/" is a %-sequence, so
// the Location is a path of this host, whatever the request held.
func redirect(w http.ResponseWriter, r *http.Request, p string) {
	target := (&url.URL{Path: p}).EscapedPath()
	if !strings.HasPrefix(target, "/") || strings.HasPrefix(target, "//") {
		target = "/" // path.Clean leaves neither; never trust it to
	}
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", target)
	w.WriteHeader(http.StatusMovedPermanently)
}

// file is one answer of the site: a file's headers and, when it is small,
// its content and that of its gzip copy.
type file struct {
	status       int
	ctype        string
	cacheControl string
	modTime      time.Time
	size         int64
	text         bool // served with Vary: Accept-Encoding
	path         string
	body         []byte // nil for a large file, read from path each time
	gz           []byte // the build's gzip copy, if any
	gzModTime    time.Time

	// Headers of a plain GET of a cached file, made once.
	lastModified, gzLastModified   []string
	contentLength, gzContentLength []string
}

// load reads name (the answer to upath with status) into a file, cached
// under key (the live build and overlay) when it is small.
func (s *server) load(key, upath, name string, status int) (*file, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fs.ErrNotExist
	}
	f := &file{status: status, path: name, modTime: fi.ModTime(), size: fi.Size()}
	f.ctype = mime.TypeByExtension(filepath.Ext(name))
	if f.ctype == "" {
		f.ctype = "application/octet-stream"
	}
	f.text = textTypes(f.ctype)
	f.cacheControl = "no-store"
	if status == http.StatusOK {
		f.cacheControl = CacheControl(name, f.ctype)
	}
	if f.size > maxCachedFile {
		return f, nil
	}
	if f.body, err = os.ReadFile(name); err != nil {
		return nil, err
	}
	f.size = int64(len(f.body))
	// The build wrote a gzipped copy of text files (site/precompress.go).
	if f.text && status == http.StatusOK {
		if gi, err := os.Stat(name + ".gz"); err == nil && gi.Size() <= maxCachedFile {
			if gz, err := os.ReadFile(name + ".gz"); err == nil {
				f.gz, f.gzModTime = gz, gi.ModTime()
			}
		}
	}
	f.lastModified = []string{f.modTime.UTC().Format(http.TimeFormat)}
	f.contentLength = []string{strconv.Itoa(len(f.body))}
	if f.gz != nil {
		f.gzLastModified = []string{f.gzModTime.UTC().Format(http.TimeFormat)}
		f.gzContentLength = []string{strconv.Itoa(len(f.gz))}
	}
	s.cache.put(key, upath, f)
	return f, nil
}

// conditional reports whether r asks for part of a file or only if it
// changed: http.ServeContent answers those.
func conditional(r *http.Request) bool {
	h := r.Header
	return h.Get("Range") != "" || h.Get("If-Modified-Since") != "" || h.Get("If-None-Match") != "" ||
		h.Get("If-Match") != "" || h.Get("If-Unmodified-Since") != ""
}

// write answers r with f.
func (s *server) write(w http.ResponseWriter, r *http.Request, f *file) {
	h := w.Header()
	h["Content-Type"] = []string{f.ctype}
	h["Cache-Control"] = []string{f.cacheControl}
	if f.status != http.StatusOK {
		w.WriteHeader(f.status)
		if r.Method != http.MethodHead {
			if f.body != nil {
				_, _ = w.Write(f.body)
			} else if fh, err := os.Open(f.path); err == nil {
				_, _ = io.Copy(w, fh)
				fh.Close()
			}
		}
		return
	}
	if f.text {
		h["Vary"] = []string{"Accept-Encoding"}
	}
	if f.body != nil && !conditional(r) {
		// The common case, without ServeContent's checks.
		body := f.body
		h["Last-Modified"], h["Content-Length"] = f.lastModified, f.contentLength
		if f.gz != nil && acceptsGzip(r) {
			body = f.gz
			h["Content-Encoding"] = []string{"gzip"}
			h["Last-Modified"], h["Content-Length"] = f.gzLastModified, f.gzContentLength
		}
		w.WriteHeader(http.StatusOK)
		if r.Method != http.MethodHead {
			_, _ = w.Write(body)
		}
		return
	}
	if f.body != nil {
		if f.gz != nil && acceptsGzip(r) {
			h["Content-Encoding"] = []string{"gzip"}
			http.ServeContent(w, r, "", f.gzModTime, bytes.NewReader(f.gz))
			return
		}
		http.ServeContent(w, r, "", f.modTime, bytes.NewReader(f.body))
		return
	}
	name := f.path
	if f.text && acceptsGzip(r) {
		if gz, err := os.Open(name + ".gz"); err == nil {
			defer gz.Close()
			if gi, err := gz.Stat(); err == nil {
				h["Content-Encoding"] = []string{"gzip"}
				http.ServeContent(w, r, "", gi.ModTime(), gz)
				return
			}
		}
	}
	fh, err := os.Open(name)
	if err != nil {
		http.Error(w, "Không tìm thấy trang.", http.StatusNotFound)
		return
	}
	defer fh.Close()
	http.ServeContent(w, r, "", f.modTime, fh)
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

// notFound answers with the build's 404.html and status 404.
func (s *server) notFound(w http.ResponseWriter, r *http.Request, root, key string) {
	f := s.cache.get(key, notFoundKey)
	if f == nil {
		var err error
		if f, err = s.load(key, notFoundKey, filepath.Join(root, "404.html"), http.StatusNotFound); err != nil {
			w.Header().Set("Cache-Control", "no-store")
			http.Error(w, "Không tìm thấy trang.", http.StatusNotFound)
			return
		}
	}
	s.write(w, r, f)
}

// notFoundKey is the cache key of the 404 page: no request path has a NUL.
const notFoundKey = "\x00404"

// notBuilt answers while no build is live yet (the portal's first start):
// a plain page that says so and reloads itself (no script needed), with
// status 503 and Retry-After, so that monitors and crawlers come back.
func (s *server) notBuilt(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Retry-After", notBuiltRetry)
	w.WriteHeader(http.StatusServiceUnavailable)
	_, _ = w.Write([]byte(notBuiltPage))
}

// notBuiltRetry is how many seconds the "being built" page waits before it
// reloads itself.
const notBuiltRetry = "10"

const notBuiltPage = `<!doctype html><html lang="vi"><head><meta charset="utf-8">` +
	`<meta name="viewport" content="width=device-width, initial-scale=1">` +
	`<meta http-equiv="refresh" content="` + notBuiltRetry + `">` +
	`<title>Đang dựng trang</title></head>` +
	`<body>` +
	`<main><h1>Trang web đang được dựng</h1>` +
	`<p>Cổng thông tin vừa khởi động và đang dựng trang lần đầu. Việc này thường chỉ mất ít phút.</p>` +
	`<p>Trang này tự tải lại sau ` + notBuiltRetry + ` giây; bạn cũng có thể tải lại bất cứ lúc nào.</p></main></body></html>`
