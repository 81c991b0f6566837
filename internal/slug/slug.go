// Package slug makes and checks the URL names of records: lower-case ASCII
// letters, digits and single hyphens, transliterated from Vietnamese
// ("Đại Sơn" → "dai-son").
package slug

import (
	"regexp"
	"strings"

	gslug "github.com/gosimple/slug"

	"github.com/daison/portal/internal/vntext"
)

// MaxLen is the longest slug kept: long enough for a headline's first words,
// short enough for a printed poster.
const MaxLen = 80

var valid = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// reserved are path words the site uses inside its sections: pagination
// (/tin-tuc/trang/2/), the taxonomies of hugo.toml (/vinh-danh/nam/2026/),
// the statistics page (/vinh-danh/thong-ke/), QR posters and short links. A record may not take one as its slug, or its
// page would collide with them.
var reserved = map[string]bool{
	"trang": true, "page": true, "index": true, "qr": true, "l": true,
	"chuyen-muc": true, "tu-khoa": true, "loai": true, "linh-vuc": true,
	"don-vi": true, "nam": true, "doi-tuong": true, "hinh-thuc": true,
	"thong-ke": true,
}

// Reserved reports whether s is a path word the site keeps for itself.
func Reserved(s string) bool { return reserved[s] }

// Valid reports whether s may be used as a slug as it is: only a-z, 0-9 and
// single hyphens between them, at most MaxLen bytes.
func Valid(s string) bool {
	return len(s) <= MaxLen && valid.MatchString(s)
}

// Make returns the slug for a title: transliterated, lower-cased, words joined
// by hyphens, cut at a word boundary to at most MaxLen bytes. It returns ""
// when the title holds no letter or digit that survives transliteration.
func Make(title string) string {
	// Folding first turns đ into d and drops tone marks the same way search
	// does; gosimple/slug then transliterates whatever other script is left.
	s := gslug.MakeLang(vntext.Fold(title), "en")
	s = strings.ReplaceAll(s, "_", "-")
	var b strings.Builder
	for _, part := range strings.Split(s, "-") {
		if part == "" {
			continue
		}
		if b.Len() > 0 {
			if b.Len()+1+len(part) > MaxLen {
				break
			}
			b.WriteByte('-')
		}
		if len(part) > MaxLen {
			part = part[:MaxLen]
		}
		b.WriteString(part)
	}
	return b.String()
}

// WithSuffix returns base with "-n" appended, shortened so the result stays
// within MaxLen; it is how a second record with the same title gets a
// distinct slug ("kiem-tra-dai-son-2").
func WithSuffix(base string, n int) string {
	suffix := "-" + itoa(n)
	if len(base)+len(suffix) > MaxLen {
		base = strings.TrimRight(base[:MaxLen-len(suffix)], "-")
	}
	return base + suffix
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}
