package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// BuildTo builds the whole site from app's records into out once, for a
// static host: into a new folder beside out first, then renamed onto it, so
// a failed build leaves out as it was. It runs a pipeline of its own, in
// full (no live site here to build incrementally from or to put pages
// ahead on), with its own Hugo worker, closed when it returns.
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

	if cfg.Root == "" {
		cfg.Root = work
	}
	cfg.Root = absolute(cfg.Root)
	e := newEnv(app, cfg, app.Logger(), 0)
	defer e.workers.close()
	p := newPipeline(e, false)
	start := cfg.Now()
	rep := Report{Reason: "portal build", Started: start}
	in := buildInput{src: filepath.Join(work, "src"), public: filepath.Join(work, "public"), now: start}
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		in.keptFrom = out // a page Hugo fails on keeps what the host has
	}
	if _, err := p.run(in, &rep); err != nil {
		rep.Error = staffError(err)
		rep.Duration = Millis(time.Since(start))
		return rep, err
	}
	old := filepath.Join(work, "old")
	if err := os.Rename(out, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return rep, fmt.Errorf("thay thư mục đích: %w", err)
	}
	if err := os.Rename(in.public, out); err != nil {
		_ = os.Rename(old, out)
		return rep, fmt.Errorf("thay thư mục đích: %w", err)
	}
	rep.Duration = Millis(time.Since(start))
	return rep, nil
}
