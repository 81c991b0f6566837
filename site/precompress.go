package site

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/daison/portal/internal/tmpfile"
)

// compressible are the text files worth serving gzipped.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".json": true, ".xml": true, ".svg": true, ".txt": true,
}

// minCompress is the size under which a file is served as it is: gzip's
// header and the extra request header cost more than they save.
const minCompress = 1024

// precompress writes a gzipped copy (name.gz) beside every text file of a
// build, for the live server to send to browsers that accept gzip. Copies
// are kept in cacheDir by content, so a page that did not change since the
// last build is linked, not compressed again. It returns how many files it
// compressed anew and how many it took from the cache.
func precompress(public, cacheDir string) (fresh, cached int, err error) {
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return 0, 0, fmt.Errorf("gzip cache: %w", err)
	}
	var files, all []string
	err = filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		all = append(all, p)
		if !compressible[strings.ToLower(filepath.Ext(p))] {
			return nil
		}
		if fi, err := d.Info(); err == nil && fi.Size() >= minCompress {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return 0, 0, fmt.Errorf("gzip: %w", err)
	}
	var (
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
	)
	jobs := make(chan string)
	for i := 0; i < runtime.NumCPU(); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				isNew, err := gzipFile(p, cacheDir)
				mu.Lock()
				switch {
				case err != nil && firstErr == nil:
					firstErr = err
				case isNew:
					fresh++
				default:
					cached++
				}
				mu.Unlock()
			}
		}()
	}
	for _, p := range files {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	if firstErr == nil {
		for _, p := range files {
			all = append(all, p+".gz")
		}
		writeListing(public, all)
	}
	return fresh, cached, firstErr
}

// precompressFiles does what precompress does for the files rel (paths
// relative to public) that a build rewrote; a rewritten file too small to
// compress loses the .gz it had from the build it was copied from.
func precompressFiles(public, cacheDir string, rel []string) error {
	for _, r := range rel {
		p := filepath.Join(public, filepath.FromSlash(r))
		fi, err := os.Stat(p)
		if err != nil || fi.IsDir() {
			continue
		}
		if !compressible[strings.ToLower(filepath.Ext(p))] || fi.Size() < minCompress {
			_ = os.Remove(p + ".gz")
			continue
		}
		if _, err := gzipFile(p, cacheDir); err != nil {
			return err
		}
	}
	return nil
}

// gzipFile makes p.gz from the cache, or compresses p into the cache first.
func gzipFile(p, cacheDir string) (bool, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return false, fmt.Errorf("gzip %s: %w", p, err)
	}
	sum := sha256.Sum256(data)
	key := hex.EncodeToString(sum[:16])
	cached := filepath.Join(cacheDir, key[:2], key+".gz")
	isNew := false
	if _, err := os.Stat(cached); err != nil {
		isNew = true
		if err := os.MkdirAll(filepath.Dir(cached), 0o755); err != nil {
			return false, fmt.Errorf("gzip cache: %w", err)
		}
		// With the mode Hugo gives its own files, so that a web server
		// let read the builds reads these too.
		tmp, err := tmpfile.Create(filepath.Dir(cached), ".gz-")
		if err != nil {
			return false, fmt.Errorf("gzip cache: %w", err)
		}
		zw, _ := gzip.NewWriterLevel(tmp, gzip.BestCompression)
		_, werr := zw.Write(data)
		cerr := zw.Close()
		ferr := tmp.Close()
		if err := firstOf(werr, cerr, ferr); err != nil {
			os.Remove(tmp.Name())
			return false, fmt.Errorf("gzip %s: %w", p, err)
		}
		if err := os.Rename(tmp.Name(), cached); err != nil {
			os.Remove(tmp.Name())
			return false, fmt.Errorf("gzip cache: %w", err)
		}
	}
	dst := p + ".gz"
	_ = os.Remove(dst)
	if err := os.Link(cached, dst); err == nil {
		return isNew, nil
	}
	in, err := os.Open(cached)
	if err != nil {
		return false, err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return false, err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return false, err
	}
	return isNew, out.Close()
}

func firstOf(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// sweepAge is how old an unlinked cache file must be to be swept.
const sweepAge = 10 * time.Minute

// sweepCache removes the cached files nothing links to any more (a page
// changed, an old build pruned): the caches of gzipped pages and share cards
// keep only what a kept build or the source folder uses.
func sweepCache(dir string) (removed int) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		// A file made in the last minutes may be about to be linked (the
		// ahead lane runs beside builds): left for a later sweep.
		if fi, err := d.Info(); err == nil && links(fi) == 1 && time.Since(fi.ModTime()) > sweepAge {
			if os.Remove(p) == nil {
				removed++
			}
		}
		return nil
	})
	return removed
}
