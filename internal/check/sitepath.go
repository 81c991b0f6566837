package check

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// maxSitePath bounds a site path, in bytes.
const maxSitePath = 300

// SitePath reports whether p is a path on the site and nothing else: it
// starts with a single "/" (not "//host", which a browser reads as another
// site), holds no backslash (which browsers read as "/"), no scheme ("://"),
// and no character a browser drops or reads specially — control
// characters, tabs and line breaks (a browser removes them from a URL, so
// "/\t/evil.example" would become "//evil.example"), spaces of any kind,
// invisible and bidirectional characters. It is the one rule for every
// field that holds a path on the site: a citizen's page and return path,
// the receipt page's way back, a Referer turned into a link. The back office
// keeps the same rule before it shows a stored path as a link (SitePath in
// backoffice/ui/assets/js/util.js).
func SitePath(p string) bool {
	if len(p) > maxSitePath || !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") ||
		strings.Contains(p, "://") || !utf8.ValidString(p) {
		return false
	}
	for _, r := range p {
		if r == '\\' || unsafeInURL(r) {
			return false
		}
	}
	return true
}

// WebURL reports whether u is a web address a page may link to: http or
// https with a host, and none of the characters SitePath refuses.
func WebURL(u string) bool {
	for _, r := range u {
		if unsafeInURL(r) {
			return false
		}
	}
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "https" || p.Scheme == "http") && p.Host != ""
}

// unsafeInURL reports the characters no address the portal stores may
// hold: ASCII controls and space, DEL and the C1 controls, no-break and
// other Unicode spaces, zero-width and bidirectional formatting characters,
// the soft hyphen and the byte order mark.
func unsafeInURL(r rune) bool {
	switch {
	case r <= 0x20, r >= 0x7f && r <= 0xa0, r == 0xad:
		return true
	case r == 0x1680, r == 0x180e, r >= 0x2000 && r <= 0x200f, r >= 0x2028 && r <= 0x202f:
		return true
	case r >= 0x205f && r <= 0x2064, r >= 0x2066 && r <= 0x2069, r == 0x3000, r == 0xfeff:
		return true
	}
	return false
}
