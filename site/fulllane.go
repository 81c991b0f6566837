package site

import (
	"fmt"
	"os"
)

// The builds' two lanes through Hugo, the full one (this file) and the
// incremental one (incrementallane.go), take a build's job (its sources
// exported, its output folder new) and give Hugo's result and the run
// that made it; the pipeline picks one, and the pages Hugo fails on are
// held back after either (holdStage).

// fullLane renders every page of a build anew, into its empty output
// folder, keeping nothing in the worker: a fresh one (workers.runBuild),
// or after pages were held back the one the failed run left.
type fullLane struct{ workers *workers }

// render runs run (a build's sources into its output folder) in full.
func (l fullLane) render(run hugoRun) (workerResult, error) {
	if err := prepareFull(&run); err != nil {
		return workerResult{}, err
	}
	return l.workers.runBuild(run)
}

// again runs run in full again after the build's last run failed and
// pages were held back (holdStage.back), in the worker that run left.
func (l fullLane) again(run hugoRun) (workerResult, error) {
	if err := prepareFull(&run); err != nil {
		return workerResult{}, err
	}
	return l.workers.rerunBuild(run)
}

// prepareFull makes run a full run that keeps nothing, into its folder.
func prepareFull(run *hugoRun) error {
	run.Keep, run.Incremental, run.Changed, run.Added = false, false, nil, nil
	if err := os.MkdirAll(run.Destination, 0o755); err != nil {
		return failStep("Không tạo được thư mục cho bản dựng.", fmt.Errorf("tạo thư mục bản dựng: %w", err))
	}
	return nil
}
