package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/daison/portal/site/export"
	"github.com/daison/portal/site/search"
)

// pipeline makes a build's output folder, the whole build but the swap:
// the sources, the export, Hugo through one of two lanes (full or
// incremental), the pages Hugo fails on held back, the search index and
// the gzipped copies. Builds run it one at a time (Builder.Build holds its
// lock; BuildTo has a pipeline of its own), so its state, carried from
// build to build, is its caller's while a build runs.
type pipeline struct {
	*env
	full        fullLane
	incremental *incrementalLane // nil: every build is full
	// heldGroups are the sections the last build held whole, held again
	// while the theme does not change.
	heldGroups []heldGroup
	// lastPages are the HTML pages of the last build made; the ahead lane
	// reads it at any time.
	lastPages atomic.Int64
}

// buildInput is what one build makes, and from what.
type buildInput struct {
	src    string // Hugo's source folder, kept from build to build
	public string // the build's output folder, new
	now    time.Time
	// prev is the live build's output, for the incremental lane to start
	// from ("" for a full build).
	prev string
	// keptFrom is the last good output, whose copies of the pages Hugo
	// fails on keep serving ("" if none).
	keptFrom string
}

// buildOutput is what a build made besides its folder and report, for the
// swap and what follows it.
type buildOutput struct {
	// versions are the record versions the build holds (exported, less
	// the pages it held back: see heldVersions).
	versions export.Versions
	// search is the build's search index, handed to the search server
	// once the build is live.
	search *search.Set
}

func newPipeline(e *env, incremental bool) *pipeline {
	p := &pipeline{env: e, full: fullLane{workers: e.workers}}
	if incremental {
		p.incremental = &incrementalLane{workers: e.workers, link: e.dir.OutPath(), logger: e.logger}
	}
	return p
}

// run makes in.public, filling rep. A Hugo failure on a record's image
// that decodes here leaves the image out from now on (staff are told) and
// runs the build again, in full.
func (p *pipeline) run(in buildInput, rep *Report) (buildOutput, error) {
	t := time.Now()
	recoverHeld(in.src)
	written, removed, err := syncSources(p.sources, in.src)
	if err != nil {
		return buildOutput{}, failStep("Không chép được mã nguồn giao diện của trang.", err)
	}
	if err := checkSources(in.src); err != nil {
		return buildOutput{}, failStep("Mã nguồn giao diện của trang không đầy đủ.", err)
	}
	rep.Changed = len(written) + len(removed)
	sourcesChanged := rep.Changed > 0
	for try := 1; ; try++ {
		out, res, err := p.render(in, rep, sourcesChanged, t)
		if try > maxImageRetries || p.markBroken(res, err) == 0 {
			return out, err
		}
		p.logger.Warn("Hugo không xử lý được ảnh; bỏ ảnh ra và dựng lại", "images", brokenImages(res, err), "error", err.Error())
		if err := os.RemoveAll(in.public); err != nil {
			return buildOutput{}, failStep("Không dọn được thư mục bản dựng để dựng lại.", err)
		}
		in.prev, t = "", time.Now()
	}
}

// maxImageRetries bounds the builds run again after Hugo failed on images.
const maxImageRetries = 3

// brokenImages are the storage keys of the record images a Hugo error
// names.
func brokenImages(res export.Result, err error) []string {
	var he *hugoError
	if !errors.As(err, &he) {
		return nil
	}
	return res.ImagesIn(he.Error())
}

