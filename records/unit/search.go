package unit

import "github.com/daison/portal/records/record"

// searchText: a unit's kind weighs as its summary.
func searchText(p record.Fields, t *record.Text) {
	t.Summary = record.Join(t.Summary, p.Str("kind", "label"))
}
