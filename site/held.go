package site

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/gohugoio/hugo/parser/pageparser"
	toml "github.com/pelletier/go-toml/v2"

	"github.com/daison/portal/internal/vntext"
	"github.com/daison/portal/site/export"
)

// Holding pages back: one page Hugo fails to render never keeps the rest
// of the site from going live. When a build fails on pages (Hugo names the
// content file and the template line: failures.go), those pages are held
// back, their front matter set to Hugo's build option render "link" (not
// rendered, still listed and linked) when the live build has a copy of
// them, or "never" (neither rendered nor listed) when it has none (a new
// record), and Hugo runs again; the held pages' files are then linked from
// the live build into the new one, so they keep serving their last good
// copy. Hugo names a failure once however many pages fail the same way: a
// second page of a section failing at the same template line holds back
// every page of its kind in that section (a section's template broken
// through --site-src). When Hugo stalls after ten failures and names none,
// a small site with two records of each section finds the templates that
// fail. The runs are bounded: a theme broken everywhere still fails the
// build cleanly, and the last good site keeps serving. The held files are
// put back as the export wrote them once the build is done.

// maxHoldRuns bounds the Hugo runs a build makes after its first one failed.
const maxHoldRuns = 3

// heldMarker lists, in the source folder, the content files changed to
// hold pages back until they are put back; a build that finds it (the
// portal stopped mid-build) removes them, so that the export writes them
// again.
const heldMarker = ".held-pages.json"

// holdGroup is a kind of page in a section: the content files under
// content/<Dir> at Depth folders down, lists (_index.md) or pages.
type holdGroup struct {
	Dir   string `json:"dir"`
	Depth int    `json:"depth"`
	List  bool   `json:"list"`
}

// heldGroup is a group held whole, and why.
type heldGroup struct {
	Group holdGroup    `json:"group"`
	Why   templateLine `json:"why"`
}

// heldPage is a page held back.
type heldPage struct {
	file  string // content file, relative to the source folder
	url   string // its address on the site
	list  bool   // a list page (section, taxonomy, term, home)
	kept  bool   // the last good build has it: render "link", copied over
	title string
	coll  string // the record's collection and id, for a record's page
	id    string
	why   templateLine
	group *holdGroup // held with its whole group
	done  bool       // its file has been changed
}

// held are the pages a build holds back.
type held struct {
	src    string
	from   string // the last good build's output ("" if none)
	pages  map[string]*heldPage
	groups map[holdGroup]templateLine
	seen   map[holdGroup]map[templateLine]string // failures seen: group → where → first file
	orig   map[string][]byte                     // changed files as the export wrote them
	never  bool                                  // some page is held with render "never"
}

func newHeld(src, from string) *held {
	return &held{src: src, from: from, pages: map[string]*heldPage{}, groups: map[holdGroup]templateLine{},
		seen: map[holdGroup]map[templateLine]string{}, orig: map[string][]byte{}}
}

// any reports whether pages are held back.
func (h *held) any() bool { return len(h.pages) > 0 }

// groupOf is the group of a content file (relative to the source folder).
func groupOf(file string) holdGroup {
	parts := strings.Split(strings.TrimPrefix(file, "content/"), "/")
	g := holdGroup{Depth: len(parts) - 1, List: parts[len(parts)-1] == "_index.md"}
	if len(parts) > 1 {
		g.Dir = parts[0]
	}
	return g
}

// isPageFile reports whether file is a page's content file in content/.
func isPageFile(file string) bool {
	return strings.HasPrefix(file, "content/") && strings.HasSuffix(file, ".md") && !strings.Contains(file, "..")
}

// add holds back the pages of fails: each page alone, or its whole group
// when the group failed at the same place before on another page, or when
// whole (Hugo stalled: many pages fail). It returns how many pages it
// newly held.
func (h *held) add(fails []pageFailure, whole bool) int {
	n := 0
	for _, f := range fails {
		if !isPageFile(f.File) {
			continue
		}
		g, why := groupOf(f.File), f.where()
		first := h.seen[g][why]
		if whole || first != "" && first != f.File {
			n += h.holdGroup(g, why)
			continue
		}
		if h.seen[g] == nil {
			h.seen[g] = map[templateLine]string{}
		}
		h.seen[g][why] = f.File
		n += h.hold(f.File, why, nil)
	}
	return n
}

// holdGroup holds back every page of g.
func (h *held) holdGroup(g holdGroup, why templateLine) int {
	if _, done := h.groups[g]; done {
		return 0
	}
	h.groups[g] = why
	gg := g
	n := 0
	for _, file := range h.groupFiles(g) {
		n += h.hold(file, why, &gg)
	}
	return n
}

