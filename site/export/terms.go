package export

import (
	"github.com/daison/portal/records"
	"github.com/daison/portal/records/record"
)

// Taxonomies are the taxonomies of every kind (records.Taxonomies).
var Taxonomies = records.Taxonomies()

// maxSiblings is the most terms a taxonomy may have for its term pages to
// list the others.
const maxSiblings = 24

// writeTerms writes the list page of each taxonomy and of each term the
// pages use.
func writeTerms(t *Tree, terms *record.Terms) error {
	for _, tax := range Taxonomies {
		dir := "content/" + tax.Name
		if err := t.PutJSON(dir+"/_index.md", record.TermPage{Title: tax.Title, Description: tax.Title + "."}); err != nil {
			return err
		}
		used := terms.Of(tax.Name)
		for term, page := range used {
			if page.Description == "" {
				page.Description = tax.Title + ": " + page.Title + "."
			}
			page.Slug = term
			page.TaxonomyTitle, page.TaxonomyURL = tax.Title, tax.URL
			page.Siblings = len(used) > 1 && len(used) <= maxSiblings
			if err := t.PutJSON(dir+"/"+term+"/_index.md", page); err != nil {
				return err
			}
		}
	}
	return nil
}
