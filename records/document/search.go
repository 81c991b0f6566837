package document

import "github.com/daison/portal/records/record"

// searchText: a document's number and symbol, kind and issuer weigh as its
// summary (citizens type "105/KH-UBND" or "quyết định"); the awards it
// decided are its body.
func searchText(p record.Fields, t *record.Text) {
	t.Summary = record.Join(t.Summary, p.Str("number"), p.Str("kind", "label"), p.Str("issuer"), p.Str("signer"))
	for _, a := range p.List("awards") {
		t.Body = record.Join(t.Body, record.Str(a, "form", "label")+" "+record.Str(a, "year"))
	}
}
