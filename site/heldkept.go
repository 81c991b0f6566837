package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gohugoio/hugo/parser/pageparser"
	toml "github.com/pelletier/go-toml/v2"

	"github.com/daison/portal/internal/vntext"
	"github.com/daison/portal/site/export"
)

// What a build that held pages back puts in their place, and tells staff.

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
