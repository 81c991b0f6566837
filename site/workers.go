package site

import (
	"context"
	"errors"
	"sync"
	"time"
)

// workers owns every Hugo worker process of a builder (worker.go): it
// starts them, reuses or replaces them, bounds how many run and what each
// run may take, and closes them all. Its policy:
//
//   - the builds' worker: a build that keeps nothing (a full build)
//     starts in a fresh one, since a worker that has built before runs a
//     full build 10–20% slower (measured with scripts/bench); a run again
//     after pages were held back goes on in the worker the failed run left
//     (a new one if Hugo stalled in it), sparing the start of a process; a
//     build that keeps Hugo's site for the next (the incremental lane)
//     reuses it, which costs its memory between builds, so only sites up
//     to maxIncrementalPages keep one;
//   - the ahead lane's worker, kept between its runs (its small sites
//     keep nothing in it);
//   - previewWorkers for the previews, each rendering one at a time;
//   - a one-off worker for a probe (and RunHugo), closed after its run.
//
// Every run is stopped past the timeout and bounded to maxOutput bytes
// (0: the disk's free space less diskReserve).
type workers struct {
	timeout   time.Duration
	maxOutput int64

	build    *hugoWorker
	ahead    *hugoWorker
	previews chan *hugoWorker // the free preview workers
	kept     []*hugoWorker    // every long-lived worker, to close

	mu      sync.Mutex // guards oneOffs
	oneOffs map[*hugoWorker]bool
}

// previewWorkers is how many previews render at once, each in a Hugo
// worker process of its own.
const previewWorkers = 2

// maxIncrementalPages is the largest site (pages of the last build) whose
// Hugo site the builds' worker keeps. Hugo's rebuilds check every page's
// dependencies against every change, and its kept site grows with each
// rebuild: measured at 26,000 pages (10,000 records), the worker held
// 5.8 GB and a rebuild took minutes, against 25 s for a full build in
// 1.6 GB; at 2,400 pages a rebuild takes 1–2.5 s and 300 MB. Above this
// size every build is full.
const maxIncrementalPages = 8000

// keepsSite reports whether the builds' worker may keep the Hugo site of a
// site of pages pages between builds.
func keepsSite(pages int64) bool { return pages <= maxIncrementalPages }

// errPreviewBusy: every preview worker stayed busy until the request's
// context ended.
var errPreviewBusy = errors.New("every preview worker is busy")

// newWorkers returns the owner of a builder's workers, none started yet
// (each starts on its first run). previews is how many preview workers it
// has (0 for a builder that makes no previews).
func newWorkers(timeout time.Duration, maxOutput int64, previews int) *workers {
	w := &workers{timeout: timeout, maxOutput: maxOutput, oneOffs: map[*hugoWorker]bool{},
		build: &hugoWorker{timeout: timeout}, ahead: &hugoWorker{timeout: timeout}, previews: make(chan *hugoWorker, previews)}
	w.kept = append(w.kept, w.build, w.ahead)
	for range previews {
		p := &hugoWorker{timeout: timeout}
		w.kept = append(w.kept, p)
		w.previews <- p
	}
	return w
}

// bound sets what a run may write.
func (w *workers) bound(r hugoRun) hugoRun {
	r.MaxOutputBytes = w.maxOutput
	return r
}

// runBuild runs a build's Hugo run in the builds' worker: a fresh one
// unless r keeps Hugo's site.
func (w *workers) runBuild(r hugoRun) (workerResult, error) {
	if !r.Keep {
		w.build.close()
	}
	return w.build.runStats(w.bound(r))
}

// rerunBuild runs a build's Hugo run again after its last run failed, in
// the builds' worker as that run left it (a failed run keeps nothing).
func (w *workers) rerunBuild(r hugoRun) (workerResult, error) {
	return w.build.runStats(w.bound(r))
}

// runAhead runs the ahead lane's small site in its worker.
func (w *workers) runAhead(r hugoRun) (workerResult, error) {
	return w.ahead.runStats(w.bound(r))
}

// takePreview waits for a free preview worker until ctx ends
// (errPreviewBusy); release gives it back. The preview prepares its small
// site while it holds the worker, so that no more previews than workers
// do their work at once.
func (w *workers) takePreview(ctx context.Context) (run func(hugoRun) (workerResult, error), release func(), err error) {
	select {
	case p := <-w.previews:
		run = func(r hugoRun) (workerResult, error) { return p.runStats(w.bound(r)) }
		return run, func() { w.previews <- p }, nil
	case <-ctx.Done():
		return nil, nil, errPreviewBusy
	}
}

// runOnce runs r in a worker of its own, closed after the run.
func (w *workers) runOnce(r hugoRun) (workerResult, error) {
	p := &hugoWorker{timeout: w.timeout}
	w.mu.Lock()
	w.oneOffs[p] = true
	w.mu.Unlock()
	defer func() {
		p.close()
		w.mu.Lock()
		delete(w.oneOffs, p)
		w.mu.Unlock()
	}()
	return p.runStats(w.bound(r))
}

// close ends every worker, waiting for the runs under way.
func (w *workers) close() {
	for _, p := range w.kept {
		p.close()
	}
	w.mu.Lock()
	var once []*hugoWorker
	for p := range w.oneOffs {
		once = append(once, p)
	}
	w.mu.Unlock()
	for _, p := range once {
		p.close()
	}
}
