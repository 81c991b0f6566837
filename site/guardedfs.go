package site

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"syscall"

	"github.com/spf13/afero"
)

// What a Hugo build writes goes through a guarded file system: bounded
// in bytes (the disk always keeps room for the database), never reporting
// a failed write to Hugo (see runHugo), never writing through a hard link.

// budget is how many bytes a build may write: its bound, and never more
// than the free space of the output's disk less the reserve.
func budget(r hugoRun) int64 {
	limit := r.MaxOutputBytes
	var st syscall.Statfs_t
	if err := syscall.Statfs(r.Destination, &st); err == nil {
		free := int64(st.Bavail)*int64(st.Bsize) - diskReserve
		if free < 0 {
			free = 0
		}
		if limit == 0 || free < limit {
			limit = free
		}
	}
	return limit
}

// writeFailed starts the error of a build whose output could not be
// written.
const writeFailed = "ghi trang thất bại"

// errBudget is the error of a build that would fill the disk.
var errBudget = errors.New("ổ đĩa sắp đầy: bản dựng dừng lại để chừa chỗ cho cơ sở dữ liệu")

// guardedFs writes through to its base until a write fails or the budget
// is spent; from then on writes seem to succeed but do nothing, and Err
// reports the first failure.
type guardedFs struct {
	afero.Fs
	mu     sync.Mutex
	left   int64
	failed error
	wrote  []string
}

// reset starts a new build with a new budget.
func (g *guardedFs) reset(limit int64) {
	g.mu.Lock()
	g.left, g.failed, g.wrote = limit, nil, nil
	g.mu.Unlock()
}

// written lists the files opened for writing since the last reset.
func (g *guardedFs) written() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]string(nil), g.wrote...)
}

func newGuardedFs(base afero.Fs, limit int64) *guardedFs {
	return &guardedFs{Fs: base, left: limit}
}

// Err is the first write failure, if any.
func (g *guardedFs) Err() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.failed
}

func (g *guardedFs) fail(err error) {
	g.mu.Lock()
	if g.failed == nil {
		g.failed = err
	}
	g.mu.Unlock()
}

// take reserves n bytes of the budget, or records the failure.
func (g *guardedFs) take(n int) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.failed != nil {
		return false
	}
	if g.left < int64(n) {
		g.failed = errBudget
		return false
	}
	g.left -= int64(n)
	return true
}

func (g *guardedFs) Create(name string) (afero.File, error) {
	return g.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

func (g *guardedFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	writing := flag&(os.O_WRONLY|os.O_RDWR) != 0
	if writing {
		// A new file, never the old one written in place: it may be a hard
		// link shared with the live build.
		_ = g.Fs.Remove(name)
	}
	f, err := g.Fs.OpenFile(name, flag, perm)
	if err != nil {
		// A missing folder is Hugo's to make (it does, and tries again).
		if writing && !errors.Is(err, os.ErrNotExist) {
			g.fail(err)
			return discard{name: name}, nil
		}
		return nil, err
	}
	if writing {
		g.mu.Lock()
		g.wrote = append(g.wrote, name)
		g.mu.Unlock()
	}
	return &guardedFile{File: f, g: g}, nil
}

func (g *guardedFs) MkdirAll(path string, perm os.FileMode) error {
	if err := g.Fs.MkdirAll(path, perm); err != nil {
		g.fail(err)
	}
	return nil
}

type guardedFile struct {
	afero.File
	g *guardedFs
}

func (f *guardedFile) Write(p []byte) (int, error) {
	if !f.g.take(len(p)) {
		return len(p), nil
	}
	if n, err := f.File.Write(p); err != nil {
		f.g.fail(err)
		return len(p), nil
	} else if n < len(p) {
		f.g.fail(fmt.Errorf("ghi %s: chỉ ghi được %d/%d byte", f.Name(), n, len(p)))
	}
	return len(p), nil
}

func (f *guardedFile) WriteString(s string) (int, error) { return f.Write([]byte(s)) }

func (f *guardedFile) Close() error {
	if err := f.File.Close(); err != nil {
		f.g.fail(err)
	}
	return nil
}

// discard stands for a file that could not be opened for writing.
type discard struct {
	afero.File
	name string
}

func (d discard) Write(p []byte) (int, error)       { return len(p), nil }
func (d discard) WriteString(s string) (int, error) { return len(s), nil }
func (d discard) Close() error                      { return nil }
func (d discard) Name() string                      { return d.name }
