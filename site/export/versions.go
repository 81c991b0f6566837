package export

import (
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records"
)

// Versions are the records an export put on the site, by collection and
// id, each with the "updated" stamp of the version exported: what a build
// made from the export holds, for the back office to tell staff whether
// the version they saved is live.
type Versions map[string]map[string]string

// Has reports whether the export held the version of the record updated
// at updated.
func (v Versions) Has(collection, id, updated string) bool {
	got, ok := v[collection][id]
	return ok && got == updated
}

// versions lists the records the exporter shows: every loaded record of
// the public collections but the previewed one, awards only with a visible
// honoree (the site shows no other).
func (x *exporter) versions() Versions {
	if x.preview != nil {
		return nil
	}
	v := make(Versions, len(x.recs))
	for _, c := range records.Collections() {
		m := make(map[string]string, len(x.recs[c]))
		for _, r := range x.recs[c] {
			if c == schema.Awards && x.byID[schema.Honorees][r.GetString("honoree")] == nil {
				continue
			}
			m[r.Id] = r.GetString("updated")
		}
		v[c] = m
	}
	return v
}
