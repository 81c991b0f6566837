package honoree

import "github.com/daison/portal/records/record"

// searchText: who an honoree is and their awards weigh as the summary;
// the awards' achievements and the initiatives naming them are the body.
func searchText(p record.Fields, t *record.Text) {
	parts := []string{t.Summary, p.Str("kind", "label"), p.Str("position"), p.Str("unit", "title")}
	body := []string{t.Body}
	for _, a := range p.List("awards") {
		parts = append(parts, record.Str(a, "form", "label")+" "+record.Str(a, "year"))
		body = append(body, record.Str(a, "achievement"), record.Str(a, "kind", "label"), record.Str(a, "decisionNo"))
	}
	for _, i := range p.List("initiatives") {
		body = append(body, record.Str(i, "title"))
	}
	t.Summary = record.Join(parts...)
	t.Body = record.Join(body...)
}
