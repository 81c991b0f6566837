// Package site regenerates the public site: it exports the published records
// (site/export), runs Hugo on them with the portal's theme and hand-written
// content in a worker process (the portal binary itself, worker.go), and
// swaps the result live (site/live). Builds run one
// at a time; a failed build leaves the last good site serving and its error
// in the status staff see.
package site

import (
	"io/fs"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pocketbase/pocketbase/core"

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
	// MaxOutputBytes bounds what one Hugo run may write (a build's, and
	// the ahead lane's, a preview's, a probe's; 0: the disk's free space
	// less a reserve for the database).
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

// Builder builds the site from a PocketBase app's records. It coordinates
// the lanes, each a type of its own with its own state: the builds'
// pipeline (pipeline.go: export, then Hugo through the full or the
// incremental lane, pages held back, search index, gzip), the ahead lane
// (ahead.go) with the overlay it serves (overlay.go), and the previews
// (preview.go); one owner starts, reuses and closes every Hugo worker
// process (workers.go). A build goes: queue (queue.go) → pipeline → swap →
// status, versions, search, then Config.OnBuild (deploys).
//
// Who owns what: buildMu is held for the whole of a build, so the
// pipeline's state is its holder's; the ahead lane and the overlay have a
// lock each (a build clears the overlay while the lane renders); the
// status has its own (routes and deploys read and set it at any time);
// the live versions and the search server are atomic pointers, set by
// builds and read by requests.
type Builder struct {
	env *env
	cfg Config

	buildMu  sync.Mutex // held for the whole of a build
	pipeline *pipeline

	ahead    *aheadLane
	overlay  *overlay
	previews previewer

	status   *statusBoard
	versions *versionBook
	search   atomic.Pointer[search.Server] // set when serving starts
	trash    trash
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
	logger := app.Logger().With("component", "site")
	e := newEnv(app, cfg, logger, previewWorkers)
	b := &Builder{env: e, cfg: cfg,
		pipeline: newPipeline(e, cfg.Incremental),
		overlay:  &overlay{dir: e.dir, logger: logger},
		previews: previewer{e},
		status:   newStatusBoard(e.dir.StatusPath(), logger),
		versions: &versionBook{dir: e.dir, logger: logger},
		trash:    trash{dir: e.dir, logger: logger},
	}
	from := cfg.RenderAheadPages
	if from == 0 {
		from = maxIncrementalPages
	}
	b.ahead = &aheadLane{env: e, from: from, overlay: b.overlay}
	if ls := b.status.get().LastSuccess; ls != nil {
		b.pipeline.lastPages.Store(int64(ls.Pages))
	}
	return b
}

// SetBaseURL sets the public address of the site for the next builds
// (serve sets it from its listening address when none was configured).
func (b *Builder) SetBaseURL(u string) { b.env.setBaseURL(u) }

// App is the PocketBase app whose records the builder exports.
func (b *Builder) App() core.App { return b.env.app }

// Close stops the builder's Hugo worker processes.
func (b *Builder) Close() {
	b.env.workers.close()
	b.trash.wait()
}

// Settle waits until the background deletion of pruned builds is done (so
// that a benchmark measures a quiet machine).
func (b *Builder) Settle() { b.trash.wait() }

// Dir is the site folder the builder swaps builds into.
func (b *Builder) Dir() live.Dir { return b.env.dir }

// Live reports whether a build is live (the site can be served).
func (b *Builder) Live() bool { return b.env.live() }

// RenderAhead runs the ahead lane once: on a site of at least
// Config.RenderAheadPages pages with a live build, it puts the pages of
// the records saved since its last run (its first run: since the last
// build) live as an overlay. It returns the pages that went live.
func (b *Builder) RenderAhead() (int, time.Duration, error) {
	return b.ahead.run(b.pipeline.lastPages.Load())
}

// dropOldOverlay clears an overlay an earlier run of the portal left
// (overlay.dropOld). Call it when serving starts.
func (b *Builder) dropOldOverlay() { b.overlay.dropOld() }

// Build regenerates the whole site now, swaps it live and prunes old
// builds. reason says why, for the status ("bài viết đã thay đổi"). Only one
// build runs at a time; a second call waits for the first.
func (b *Builder) Build(reason string) (Report, error) {
	b.buildMu.Lock()
	defer b.buildMu.Unlock()

	start := b.env.now()
	rep := Report{Reason: reason, Started: start}
	b.status.setBuilding(true)
	err := b.buildLive(start, &rep)
	rep.Duration = Millis(time.Since(start))
	if err != nil {
		rep.Error = staffError(err)
	}
	if perr := b.env.dir.Prune(b.cfg.Keep); perr != nil {
		b.env.logger.Warn("không dọn được các bản dựng cũ", "error", perr)
	}
	b.trash.empty()
	sweepCache(b.env.dir.GzipCachePath())
	sweepCache(b.env.dir.CardCachePath())
	b.status.finish(rep)
	if b.cfg.OnBuild != nil {
		b.cfg.OnBuild(rep)
	}
	if err != nil {
		b.env.logger.Error("dựng trang thất bại; bản đang phục vụ (nếu có) được giữ nguyên", "build", rep.ID, "reason", reason, "error", err)
		return rep, err
	}
	b.env.logger.Info("đã dựng và đưa trang mới lên", "build", rep.ID, "reason", reason, "pages", rep.Pages,
		"records", rep.Records, "changed", rep.Changed, "duration", rep.Duration.D().Round(time.Millisecond).String())
	return rep, nil
}

// buildLive makes a build in a new folder through the pipeline, swaps it
// live, and then hands what it made to the overlay, the live versions and
// the search server.
func (b *Builder) buildLive(start time.Time, rep *Report) error {
	dir := b.env.dir
	id, buildDir, err := dir.NewBuild(start)
	if err != nil {
		return failStep("Không tạo được thư mục cho bản dựng mới.", err)
	}
	rep.ID = id
	public := dir.PublicOf(buildDir)
	cur, _ := dir.Current()
	in := buildInput{src: dir.SrcPath(), public: public, now: start, keptFrom: cur}
	if b.cfg.Incremental {
		in.prev = cur
	}
	out, err := b.pipeline.run(in, rep)
	if err != nil {
		return err
	}
	t := time.Now()
	defer func() { rep.SwapDuration = Millis(time.Since(t)) }()
	if len(rep.FailedPages) > 0 {
		out.versions = heldVersions(out.versions, b.versions.live(), rep.FailedPages)
	}
	vers, err := b.versions.write(public, out.versions, b.env.now())
	if err == nil {
		err = live.Sync(public)
	}
	if err == nil {
		err = dir.Swap(public)
	}
	if err != nil {
		return failStep("Không đưa được bản dựng mới lên trang.", err)
	}
	b.versions.use(vers)
	b.overlay.clearBefore(start)
	if srv := b.search.Load(); srv != nil && out.search != nil {
		srv.Use(public, out.search)
	}
	return nil
}

// trash deletes pruned builds in the background, one deleter at a time;
// what a running deleter has not seen waits for the next build.
type trash struct {
	dir    live.Dir
	logger *slog.Logger
	wg     sync.WaitGroup
	busy   atomic.Bool
}

func (t *trash) empty() {
	if !t.busy.CompareAndSwap(false, true) {
		return
	}
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		defer t.busy.Store(false)
		if err := t.dir.EmptyTrash(); err != nil {
			t.logger.Warn("không xóa được các bản dựng cũ", "error", err)
		}
	}()
}

// wait waits for the deleter.
func (t *trash) wait() { t.wg.Wait() }

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
