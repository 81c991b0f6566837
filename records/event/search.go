package event

import "github.com/daison/portal/records/record"

// searchText: an event's place weighs as its summary.
func searchText(p record.Fields, t *record.Text) {
	t.Summary = record.Join(t.Summary, p.Str("place"))
}
