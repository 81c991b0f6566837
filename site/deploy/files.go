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
	"runtime"
	"strings"
	"sync"

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
	Hash         string   // of the bytes and the headers above
	stat         fileStat // the local file's identity (Hash empty)
}

// headers are the headers the file's hash covers, as one string.
func (f *file) headers() string {
	return f.ContentType + "\n" + f.Encoding + "\n" + f.CacheControl
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
// choose by Accept-Encoding). Each file's identity is read, not its bytes.
func localFiles(dir string) (map[string]*file, error) {
	type entry struct {
		path string
		d    fs.DirEntry
	}
	all := map[string]entry{}
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
		all[filepath.ToSlash(rel)] = entry{p, d}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("đọc bản dựng %s: %w", dir, err)
	}
	files := make(map[string]*file, len(all))
	for key, e := range all {
		if base, ok := strings.CutSuffix(key, ".gz"); ok {
			if _, there := all[base]; there {
				continue // the copy of a file, taken with it
			}
		}
		f := &file{Key: key, Path: e.path}
		f.ContentType = mime.TypeByExtension(path.Ext(key))
		if f.ContentType == "" {
			f.ContentType = "application/octet-stream"
		}
		f.CacheControl = live.CacheControl(key, f.ContentType)
		if live.IsPage(f.ContentType) && f.CacheControl == "no-cache" {
			f.CacheControl = pageCacheControl
		}
		src := e
		if gz, ok := all[key+".gz"]; ok {
			f.Path, f.Encoding, src = gz.path, "gzip", gz
		}
		var fi fs.FileInfo
		if src.d.Type()&fs.ModeSymlink != 0 {
			fi, err = os.Stat(src.path)
		} else {
			fi, err = src.d.Info()
		}
		if err != nil {
			return nil, fmt.Errorf("đọc bản dựng %s: %w", dir, err)
		}
		dev, ino := identity(fi)
		f.Size = fi.Size()
		f.stat = fileStat{Dev: dev, Ino: ino, Size: fi.Size(), Mod: fi.ModTime().UnixNano(), Headers: f.headers()}
		files[key] = f
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
	fmt.Fprintf(h, "%s\n", f.headers())
	h.Write(b)
	f.Hash = hex.EncodeToString(h.Sum(nil))
	f.Size = int64(len(b))
	f.stat.Hash = f.Hash
	return nil
}

// hashAll fills the hash of every file: from stats (the state's) when the
// file there is the same one, otherwise from its bytes, on all cores. It
// returns how many files it read.
func hashAll(files map[string]*file, stats map[string]fileStat) (int, error) {
	var todo []*file
	for key, f := range files {
		if s, ok := stats[key]; ok && s.Hash != "" && s.Dev == f.stat.Dev && s.Ino == f.stat.Ino && s.Ino != 0 &&
			s.Size == f.stat.Size && s.Mod == f.stat.Mod && s.Headers == f.stat.Headers {
			f.Hash, f.stat.Hash = s.Hash, s.Hash
			continue
		}
		todo = append(todo, f)
	}
	var (
		mu    sync.Mutex
		first error
		wg    sync.WaitGroup
		jobs  = make(chan *file)
	)
	for range max(runtime.NumCPU(), 2) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				if err := f.hash(); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for _, f := range todo {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	return len(todo), first
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
