package export

import (
	"fmt"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records"
	"github.com/daison/portal/records/record"
)

// published are the records the public may see (schema.PublicFilter) at
// the export's time, by collection, newest first, and by id.
type published struct {
	recs map[string][]*core.Record
	byID map[string]map[string]*core.Record
}

// loadPublished reads the records of every kind the public may see at now,
// or for the previewed record's collection that record alone, as if
// published.
func loadPublished(app core.App, now time.Time, preview *core.Record) (*published, error) {
	p := &published{recs: map[string][]*core.Record{}, byID: map[string]map[string]*core.Record{}}
	for _, c := range records.Collections() {
		rs, err := app.FindRecordsByFilter(c, schema.PublicFilter, "-publishAt,-created", 0, 0, dbx.Params{"now": now.Format(types.DefaultDateLayout)})
		if err != nil {
			return nil, fmt.Errorf("read published %s: %w", c, err)
		}
		if preview != nil && preview.Collection().Name == c {
			r := preview.Clone()
			if w := record.Wrap(r); !w.HasPublishAt() || w.PublishAt().After(now) {
				w.SetPublishAt(types.NowDateTime())
			}
			rs = []*core.Record{r}
		}
		p.recs[c] = rs
		m := make(map[string]*core.Record, len(rs))
		for _, r := range rs {
			m[r.Id] = r
		}
		p.byID[c] = m
	}
	return p, nil
}

// ref links to a published record's page, or is nil when the record is not
// published (or id is empty): the site never links to what it does not show.
func (p *published) ref(collection, id string) *record.Ref {
	r := p.byID[collection][id]
	if r == nil {
		return nil
	}
	k := records.ByCollection(collection)
	return &record.Ref{Title: k.Title(r), URL: k.PageURL(record.Wrap(r).Slug())}
}

// versions lists the records the export shows (a kind's Visible says which
// of its published ones), with the "updated" stamp of each.
func (p *published) versions(s record.Site) Versions {
	v := make(Versions, len(p.recs))
	for _, k := range records.All {
		m := make(map[string]string, len(p.recs[k.Collection]))
		for _, r := range p.recs[k.Collection] {
			if k.Visible != nil && !k.Visible(s, r) {
				continue
			}
			m[r.Id] = record.Wrap(r).UpdatedStamp()
		}
		v[k.Collection] = m
	}
	return v
}

// nextPublish finds the earliest scheduled publication after now, so that
// the site can rebuild by itself when it comes; the zero time when none
// waits.
func nextPublish(app core.App, now time.Time) (time.Time, error) {
	var next time.Time
	for _, c := range records.Collections() {
		var row struct {
			At string `db:"at"`
		}
		err := app.DB().
			Select("coalesce(min(publishAt), '') as at").
			From(c).
			Where(dbx.NewExp(`status = "published" AND publishAt > {:now}`, dbx.Params{"now": now.Format(types.DefaultDateLayout)})).
			One(&row)
		if err != nil {
			return time.Time{}, fmt.Errorf("find next scheduled %s: %w", c, err)
		}
		if row.At == "" {
			continue
		}
		t, err := time.Parse(types.DefaultDateLayout, row.At)
		if err != nil {
			return time.Time{}, fmt.Errorf("read next scheduled %s %q: %w", c, row.At, err)
		}
		if next.IsZero() || t.Before(next) {
			next = t
		}
	}
	return next, nil
}
