package site

import (
	"io/fs"
	"log/slog"
	"strings"
	"sync/atomic"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/site/cards"
	"github.com/daison/portal/site/export"
	"github.com/daison/portal/site/live"
)

// env is what the lanes (the builds' pipeline, the ahead lane, the
// previews) share and only read: the app whose records they export, the
// theme's sources, the site folder, the public address, what the exports
// found of the stored images, the owner of the Hugo workers, the clock and
// the log.
type env struct {
	app     core.App
	sources fs.FS
	dir     live.Dir
	now     func() time.Time
	base    atomic.Value // the public address (string); serve may set it late
	images  *export.ImageChecks
	workers *workers
	logger  *slog.Logger
}

// newEnv is the lanes' environment for cfg, whose Root, BaseURL (as it is
// to be used) and Now are set; previews is how many preview workers it
// has.
func newEnv(app core.App, cfg Config, logger *slog.Logger, previews int) *env {
	dir := live.Dir{Root: cfg.Root}
	e := &env{app: app, sources: cfg.Sources, dir: dir, now: cfg.Now, logger: logger,
		images: export.NewImageChecks(dir.ImageChecksPath()), workers: newWorkers(cfg.BuildTimeout, cfg.MaxOutputBytes, previews)}
	e.base.Store(cfg.BaseURL)
	return e
}

// setBaseURL sets the public address, ending in "/".
func (e *env) setBaseURL(u string) {
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	e.base.Store(u)
}

// baseURL is the site's public address.
func (e *env) baseURL() string {
	u, _ := e.base.Load().(string)
	return u
}

// live reports whether a build is live (the site can be served).
func (e *env) live() bool {
	cur, err := e.dir.Current()
	return err == nil && cur != ""
}

// exportOptions are the options of the builds' and the ahead lane's
// exports.
func (e *env) exportOptions(now time.Time) export.Options {
	return export.Options{Now: now, BaseURL: e.baseURL(), Images: e.images,
		Cards: &cards.Cache{Dir: e.dir.CardCachePath()}}
}

// saveImageChecks keeps what the exports found of the stored images for
// the next builds; a failure only costs decoding them again.
func (e *env) saveImageChecks() {
	if err := e.images.Save(); err != nil {
		e.logger.Warn("không lưu được kết quả kiểm tra ảnh", "error", err.Error())
	}
}

// runFor is a Hugo run of the sources in src into dst at the site's
// address, with the site's caches.
func (e *env) runFor(src, dst string) hugoRun {
	return hugoRun{Source: src, Destination: dst, BaseURL: e.baseURL(), CacheDir: e.dir.CachePath()}
}

// markBroken leaves out of the next exports the images a Hugo error names
// (res's); it reports how many were newly left out.
func (e *env) markBroken(res export.Result, err error) int {
	broken := brokenImages(res, err)
	if len(broken) == 0 {
		return 0
	}
	n := e.images.MarkBroken(broken...)
	if n > 0 {
		e.saveImageChecks()
	}
	return n
}
