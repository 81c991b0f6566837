package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/daison/portal/site/cards"
	"github.com/daison/portal/site/export"
)

// generate writes the sources, exports the records and runs Hugo: the whole
// build but the swap.
//
// With prev (the live build's folder) and Config.Incremental, a build whose
// changes are only new or changed records copies prev into public as hard
// links and has Hugo re-render what the changes touch; any removal, any
// change of the theme or configuration, a failure, or fullEvery builds in a
// row make it a full build.
func (b *Builder) generate(src, public string, now time.Time, rep *Report, prev string) error {
	t := time.Now()
	recoverHeld(src)
	written, removed, err := syncSources(b.cfg.Sources, src)
	if err != nil {
		return failStep("Không chép được mã nguồn giao diện của trang.", err)
	}
	if err := checkSources(src); err != nil {
		return failStep("Mã nguồn giao diện của trang không đầy đủ.", err)
	}
	rep.Changed = len(written) + len(removed)
	for try := 1; ; try++ {
		res, err := b.render(src, public, now, rep, prev, len(written)+len(removed) > 0, t)
		broken := brokenImages(res, err)
		if len(broken) == 0 || try > maxImageRetries || b.images.MarkBroken(broken...) == 0 {
			return err
		}
		// Hugo failed on a record's image that decodes here: it is left
		// out from now on (staff are told), and the build runs again, in
		// full.
		b.logger.Warn("Hugo không xử lý được ảnh; bỏ ảnh ra và dựng lại", "images", broken, "error", err.Error())
		b.saveImageChecks()
		if err := os.RemoveAll(public); err != nil {
			return failStep("Không dọn được thư mục bản dựng để dựng lại.", err)
		}
		prev, t = "", time.Now()
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

// render exports the records into src and has Hugo build them into public:
// generate's work after the sources are in place (sourcesChanged: they
// changed since the last build).
func (b *Builder) render(src, public string, now time.Time, rep *Report, prev string, sourcesChanged bool, t time.Time) (export.Result, error) {
	res, err := export.Run(b.app, src, b.exportOptions(now))
	if err != nil {
		return res, failStep("Không xuất được dữ liệu đã xuất bản ra trang.", fmt.Errorf("xuất dữ liệu: %w", err))
	}
	b.saveImageChecks()
	rep.ExportDuration = Millis(time.Since(t))
	rep.Records = res.Total()
	rep.NextPublish = res.NextPublish
	rep.Problems = res.Problems
	b.exported = res.Versions
	rep.Changed += len(res.Written) + len(res.Removed)
	searching := b.startSearch(src)
	defer func() { <-searching.done }() // a failed build leaves no reader of src behind
	h := newHeld(src, b.keptFrom)
	defer func() { <-searching.done; h.restore(b.logger) }()

	t = time.Now()
	run := hugoRun{
		Source:         src,
		Destination:    public,
		BaseURL:        b.baseURL(),
		CacheDir:       b.dir.CachePath(),
		MaxOutputBytes: b.cfg.MaxOutputBytes,
	}
	if b.cfg.Incremental && prev != "" && b.lastPages.Load() <= maxIncrementalPages {
		// Hugo's kept site writes to one path: a link to this build's
		// folder.
		run.Keep, run.Destination = true, b.dir.OutPath()
		if err := pointLink(run.Destination, public); err != nil {
			return res, failStep("Không chuẩn bị được thư mục cho bản dựng.", err)
		}
		run.Incremental = !sourcesChanged && len(res.Removed) == 0 && b.sinceFull < fullEvery
		for _, p := range res.Written {
			run.Changed = append(run.Changed, filepath.Join(src, filepath.FromSlash(p)))
		}
		for _, p := range res.Added {
			run.Added = append(run.Added, filepath.Join(src, filepath.FromSlash(p)))
		}
	}
	if run.Incremental {
		if err := linkTree(prev, public, false); err != nil {
			b.logger.Warn("không chép được bản dựng trước, dựng lại toàn bộ", "error", err.Error())
			run.Incremental = false
			_ = os.RemoveAll(public)
		}
	}
	if err := os.MkdirAll(public, 0o755); err != nil {
		return res, failStep("Không tạo được thư mục cho bản dựng.", fmt.Errorf("tạo thư mục bản dựng: %w", err))
	}
	if !sourcesChanged {
		// The sections held whole by the last build are held again until
		// the theme changes, without the runs that found them.
		for _, g := range b.heldGroups {
			h.holdGroup(g.Group, g.Why)
		}
		if h.any() {
			if err := b.applyHolds(h, &run, public, &searching); err != nil {
				return res, err
			}
		}
	}
	if !run.Keep {
		// A fresh worker for a full build: one that has built before runs
		// a full build 10–20% slower (measured with scripts/bench), and a
		// full build keeps nothing in it anyway.
		b.hugo.close()
	}
	out, err := b.hugo.runStats(run)
	if err != nil && run.Incremental {
		b.logger.Warn("dựng từng phần thất bại, dựng lại toàn bộ", "error", err.Error())
		_ = os.RemoveAll(public)
		if err := os.MkdirAll(public, 0o755); err != nil {
			return res, failStep("Không tạo được thư mục cho bản dựng.", fmt.Errorf("tạo thư mục bản dựng: %w", err))
		}
		run.Incremental = false
		out, err = b.hugo.runStats(run)
	}
	if err != nil && len(brokenImages(res, err)) == 0 {
		// Pages Hugo failed on are held back and the rest goes live (an
		// image it failed on is left out instead, by generate).
		out, err = b.holdBack(h, &run, public, out, err, &searching)
	}
	rep.HugoDuration = Millis(time.Since(t))
	rep.Warnings, rep.HugoPeakKB, rep.Incremental, rep.Rendered = stripPaths(out.Warnings, src, b.cfg.Root), out.PeakKB, run.Incremental, len(out.Written)
	if err != nil {
		//lint:ignore ST1005 Hugo is a name
		return res, fmt.Errorf("Hugo: %w", err)
	}
	if run.Incremental {
		b.sinceFull++
	} else {
		b.sinceFull = 0
	}
	relinkResources(filepath.Join(src, "content"), public, out.Written)
	if h.any() {
		if err := h.copyKept(public); err != nil {
			return res, failStep("Không giữ được bản cũ của các trang không dựng được.", err)
		}
		rep.FailedPages = h.report()
		rep.Problems = append(rep.Problems, heldProblems(rep.FailedPages)...)
		b.exported = heldVersions(b.exported, b.liveVersions(), rep.FailedPages)
		b.sinceFull = fullEvery // the next build renders every page anew
	}
	b.heldGroups = h.groupsHeld()
	pages, err := checkOutput(public)
	rep.Pages = pages
	if err != nil {
		return res, failStep("Bản dựng không đầy đủ (thiếu trang chủ, trang báo lỗi 404 hoặc sơ đồ trang).", err)
	}
	b.lastPages.Store(int64(pages))
	set, shards, err := searching.finish(public)
	if err != nil {
		return res, failStep("Không tạo được chỉ mục tìm kiếm của trang.", err)
	}
	b.searchSet = set
	t = time.Now()
	gzCache := b.dir.GzipCachePath()
	if run.Incremental {
		err = precompressFiles(public, gzCache, append(out.Written, shards...))
	} else {
		_, _, err = precompress(public, gzCache)
	}
	if err != nil {
		return res, failStep("Không nén được các trang của bản dựng.", err)
	}
	rep.CompressDuration = Millis(time.Since(t))
	return res, nil
}

// exportOptions are the options of the builds' and the ahead lane's
// exports.
func (b *Builder) exportOptions(now time.Time) export.Options {
	return export.Options{Now: now, BaseURL: b.baseURL(), Images: b.images,
		Cards: &cards.Cache{Dir: b.dir.CardCachePath()}}
}

// saveImageChecks keeps what the exports found of the stored images for
// the next builds; a failure only costs decoding them again.
func (b *Builder) saveImageChecks() {
	if err := b.images.Save(); err != nil {
		b.logger.Warn("không lưu được kết quả kiểm tra ảnh", "error", err.Error())
	}
}

// pointLink points the symbolic link at link to target, in one rename.
func pointLink(link, target string) error {
	tmp := link + ".tmp"
	_ = os.Remove(tmp)
	if err := os.Symlink(target, tmp); err != nil {
		return fmt.Errorf("liên kết thư mục dựng: %w", err)
	}
	if err := os.Rename(tmp, link); err != nil {
		return fmt.Errorf("liên kết thư mục dựng: %w", err)
	}
	return nil
}

// linkTree makes dst a copy of src made of hard links: instant, and safe
// because Hugo's writes and the export replace files rather than write into
// them. With changing, src may be changing meanwhile (a build's sources):
// what vanishes during the walk is left out.
func linkTree(src, dst string, changing bool) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if changing && errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if err := os.Link(p, target); err != nil && !(changing && errors.Is(err, fs.ErrNotExist)) {
			return err
		}
		return nil
	})
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
