package site

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
)

// holdStage is the step of a build, after either lane, that holds back
// the pages Hugo fails on (held.go): before Hugo runs, the sections the
// last build held whole (again); after a run that failed on pages, those
// pages, with Hugo run again in full (back); after the run that went
// through, their last good copies and what staff are told (keep).
type holdStage struct {
	*held
	env *env
	job *job
}

func newHoldStage(e *env, j *job, keptFrom string) *holdStage {
	return &holdStage{held: newHeld(j.src, keptFrom), env: e, job: j}
}

// again holds back the sections of groups, which the last build held
// whole, without the runs that found them.
func (s *holdStage) again(groups []heldGroup) error {
	for _, g := range groups {
		s.holdGroup(g.Group, g.Why)
	}
	if !s.any() {
		return nil
	}
	return s.apply()
}

// back runs Hugo again in full after run failed on pages (out, err),
// holding back more pages each time (at most maxHoldRuns runs), until the
// build succeeds or no page can be held: then it returns the last error,
// or, when Hugo stalled in the last run (it names nothing then; a theme
// broken everywhere stalls it or not by chance), the last error of the
// build's runs (or probes) that named where Hugo failed. It returns the
// run that made out.
func (s *holdStage) back(run hugoRun, out workerResult, err error) (hugoRun, workerResult, error) {
	var named error
	for try := 0; try < maxHoldRuns; try++ {
		var he *hugoError
		if !errors.As(err, &he) {
			return run, out, err
		}
		if !he.stalled {
			named = err
		}
		fails, whole := he.failures, false
		if len(fails) == 0 && he.stalled {
			// Hugo named no page: a small site finds the templates that
			// fail, which fail on many pages.
			var perr error
			fails, perr = probe(s.env, s.src)
			whole = true
			if len(fails) > 0 {
				named = perr
			}
		}
		if s.add(fails, whole) == 0 {
			return run, out, s.namedOr(err, named)
		}
		s.env.logger.Warn("Hugo không dựng được một số trang; giữ lại các trang đó và dựng lại", "held", len(s.pages), "error", err.Error())
		if aerr := s.apply(); aerr != nil {
			return run, out, aerr
		}
		run = s.job.run
		if out, err = (fullLane{workers: s.env.workers}).again(run); err == nil {
			return run, out, nil
		}
	}
	return run, out, s.namedOr(err, named)
}

// namedOr is named in place of err when err is Hugo stalling and named
// is not nil (the stall is logged); else err.
func (s *holdStage) namedOr(err, named error) error {
	var he *hugoError
	if named == nil || !errors.As(err, &he) || !he.stalled {
		return err
	}
	s.env.logger.Warn("Hugo dừng ở lần dựng lại cuối; báo lỗi của lần dựng trước", "error", err.Error())
	return named
}

// apply changes the files of the pages newly held (once the search index
// has read the sources) and empties the build's folder for a full run. A
// page held with render "never" has the index read again, without it.
func (s *holdStage) apply() error {
	<-s.job.search.done
	never := s.never
	if err := s.held.apply(); err != nil {
		return failStep("Không giữ lại được các trang lỗi để dựng lại.", err)
	}
	if s.never && !never {
		s.job.search = startSearch(s.env.app, s.env.logger, s.src)
	}
	if err := os.RemoveAll(s.job.public); err != nil {
		return failStep("Không dọn được thư mục bản dựng để dựng lại.", err)
	}
	if err := os.MkdirAll(s.job.public, 0o755); err != nil {
		return failStep("Không tạo được thư mục cho bản dựng.", err)
	}
	return nil
}

// keep links the held pages' last good copies into the build's folder and
// tells staff what was held back (rep).
func (s *holdStage) keep(rep *Report) error {
	if err := s.copyKept(s.job.public); err != nil {
		return failStep("Không giữ được bản cũ của các trang không dựng được.", err)
	}
	rep.FailedPages = s.report()
	rep.Problems = append(rep.Problems, heldProblems(rep.FailedPages)...)
	return nil
}

// restore puts back the held files as the export wrote them.
func (s *holdStage) restore() { s.held.restore(s.env.logger) }

// probe builds a small site of the sources in src (two records of each
// section, every other page: see smallSite) in a worker of its own and
// returns the pages it fails on, and Hugo's error that names them.
func probe(e *env, src string) ([]pageFailure, error) {
	dir, err := os.MkdirTemp(filepath.Dir(src), ".probe-")
	if err != nil {
		return nil, nil
	}
	defer os.RemoveAll(dir)
	var sample []string
	for sec := range recordSections {
		entries, _ := os.ReadDir(filepath.Join(src, "content", sec))
		n := 0
		for _, e := range entries {
			if e.IsDir() && n < 2 {
				sample = append(sample, sec+"/"+e.Name())
				n++
			}
		}
	}
	small := filepath.Join(dir, "src")
	if err := smallSite(src, small, func(bundle string) bool { return slices.Contains(sample, bundle) }); err != nil {
		return nil, nil
	}
	_, err = e.workers.runOnce(e.runFor(small, filepath.Join(dir, "public")))
	var he *hugoError
	if errors.As(err, &he) && len(he.failures) > 0 {
		return he.failures, err
	}
	return nil, nil
}
