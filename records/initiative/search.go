package initiative

import "github.com/daison/portal/records/record"

// searchText: an initiative's kind, field, unit and authors weigh as its
// summary; its results, honorees and awards are its body.
func searchText(p record.Fields, t *record.Text) {
	t.Summary = record.Join(t.Summary, p.Str("kind", "label"), p.Str("field", "label"), p.Str("unit", "title"), p.Str("authors"))
	parts := []string{t.Body, record.Plain(p.Str("results"))}
	for _, h := range p.List("honorees") {
		parts = append(parts, record.Str(h, "title"))
	}
	for _, a := range p.List("awards") {
		parts = append(parts, record.Str(a, "form", "label")+" "+record.Str(a, "year"), record.Str(a, "achievement"))
	}
	t.Body = record.Join(parts...)
}
