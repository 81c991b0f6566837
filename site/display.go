package site

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// The reader's display settings (text size, high contrast) without
// JavaScript: the form in every page's top bar (a GET to DisplayPath)
// stores the choice in a cookie and goes back to the page; every page the
// portal serves to that browser then carries the choice as classes on
// <html>, which the stylesheet reads. With JavaScript, the theme's
// js/display.js reads and writes the same cookie. A static host serves
// the pages unchanged: there the choice needs JavaScript, or applies to the
// page being read (the controls themselves, read by the stylesheet).
const (
	// DisplayPath is where the settings' form sends its choice.
	DisplayPath = "/hien-thi/"
	// DisplayCookie holds the choice: "lon", "rat-lon", "cao", "lon.cao"…
	DisplayCookie = "hien-thi"
)

// display is one reader's choice.
type display struct {
	size     string // "" (the browser's own), "lon" or "rat-lon"
	contrast bool
}

// displaySizes are the text sizes besides the browser's own ("vua").
var displaySizes = map[string]bool{"lon": true, "rat-lon": true}

// parseDisplay reads the cookie's value; unknown parts are ignored.
func parseDisplay(v string) display {
	var d display
	if len(v) > 32 {
		return d
	}
	for _, part := range strings.Split(v, ".") {
		switch {
		case displaySizes[part]:
			d.size = part
		case part == "cao":
			d.contrast = true
		}
	}
	return d
}

// value is the cookie's value ("" for the defaults).
func (d display) value() string {
	var parts []string
	if d.size != "" {
		parts = append(parts, d.size)
	}
	if d.contrast {
		parts = append(parts, "cao")
	}
	return strings.Join(parts, ".")
}

// classes are those the stylesheet reads on <html>.
func (d display) classes() string {
	var cs []string
	if d.size != "" {
		cs = append(cs, "co-chu-"+d.size)
	}
	if d.contrast {
		cs = append(cs, "tuong-phan-cao")
	}
	return strings.Join(cs, " ")
}

// withDisplay answers DisplayPath and, for a browser that chose a display
// setting, serves next's pages with the choice on their <html>; everything
// else goes to next untouched.
func withDisplay(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == DisplayPath {
			setDisplay(w, r)
			return
		}
		c, err := r.Cookie(DisplayCookie)
		if err != nil {
			next.ServeHTTP(w, r)
			return
		}
		classes := parseDisplay(c.Value).classes()
		if classes == "" || !(strings.HasSuffix(r.URL.Path, "/") || strings.HasSuffix(r.URL.Path, ".html")) {
			next.ServeHTTP(w, r)
			return
		}
		// The page whole and uncompressed, to set the classes in it.
		r = r.Clone(r.Context())
		for _, k := range []string{"Accept-Encoding", "If-None-Match", "If-Modified-Since", "Range"} {
			r.Header.Del(k)
		}
		cw := &classWriter{w: w, classes: classes}
		next.ServeHTTP(cw, r)
		cw.finish()
	})
}

// setDisplay stores the choice of ?co-chu= (vua, lon, rat-lon) and
// ?tuong-phan= (thuong, cao) in the cookie, a part not given kept as it
// was, and sends the browser back to the page it came from (on this
// site), or to the home page.
func setDisplay(w http.ResponseWriter, r *http.Request) {
	var d display
	if c, err := r.Cookie(DisplayCookie); err == nil {
		d = parseDisplay(c.Value)
	}
	q := r.URL.Query()
	switch s := q.Get("co-chu"); {
	case s == "vua":
		d.size = ""
	case displaySizes[s]:
		d.size = s
	}
	switch q.Get("tuong-phan") {
	case "thuong":
		d.contrast = false
	case "cao":
		d.contrast = true
	}
	cookie := &http.Cookie{Name: DisplayCookie, Value: d.value(), Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode}
	if cookie.Value == "" {
		cookie.MaxAge = -1
	}
	http.SetCookie(w, cookie)
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, backTo(r), http.StatusSeeOther)
}

// backTo is the path (and query) of the page of this site a request came
// from, by its Referer; "/" for any other.
func backTo(r *http.Request) string {
	u, err := url.Parse(r.Referer())
	if err != nil || u.Host != r.Host || u.Path == "" || !strings.HasPrefix(u.Path, "/") ||
		strings.HasPrefix(u.Path, "//") || strings.Contains(u.Path, "\\") || u.Path == DisplayPath {
		return "/"
	}
	back := u.EscapedPath()
	if u.RawQuery != "" {
		back += "?" + u.RawQuery
	}
	return back
}

// classWriter holds back an HTML answer to set classes on its <html>
// element; any other answer passes through as it is.
type classWriter struct {
	w       http.ResponseWriter
	classes string
	status  int
	html    bool
	buf     bytes.Buffer
}

func (c *classWriter) Header() http.Header { return c.w.Header() }

func (c *classWriter) WriteHeader(status int) {
	if c.status != 0 {
		return
	}
	c.status = status
	h := c.w.Header()
	c.html = strings.HasPrefix(h.Get("Content-Type"), "text/html") && h.Get("Content-Encoding") == ""
	if !c.html {
		c.w.WriteHeader(status)
		return
	}
	// The page is this browser's own: no shared cache keeps it.
	h.Del("Content-Length")
	h.Del("ETag")
	h.Del("Last-Modified")
	h.Set("Cache-Control", "private, no-cache")
	h.Add("Vary", "Cookie")
}

func (c *classWriter) Write(b []byte) (int, error) {
	if c.status == 0 {
		c.WriteHeader(http.StatusOK)
	}
	if !c.html {
		return c.w.Write(b)
	}
	return c.buf.Write(b)
}

// finish writes a held-back page with the classes on its <html>.
func (c *classWriter) finish() {
	if !c.html {
		return
	}
	page := withClasses(c.buf.Bytes(), c.classes)
	c.w.Header().Set("Content-Length", strconv.Itoa(len(page)))
	c.w.WriteHeader(c.status)
	_, _ = c.w.Write(page)
}

// withClasses adds classes to the first <html> tag of page (to its class
// attribute when it has one, minified or not); a page without one is
// returned as it is.
func withClasses(page []byte, classes string) []byte {
	lower := bytes.ToLower(page[:min(len(page), 4096)])
	i := bytes.Index(lower, []byte("<html"))
	if i < 0 {
		return page
	}
	end := bytes.IndexByte(lower[i:], '>')
	if end < 0 {
		return page
	}
	end += i
	tag := lower[i:end]
	var out bytes.Buffer
	out.Grow(len(page) + len(classes) + 10)
	if j := bytes.Index(tag, []byte(" class=")); j >= 0 {
		at := i + j + len(" class=")
		if page[at] == '"' || page[at] == '\'' {
			out.Write(page[:at+1])
			out.WriteString(classes + " ")
			out.Write(page[at+1:])
			return out.Bytes()
		}
		// Unquoted (a minifier's): quoted with the classes added.
		v := at
		for v < end && page[v] != ' ' {
			v++
		}
		out.Write(page[:at])
		out.WriteString(`"` + classes + " ")
		out.Write(page[at:v])
		out.WriteString(`"`)
		out.Write(page[v:])
		return out.Bytes()
	}
	out.Write(page[:end])
	out.WriteString(` class="` + classes + `"`)
	out.Write(page[end:])
	return out.Bytes()
}
