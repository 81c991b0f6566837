package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/daison/portal/records"
	"github.com/daison/portal/site/export"
	"github.com/daison/portal/site/live"
)

// Rendering ahead: on a large site a full build takes tens of seconds
// (26,000 pages: about 25 s on two cores), and Hugo's incremental rebuilds
// cost more still. So beside the builds, a second lane (RenderAhead, run by
// the queue on every burst of saves, even while a build runs) exports the
// records into a folder of its own (first a copy of the builds' one) and
// renders just the pages of the records saved since its last run in a
// small Hugo site (those bundles,
// every section and term index, the hand-written pages: all a record page's
// template looks up), and serves them at once as an overlay over the live
// build. The overlay grows with each run; a record removed since is taken
// out of it. A build that goes live clears the overlay when every page in it
// is older than the build's export. Lists, the home page and the search
// index show a change with the next build.

// aheadSections are the sections whose record pages can be rendered
// ahead (record.Kind.Ahead): their templates look up nothing but indexes
// and hand-written pages.
var aheadSections = func() map[string]bool {
	m := map[string]bool{}
	for _, k := range records.All {
		if k.Ahead && k.HasPages() {
			m[k.Section] = true
		}
	}
	return m
}()

// recordSections hold the export's record bundles (every section of
// export.Sections, and its redirect pages), which the small site leaves out
// but for the saved ones.
var recordSections = func() map[string]bool {
	m := map[string]bool{export.RedirectSection: true}
	for _, s := range export.Sections {
		m[s] = true
	}
	return m
}()

// maxAhead bounds the pages rendered ahead; more changes wait for the full
// build.
const maxAhead = 40

// aheadBundles returns the record bundles ("tin-tuc/<slug>") of the
// export's files (paths relative to the source folder).
func aheadBundles(written []string) []string {
	set := map[string]bool{}
	for _, p := range written {
		parts := strings.Split(filepath.ToSlash(p), "/")
		if len(parts) >= 4 && parts[0] == "content" && aheadSections[parts[1]] {
			set[parts[1]+"/"+parts[2]] = true
		}
	}
	out := make([]string, 0, len(set))
	for b := range set {
		out = append(out, b)
	}
	sort.Strings(out)
	return out
}

// RenderAhead is the ahead lane: on a site of at least
// Config.RenderAheadPages pages with a live build, it puts the pages of the
// records saved since its last run (its first run: since the last build)
// live as an overlay. It returns the pages that went live.
func (b *Builder) RenderAhead() (int, time.Duration, error) {
	from := b.renderAheadFrom()
	if from < 0 || b.lastPages.Load() < int64(from) || !b.Live() {
		return 0, 0, nil
	}
	b.aheadMu.Lock()
	defer b.aheadMu.Unlock()
	start := b.cfg.Now()
	root := b.dir.AheadPath()
	src := filepath.Join(root, "src")
	if _, err := os.Stat(filepath.Join(src, "hugo.toml")); err != nil {
		if err := b.primeAhead(src); err != nil {
			return 0, 0, err
		}
	}
	written, removed, err := syncSources(b.cfg.Sources, src)
	if err != nil {
		return 0, 0, fmt.Errorf("render ahead: %w", err)
	}
	res, err := export.Run(b.app, src, b.exportOptions(start))
	if err != nil {
		return 0, 0, fmt.Errorf("render ahead: export: %w", err)
	}
	b.saveImageChecks()
	if len(written)+len(removed) > 0 {
		// A first run, or the theme changed: only the build can tell.
		return 0, 0, nil
	}
	bundles, gone := aheadBundles(res.Written), aheadBundles(res.Removed)
	if len(bundles) == 0 && len(gone) == 0 {
		return 0, 0, nil
	}
	if len(bundles) > maxAhead {
		return 0, 0, nil
	}
	public := filepath.Join(root, "public")
	if len(bundles) > 0 {
		small := filepath.Join(root, "small")
		if err := os.RemoveAll(small); err != nil {
			return 0, 0, fmt.Errorf("render ahead: %w", err)
		}
		if err := os.RemoveAll(public); err != nil {
			return 0, 0, fmt.Errorf("render ahead: %w", err)
		}
		if err := smallSite(src, small, func(b string) bool { return slices.Contains(bundles, b) }); err != nil {
			return 0, 0, fmt.Errorf("render ahead: %w", err)
		}
		if err := os.MkdirAll(public, 0o755); err != nil {
			return 0, 0, fmt.Errorf("render ahead: %w", err)
		}
		if _, err := b.ahead.runStats(hugoRun{
			Source:         small,
			Destination:    public,
			BaseURL:        b.baseURL(),
			CacheDir:       b.dir.CachePath(),
			MaxOutputBytes: b.cfg.MaxOutputBytes,
		}); err != nil {
			// An image Hugo failed on is left out of the next exports.
			if broken := brokenImages(res, err); len(broken) > 0 && b.images.MarkBroken(broken...) > 0 {
				b.saveImageChecks()
			}
			return 0, 0, fmt.Errorf("render ahead: Hugo: %w", err)
		}
	}
	pages, err := b.putAhead(start, public, bundles, gone)
	return pages, time.Since(start), err
}

