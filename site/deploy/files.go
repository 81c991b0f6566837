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
	"strconv"
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
// A build has a folder per page: a full build lists its files beside its
// folder (live.ListingPath), which spares reading the folders; otherwise
// they are read several at a time.
func localFiles(dir string) (map[string]*file, error) {
	if b, err := os.ReadFile(live.ListingPath(dir)); err == nil {
		return listedFiles(dir, strings.Split(strings.TrimSuffix(string(b), "\n"), "\n"))
	}
	var (
		mu    sync.Mutex
		files = map[string]*file{}
		first error
		wg    sync.WaitGroup
		slots = make(chan struct{}, 4*max(runtime.NumCPU(), 2))
	)
	fail := func(err error) {
		mu.Lock()
		if first == nil {
			first = fmt.Errorf("đọc bản dựng %s: %w", dir, err)
		}
		mu.Unlock()
	}
	var walk func(folder, prefix string)
	walk = func(folder, prefix string) {
		defer wg.Done()
		slots <- struct{}{}
		found, subdirs, err := readFolder(folder, prefix)
		<-slots
		if err != nil {
			fail(err)
			return
		}
		mu.Lock()
		for _, f := range found {
			files[f.Key] = f
		}
		mu.Unlock()
		for _, sub := range subdirs {
			wg.Add(1)
			go walk(filepath.Join(folder, sub), prefix+sub+"/")
		}
	}
	wg.Add(1)
	walk(dir, "")
	wg.Wait()
	if first != nil {
		return nil, first
	}
	return files, nil
}

// readFolder reads one folder of a build: the objects of its files (keys
// prefix+name) and its subfolders' names.
func readFolder(folder, prefix string) ([]*file, []string, error) {
	d, err := os.Open(folder)
	if err != nil {
		return nil, nil, err
	}
	entries, err := d.ReadDir(-1) // unsorted
	d.Close()
	if err != nil {
		return nil, nil, err
	}
	names := make(map[string]fs.FileMode, len(entries))
	var subdirs []string
	for _, e := range entries {
		switch t := e.Type(); {
		case t.IsDir():
			subdirs = append(subdirs, e.Name())
		case t.IsRegular() || t&fs.ModeSymlink != 0:
			names[e.Name()] = t
		}
	}
	var out []*file
	for name := range names {
		if base, ok := strings.CutSuffix(name, ".gz"); ok {
			if _, there := names[base]; there {
				continue // the copy of a file, taken with it
			}
		}
		mode, gzipped := names[name], false
		if t, ok := names[name+".gz"]; ok {
			mode, gzipped = t, true
		}
		f, err := newFile(prefix+name, filepath.Join(folder, name), gzipped, mode&fs.ModeSymlink != 0)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, f)
	}
	return out, subdirs, nil
}

// listedFiles is localFiles from the list of the build's files (lines
// of paths relative to dir, gzip copies included, each with its size,
// modification time, device and inode after a tab: site/listing.go). A
// line without them is read from the disk, on all cores.
func listedFiles(dir string, lines []string) (map[string]*file, error) {
	listed := make(map[string]*fileStat, len(lines))
	paths := make([]string, 0, len(lines))
	for _, line := range lines {
		p, rest, ok := strings.Cut(line, "\t")
		paths = append(paths, p)
		listed[p] = nil
		if !ok {
			continue
		}
		if s, ok := parseStat(rest); ok {
			listed[p] = &s
		}
	}
	keys := make([]string, 0, len(paths))
	for _, p := range paths {
		if base, ok := strings.CutSuffix(p, ".gz"); ok {
			if _, there := listed[base]; there {
				continue // the copy of a file, taken with it
			}
		}
		keys = append(keys, p)
	}
	var (
		mu    sync.Mutex
		first error
		wg    sync.WaitGroup
		n     = max(runtime.NumCPU(), 2)
		found = make([][]*file, n)
	)
	for w := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(keys); i += n {
				k := keys[i]
				src := k
				_, gzipped := listed[k+".gz"]
				if gzipped {
					src = k + ".gz"
				}
				if s := listed[src]; s != nil {
					found[w] = append(found[w], knownFile(k, filepath.Join(dir, filepath.FromSlash(k)), gzipped, *s))
					continue
				}
				f, err := newFile(k, filepath.Join(dir, filepath.FromSlash(k)), gzipped, true)
				if err != nil {
					mu.Lock()
					if first == nil {
						first = fmt.Errorf("đọc bản dựng %s: %w", dir, err)
					}
					mu.Unlock()
					return
				}
				found[w] = append(found[w], f)
			}
		}()
	}
	wg.Wait()
	if first != nil {
		return nil, first
	}
	files := make(map[string]*file, len(keys))
	for _, part := range found {
		for _, f := range part {
			files[f.Key] = f
		}
	}
	return files, nil
}

// parseStat reads "size\tmod\tdev\tino".
func parseStat(s string) (fileStat, bool) {
	var v [4]uint64
	for i := range v {
		field, rest, _ := strings.Cut(s, "\t")
		n, err := strconv.ParseUint(field, 10, 64)
		if err != nil {
			return fileStat{}, false
		}
		v[i], s = n, rest
	}
	return fileStat{Size: int64(v[0]), Mod: int64(v[1]), Dev: v[2], Ino: v[3]}, s == ""
}

// knownFile is newFile with the identity the build listed.
func knownFile(key, p string, gzipped bool, s fileStat) *file {
	f := withHeaders(key, p, gzipped)
	f.Size = s.Size
	s.Headers = sharedHeaders(f.headers())
	f.stat = s
	return f
}

// headerSets keeps one string for each set of headers, shared by the
// files that have it.
var headerSets sync.Map // headers → the same string

// newFile is the object key of the local file at p (uploaded from its
// gzip copy, p.gz, when gzipped), with its headers and identity; follow
// reads the identity of the file a symbolic link points to.
func newFile(key, p string, gzipped, follow bool) (*file, error) {
	f := withHeaders(key, p, gzipped)
	var (
		fi  fs.FileInfo
		err error
	)
	if follow {
		fi, err = os.Stat(f.Path)
	} else {
		fi, err = os.Lstat(f.Path)
	}
	if err != nil {
		return nil, err
	}
	dev, ino := identity(fi)
	f.Size = fi.Size()
	f.stat = fileStat{Dev: dev, Ino: ino, Size: fi.Size(), Mod: fi.ModTime().UnixNano(), Headers: sharedHeaders(f.headers())}
	return f, nil
}

// withHeaders is the object key of the local file at p (its gzip copy
// p.gz when gzipped) with its headers.
func withHeaders(key, p string, gzipped bool) *file {
	f := &file{Key: key, Path: p}
	f.ContentType = mime.TypeByExtension(path.Ext(key))
	if f.ContentType == "" {
		f.ContentType = "application/octet-stream"
	}
	f.CacheControl = live.CacheControl(key, f.ContentType)
	if live.IsPage(f.ContentType) && f.CacheControl == "no-cache" {
		f.CacheControl = pageCacheControl
	}
	if gzipped {
		f.Path, f.Encoding = p+".gz", "gzip"
	}
	return f
}

// sharedHeaders returns the one string kept for the headers h.
func sharedHeaders(h string) string {
	v, _ := headerSets.LoadOrStore(h, h)
	return v.(string)
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
