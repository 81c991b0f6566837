package site

import (
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/daison/portal/site/live"
)

// overlay is the folder of pages rendered ahead that is served over the
// live build (live.Dir's overlay), and since when its pages were
// exported. The ahead lane puts pages in it; a build that goes live
// clears it. Its lock is its own, so that a build never waits for the
// ahead lane's Hugo run.
type overlay struct {
	dir    live.Dir
	logger *slog.Logger
	done   func(overlay string) // tests: called once an overlay is live

	mu sync.Mutex
	at time.Time // when the newest export shown in the overlay began
}

// put makes the next overlay, made from an export that began at made:
// the current one's files (if it is still live), less the pages of bundles
// gone, with the pages of bundles rendered in public; and swaps it live.
func (o *overlay) put(made time.Time, public string, bundles, gone []string) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	next, err := o.dir.NewOverlay(made)
	if err != nil {
		return 0, err
	}
	if cur, _ := o.dir.CurrentOverlay(); cur != "" && !o.at.IsZero() {
		if err := linkTree(cur, next, false); err != nil {
			return 0, fmt.Errorf("render ahead: %w", err)
		}
	}
	for _, g := range append(append([]string{}, gone...), bundles...) {
		if err := os.RemoveAll(filepath.Join(next, filepath.FromSlash(g))); err != nil {
			return 0, fmt.Errorf("render ahead: %w", err)
		}
	}
	var files []string
	pages := 0
	for _, bundle := range bundles {
		from := filepath.Join(public, filepath.FromSlash(bundle))
		if _, err := os.Stat(filepath.Join(from, "index.html")); err != nil {
			continue // a page with an address of its own: left to the build
		}
		to := filepath.Join(next, filepath.FromSlash(bundle))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return 0, fmt.Errorf("render ahead: %w", err)
		}
		if err := os.Rename(from, to); err != nil {
			return 0, fmt.Errorf("render ahead: %w", err)
		}
		pages++
		err := filepath.WalkDir(to, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".gz") {
				rel, _ := filepath.Rel(next, p)
				files = append(files, rel)
			}
			return err
		})
		if err != nil {
			return 0, fmt.Errorf("render ahead: %w", err)
		}
	}
	if err := precompressFiles(next, o.dir.GzipCachePath(), files); err != nil {
		return 0, err
	}
	if err := live.Sync(next); err != nil {
		return 0, fmt.Errorf("render ahead: %w", err)
	}
	if err := o.dir.SwapOverlay(next); err != nil {
		return 0, err
	}
	o.at = made
	if o.done != nil {
		o.done(next)
	}
	return pages, nil
}

// dropOld clears an overlay an earlier run of the portal left: how
// its pages stand against the live build is not known (its build may never
// have come), and the start-up build follows. Call it when serving starts.
func (o *overlay) dropOld() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if cur, err := o.dir.CurrentOverlay(); err != nil || cur == "" {
		return
	}
	if err := o.dir.ClearOverlay(); err != nil {
		o.logger.Warn("không gỡ được các trang dựng trước của lần chạy trước", "error", err.Error())
	}
	o.at = time.Time{}
}

// clearBefore clears the overlay after a build whose export began at
// start went live, if every page in the overlay is older than that.
func (o *overlay) clearBefore(start time.Time) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.at.IsZero() || !o.at.Before(start) {
		return
	}
	if err := o.dir.ClearOverlay(); err != nil {
		o.logger.Warn("không gỡ được các trang dựng trước", "error", err.Error())
		return
	}
	o.at = time.Time{}
}
