package site

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
)

// hugoMu serialises Hugo builds in this process: Hugo keeps some state in
// package variables (its clock, deprecation logs), and two builds at once
// would only compete for the same two cores.
var hugoMu sync.Mutex

// hugoRun is one Hugo build's input and output.
type hugoRun struct {
	Source      string // folder with hugo.toml, content/, data/, themes/
	Destination string // a fresh folder for the output
	BaseURL     string
	// CacheDir keeps Hugo's file caches (processed images, among others)
	// between builds, so an unchanged cover is not resized again.
	CacheDir string
}

// runHugo builds the site in-process with Hugo's own packages, as the hugo
// command would with --minify, and returns Hugo's warnings. Hugo's errors
// (a template that fails, bad front matter) come back as the error.
func runHugo(r hugoRun) (warnings string, err error) {
	hugoMu.Lock()
	defer hugoMu.Unlock()

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

	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Fs:          hugofs.Os,
		Logger:      logger,
		Flags:       flags,
		Filename:    filepath.Join(r.Source, "hugo.toml"),
		Environment: "production",
		// The portal's environment (PORTAL_*, HUGO_* of a developer's shell)
		// must not change the public site.
		Environ: []string{"PATH=" + os.Getenv("PATH"), "HUGO_ENVIRONMENT=production"},
	})
	if err != nil {
		return log.String(), fmt.Errorf("hugo: load config: %w", err)
	}
	fs := hugofs.NewFrom(hugofs.Os, configs.LoadingInfo.BaseConfig)
	sites, err := hugolib.NewHugoSites(deps.DepsCfg{
		Configs:  configs,
		Fs:       fs,
		LogLevel: logger.Level(),
		StdOut:   &log,
		StdErr:   &log,
	})
	if err != nil {
		return log.String(), fmt.Errorf("hugo: %w", err)
	}
	defer sites.Close()
	if err := sites.Build(hugolib.BuildCfg{}); err != nil {
		return log.String(), fmt.Errorf("hugo: %w", err)
	}
	// The hugo command copies static/ itself; hugolib does not.
	if err := copyStatic(r.Source, r.Destination); err != nil {
		return log.String(), err
	}
	return strings.TrimSpace(log.String()), nil
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
		if err := writeSources(os.DirFS(dir), dst); err != nil {
			return fmt.Errorf("hugo: copy %s: %w", dir, err)
		}
	}
	return nil
}
