package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Copies of folders made of hard links (instant, and safe because Hugo's
// writes and the export replace files rather than write into them): the
// incremental lane's start from the live build, the ahead lane's start from
// the builds' sources, and the small sites the ahead lane, the previews
// and the probe render.

// pointLink points the symbolic link at link to target, in one rename.
func pointLink(link, target string) error {
	tmp := link + ".tmp"
	_ = os.Remove(tmp)
	if err := os.Symlink(target, tmp); err != nil {
		return fmt.Errorf("liên kết thư mục dựng: %w", err)
	}
	if err := os.Rename(tmp, link); err != nil {
		return fmt.Errorf("liên kết thư mục dựng: %w", err)
	}
	return nil
}

// linkTree makes dst a copy of src made of hard links: instant, and safe
// because Hugo's writes and the export replace files rather than write into
// them. With changing, src may be changing meanwhile (a build's sources):
// what vanishes during the walk is left out.
func linkTree(src, dst string, changing bool) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if changing && errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if err := os.Link(p, target); err != nil && !(changing && errors.Is(err, fs.ErrNotExist)) {
			return err
		}
		return nil
	})
}

// smallSite makes dst a Hugo site of hard links to src's files: all but
// the content's record bundles ("tin-tuc/<slug>"), of which only those
// keep holds. src may be changing meanwhile (the builds' sources, for a
// preview): what vanishes during the walk is left out.
func smallSite(src, dst string, keep func(bundle string) bool) error {
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if rel == "." {
			return os.MkdirAll(dst, 0o755)
		}
		parts := strings.Split(filepath.ToSlash(rel), "/")
		if len(parts) == 1 && !siteEntries[parts[0]] {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() && len(parts) == 3 && parts[0] == "content" && recordSections[parts[1]] && !keep(parts[1]+"/"+parts[2]) {
			return fs.SkipDir
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if err := os.Link(p, target); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("small site: %w", err)
	}
	return nil
}
