package deploy

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/daison/portal/site/live"
)

// file is one object the bucket should hold.
type file struct {
	Key          string // object key, without the prefix
	Path         string // the local file whose bytes are uploaded
	ContentType  string
	Encoding     string // "gzip" for a precompressed copy
	CacheControl string
	Size         int64
	Hash         string // of the bytes and the headers above
}

// pageCacheControl is what a CDN and browsers do with pages and feeds:
// keep them a minute, then ask the bucket again. The portal itself serves
// them "no-cache" (site/live); a CDN in front of a bucket must absorb a
// spike, and a minute is how late a published change may show.
const pageCacheControl = "public, max-age=60, must-revalidate"

// localFiles lists the objects a build folder becomes: each file under its
// path, except the gzip copies the build writes beside text files
// (site/precompress.go), which are uploaded in their place with
// Content-Encoding: gzip (every browser accepts gzip; a bucket cannot
// choose by Accept-Encoding).
func localFiles(dir string) (map[string]*file, error) {
	files := map[string]*file{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		key := filepath.ToSlash(rel)
		if strings.HasSuffix(key, ".gz") {
			if _, err := os.Stat(strings.TrimSuffix(p, ".gz")); err == nil {
				return nil // the copy of a file, taken with it
			}
		}
		f := &file{Key: key, Path: p}
		f.ContentType = mime.TypeByExtension(path.Ext(key))
		if f.ContentType == "" {
			f.ContentType = "application/octet-stream"
		}
		f.CacheControl = live.CacheControl(key, f.ContentType)
		if live.IsPage(f.ContentType) && f.CacheControl == "no-cache" {
			f.CacheControl = pageCacheControl
		}
		if _, err := os.Stat(p + ".gz"); err == nil {
			f.Path, f.Encoding = p+".gz", "gzip"
		}
		files[key] = f
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("đọc bản dựng %s: %w", dir, err)
	}
	return files, nil
}

// hash fills f.Hash and f.Size from the file's bytes and its headers, so a
// change of either uploads it again.
func (f *file) hash() error {
	b, err := os.ReadFile(f.Path)
	if err != nil {
		return fmt.Errorf("đọc %s: %w", f.Key, err)
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n%s\n", f.ContentType, f.Encoding, f.CacheControl)
	h.Write(b)
	f.Hash = hex.EncodeToString(h.Sum(nil))
	f.Size = int64(len(b))
	return nil
}

// URLPaths are the addresses of the site a changed key is seen at, for a
// CDN purge: the file, and for a folder's index.html the folder too.
func URLPaths(key string) []string {
	out := []string{"/" + key}
	if key == "index.html" {
		return append(out, "/")
	}
	if strings.HasSuffix(key, "/index.html") {
		out = append(out, "/"+strings.TrimSuffix(key, "index.html"))
	}
	return out
}