// groupFiles lists the content files of g.
func (h *held) groupFiles(g holdGroup) []string {
	root := filepath.Join(h.src, "content", g.Dir)
	var out []string
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(h.src, p)
		rel = filepath.ToSlash(rel)
		if isPageFile(rel) && groupOf(rel) == g {
			out = append(out, rel)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// hold holds back the page of file.
func (h *held) hold(file string, why templateLine, g *holdGroup) int {
	if p, ok := h.pages[file]; ok {
		if g != nil && p.group == nil {
			p.group = g
		}
		return 0
	}
	b, err := os.ReadFile(filepath.Join(h.src, filepath.FromSlash(file)))
	if err != nil {
		return 0
	}
	cf, err := pageparser.ParseFrontMatterAndContent(bytes.NewReader(b))
	if err != nil {
		return 0
	}
	p := &heldPage{file: file, url: contentURL(file, cf.FrontMatter), list: path.Base(file) == "_index.md", why: why, group: g}
	p.title, _ = cf.FrontMatter["title"].(string)
	if params, ok := cf.FrontMatter["params"].(map[string]any); ok {
		p.coll, _ = params["collection"].(string)
		p.id, _ = params["id"].(string)
	}
	if h.from != "" {
		_, err := os.Stat(filepath.Join(h.from, filepath.FromSlash(p.url), "index.html"))
		p.kept = err == nil
	}
	h.pages[file] = p
	return 1
}

// contentURL is the address of the page of a content file, as hugo.toml
// and the export make it: its "url", a taxonomy's or term's address
// (export.Taxonomies), or its folder.
func contentURL(file string, fm map[string]any) string {
	if u, ok := fm["url"].(string); ok && u != "" {
		return u
	}
	dir := strings.TrimPrefix(file, "content/")
	switch {
	case strings.HasSuffix(dir, "/_index.md") || strings.HasSuffix(dir, "/index.md"):
		dir = path.Dir(dir)
	case dir == "_index.md":
		return "/"
	default:
		dir = strings.TrimSuffix(dir, ".md")
	}
	parts := strings.Split(dir, "/")
	for _, t := range export.Taxonomies {
		if parts[0] != t.Name {
			continue
		}
		if len(parts) == 1 {
			return t.URL
		}
		term := parts[len(parts)-1]
		if s, ok := fm["slug"].(string); ok && s != "" {
			term = s
		}
		return t.URL + term + "/"
	}
	return "/" + dir + "/"
}

// apply changes the files of the pages newly held: Hugo does not render
// them.
func (h *held) apply() error {
	var files []string
	for f, p := range h.pages {
		if !p.done {
			files = append(files, f)
		}
	}
	sort.Strings(files)
	if len(files) == 0 {
		return nil
	}
	all := append([]string(nil), files...)
	for f := range h.orig {
		all = append(all, f)
	}
	if err := writeAtomic(filepath.Join(h.src, heldMarker), mustJSON(all)); err != nil {
		return err
	}
	for _, f := range files {
		p := h.pages[f]
		name := filepath.Join(h.src, filepath.FromSlash(f))
		b, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		render := "never"
		if p.kept {
			render = "link"
		} else {
			h.never = true
		}
		changed, err := withRender(b, render)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		if err := writeAtomic(name, changed); err != nil {
			return err
		}
		h.orig[f] = b
		p.done = true
	}
	return nil
}

// withRender returns a content file with its build option render set,
// its front matter as JSON (Hugo reads any format; JSON is what the
// export writes).
func withRender(b []byte, render string) ([]byte, error) {
	cf, err := pageparser.ParseFrontMatterAndContent(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	fm := cf.FrontMatter
	if fm == nil {
		fm = map[string]any{}
	}
	build := map[string]any{}
	if old, ok := fm["build"].(map[string]any); ok {
		for k, v := range old {
			build[k] = v
		}
	}
	build["render"] = render
	if render == "never" {
		build["list"] = "never"
	}
	fm["build"] = build
	head, err := json.MarshalIndent(fm, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(append(head, '\n', '\n'), cf.Content...), nil
}

// restore puts back the held files as the export wrote them.
func (h *held) restore(logger *slog.Logger) {
	if len(h.orig) == 0 {
		return
	}
	for f, b := range h.orig {
		if err := writeAtomic(filepath.Join(h.src, filepath.FromSlash(f)), b); err != nil {
			logger.Warn("không trả lại được tệp của trang đã giữ lại", "file", f, "error", err.Error())
			return // the marker stays: the next build has the export write it again
		}
	}
	h.orig = map[string][]byte{}
	_ = os.Remove(filepath.Join(h.src, heldMarker))
}

// recoverHeld removes the content files an interrupted build left changed
// (heldMarker), so that the export and the sources' copy write them again.
func recoverHeld(src string) {
	b, err := os.ReadFile(filepath.Join(src, heldMarker))
	if err != nil {
		return
	}
	var files []string
	_ = json.Unmarshal(b, &files)
	for _, f := range files {
		if isPageFile(f) {
			_ = os.Remove(filepath.Join(src, filepath.FromSlash(f)))
		}
	}
	_ = os.Remove(filepath.Join(src, heldMarker))
}

// copyKept links the last good copy of each page held with render "link"
// into public, leaving what the build wrote: a page's folder whole, a
// list's own files and its pagination.
func (h *held) copyKept(public string) error {
	pager := pagerPath(h.src)
	for _, p := range h.pages {
		if !p.kept {
			continue
		}
		from := filepath.Join(h.from, filepath.FromSlash(p.url))
		to := filepath.Join(public, filepath.FromSlash(p.url))
		if !p.list {
			if err := linkMissing(from, to); err != nil {
				return err
			}
			continue
		}
		entries, err := os.ReadDir(from)
		if err != nil {
			continue
		}
		for _, e := range entries {
			switch {
			case !e.IsDir() && strings.HasPrefix(e.Name(), "index."):
				err = linkMissing(filepath.Join(from, e.Name()), filepath.Join(to, e.Name()))
			case e.IsDir() && e.Name() == pager:
				err = linkMissing(filepath.Join(from, pager), filepath.Join(to, pager))
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// linkMissing links the files of from (a file or a folder) into to where
// to has none; precompressed copies are left for the build to make.
func linkMissing(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() || strings.HasSuffix(p, ".gz") {
			return nil
		}
		rel, _ := filepath.Rel(from, p)
		target := filepath.Join(to, rel)
		if _, err := os.Lstat(target); err == nil {
			return nil
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.Link(p, target)
	})
}

// pagerPath is the folder of a list's further pages (hugo.toml's
// pagination.path; Hugo's default "page").
func pagerPath(src string) string {
	var cfg struct {
		Pagination struct {
			Path string `toml:"path"`
		} `toml:"pagination"`
	}
	if b, err := os.ReadFile(filepath.Join(src, "hugo.toml")); err == nil {
		_ = toml.Unmarshal(b, &cfg)
	}
	if cfg.Pagination.Path == "" {
		return "page"
	}
	return cfg.Pagination.Path
}

// report says what was held back, for the build's report: a section held
// whole as one entry, each other page as its own, by address.
func (h *held) report() []FailedPage {
	var out []FailedPage
	bySection := map[holdGroup]*FailedPage{}
	for _, p := range h.pages {
		if p.group == nil {
			fp := FailedPage{URL: p.url, Pages: 1, Collection: p.coll, ID: p.id, Title: p.title,
				Template: p.why.Name, Line: p.why.Line, Kept: p.kept}
			fp.Message = heldPageMessage(fp)
			out = append(out, fp)
			continue
		}
		fp := bySection[*p.group]
		if fp == nil {
			fp = &FailedPage{URL: "/" + p.group.Dir + "/", Section: true, Template: p.why.Name, Line: p.why.Line, Kept: true}
			if p.group.Dir == "" {
				fp.URL = "/"
			}
			bySection[*p.group] = fp
		}
		fp.Pages++
		if fp.Collection == "" {
			fp.Collection = p.coll
		}
		if !p.kept {
			fp.Kept = false
			if p.id != "" {
				fp.NotLive = append(fp.NotLive, p.id)
			}
		}
	}
	for g, fp := range bySection {
		sort.Strings(fp.NotLive)
		fp.Title = h.sectionTitle(g)
		fp.Message = heldSectionMessage(*fp)
		out = append(out, *fp)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].URL != out[j].URL {
			return out[i].URL < out[j].URL
		}
		return out[i].Section && !out[j].Section
	})
	return out
}

// sectionTitle is the title of the section a group belongs to (its
// _index.md's), or "".
func (h *held) sectionTitle(g holdGroup) string {
	b, err := os.ReadFile(filepath.Join(h.src, "content", g.Dir, "_index.md"))
	if err != nil {
		return ""
	}
	if cf, err := pageparser.ParseFrontMatterAndContent(bytes.NewReader(b)); err == nil {
		t, _ := cf.FrontMatter["title"].(string)
		return t
	}
	return ""
}

// heldProblems are the held pages as the dashboard lists a build's
// problems.
func heldProblems(fps []FailedPage) []export.Problem {
	out := make([]export.Problem, 0, len(fps))
	for _, fp := range fps {
		out = append(out, export.Problem{Collection: fp.Collection, ID: fp.ID, Title: fp.Title, Message: fp.Message})
	}
	return out
}

// whereText says where Hugo failed, for staff.
func whereText(fp FailedPage) string {
	if fp.Template == "" {
		return ""
	}
	return fmt.Sprintf(" (lỗi ở mẫu giao diện “%s”, dòng %d)", fp.Template, fp.Line)
}

// heldPageMessage tells staff of one page held back.
func heldPageMessage(fp FailedPage) string {
	name := "Trang " + fp.URL
	switch {
	case strings.ContainsAny(fp.Title, "“\""):
		name = "Trang " + fp.Title + " (" + fp.URL + ")"
	case fp.Title != "":
		name = "Trang “" + fp.Title + "” (" + fp.URL + ")"
	}
	state := "nên vẫn hiện bản đã đăng trước đó"
	if !fp.Kept {
		state = "nên chưa có trên trang"
	}
	return name + " không dựng được" + whereText(fp) + " " + state + "; các trang khác đã được cập nhật. " +
		"Nếu vừa sửa giao diện, hãy báo bộ phận kỹ thuật; nếu vừa sửa nội dung, hãy xem lại nội dung đó."
}

// heldSectionMessage tells staff of a section's pages held back.
func heldSectionMessage(fp FailedPage) string {
	state := "nên vẫn hiện bản đã đăng trước đó"
	if !fp.Kept {
		state = "nên trang nào đã đăng vẫn hiện bản cũ, trang mới chưa có trên trang"
	}
	section := fp.URL
	if fp.Title != "" {
		section = "“" + fp.Title + "” (" + fp.URL + ")"
	}
	return fmt.Sprintf("%s trang của mục %s không dựng được%s %s; các trang khác đã được cập nhật. "+
		"Hãy báo bộ phận kỹ thuật sửa mẫu giao diện của mục này.", vntext.GroupDigits(fp.Pages), section, whereText(fp), state)
}

// writeAtomic writes a file whole or not at all (a reader never sees half
// of it).
func writeAtomic(name string, b []byte) error {
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

// groupsHeld are the groups held whole, to hold again in the next build
// while the sources do not change.
func (h *held) groupsHeld() []heldGroup {
	var out []heldGroup
	for g, why := range h.groups {
		out = append(out, heldGroup{Group: g, Why: why})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Group.Dir < out[j].Group.Dir })
	return out
}

// holdBack runs Hugo again after a build failed on pages (out, err), holding
// back more pages each time (at most maxHoldRuns runs), until the build
// succeeds or no page can be held: then it returns the last error. run
// becomes a full build into public that keeps nothing in the worker.
func (b *Builder) holdBack(h *held, run *hugoRun, public string, out workerResult, err error, searching **searchJob) (workerResult, error) {
	for try := 0; try < maxHoldRuns; try++ {
		var he *hugoError
		if !errors.As(err, &he) {
			return out, err
		}
		fails, whole := he.failures, false
		if len(fails) == 0 && he.stalled {
			// Hugo named no page: a small site finds the templates that
			// fail, which fail on many pages.
			fails, whole = b.probe(h.src), true
		}
		if h.add(fails, whole) == 0 {
			return out, err
		}
		b.logger.Warn("Hugo không dựng được một số trang; giữ lại các trang đó và dựng lại", "held", len(h.pages), "error", err.Error())
		if aerr := b.applyHolds(h, run, public, searching); aerr != nil {
			return out, aerr
		}
		if out, err = b.hugo.runStats(*run); err == nil {
			return out, nil
		}
	}
	return out, err
}

// applyHolds changes the files of the pages newly held (once the search
// index has read the sources) and makes run a full build into a clean
// public that keeps nothing in the worker. A page held with render "never"
// has the index read again, without it.
func (b *Builder) applyHolds(h *held, run *hugoRun, public string, searching **searchJob) error {
	<-(*searching).done
	never := h.never
	if err := h.apply(); err != nil {
		return failStep("Không giữ lại được các trang lỗi để dựng lại.", err)
	}
	if h.never && !never {
		*searching = b.startSearch(h.src)
	}
	if err := os.RemoveAll(public); err != nil {
		return failStep("Không dọn được thư mục bản dựng để dựng lại.", err)
	}
	if err := os.MkdirAll(public, 0o755); err != nil {
		return failStep("Không tạo được thư mục cho bản dựng.", err)
	}
	run.Keep, run.Incremental, run.Destination, run.Changed, run.Added = false, false, public, nil, nil
	return nil
}

// probe builds a small site of the sources in src (two records of each
// section, every other page: see smallSite) and returns the pages it
// fails on.
func (b *Builder) probe(src string) []pageFailure {
	dir, err := os.MkdirTemp(filepath.Dir(src), ".probe-")
	if err != nil {
		return nil
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
		return nil
	}
	w := &hugoWorker{timeout: b.cfg.BuildTimeout}
	defer w.close()
	_, err = w.runStats(hugoRun{Source: small, Destination: filepath.Join(dir, "public"), BaseURL: b.baseURL(), CacheDir: b.dir.CachePath()})
	var he *hugoError
	if errors.As(err, &he) {
		return he.failures
	}
	return nil
}
