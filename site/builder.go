// Package site regenerates the public site: it exports the published records
// (site/export), runs Hugo on them with the portal's theme and hand-written
// content in a worker process (the portal binary itself, worker.go), and
// swaps the result live (site/live). Builds run one
// at a time; a failed build leaves the last good site serving and its error
// in the status staff see.
package site

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/site/export"
	"github.com/daison/portal/site/live"
	"github.com/daison/portal/site/search"
)

// Config says where and how the site is built.
type Config struct {
	// Root is the site folder: builds, the live link, caches and the status
	// file live there (pb_data/site for a running portal).
	Root string
	// BaseURL is the public address of the site, ending in "/"
	// (https://caicachhanhchinh.daison.gov.vn/).
	BaseURL string
	// Sources holds hugo.toml, content/ and themes/ (portal.SiteFiles, or a
	// folder on disk while working on the theme).
	Sources fs.FS
	// Keep is how many builds are kept besides the live one (default 2).
	Keep int
	// Now is the clock (time.Now when nil); tests move it.
	Now func() time.Time
	// OnBuild, if set, is called after each build, good or failed.
	OnBuild func(Report)
	// BuildTimeout stops a Hugo build that runs longer (default
	// DefaultBuildTimeout).
	BuildTimeout time.Duration
	// MaxOutputBytes bounds what one build may write (0: the disk's free
	// space less a reserve for the database).
	MaxOutputBytes int64
	// Incremental keeps Hugo's site in its worker between builds, so a
	// build after a few records changed re-renders only the pages they
	// touch (into a copy of the live build made of hard links). It costs
	// the worker's memory between builds (about 300 MB for 1,000 records),
	// and is used only up to maxIncrementalPages.
	Incremental bool
	// RenderAheadPages: on a site of at least this many pages (the last
	// build's), a build first puts the saved records' own pages live,
	// rendered in a small site, then builds in full (site/ahead.go). 0 is
	// maxIncrementalPages; a negative number never.
	RenderAheadPages int
}

// fullEvery forces a full build after so many incremental ones, in case
// an incremental build missed a page.
const fullEvery = 100

// maxIncrementalPages is the largest site (pages of the last build) built
// incrementally. Hugo's rebuilds check every page's dependencies against
// every change, and its kept site grows with each rebuild: measured at
// 26,000 pages (10,000 records), the worker held 5.8 GB and a rebuild took
// minutes, against 25 s for a full build in 1.6 GB; at 2,400 pages a
// rebuild takes 1–2.5 s and 300 MB. Above this size every build is full.
const maxIncrementalPages = 8000

// Builder builds the site from a PocketBase app's records.
type Builder struct {
	app    core.App
	cfg    Config
	dir    live.Dir
	logger *slog.Logger

	buildMu   sync.Mutex     // held for the whole of a build
	base      atomic.Value   // the public address (string); serve may set it late
	hugo      *hugoWorker    // the Hugo worker process, started on the first build
	sinceFull int            // incremental builds since the last full one
	lastPages atomic.Int64   // pages of the last build that went live
	trash     sync.WaitGroup // the background deleter of pruned builds
	trashBusy atomic.Bool
	aheadDone func(overlay string) // tests: called once an overlay is live

	// The ahead lane (site/ahead.go).
	ahead     *hugoWorker
	aheadMu   sync.Mutex // one run at a time
	ovMu      sync.Mutex // guards the overlay and overlayAt
	overlayAt time.Time  // when the newest export shown in the overlay began

	// images keeps what exports found of the stored images (decoded
	// whole once per version of a file).
	images *export.ImageChecks

	// keptFrom is the last good build's output, whose copies of the pages
	// Hugo fails on keep serving (site/held.go); heldGroups are the
	// sections the last build held whole.
	keptFrom   string
	heldGroups []heldGroup

	stMu   sync.Mutex
	status Status

	// searchSet is the search index of the build being made (set by
	// render), handed to search once the build is live.
	searchSet *search.Set
	search    atomic.Pointer[search.Server]

	// exported are the record versions of the build being made (set by
	// render); versions those of the live build (site/versions.go).
	exported export.Versions
	versions atomic.Pointer[liveVersions]

	// The previews' Hugo workers (site/preview.go): the free ones, and all
	// of them, to close.
	previews chan *hugoWorker
	prevPool []*hugoWorker
}

