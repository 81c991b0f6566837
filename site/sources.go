package site

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/daison/portal/site/export"
)

// siteEntries are the top-level files and folders of a Hugo site that a
// build copies from its sources; anything else beside them (a checkout's
// .git, node_modules, scripts) stays out.
var siteEntries = map[string]bool{
	"hugo.toml": true, "content": true, "themes": true, "static": true, "data": true,
	"assets": true, "i18n": true, "layouts": true, "archetypes": true,
}

// sourcesManifest lists the files syncSources wrote into a source folder.
const sourcesManifest = ".sources-manifest.json"

// syncSources brings the site's sources from fsys into dst (only the
// entries of a Hugo site; a checkout's .git or node_modules stay out),
// writing only what changed and removing what is gone.
func syncSources(fsys fs.FS, dst string) (written, removed []string, err error) {
	t := export.NewTree()
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		top, _, _ := strings.Cut(p, "/")
		if p != "." && !siteEntries[top] {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		t.Put(p, b)
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("đọc mã nguồn trang: %w", err)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return nil, nil, fmt.Errorf("tạo thư mục mã nguồn: %w", err)
	}
	written, removed, err = t.Apply(dst, sourcesManifest)
	if err != nil {
		return nil, nil, fmt.Errorf("chép mã nguồn trang: %w", err)
	}
	return written, removed, nil
}

// copyFS copies the files of fsys for which keep holds (all when nil) into
// dst.
func copyFS(fsys fs.FS, dst string, keep func(path string) bool) error {
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && keep != nil && !keep(p) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		target := filepath.Join(dst, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		in, err := fsys.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		_ = os.Remove(target) // never write through a hard link
		out, err := os.Create(target)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
	if err != nil {
		return fmt.Errorf("chép tệp vào %s: %w", dst, err)
	}
	return nil
}

// checkSources makes sure a source folder holds a whole site.
func checkSources(dst string) error {
	for _, must := range []string{"hugo.toml", "themes", "content"} {
		if _, err := os.Stat(filepath.Join(dst, must)); err != nil {
			return fmt.Errorf("mã nguồn trang thiếu %s: %w", must, err)
		}
	}
	return nil
}