// render exports the records into in.src and has Hugo build them into
// in.public: run's work after the sources are in place (sourcesChanged:
// they changed since the last build; t: when the build's export began).
func (p *pipeline) render(in buildInput, rep *Report, sourcesChanged bool, t time.Time) (buildOutput, export.Result, error) {
	res, err := export.Run(p.app, in.src, p.exportOptions(in.now))
	if err != nil {
		return buildOutput{}, res, failStep("Không xuất được dữ liệu đã xuất bản ra trang.", fmt.Errorf("xuất dữ liệu: %w", err))
	}
	p.saveImageChecks()
	rep.ExportDuration = Millis(time.Since(t))
	rep.Records = res.Total()
	rep.NextPublish = res.NextPublish
	rep.Problems = res.Problems
	rep.Changed += len(res.Written) + len(res.Removed)
	j := newJob(p.env, in, res)
	defer j.close() // a failed build leaves no reader of src behind, and its files as the export wrote them

	t = time.Now()
	if !sourcesChanged {
		// The sections held whole by the last build are held again until
		// the theme changes, without the runs that found them.
		if err := j.holds.again(p.heldGroups); err != nil {
			return buildOutput{}, res, err
		}
	}
	run, out, err := p.hugo(j, in.prev, sourcesChanged)
	rep.HugoDuration = Millis(time.Since(t))
	rep.Warnings, rep.HugoPeakKB, rep.Incremental, rep.Rendered = stripPaths(out.Warnings, in.src, p.dir.Root), out.PeakKB, run.Incremental, len(out.Written)
	if err != nil {
		//lint:ignore ST1005 Hugo is a name
		return buildOutput{}, res, fmt.Errorf("Hugo: %w", err)
	}
	p.incremental.count(run)
	relinkResources(filepath.Join(in.src, "content"), in.public, out.Written)
	if j.holds.any() {
		if err := j.holds.keep(rep); err != nil {
			return buildOutput{}, res, err
		}
		p.incremental.renderAllNext()
	}
	p.heldGroups = j.holds.groupsHeld()
	pages, err := checkOutput(in.public)
	rep.Pages = pages
	if err != nil {
		return buildOutput{}, res, failStep("Bản dựng không đầy đủ (thiếu trang chủ, trang báo lỗi 404 hoặc sơ đồ trang).", err)
	}
	p.lastPages.Store(int64(pages))
	set, shards, err := j.search.finish(in.public)
	if err != nil {
		return buildOutput{}, res, failStep("Không tạo được chỉ mục tìm kiếm của trang.", err)
	}
	t = time.Now()
	gzCache := p.dir.GzipCachePath()
	if run.Incremental {
		err = precompressFiles(in.public, gzCache, append(out.Written, shards...))
	} else {
		_, _, err = precompress(in.public, gzCache)
	}
	if err != nil {
		return buildOutput{}, res, failStep("Không nén được các trang của bản dựng.", err)
	}
	rep.CompressDuration = Millis(time.Since(t))
	return buildOutput{versions: res.Versions, search: set}, res, nil
}

// hugo renders j's pages through a lane: the incremental one when it may
// (it is on, a live build to start from, a site small enough to keep) and
// no page is held back from the start, else the full one. Pages Hugo then
// fails on are held back and the rest renders (an image it failed on is
// left out instead, by run). It returns the run that made the output.
func (p *pipeline) hugo(j *job, prev string, sourcesChanged bool) (hugoRun, workerResult, error) {
	var (
		run hugoRun
		out workerResult
		err error
	)
	if !j.holds.any() && p.incremental.usable(prev, p.lastPages.Load()) {
		run, out, err = p.incremental.render(j, prev, sourcesChanged)
	} else {
		run = j.run
		out, err = p.full.render(run)
	}
	if err != nil && len(brokenImages(j.res, err)) == 0 {
		run, out, err = j.holds.back(run, out, err)
	}
	return run, out, err
}

// job is one build in the making, from its export to its output: what
// the lanes and the hold-back stage share.
type job struct {
	src, public string
	res         export.Result
	run         hugoRun    // a full run of src into public
	search      *searchJob // the search index, read from src while Hugo renders
	holds       *holdStage
}

func newJob(e *env, in buildInput, res export.Result) *job {
	j := &job{src: in.src, public: in.public, res: res, run: e.runFor(in.src, in.public)}
	j.search = startSearch(e.app, e.logger, in.src)
	j.holds = newHoldStage(e, j, in.keptFrom)
	return j
}

// close waits for the search index's reading of the sources, then puts
// back the files of the pages held back.
func (j *job) close() {
	<-j.search.done
	j.holds.restore()
}

// checkOutput makes sure a build is whole enough to go live, and counts its
// HTML pages.
func checkOutput(public string) (int, error) {
	for _, must := range []string{"index.html", "404.html", "sitemap.xml"} {
		if _, err := os.Stat(filepath.Join(public, must)); err != nil {
			return 0, fmt.Errorf("bản dựng thiếu %s: %w", must, err)
		}
	}
	pages := 0
	err := filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			pages++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("đếm trang: %w", err)
	}
	return pages, nil
}