// New returns a builder for app's records. It reads the status the last run
// left in cfg.Root, so staff still see the last build after a restart.
func New(app core.App, cfg Config) *Builder {
	if cfg.Keep <= 0 {
		cfg.Keep = 2
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.BaseURL != "" && !strings.HasSuffix(cfg.BaseURL, "/") {
		cfg.BaseURL += "/"
	}
	cfg.Root = absolute(cfg.Root)
	b := &Builder{app: app, cfg: cfg, dir: live.Dir{Root: cfg.Root}, logger: app.Logger().With("component", "site"),
		hugo: &hugoWorker{timeout: cfg.BuildTimeout}, ahead: &hugoWorker{timeout: cfg.BuildTimeout},
		images: export.NewImageChecks(live.Dir{Root: cfg.Root}.ImageChecksPath()), previews: make(chan *hugoWorker, previewWorkers)}
	for range previewWorkers {
		w := &hugoWorker{timeout: cfg.BuildTimeout}
		b.prevPool = append(b.prevPool, w)
		b.previews <- w
	}
	b.base.Store(cfg.BaseURL)
	b.status = loadStatus(b.statusPath())
	b.status.Building = false
	if ls := b.status.LastSuccess; ls != nil {
		b.lastPages.Store(int64(ls.Pages))
	}
	return b
}

// SetBaseURL sets the public address of the site for the next builds
// (serve sets it from its listening address when none was configured).
func (b *Builder) SetBaseURL(u string) {
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	b.base.Store(u)
}

// baseURL is the site's public address.
func (b *Builder) baseURL() string {
	u, _ := b.base.Load().(string)
	return u
}

// App is the PocketBase app whose records the builder exports.
func (b *Builder) App() core.App { return b.app }

// Close stops the builder's Hugo worker process.
func (b *Builder) Close() {
	b.hugo.close()
	for _, w := range b.prevPool {
		w.close()
	}
	b.ahead.close()
	b.trash.Wait()
}

// renderAheadFrom is the site size from which builds render saved pages
// ahead (Config.RenderAheadPages).
func (b *Builder) renderAheadFrom() int {
	if b.cfg.RenderAheadPages == 0 {
		return maxIncrementalPages
	}
	return b.cfg.RenderAheadPages
}

// Settle waits until the background deletion of pruned builds is done (so
// that a benchmark measures a quiet machine).
func (b *Builder) Settle() { b.trash.Wait() }

// emptyTrash deletes pruned builds in the background, one deleter at a
// time; what a running deleter has not seen waits for the next build.
func (b *Builder) emptyTrash() {
	if !b.trashBusy.CompareAndSwap(false, true) {
		return
	}
	b.trash.Add(1)
	go func() {
		defer b.trash.Done()
		defer b.trashBusy.Store(false)
		if err := b.dir.EmptyTrash(); err != nil {
			b.logger.Warn("không xóa được các bản dựng cũ", "error", err)
		}
	}()
}

// Dir is the site folder the builder swaps builds into.
func (b *Builder) Dir() live.Dir { return b.dir }

// Live reports whether a build is live (the site can be served).
func (b *Builder) Live() bool {
	cur, err := b.dir.Current()
	return err == nil && cur != ""
}

// Build regenerates the whole site now, swaps it live and prunes old
// builds. reason says why, for the status ("bài viết đã thay đổi"). Only one
// build runs at a time; a second call waits for the first.
func (b *Builder) Build(reason string) (Report, error) {
	b.buildMu.Lock()
	defer b.buildMu.Unlock()

	start := b.cfg.Now()
	rep := Report{Reason: reason, Started: start}
	b.setBuilding(true)

	id, buildDir, err := b.dir.NewBuild(start)
	err = failStep("Không tạo được thư mục cho bản dựng mới.", err)
	if err == nil {
		rep.ID = id
		public := b.dir.PublicOf(buildDir)
		prev := ""
		if b.cfg.Incremental {
			prev, _ = b.dir.Current()
		}
		b.keptFrom, _ = b.dir.Current()
		err = b.generate(b.srcDir(), public, start, &rep, prev)
		if err == nil {
			t := time.Now()
			var vers liveVersions
			vers, err = b.writeVersions(public, b.cfg.Now())
			if err == nil {
				err = live.Sync(public)
			}
			if err == nil {
				err = b.dir.Swap(public)
			}
			err = failStep("Không đưa được bản dựng mới lên trang.", err)
			if err == nil {
				b.versions.Store(&vers)
				b.clearOverlayBefore(start)
				if srv := b.search.Load(); srv != nil && b.searchSet != nil {
					srv.Use(public, b.searchSet)
				}
			}
			rep.SwapDuration = Millis(time.Since(t))
		}
	}
	rep.Duration = Millis(time.Since(start))
	if err != nil {
		rep.Error = staffError(err)
	}
	if perr := b.dir.Prune(b.cfg.Keep); perr != nil {
		b.logger.Warn("không dọn được các bản dựng cũ", "error", perr)
	}
	b.emptyTrash()
	sweepCache(b.dir.GzipCachePath())
	sweepCache(b.dir.CardCachePath())
	b.finish(rep)
	if b.cfg.OnBuild != nil {
		b.cfg.OnBuild(rep)
	}
	if err != nil {
		b.logger.Error("dựng trang thất bại; bản đang phục vụ (nếu có) được giữ nguyên", "build", rep.ID, "reason", reason, "error", err)
		return rep, err
	}
	b.logger.Info("đã dựng và đưa trang mới lên", "build", rep.ID, "reason", reason, "pages", rep.Pages,
		"records", rep.Records, "changed", rep.Changed, "duration", rep.Duration.D().Round(time.Millisecond).String())
	return rep, nil
}

// BuildTo builds the whole site from app's records into out once, for a
// static host: into a new folder beside out first, then renamed onto it, so
// a failed build leaves out as it was.
func BuildTo(app core.App, cfg Config, out string) (Report, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if !strings.HasSuffix(cfg.BaseURL, "/") {
		cfg.BaseURL += "/"
	}
	out, err := filepath.Abs(out)
	if err != nil {
		return Report{}, fmt.Errorf("thư mục đích: %w", err)
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return Report{}, fmt.Errorf("tạo thư mục đích: %w", err)
	}
	work, err := os.MkdirTemp(parent, "."+filepath.Base(out)+"-build-")
	if err != nil {
		return Report{}, fmt.Errorf("tạo thư mục tạm: %w", err)
	}
	defer os.RemoveAll(work)

	cfg.RenderAheadPages = -1 // no live site here to put pages ahead on
	b := &Builder{app: app, cfg: cfg, logger: app.Logger(), hugo: &hugoWorker{timeout: cfg.BuildTimeout}}
	defer b.hugo.close()
	b.base.Store(cfg.BaseURL)
	start := cfg.Now()
	rep := Report{Reason: "portal build", Started: start}
	public := filepath.Join(work, "public")
	if cfg.Root == "" {
		b.cfg.Root = work
	}
	b.cfg.Root = absolute(b.cfg.Root)
	b.dir = live.Dir{Root: b.cfg.Root}
	b.images = export.NewImageChecks(b.dir.ImageChecksPath())
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		b.keptFrom = out // a page Hugo fails on keeps what the host has
	}
	if err := b.generate(filepath.Join(work, "src"), public, start, &rep, ""); err != nil {
		rep.Error = staffError(err)
		rep.Duration = Millis(time.Since(start))
		return rep, err
	}
	old := filepath.Join(work, "old")
	if err := os.Rename(out, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return rep, fmt.Errorf("thay thư mục đích: %w", err)
	}
	if err := os.Rename(public, out); err != nil {
		_ = os.Rename(old, out)
		return rep, fmt.Errorf("thay thư mục đích: %w", err)
	}
	rep.Duration = Millis(time.Since(start))
	return rep, nil
}

// absolute is dir as an absolute path (Hugo refuses a relative cache
// folder), or dir as it is when it is empty or the working folder is
// unknown.
func absolute(dir string) string {
	if dir == "" {
		return dir
	}
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return dir
}
