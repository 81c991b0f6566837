package printfont

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestFaces: four faces inline, and the licence that lets them travel.
func TestFaces(t *testing.T) {
	css := CSS()
	if n := strings.Count(css, "@font-face{"); n != 4 {
		t.Errorf("%d faces, want 4", n)
	}
	for _, f := range faces {
		b, err := files.ReadFile("fonts/" + f.file)
		if err != nil || len(b) < 10_000 || string(b[:4]) != "\x00\x01\x00\x00" {
			t.Errorf("%s is not a TrueType font (%d bytes): %v", f.file, len(b), err)
		}
	}
	if l := Licence(); !strings.Contains(l, "SIL OPEN FONT LICENSE Version 1.1") || !utf8.ValidString(l) {
		t.Error("the font's licence is missing")
	}
}
