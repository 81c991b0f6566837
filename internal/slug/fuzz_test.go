package slug

import (
	"testing"
	"unicode/utf8"
)

// FuzzMake: whatever the title, Make returns "" or a valid slug, and making
// a slug of a slug changes nothing.
func FuzzMake(f *testing.F) {
	for _, s := range []string{"Đại Sơn", "../../etc/passwd", "%2e%2e/", "a\x00b", "🎉", "Hướng dẫn “nộp hồ sơ”", "\xff\xfe", "trang"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		s := Make(title)
		if s != "" && !Valid(s) {
			t.Fatalf("Make(%q) = %q, not a valid slug", title, s)
		}
		if again := Make(s); again != s {
			t.Fatalf("Make(Make(%q)) = %q, want %q", title, again, s)
		}
		if utf8.ValidString(s) && len(s) > MaxLen {
			t.Fatalf("Make(%q) is %d bytes", title, len(s))
		}
	})
}
