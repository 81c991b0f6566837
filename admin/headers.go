package admin

import (
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// The security headers of every answer of the portal,
// set in one place around the whole server: the API, PocketBase's dashboard
// (/_/), the back office (/quan-tri/), the citizens' forms and the public
// site (whose pages skip PocketBase's router).
//
//   - Referrer-Policy and nosniff, the same everywhere: no address of the
//     portal (a record's id, a citizen's receipt code) leaves it in a
//     Referer header.
//   - Framing: every answer says frame-ancestors in its CSP ('none'
//     unless a handler allows its own pages, such as the printable
//     decision), and X-Frame-Options agrees for older browsers. Handlers
//     keep their own CSP (the dashboard needs its scripts); the API's
//     answers default to one that runs nothing.
//   - HSTS when the request came over HTTPS: TLS on this server, or a
//     trusted proxy (portal serve --trusted-proxy-headers) saying
//     X-Forwarded-Proto: https. Never over plain HTTP, which would lock a
//     test install out of itself.
//   - Cache-Control: no-store on every answer of the API, which carries
//     staff's tokens, citizens' contacts, nominations, the audit log and
//     exports; only public files fetched without a token may be cached
//     (PocketBase's own header).
const (
	ReferrerPolicy = "same-origin"
	HSTS           = "max-age=31536000"
	apiCSP         = "default-src 'none'; frame-ancestors 'none'"
)

// bindHeaders wraps the server's handler, once PocketBase and the site
// have built it, in securityHeaders.
func bindHeaders(app core.App) {
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: "portalSecurityHeaders",
		Func: func(e *core.ServeEvent) error {
			if err := e.Next(); err != nil {
				return err
			}
			if e.Server != nil && e.Server.Handler != nil {
				e.Server.Handler = securityHeaders(e.App, e.Server.Handler)
			}
			return nil
		},
	})
}

// securityHeaders returns next with the portal's security headers on
// every answer.
func securityHeaders(app core.App, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			w.Header().Set("Content-Security-Policy", apiCSP)
		}
		hw := &headerWriter{ResponseWriter: w, finish: func(h http.Header) { finishHeaders(app, r, h) }}
		next.ServeHTTP(hw, r)
		if !hw.done {
			// Nothing written: net/http would send an empty 200 without
			// the headers.
			hw.WriteHeader(http.StatusOK)
		}
	})
}

// finishHeaders sets the headers that the handler's own may not change,
// just before they are sent.
func finishHeaders(app core.App, r *http.Request, h http.Header) {
	h.Set("Referrer-Policy", ReferrerPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	if overHTTPS(app, r) {
		h.Set("Strict-Transport-Security", HSTS)
	}

	framedBySelf, said := false, false
	for _, csp := range h.Values("Content-Security-Policy") {
		for _, d := range strings.Split(csp, ";") {
			name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
			if name == "frame-ancestors" {
				said = true
				framedBySelf = framedBySelf || strings.TrimSpace(value) == "'self'"
			}
		}
	}
	if !said {
		h.Add("Content-Security-Policy", "frame-ancestors 'none'")
	}
	if framedBySelf {
		h.Set("X-Frame-Options", "SAMEORIGIN")
	} else {
		h.Set("X-Frame-Options", "DENY")
	}

	if strings.HasPrefix(r.URL.Path, "/api/") && !publicFile(r) {
		h.Set("Cache-Control", "no-store")
	}
}

// publicFile tells a read of an uploaded file made without any credential:
// what PocketBase gives it is public and may be cached.
func publicFile(r *http.Request) bool {
	return (r.Method == http.MethodGet || r.Method == http.MethodHead) &&
		strings.HasPrefix(r.URL.Path, "/api/files/") && r.URL.Path != "/api/files/token" &&
		r.Header.Get("Authorization") == "" && r.URL.Query().Get("token") == ""
}

// overHTTPS tells whether r reached the portal over HTTPS: TLS here, or a
// proxy the portal trusts (its client IP headers are configured) says so.
func overHTTPS(app core.App, r *http.Request) bool {
	if r.TLS != nil {
		return true
	}
	if len(app.Settings().TrustedProxy.Headers) == 0 {
		return false
	}
	proto, _, _ := strings.Cut(r.Header.Get("X-Forwarded-Proto"), ",")
	return strings.EqualFold(strings.TrimSpace(proto), "https")
}

// headerWriter calls finish on the headers just before they are written.
type headerWriter struct {
	http.ResponseWriter
	finish func(http.Header)
	done   bool
}

func (w *headerWriter) WriteHeader(code int) {
	if !w.done && code >= 200 {
		w.done = true
		w.finish(w.Header())
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *headerWriter) Write(b []byte) (int, error) {
	if !w.done {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Flush sends what is buffered (server-sent events of the realtime API).
func (w *headerWriter) Flush() {
	if !w.done {
		w.WriteHeader(http.StatusOK)
	}
	_ = http.NewResponseController(w.ResponseWriter).Flush()
}

// Unwrap gives http.ResponseController the writer underneath.
func (w *headerWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
