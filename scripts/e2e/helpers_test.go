package e2e

import (
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/daison/portal/internal/portaltest"
)

// axeSource is axe-core's script from scripts/npm, which scripts/test
// installs.
func axeSource(t *testing.T) string {
	t.Helper()
	p := filepath.Join(portaltest.RepoRoot(), "scripts", "npm", "node_modules", "axe-core", "axe.min.js")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("axe-core is missing (%v): run scripts/test, which runs `npm ci --prefix scripts/npm`", err)
	}
	return string(b)
}

// writePNG writes a small picture to path.
func writePNG(t *testing.T, path string) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 640, 360))
	for y := 0; y < 360; y++ {
		for x := 0; x < 640; x++ {
			img.Set(x, y, color.RGBA{uint8(150 + x/8), uint8(30 + y/4), 40, 255})
		}
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	return path
}

var vietnameseLetters = regexp.MustCompile(`[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]`)

func isVietnameseText(s string) bool {
	return vietnameseLetters.MatchString(strings.ToLower(s))
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// step is one step of a story: a subtest.
type step struct {
	name string
	run  func(t *testing.T)
}

// story runs steps in order, each as a subtest of t, sharing the story's
// state. A step that stops (t.Fatal) ends the story, as the next steps
// build on it; a step that only reports errors does not.
func story(t *testing.T, steps ...step) {
	t.Helper()
	for _, s := range steps {
		finished := false
		t.Run(s.name, func(t *testing.T) {
			s.run(t)
			finished = true
		})
		if !finished {
			t.Fatalf("step %q stopped: the story ends there", s.name)
		}
	}
}
