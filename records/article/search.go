package article

import "github.com/daison/portal/records/record"

// searchText: an article's category, unit and keywords weigh as its
// summary.
func searchText(p record.Fields, t *record.Text) {
	t.Summary = record.Join(append([]string{t.Summary, p.Str("category", "label"), p.Str("unit", "title")}, p.Strings("tags")...)...)
}
