package record

import (
	"strconv"

	"github.com/daison/portal/internal/vocab"
)

// Taxonomy is a way to browse a section: its terms have their own list
// pages at URL + term + "/" (e.g. /vinh-danh/nam/2026/). hugo.toml declares
// each (taxonomies, permalinks.taxonomy, permalinks.term); the export writes
// a page for the taxonomy and each term, with its Vietnamese title.
type Taxonomy struct {
	Name  string // Hugo's name, also the front matter key
	Title string // the list of terms' title
	URL   string // where the list of terms lives
}

// TermPage is the front matter of a taxonomy's or a term's list page.
type TermPage struct {
	Title       string `json:"title"`
	Slug        string `json:"slug,omitempty"` // the term, so the URL keeps it (not the urlized title)
	Description string `json:"description"`
	Weight      int    `json:"weight,omitempty"` // order among the terms
	// The taxonomy a term belongs to, for the term page's breadcrumbs and
	// title without asking Hugo for its parent page (which would make the
	// term depend on every page of the taxonomy).
	TaxonomyTitle string `json:"taxonomyTitle,omitempty"`
	TaxonomyURL   string `json:"taxonomyUrl,omitempty"`
	// Siblings: the taxonomy has few terms (2 to 24), and the term page
	// lists the others.
	Siblings bool `json:"siblings,omitempty"`
}

// Terms are the taxonomy terms the pages of an export use: taxonomy →
// term → its page.
type Terms struct {
	pages map[string]map[string]TermPage
}

// NewTerms returns an empty set of terms.
func NewTerms() *Terms { return &Terms{pages: map[string]map[string]TermPage{}} }

// Add puts page p under a taxonomy's term, and remembers the term's page
// (the first title given for a term wins).
func (t *Terms) Add(p *Page, taxonomy, term string, page TermPage) {
	if p.Terms == nil {
		p.Terms = map[string][]string{}
	}
	for _, have := range p.Terms[taxonomy] {
		if have == term {
			return
		}
	}
	p.Terms[taxonomy] = append(p.Terms[taxonomy], term)
	m := t.pages[taxonomy]
	if m == nil {
		m = map[string]TermPage{}
		t.pages[taxonomy] = m
	}
	if _, ok := m[term]; !ok {
		m[term] = page
	}
}

// Choice puts page p under a select field's value, titled by its label
// and ordered as the vocabulary is.
func (t *Terms) Choice(p *Page, taxonomy string, l vocab.List, key string) {
	if key == "" {
		return
	}
	weight := 0
	for i, o := range l {
		if o.Key == key {
			weight = i + 1
		}
	}
	t.Add(p, taxonomy, key, TermPage{Title: l.Label(key), Weight: weight})
}

// Of returns the pages of a taxonomy's terms, by term.
func (t *Terms) Of(taxonomy string) map[string]TermPage { return t.pages[taxonomy] }

// Year puts page p under a year's term ("Năm 2026"), the newest first.
func (t *Terms) Year(p *Page, taxonomy string, y int) {
	k := strconv.Itoa(y)
	t.Add(p, taxonomy, k, TermPage{Title: "Năm " + k, Weight: 3000 - y})
}
