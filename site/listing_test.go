package site

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/daison/portal/site/live"
)

// A full build's compression step lists every file of the folder, the
// gzip copies it made included, beside the folder.
func TestPrecompressListsFiles(t *testing.T) {
	pub := filepath.Join(t.TempDir(), "public")
	page := strings.Repeat("<p>Cải cách hành chính xã Đại Sơn</p>", 100)
	for n, body := range map[string]string{"index.html": page, "tin-tuc/a/index.html": page, "nho.css": "a{}", "tin-tuc/a/the-chia-se.jpg": "JPEG"} {
		os.MkdirAll(filepath.Dir(filepath.Join(pub, n)), 0o755)
		os.WriteFile(filepath.Join(pub, n), []byte(body), 0o644)
	}
	if _, _, err := precompress(pub, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(live.ListingPath(pub))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		f := strings.Split(line, "\t")
		fi, err := os.Stat(filepath.Join(pub, f[0]))
		if err != nil || len(f) != 5 || f[1] != fmt.Sprint(fi.Size()) || f[2] != fmt.Sprint(fi.ModTime().UnixNano()) {
			t.Errorf("listing line %q: %v", line, err)
		}
		got = append(got, f[0])
	}
	slices.Sort(got)
	want := []string{"index.html", "index.html.gz", "nho.css", "tin-tuc/a/index.html", "tin-tuc/a/index.html.gz", "tin-tuc/a/the-chia-se.jpg"}
	if !slices.Equal(got, want) {
		t.Fatalf("listing %v, want %v", got, want)
	}
}
