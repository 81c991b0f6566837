package site

import (
	"os"
	"path/filepath"
	"strings"
)

// verbatim are the kinds of page bundle files Hugo publishes as they are
// (it copies a bundle's resource byte for byte unless a template
// processes it, and a processed image gets another name).
var verbatim = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".webp": true, ".gif": true,
	".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true,
}

// relinkResources replaces each bundle file Hugo copied into public (of
// the files it wrote, rel, paths with slashes) with a hard link to its
// source in content, where the source is at the same path with the same
// size. The export links those sources to caches kept by content (share
// cards) or replaces them only when they change, so a file that did not
// change keeps its identity from build to build: a deploy does not read it
// again (site/deploy), and builds kept on disk share its bytes. A file
// that cannot be linked stays Hugo's copy. It returns how many it linked.
func relinkResources(content, public string, rel []string) int {
	n := 0
	for _, r := range rel {
		if !verbatim[strings.ToLower(filepath.Ext(r))] {
			continue
		}
		dst := filepath.Join(public, filepath.FromSlash(r))
		src := filepath.Join(content, filepath.FromSlash(r))
		si, err := os.Stat(src)
		if err != nil || !si.Mode().IsRegular() {
			continue
		}
		di, err := os.Lstat(dst)
		if err != nil || !di.Mode().IsRegular() || di.Size() != si.Size() || os.SameFile(si, di) {
			continue
		}
		tmp := dst + ".link"
		_ = os.Remove(tmp)
		if os.Link(src, tmp) != nil {
			continue
		}
		if os.Rename(tmp, dst) != nil {
			_ = os.Remove(tmp)
			continue
		}
		n++
	}
	return n
}
