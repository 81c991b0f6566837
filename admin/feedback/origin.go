package feedback

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// sameSiteForms refuses a citizen form posted from another web site: a page
// elsewhere could otherwise make its visitors' browsers send feedback
// in their name (and past the per-address rate limit).
//
// A post is accepted when the browser names no origin (old browsers, and
// clients that are not browsers, which a web page cannot drive), or when its
// Origin is the portal's own host or the public site's (siteURL: the static
// site may live on another host and post here). An Origin of "null"
// (sandboxed frames, some redirects) is refused.
func sameSiteForms(siteURL func() string) *hook.Handler[*core.RequestEvent] {
	return &hook.Handler[*core.RequestEvent]{
		Id: "portalSameSiteForms",
		Func: func(e *core.RequestEvent) error {
			origin := e.Request.Header.Get("Origin")
			if origin == "" || allowedOrigin(origin, e.Request.Host, siteURL) {
				return e.Next()
			}
			msg := "Biểu mẫu này chỉ gửi được từ trang của xã. Hãy mở trang góp ý của xã và gửi lại."
			if strings.HasPrefix(e.Request.URL.Path, "/api/") {
				return e.ForbiddenError(msg, nil)
			}
			return Problem(e, http.StatusForbidden, msg)
		},
	}
}

// allowedOrigin reports whether origin (scheme://host[:port]) is host, the
// host the request was sent to, or the public site's host.
func allowedOrigin(origin, host string, siteURL func() string) bool {
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	if strings.EqualFold(u.Host, host) {
		return true
	}
	if siteURL == nil {
		return false
	}
	site, err := url.Parse(siteURL())
	return err == nil && site.Host != "" && strings.EqualFold(u.Host, site.Host)
}
