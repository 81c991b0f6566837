package export

import (
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// addTerm puts a page under a taxonomy's term, and remembers the term's page
// (the first title given for a term wins).
func (x *exporter) addTerm(terms map[string][]string, taxonomy, term string, page TermPage) {
	for _, t := range terms[taxonomy] {
		if t == term {
			return
		}
	}
	terms[taxonomy] = append(terms[taxonomy], term)
	m := x.terms[taxonomy]
	if m == nil {
		m = map[string]TermPage{}
		x.terms[taxonomy] = m
	}
	if _, ok := m[term]; !ok {
		m[term] = page
	}
}

// addChoice puts a page under a select field's value, titled by its label
// and ordered as the vocabulary is.
func (x *exporter) addChoice(terms map[string][]string, taxonomy string, l vocab.List, key string) {
	if key == "" {
		return
	}
	weight := 0
	for i, o := range l {
		if o.Key == key {
			weight = i + 1
		}
	}
	x.addTerm(terms, taxonomy, key, TermPage{Title: l.Label(key), Weight: weight})
}

// addUnit puts a page under its unit's term, if the unit is published.
func (x *exporter) addUnit(terms map[string][]string, taxonomy, unitID string) {
	u := x.byID[schema.Units][unitID]
	if u == nil {
		return
	}
	x.addTerm(terms, taxonomy, u.GetString("slug"), TermPage{Title: u.GetString("name")})
}

// termPages writes the list page of each taxonomy and of each term used.
// maxSiblings is the most terms a taxonomy may have for its term pages to
// list the others.
const maxSiblings = 24

func (x *exporter) termPages() error {
	for _, tax := range Taxonomies {
		dir := "content/" + tax.Name
		if err := x.putJSON(dir+"/_index.md", TermPage{Title: tax.Title, Description: tax.Title + "."}); err != nil {
			return err
		}
		for term, page := range x.terms[tax.Name] {
			if page.Description == "" {
				page.Description = tax.Title + ": " + page.Title + "."
			}
			page.Slug = term
			page.TaxonomyTitle, page.TaxonomyURL = tax.Title, tax.URL
			page.Siblings = len(x.terms[tax.Name]) > 1 && len(x.terms[tax.Name]) <= maxSiblings
			if err := x.putJSON(dir+"/"+term+"/_index.md", page); err != nil {
				return err
			}
		}
	}
	return nil
}
