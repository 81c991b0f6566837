package site

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/bep/logg"
	"github.com/fsnotify/fsnotify"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"
)

// hugoRun is one Hugo build's input, as the worker process receives it.
type hugoRun struct {
	Source      string `json:"source"`      // folder with hugo.toml, content/, data/, themes/
	Destination string `json:"destination"` // a fresh folder for the output
	BaseURL     string `json:"baseURL"`
	// CacheDir keeps Hugo's file caches (processed images, among others)
	// between builds, so an unchanged cover is not resized again.
	CacheDir string `json:"cacheDir"`
	// MaxOutputBytes bounds what the build may write (0: no bound but the
	// disk's free space less a reserve).
	MaxOutputBytes int64 `json:"maxOutputBytes,omitempty"`
	// Keep keeps the Hugo site in the worker for incremental builds.
	Keep bool `json:"keep,omitempty"`
	// Incremental rebuilds the kept site for the Changed source files
	// (absolute paths) instead of building anew; Added are those of them
	// that are new files.
	Incremental bool     `json:"incremental,omitempty"`
	Changed     []string `json:"changed,omitempty"`
	Added       []string `json:"added,omitempty"`
	// Only, if set, is the one page to render (its path, "/tin-tuc/<slug>"):
	// Hugo reads the whole site but renders nothing else (a render
	// segment), so that no other page's template can fail it.
	Only string `json:"only,omitempty"`
}

// onlySegment names the render segment of hugoRun.Only.
const onlySegment = "portalonly"

// diskReserve is left free on the disk by every build, so that the
// database can always write what staff save.
const diskReserve = 200 << 20

// hugoOutput is what a Hugo build did.
type hugoOutput struct {
	Warnings string
	// Written are the files Hugo wrote, relative to the destination.
	Written []string
	// Failures are the pages a failed build failed on (pageFailures).
	Failures []pageFailure
	// Stalled: Hugo stopped after too many pages failed and never
	// returned (see watchBuild); the process cannot build again.
	Stalled bool
}

// stallGrace is how long a build may take to return once Hugo has stopped
// it (after ten page failures, or a fatal error): long enough for the
// pages being rendered to end (a build that does not stall returns within
// a second).
const stallGrace = 5 * time.Second

// errStalled is the error of a build Hugo stopped and never returned from.
//
//lint:ignore ST1005 Hugo is a name
var errStalled = errors.New("Hugo dừng sau quá nhiều trang lỗi mà không kết thúc bản dựng")

// watchBuild runs a Hugo build and returns its error, or errStalled when
// Hugo stopped it and it did not return within stallGrace: Hugo v0.165's
// error collator stops its page renderers after ten failures while its
// page walker may still be sending them pages, and the build then never
// ends. The worker process is then left to exit.
func watchBuild(sites *hugolib.HugoSites, cfg hugolib.BuildCfg, events ...fsnotify.Event) error {
	done := make(chan error, 1)
	go func() { done <- sites.Build(cfg, events...) }()
	select {
	case err := <-done:
		return err
	case <-sites.Done():
	}
	select {
	case err := <-done:
		return err
	case <-time.After(stallGrace):
		return errStalled
	}
}

// hugoState is a Hugo site kept between builds in the worker, for
// incremental builds: the next build re-renders only what the changed
// files touch.
type hugoState struct {
	key   string // what the site was made for: source, destination, base URL
	sites *hugolib.HugoSites
	out   *guardedFs
	log   *bytes.Buffer
}

// kept is the worker's Hugo site, if the last build asked to keep it.
var kept *hugoState

func (h *hugoState) close() {
	if h != nil && h.sites != nil {
		_ = h.sites.Close()
	}
}

