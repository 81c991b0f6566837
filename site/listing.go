package site

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/daison/portal/site/live"
)

// writeListing writes the list of a full build's files (paths, the gzip
// copies included), gathered as the build's last step walked its folder,
// beside the folder (live.ListingPath): a deploy of the build reads it
// instead of the folder's thousands of directories (site/deploy). A build
// folder does not change once made (later builds link its files and
// replace rather than write them), so the list stays true. Nothing is
// written when a path would not fit a line; a deploy then reads the folder.
func writeListing(public string, paths []string) {
	var b strings.Builder
	for _, p := range paths {
		rel, err := filepath.Rel(public, p)
		if err != nil || strings.ContainsAny(rel, "\n\r") {
			return
		}
		b.WriteString(filepath.ToSlash(rel))
		b.WriteByte('\n')
	}
	path := live.ListingPath(public)
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(b.String()), 0o644); err != nil {
		os.Remove(tmp)
		return
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
	}
}
