package ops

import (
	"net"
	"net/url"
	"strings"
)

// LoopbackURL reports whether the address u reaches only the machine it
// is typed on (localhost, 127.x.x.x, ::1, an unspecified or missing host):
// a link, a mail or a printed QR code with it leads citizens and staff
// nowhere.
func LoopbackURL(u string) bool {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return true
	}
	host := strings.ToLower(p.Hostname())
	if host == "" || host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && (ip.IsLoopback() || ip.IsUnspecified())
}

// LoopbackWarning is what the console, the dashboard and the health say
// while the public address is a loopback one.
const LoopbackWarning = "Địa chỉ công khai của cổng (--base-url) đang là địa chỉ chỉ dùng được trên chính máy chủ này: " +
	"liên kết trong thư gửi cán bộ, mã QR trên áp phích in ra, liên kết chia sẻ, sitemap và RSS sẽ không mở được từ máy khác. " +
	"Hãy chạy portal serve với --base-url https://<tên miền của cổng>/ (hoặc biến môi trường PORTAL_BASE_URL) trước khi in áp phích hay mời cán bộ dùng."

// SetPublicURL tells the operations side the site's public address, once
// "serve" has settled it (--base-url, or the address it listens at).
func (o *Ops) SetPublicURL(u string) { o.publicURL.Store(u) }

// PublicURL is the address SetPublicURL gave ("" before).
func (o *Ops) PublicURL() string {
	u, _ := o.publicURL.Load().(string)
	return u
}

// addressHealth is the public address in /api/health.
type addressHealth struct {
	URL      string `json:"url"`
	Loopback bool   `json:"loopback"`
	Warning  string `json:"warning,omitempty"` // for staff only
}

// redactURL is u without the credentials it may carry (user:password@),
// for the console.
func redactURL(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return "(địa chỉ không đọc được)"
	}
	if p.User != nil {
		p.User = url.User("***")
	}
	return p.String()
}
