package site

import (
	"os"
	"path/filepath"
	"testing"
)

// A bundle's photo Hugo copied becomes a link to its source, so the next
// build's copy has the same identity; a file Hugo changed (another size),
// a page, and a file with no source stay as Hugo wrote them.
func TestRelinkResources(t *testing.T) {
	dir := t.TempDir()
	content, public := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	write := func(p, body string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(content, "vinh-danh/an/the-chia-se.jpg"), "JPEG card")
	write(filepath.Join(public, "vinh-danh/an/the-chia-se.jpg"), "JPEG card")
	write(filepath.Join(content, "van-ban/qd/qd.pdf"), "%PDF short")
	write(filepath.Join(public, "van-ban/qd/qd.pdf"), "%PDF another length")
	write(filepath.Join(content, "tin-tuc/a/index.html"), "<p>a</p>")
	write(filepath.Join(public, "tin-tuc/a/index.html"), "<p>a</p>")
	write(filepath.Join(public, "anh/logo.png"), "PNG")
	rel := []string{"vinh-danh/an/the-chia-se.jpg", "van-ban/qd/qd.pdf", "tin-tuc/a/index.html", "anh/logo.png", "khong-co.jpg"}

	if n := relinkResources(content, public, rel); n != 1 {
		t.Fatalf("linked %d files, want 1", n)
	}
	same := func(r string) bool {
		a, err1 := os.Stat(filepath.Join(content, r))
		b, err2 := os.Stat(filepath.Join(public, r))
		return err1 == nil && err2 == nil && os.SameFile(a, b)
	}
	if !same("vinh-danh/an/the-chia-se.jpg") {
		t.Error("the card Hugo copied is not a link to its source")
	}
	if same("van-ban/qd/qd.pdf") || same("tin-tuc/a/index.html") {
		t.Error("a file of another size, or a page, was linked")
	}
	if b, _ := os.ReadFile(filepath.Join(public, "van-ban/qd/qd.pdf")); string(b) != "%PDF another length" {
		t.Errorf("Hugo's file changed: %q", b)
	}
	if n := relinkResources(content, public, rel); n != 0 {
		t.Fatalf("linked %d files again", n)
	}
}
