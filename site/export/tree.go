package export

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Tree is a set of files to have in a folder, written by Apply so that only
// what differs from the last time is touched: a file whose version is the
// one the folder's manifest records (and which is still there) is left as
// it is, and files the last Apply wrote that are no longer wanted are
// removed. Builds keep their Hugo source folder this way, so a build after a
// one-record change rewrites a handful of files, and Hugo can be told which.
type Tree struct {
	mu    sync.Mutex
	files map[string]*treeFile
	added []string // of the last Apply
}

type treeFile struct {
	version string                          // what the file's content depends on
	data    []byte                          // the content, or
	make    func() ([]byte, error)          // how to make it (run only if it changed), or
	copy    func(dst string) (int64, error) // how to copy it in
}

// NewTree returns an empty tree.
func NewTree() *Tree { return &Tree{files: map[string]*treeFile{}} }

// Put adds a file with its content.
func (t *Tree) Put(rel string, data []byte) {
	sum := sha256.Sum256(data)
	t.add(rel, &treeFile{version: hex.EncodeToString(sum[:16]), data: data})
}

// PutMade adds a file made by make, whose content depends only on version:
// make runs only when the version differs from the last Apply's.
func (t *Tree) PutMade(rel, version string, make func() ([]byte, error)) {
	t.add(rel, &treeFile{version: version, make: make})
}

// PutCopy adds a file copied in by copy (a stored image, a cached card),
// whose content depends only on version.
func (t *Tree) PutCopy(rel, version string, copy func(dst string) (int64, error)) {
	t.add(rel, &treeFile{version: version, copy: copy})
}

// Has reports whether the tree has a file at rel.
func (t *Tree) Has(rel string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	_, ok := t.files[rel]
	return ok
}

func (t *Tree) add(rel string, f *treeFile) {
	rel = filepath.ToSlash(filepath.Clean(rel))
	t.mu.Lock()
	t.files[rel] = f
	t.mu.Unlock()
}

// Version of a file in the tree ("" if none): a file made from another
// (a page's QR code from its page) takes it as its own.
func (t *Tree) Version(rel string) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if f, ok := t.files[rel]; ok {
		return f.version
	}
	return ""
}

// Apply writes the tree into root, as described on Tree, keeping its
// manifest in root/manifest (a name of the caller's: two trees may share a
// folder, each removing only its own files). It returns the paths written
// and the paths removed, relative to root, with slashes.
func (t *Tree) Apply(root, manifest string) (written, removed []string, err error) {
	old := map[string]string{}
	if b, err := os.ReadFile(filepath.Join(root, manifest)); err == nil {
		_ = json.Unmarshal(b, &old)
	}
	next := make(map[string]string, len(t.files))
	paths := make([]string, 0, len(t.files))
	for p := range t.files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	made := map[string]bool{} // folders known to exist
	for _, p := range paths {
		f := t.files[p]
		next[p] = f.version
		dst := filepath.Join(root, filepath.FromSlash(p))
		if v, ok := old[p]; ok && v == f.version {
			if _, err := os.Lstat(dst); err == nil {
				continue
			}
		}
		if dir := filepath.Dir(dst); !made[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, nil, fmt.Errorf("create %s: %w", dir, err)
			}
			made[dir] = true
		}
		if err := f.write(p, dst); err != nil {
			return nil, nil, err
		}
		written = append(written, p)
		if _, existed := old[p]; !existed {
			t.added = append(t.added, p)
		}
	}
	for p := range old {
		if _, keep := next[p]; keep {
			continue
		}
		dst := filepath.Join(root, filepath.FromSlash(p))
		if err := os.Remove(dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, nil, fmt.Errorf("remove %s: %w", p, err)
		}
		removed = append(removed, p)
		removeEmptyParents(root, filepath.Dir(dst))
	}
	sort.Strings(removed)
	b, err := json.Marshal(next)
	if err != nil {
		return nil, nil, err
	}
	tmp := filepath.Join(root, manifest+".tmp")
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return nil, nil, fmt.Errorf("write manifest: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(root, manifest)); err != nil {
		return nil, nil, fmt.Errorf("write manifest: %w", err)
	}
	return written, removed, nil
}

// write writes the file rel to dst, never through a hard link.
func (f *treeFile) write(rel, dst string) error {
	_ = os.Remove(dst)
	if f.copy != nil {
		if _, err := f.copy(dst); err != nil {
			return fmt.Errorf("copy %s: %w", rel, err)
		}
		return nil
	}
	data := f.data
	if f.make != nil {
		var err error
		if data, err = f.make(); err != nil {
			return fmt.Errorf("make %s: %w", rel, err)
		}
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	return nil
}

// WriteUnder writes the tree's files under the folder prefix (relative,
// with slashes) into root, which holds none of them: nothing is compared,
// removed or recorded in a manifest. A preview writes one page bundle
// this way into a copy of a build's sources.
func (t *Tree) WriteUnder(root, prefix string) ([]string, error) {
	prefix = strings.TrimSuffix(prefix, "/") + "/"
	t.mu.Lock()
	defer t.mu.Unlock()
	var written []string
	for p, f := range t.files {
		if !strings.HasPrefix(p, prefix) {
			continue
		}
		dst := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return nil, fmt.Errorf("create %s: %w", filepath.Dir(dst), err)
		}
		if err := f.write(p, dst); err != nil {
			return nil, err
		}
		written = append(written, p)
	}
	sort.Strings(written)
	return written, nil
}

// Added returns the paths of the last Apply's written files that the
// manifest did not list before: new files rather than changed ones.
func (t *Tree) Added() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.added
}

// removeEmptyParents removes dir and its parents up to root while empty.
func removeEmptyParents(root, dir string) {
	root = filepath.Clean(root)
	for dir != root && strings.HasPrefix(dir, root) {
		if err := os.Remove(dir); err != nil {
			return // not empty, or gone
		}
		dir = filepath.Dir(dir)
	}
}

// copyReader writes r into dst.
func copyReader(dst string, r io.Reader) (int64, error) {
	f, err := os.Create(dst)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return n, err
}
