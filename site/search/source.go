package search

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/gohugoio/hugo/parser/pageparser"

	"github.com/daison/portal/internal/markdown"
	"github.com/daison/portal/records/record"
)

// skipSections hold no page to find: the search page itself and the
// redirects from other addresses (site/export's RedirectSection).
var skipSections = map[string]bool{"tim-kiem": true, "chuyen-huong": true}

// FromSource reads the pages of a Hugo source folder (after the export has
// written the records into it): every exported record's page bundle and
// every hand-written page, sections' own pages (_index.md) left out. A file
// that does not parse is left out and named in the error list; it never
// stops the others.
func FromSource(src string) ([]Doc, []error) {
	root := filepath.Join(src, "content")
	var docs []Doc
	var errs []error
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if skipSections[rel] {
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".md") || path.Base(rel) == "_index.md" {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			errs = append(errs, fmt.Errorf("đọc %s: %w", rel, err))
			return nil
		}
		doc, ok, err := readPage(rel, b)
		if err != nil {
			errs = append(errs, fmt.Errorf("đọc %s: %w", rel, err))
			return nil
		}
		if ok {
			docs = append(docs, doc)
		}
		return nil
	})
	if err != nil {
		errs = append(errs, fmt.Errorf("đọc nội dung trang: %w", err))
	}
	Sort(docs)
	return docs, errs
}

// Sort orders docs as the index numbers them: by kind (Kinds' order), then
// newest first, then by address. Of two results that score the same, the
// first here comes first.
func Sort(docs []Doc) {
	sort.SliceStable(docs, func(i, j int) bool {
		a, b := docs[i], docs[j]
		if ka, kb := kindOrder(a.Kind), kindOrder(b.Kind); ka != kb {
			return ka < kb
		}
		if a.sortDate != b.sortDate {
			return a.sortDate > b.sortDate
		}
		return a.URL < b.URL
	})
}

// readPage reads one content file at rel (under content/) into a Doc; ok
// is false for pages that are not rendered.
func readPage(rel string, b []byte) (Doc, bool, error) {
	cf, err := pageparser.ParseFrontMatterAndContent(bytes.NewReader(b))
	if err != nil {
		return Doc{}, false, fmt.Errorf("front matter: %w", err)
	}
	fm := cf.FrontMatter
	if fm == nil {
		fm = map[string]any{}
	}
	if draft, _ := fm["draft"].(bool); draft {
		return Doc{}, false, nil
	}
	if bo, ok := fm["build"].(map[string]any); ok && (bo["render"] == "never" || bo["render"] == false) {
		return Doc{}, false, nil
	}
	params, _ := fm["params"].(map[string]any)
	p := page{fm: fm, params: params, body: plain(string(cf.Content))}
	dir := strings.TrimSuffix(rel, ".md")
	if path.Base(rel) == "index.md" {
		dir = path.Dir(rel)
	}
	d := Doc{Kind: OtherKind, URL: "/" + dir + "/", Title: str(fm, "title"), Body: p.body}
	if u := str(fm, "url"); u != "" {
		d.URL = u
	}
	d.Summary = str(fm, "summary")
	if d.Summary == "" {
		d.Summary = str(fm, "description")
	}
	d.Short = markdown.Truncate(d.Summary, 200)
	if d.Short == "" {
		d.Short = markdown.Truncate(d.Body, 200)
	}
	section, _, _ := strings.Cut(dir, "/")
	date := str(fm, "date")
	if t, err := time.Parse(time.RFC3339, date); err == nil {
		d.sortDate = t.Unix()
		date = t.Format("02/01/2006")
	} else {
		date = ""
	}
	if params != nil && str(params, "collection") != "" {
		for _, k := range Kinds {
			if k.Section == section {
				d.Kind = k.Section
				if k.Dated {
					d.Date = date
				}
				if k.Map == nil {
					generic(p, &d)
					break
				}
				t := record.Text{Summary: d.Summary, Body: d.Body}
				k.Map(record.Fields{Params: params}, &t)
				d.Summary, d.Body = t.Summary, t.Body
			}
		}
		if d.Kind == OtherKind {
			generic(p, &d)
		}
	}
	if d.Title == "" {
		return Doc{}, false, nil
	}
	return d, true, nil
}

// plain is the text of Markdown, without its syntax or shortcodes.
func plain(md string) string { return record.Plain(md) }
