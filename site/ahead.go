package site

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/daison/portal/records"
	"github.com/daison/portal/site/export"
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

// aheadLane is the lane that renders ahead: beside the builds, it puts
// the pages of the records saved since its last run live as an overlay
// (its first run: since the last build), on a site of at least from pages
// with a live build. Its folder (live.Dir.AheadPath) is its own; it runs
// one at a time.
type aheadLane struct {
	*env
	from    int // Config.RenderAheadPages, resolved; negative: never
	overlay *overlay

	mu sync.Mutex // one run at a time
}

// run is one run of the lane on a site whose last build made pages
// pages. It returns the pages that went live, and how long that took.
func (a *aheadLane) run(pages int64) (int, time.Duration, error) {
	if a.from < 0 || pages < int64(a.from) || !a.live() {
		return 0, 0, nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	start := a.now()
	root := a.dir.AheadPath()
	src := filepath.Join(root, "src")
	if _, err := os.Stat(filepath.Join(src, "hugo.toml")); err != nil {
		if err := a.prime(src); err != nil {
			return 0, 0, err
		}
	}
	written, removed, err := syncSources(a.sources, src)
	if err != nil {
		return 0, 0, fmt.Errorf("render ahead: %w", err)
	}
	res, err := export.Run(a.app, src, a.exportOptions(start))
	if err != nil {
		return 0, 0, fmt.Errorf("render ahead: export: %w", err)
	}
	a.saveImageChecks()
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
		if _, err := a.workers.runAhead(a.runFor(small, public)); err != nil {
			// An image Hugo failed on is left out of the next exports.
			a.markBroken(res, err)
			return 0, 0, fmt.Errorf("render ahead: Hugo: %w", err)
		}
	}
	n, err := a.overlay.put(start, public, bundles, gone)
	return n, time.Since(start), err
}

// prime starts the lane's export folder as a copy (hard links: the export
// never writes through one) of the builds' source folder. It does not
// wait for a build that may be running (on a large site, half a minute): a
// file the build changes meanwhile is copied either way, and either way
// its page is live once that build is; the lane's next export finds every
// change made after the copy.
func (a *aheadLane) prime(src string) error {
	if err := os.RemoveAll(src); err != nil {
		return fmt.Errorf("render ahead: %w", err)
	}
	if err := linkTree(a.dir.SrcPath(), src, true); err != nil {
		_ = os.RemoveAll(src)
		return fmt.Errorf("render ahead: copy the build's sources: %w", err)
	}
	return nil
}
