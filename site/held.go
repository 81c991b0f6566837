package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gohugoio/hugo/parser/pageparser"

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