// primeAhead starts the lane's export folder as a copy (hard links: the
// export never writes through one) of the builds' source folder. It does
// not wait for a build that may be running (on a large site, half a
// minute): a file the build changes meanwhile is copied either way, and
// either way its page is live once that build is; the lane's next export
// finds every change made after the copy.
func (b *Builder) primeAhead(src string) error {
	if err := os.RemoveAll(src); err != nil {
		return fmt.Errorf("render ahead: %w", err)
	}
	if err := linkTree(b.srcDir(), src, true); err != nil {
		_ = os.RemoveAll(src)
		return fmt.Errorf("render ahead: copy the build's sources: %w", err)
	}
	return nil
}

// putAhead makes the next overlay: the current one's files (if it is still
// live), less the pages of bundles gone, with the pages of bundles rendered
// in public; and swaps it live.
func (b *Builder) putAhead(made time.Time, public string, bundles, gone []string) (int, error) {
	b.ovMu.Lock()
	defer b.ovMu.Unlock()
	overlay, err := b.dir.NewOverlay(made)
	if err != nil {
		return 0, err
	}
	if cur, _ := b.dir.CurrentOverlay(); cur != "" && !b.overlayAt.IsZero() {
		if err := linkTree(cur, overlay, false); err != nil {
			return 0, fmt.Errorf("render ahead: %w", err)
		}
	}
	for _, g := range append(append([]string{}, gone...), bundles...) {
		if err := os.RemoveAll(filepath.Join(overlay, filepath.FromSlash(g))); err != nil {
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
		to := filepath.Join(overlay, filepath.FromSlash(bundle))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return 0, fmt.Errorf("render ahead: %w", err)
		}
		if err := os.Rename(from, to); err != nil {
			return 0, fmt.Errorf("render ahead: %w", err)
		}
		pages++
		err := filepath.WalkDir(to, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".gz") {
				rel, _ := filepath.Rel(overlay, p)
				files = append(files, rel)
			}
			return err
		})
		if err != nil {
			return 0, fmt.Errorf("render ahead: %w", err)
		}
	}
	if err := precompressFiles(overlay, b.dir.GzipCachePath(), files); err != nil {
		return 0, err
	}
	if err := live.Sync(overlay); err != nil {
		return 0, fmt.Errorf("render ahead: %w", err)
	}
	if err := b.dir.SwapOverlay(overlay); err != nil {
		return 0, err
	}
	b.overlayAt = made
	if b.aheadDone != nil {
		b.aheadDone(overlay)
	}
	return pages, nil
}

// dropOldOverlay clears an overlay an earlier run of the portal left: how
// its pages stand against the live build is not known (its build may never
// have come), and the start-up build follows. Call it when serving starts.
func (b *Builder) dropOldOverlay() {
	b.ovMu.Lock()
	defer b.ovMu.Unlock()
	if cur, err := b.dir.CurrentOverlay(); err != nil || cur == "" {
		return
	}
	if err := b.dir.ClearOverlay(); err != nil {
		b.logger.Warn("không gỡ được các trang dựng trước của lần chạy trước", "error", err.Error())
	}
	b.overlayAt = time.Time{}
}

// clearOverlayBefore clears the overlay after a build whose export began
// at start went live, if every page in the overlay is older than that.
func (b *Builder) clearOverlayBefore(start time.Time) {
	b.ovMu.Lock()
	defer b.ovMu.Unlock()
	if b.overlayAt.IsZero() || !b.overlayAt.Before(start) {
		return
	}
	if err := b.dir.ClearOverlay(); err != nil {
		b.logger.Warn("không gỡ được các trang dựng trước", "error", err.Error())
		return
	}
	b.overlayAt = time.Time{}
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
