package export

import (
	"encoding/json"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/records"
	"github.com/daison/portal/records/record"
)

// site is one export as the kinds' mappers see it (record.Site): the
// published records, the page writers of their bundles, and what is shared
// across kinds, each a small part of its own.
type site struct {
	app   core.App
	now   time.Time
	tree  *Tree
	pub   *published    // the records the public may see
	links *links        // short links and old addresses kept
	media *media        // the records' stored images and files
	share *sharing      // QR codes and share cards
	terms *record.Terms // the taxonomies' terms the pages use
	out   *outcome      // what the export tells its caller
	memo  map[string]any
}

var _ record.Site = (*site)(nil)

// newSite loads what the export shows at opts.Now (with preview, if not
// nil, as the only record of its collection, as if published now), plans
// the pages' other addresses and checks every stored image, before any
// page is written.
func newSite(app core.App, opts Options, files *filesystem.System, id commune.Identity, preview *core.Record) (*site, error) {
	now := opts.Now.UTC()
	pub, err := loadPublished(app, now, preview)
	if err != nil {
		return nil, err
	}
	out := newOutcome()
	ls, err := planLinks(app, pub, out)
	if err != nil {
		return nil, err
	}
	tree := NewTree()
	checks := opts.Images
	if checks == nil {
		checks = NewImageChecks("")
	}
	m := &media{files: files, checks: checks, tree: tree, out: out}
	m.checkAll(pub)
	s := &site{
		app: app, now: now, tree: tree, pub: pub, links: ls, media: m, terms: record.NewTerms(), out: out, memo: map[string]any{},
		share: &sharing{baseURL: opts.BaseURL, cache: opts.Cards, id: id, tree: tree, media: m},
	}
	return s, nil
}

// Now is the time the export sees.
func (s *site) Now() time.Time { return s.now }

// Records are the published records of a collection, newest first.
func (s *site) Records(collection string) []*core.Record { return s.pub.recs[collection] }

// Record is a published record, or nil.
func (s *site) Record(collection, id string) *core.Record { return s.pub.byID[collection][id] }

// Ref links to a published record's page, or is nil.
func (s *site) Ref(collection, id string) *record.Ref { return s.pub.ref(collection, id) }

// Refs are the links to those of ids that are published.
func (s *site) Refs(collection string, ids []string) []record.Ref {
	var out []record.Ref
	for _, id := range ids {
		if ref := s.pub.ref(collection, id); ref != nil {
			out = append(out, *ref)
		}
	}
	return out
}

// Memo returns what make makes, made once per export.
func (s *site) Memo(key string, make func() any) any {
	if v, ok := s.memo[key]; ok {
		return v
	}
	v := make()
	s.memo[key] = v
	return v
}

// Terms are the taxonomy terms the pages use.
func (s *site) Terms() *record.Terms { return s.terms }

// Bundle is the writer of r's page bundle.
func (s *site) Bundle(r *core.Record) record.Bundle {
	k := records.ByCollection(r.Collection().Name)
	return &bundle{s: s, k: k, r: r, dir: bundleDir(r)}
}

// Data writes a data file as indented JSON.
func (s *site) Data(rel string, v any) error { return s.tree.PutJSON(rel, v) }

// Problem tells staff of something left out of the site.
func (s *site) Problem(p record.Problem) { s.out.problem(p) }

// bundleDir is the page bundle folder of a record, relative to the source
// root.
func bundleDir(r *core.Record) string {
	return "content/" + records.ByCollection(r.Collection().Name).Section + "/" + record.Wrap(r).Slug()
}

// outcome gathers what an export tells its caller: the pages written, the
// problems met, the images copied.
type outcome struct {
	mu  sync.Mutex // guards res.Problems, added to while cards are drawn
	res Result
}

func newOutcome() *outcome {
	return &outcome{res: Result{Pages: map[string]int{}, Images: map[string]string{}}}
}

func (o *outcome) problem(p record.Problem) {
	o.mu.Lock()
	o.res.Problems = append(o.res.Problems, p)
	o.mu.Unlock()
}

func (o *outcome) result() Result {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.res
}

// sortProblems orders the problems by collection, title and file, so
// that the dashboard's list does not move from build to build.
func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Collection != b.Collection {
			return a.Collection < b.Collection
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.File < b.File
	})
}

// PutJSON adds a data file, or a content file holding only front matter,
// as indented JSON.
func (t *Tree) PutJSON(rel string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("encode %s: %w", rel, err)
	}
	t.Put(rel, append(b, '\n'))
	return nil
}