// runHugo builds the site with Hugo's own packages, in the calling process,
// as the hugo command would with --minify. Hugo's errors (a template that
// fails, bad front matter) come back as the error. The portal calls it in
// its Hugo worker process (worker.go), where a build that hangs can be
// stopped.
//
// With r.Keep, Hugo runs as its server does (tracking what each page
// depends on) and the site is kept for the next build; an r.Incremental
// build of the same source and destination then re-renders only what
// r.Changed touches. Otherwise, and after any failure, it builds anew.
//
// Output goes through a file system that never reports a failed write to
// Hugo: it remembers the first failure (a full disk, the bound reached) and
// drops what follows. Hugo v0.165 can deadlock when ten pages fail to
// render; a full disk would fail every page. It removes a file before
// writing it, so that the hard links an incremental build shares with the
// live build are never written through.
func runHugo(r hugoRun) (hugoOutput, error) {
	key := r.Source + "\x00" + r.Destination + "\x00" + r.BaseURL + "\x00" + r.CacheDir
	if r.Incremental && kept != nil && kept.key == key {
		out, err := rebuild(kept, r)
		if err != nil {
			if !out.Stalled {
				kept.close()
			}
			kept = nil
		}
		return out, err
	}
	kept.close()
	kept = nil

	var log bytes.Buffer
	logger := loggers.New(loggers.Options{
		Level:         logg.LevelWarn,
		StdOut:        &log,
		StdErr:        &log,
		DistinctLevel: logg.LevelWarn,
		StoreErrors:   true,
	})
	flags := config.New()
	flags.Set("workingDir", r.Source)
	flags.Set("publishDir", r.Destination)
	flags.Set("baseURL", r.BaseURL)
	flags.Set("minify", map[string]any{"minifyOutput": true})
	if r.CacheDir != "" {
		flags.Set("cacheDir", r.CacheDir)
		flags.Set("resourceDir", filepath.Join(r.CacheDir, "resources"))
	}
	if r.Only != "" {
		only := strings.TrimSuffix(r.Only, "/")
		flags.Set("segments", map[string]any{onlySegment: map[string]any{
			"includes": []any{map[string]any{"path": only}},
		}})
		flags.Set("renderSegments", []string{onlySegment})
	}
	if r.Keep {
		// As "hugo server" runs: Hugo tracks dependencies for rebuilds; but
		// no live-reload script in the pages.
		flags.Set("internal", map[string]any{"running": true, "watch": true})
		flags.Set("disableLiveReload", true)
	}
	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Fs:     hugofs.Os,
		Logger: logger,
		Flags:  flags,
		// Relative to workingDir: Hugo reads a comma in Filename as a list
		// of files, and the source folder's path may have one.
		Filename:    "hugo.toml",
		Environment: "production",
		// The portal's environment (PORTAL_*, HUGO_* of a developer's shell)
		// must not change the public site.
		Environ: []string{"PATH=" + os.Getenv("PATH"), "HUGO_ENVIRONMENT=production"},
	})
	if err != nil {
		return hugoOutput{Warnings: log.String()}, fmt.Errorf("hugo: load config: %w", err)
	}
	if err := os.MkdirAll(r.Destination, 0o755); err != nil {
		return hugoOutput{}, fmt.Errorf("hugo: %w", err)
	}
	out := newGuardedFs(afero.NewOsFs(), budget(r))
	fs := hugofs.NewFromSourceAndDestination(hugofs.Os, out, flags)
	sites, err := hugolib.NewHugoSites(deps.DepsCfg{
		Configs:  configs,
		Fs:       fs,
		LogLevel: logger.Level(),
		StdOut:   &log,
		StdErr:   &log,
	})
	if err != nil {
		return hugoOutput{Warnings: log.String()}, fmt.Errorf("hugo: %w", err)
	}
	state := &hugoState{key: key, sites: sites, out: out, log: &log}
	res, err := finish(state, r, watchBuild(sites, hugolib.BuildCfg{}))
	if res.Stalled {
		return res, err // its goroutines are stuck: nothing to close
	}
	if err != nil || !r.Keep {
		state.close()
		return res, err
	}
	kept = state
	return res, nil
}

// rebuild re-renders what the changed source files touch.
func rebuild(h *hugoState, r hugoRun) (hugoOutput, error) {
	h.out.reset(budget(r))
	h.log.Reset()
	added := make(map[string]bool, len(r.Added))
	for _, p := range r.Added {
		added[p] = true
	}
	var events []fsnotify.Event
	for _, p := range r.Changed {
		// A new file is a creation (a new bundle's files must be added to
		// its page); a changed one only a write: Hugo takes any creation
		// for a change of the site's structure and re-renders every page
		// that ranges over pages or uses a processed resource.
		op := fsnotify.Write
		if added[p] {
			op = fsnotify.Create | fsnotify.Write
		}
		events = append(events, fsnotify.Event{Name: p, Op: op})
	}
	return finish(h, r, watchBuild(h.sites, hugolib.BuildCfg{}, events...))
}

// finish turns a Hugo build's outcome into the worker's answer and copies
// static files, as the hugo command does and hugolib does not.
func finish(h *hugoState, r hugoRun, buildErr error) (hugoOutput, error) {
	res := hugoOutput{Warnings: strings.TrimSpace(h.log.String())}
	if werr := h.out.Err(); werr != nil {
		return res, fmt.Errorf("hugo: %s: %w", writeFailed, werr)
	}
	if buildErr != nil {
		res.Failures, res.Stalled = pageFailures(buildErr, r.Source), errors.Is(buildErr, errStalled)
		return res, fmt.Errorf("hugo: %w", buildErr)
	}
	if err := copyStatic(r.Source, r.Destination); err != nil {
		return res, err
	}
	for _, p := range h.out.written() {
		if rel, err := filepath.Rel(r.Destination, p); err == nil && !strings.HasPrefix(rel, "..") {
			res.Written = append(res.Written, filepath.ToSlash(rel))
		}
	}
	return res, nil
}

// copyStatic copies the static/ folders of the themes, then the project's
// (which wins), into the output, as the hugo command does.
func copyStatic(src, dst string) error {
	dirs, _ := filepath.Glob(filepath.Join(src, "themes", "*", "static"))
	dirs = append(dirs, filepath.Join(src, "static"))
	for _, dir := range dirs {
		if _, err := os.Stat(dir); err != nil {
			continue
		}
		if err := copyFS(os.DirFS(dir), dst, nil); err != nil {
			return fmt.Errorf("hugo: copy %s: %w", dir, err)
		}
	}
	return nil
}
