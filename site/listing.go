package site

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/daison/portal/site/live"
)

// writeListing writes the list of a full build's files (paths, the gzip
// copies included, gathered as the build's last step walked its folder)
// beside the folder (live.ListingPath), each with its size, modification
// time, device and inode: a deploy of the build reads it instead of the
// folder's thousands of directories and files (site/deploy). A build folder
// does not change once made (later builds link its files and replace
// rather than write them; the caches its files link to are written anew,
// never in place), so the list stays true. Nothing is written when a file
// cannot be read or a path would not fit a line; a deploy then reads the
// folder. One line a file: path, size, modification time (Unix
// nanoseconds), device and inode, separated by tabs.
func writeListing(public string, paths []string) {
	lines := make([]string, len(paths))
	var (
		wg     sync.WaitGroup
		failed sync.Once
		bad    bool
		n      = max(runtime.NumCPU(), 2)
	)
	for w := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(paths); i += n {
				rel, err := filepath.Rel(public, paths[i])
				fi, serr := os.Stat(paths[i])
				if err != nil || serr != nil || strings.ContainsAny(rel, "\t\n\r") {
					failed.Do(func() { bad = true })
					return
				}
				dev, ino := identity(fi)
				lines[i] = fmt.Sprintf("%s\t%d\t%d\t%d\t%d\n", filepath.ToSlash(rel), fi.Size(), fi.ModTime().UnixNano(), dev, ino)
			}
		}()
	}
	wg.Wait()
	if bad {
		return
	}
	path := live.ListingPath(public)
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(strings.Join(lines, "")), 0o644); err != nil {
		os.Remove(tmp)
		return
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
	}
}
