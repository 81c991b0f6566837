package guide

import "github.com/daison/portal/records/record"

// searchText: a guide's audience and procedure code weigh as its summary;
// its steps, documents, fee, time and the way without the internet are
// its body, with its legal basis.
func searchText(p record.Fields, t *record.Text) {
	t.Summary = record.Join(t.Summary, p.Str("audience"), p.Str("procedureCode"))
	parts := []string{t.Body}
	for _, s := range p.List("steps") {
		parts = append(parts, record.Str(s, "title"), record.Plain(record.Str(s, "text")), record.Str(s, "linkText"), record.Str(s, "cost"))
	}
	parts = append(parts, record.Plain(p.Str("documents")), p.Str("fee"), p.Str("processingTime"), record.Plain(p.Str("offline")), record.Plain(p.Str("legalBasis")))
	t.Body = record.Join(parts...)
}
