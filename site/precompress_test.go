package site

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestPrecompress(t *testing.T) {
	pub, cache := t.TempDir(), t.TempDir()
	page := []byte(strings.Repeat("<p>Cải cách hành chính xã Đại Sơn</p>", 100))
	files := map[string][]byte{"index.html": page, "a/index.html": page, "small.css": []byte("a{}"), "anh.jpg": page}
	for n, b := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(pub, n)), 0o755)
		os.WriteFile(filepath.Join(pub, n), b, 0o644)
	}
	fresh, cached, err := precompress(pub, cache)
	if err != nil {
		t.Fatal(err)
	}
	// Two identical pages: compressed once, or twice when two workers get
	// to them at the same time; both counted.
	if fresh < 1 || fresh+cached != 2 {
		t.Fatalf("fresh %d, cached %d", fresh, cached)
	}
	for _, n := range []string{"index.html.gz", "a/index.html.gz"} {
		f, err := os.Open(filepath.Join(pub, n))
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(zr)
		f.Close()
		if !bytes.Equal(got, page) {
			t.Fatalf("%s does not decompress to its page", n)
		}
	}
	for _, n := range []string{"small.css.gz", "anh.jpg.gz"} {
		if _, err := os.Stat(filepath.Join(pub, n)); err == nil {
			t.Errorf("%s should not exist", n)
		}
	}
	// The next build's unchanged pages come from the cache.
	pub2 := t.TempDir()
	os.WriteFile(filepath.Join(pub2, "index.html"), page, 0o644)
	if fresh, cached, _ := precompress(pub2, cache); fresh != 0 || cached != 1 {
		t.Fatalf("second build: fresh %d, cached %d", fresh, cached)
	}
	// Once no build links a cached copy, the sweep removes it.
	if n := sweepCache(cache); n != 0 {
		t.Fatalf("swept %d copies still in use", n)
	}
	os.RemoveAll(pub)
	os.RemoveAll(pub2)
	if n := sweepCache(cache); n != 0 {
		t.Fatalf("swept %d copies made a moment ago (the ahead lane may be about to link them)", n)
	}
	old := time.Now().Add(-2 * sweepAge)
	_ = filepath.WalkDir(cache, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			_ = os.Chtimes(p, old, old)
		}
		return nil
	})
	if n := sweepCache(cache); n != 1 {
		t.Fatalf("swept %d unused copies, want 1", n)
	}
}
