package site

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
)

// incrementalLane keeps Hugo's site in the builds' worker between builds
// (Config.Incremental), so that a build whose changes are only new or
// changed records copies the live build into its folder as hard links and
// has Hugo re-render what the changes touch. Any removal, any change of
// the theme or configuration, or fullEvery builds in a row make the kept
// site render every page (and keep it for the next build); so does a
// rebuild that fails.
type incrementalLane struct {
	workers *workers
	// link is the one path the kept site writes to: a symbolic link,
	// pointed at each build's folder.
	link   string
	logger *slog.Logger
	// sinceFull counts the incremental builds since the last full one.
	sinceFull int
}

// fullEvery forces a full build after so many incremental ones, in case
// an incremental build missed a page.
const fullEvery = 100

// usable reports whether a build may go through the lane: it is on, there
// is a live build (prev) to start from, and the site (pages, the last
// build's) is small enough to keep in the worker.
func (l *incrementalLane) usable(prev string, pages int64) bool {
	return l != nil && prev != "" && keepsSite(pages)
}

// render renders j's pages with the kept site: only what changed (j.res)
// when it can, into a copy of prev, else every page.
func (l *incrementalLane) render(j *job, prev string, sourcesChanged bool) (hugoRun, workerResult, error) {
	run := j.run
	run.Keep, run.Destination = true, l.link
	if err := pointLink(l.link, j.public); err != nil {
		return run, workerResult{}, failStep("Không chuẩn bị được thư mục cho bản dựng.", err)
	}
	run.Incremental = !sourcesChanged && len(j.res.Removed) == 0 && l.sinceFull < fullEvery
	for _, p := range j.res.Written {
		run.Changed = append(run.Changed, filepath.Join(j.src, filepath.FromSlash(p)))
	}
	for _, p := range j.res.Added {
		run.Added = append(run.Added, filepath.Join(j.src, filepath.FromSlash(p)))
	}
	if run.Incremental {
		if err := linkTree(prev, j.public, false); err != nil {
			l.logger.Warn("không chép được bản dựng trước, dựng lại toàn bộ", "error", err.Error())
			run.Incremental = false
			_ = os.RemoveAll(j.public)
		}
	}
	if err := os.MkdirAll(j.public, 0o755); err != nil {
		return run, workerResult{}, failStep("Không tạo được thư mục cho bản dựng.", fmt.Errorf("tạo thư mục bản dựng: %w", err))
	}
	out, err := l.workers.runBuild(run)
	if err != nil && run.Incremental {
		l.logger.Warn("dựng từng phần thất bại, dựng lại toàn bộ", "error", err.Error())
		_ = os.RemoveAll(j.public)
		if err := os.MkdirAll(j.public, 0o755); err != nil {
			return run, workerResult{}, failStep("Không tạo được thư mục cho bản dựng.", fmt.Errorf("tạo thư mục bản dựng: %w", err))
		}
		run.Incremental = false
		out, err = l.workers.runBuild(run)
	}
	return run, out, err
}

// count counts a build that went through Hugo by run.
func (l *incrementalLane) count(run hugoRun) {
	if l == nil {
		return
	}
	if run.Incremental {
		l.sinceFull++
	} else {
		l.sinceFull = 0
	}
}

// renderAllNext makes the next build render every page anew (this one
// held pages back).
func (l *incrementalLane) renderAllNext() {
	if l != nil {
		l.sinceFull = fullEvery
	}
}
