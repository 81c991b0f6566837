package export

import (
	"fmt"
	"github.com/daison/portal/records"
	"sort"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// load reads the records the public may see (schema.PublicFilter), or the
// previewed record as if published, and indexes them by id; it joins the
// visible awards to their honorees and initiatives, honorees to the
// initiatives naming them, and plans each page's other addresses.
func (x *exporter) load() error {
	x.recs = map[string][]*core.Record{}
	x.byID = map[string]map[string]*core.Record{}
	for _, c := range records.Collections() {
		rs, err := x.app.FindRecordsByFilter(c, schema.PublicFilter, "-publishAt,-created", 0, 0, dbx.Params{"now": x.now.Format(types.DefaultDateLayout)})
		if err != nil {
			return fmt.Errorf("read published %s: %w", c, err)
		}
		if p := x.preview; p != nil && p.Collection().Name == c {
			p = p.Clone()
			if p.GetDateTime("publishAt").IsZero() || p.GetDateTime("publishAt").Time().After(x.now) {
				p.Set("publishAt", types.NowDateTime())
			}
			rs = []*core.Record{p}
		}
		x.recs[c] = rs
		m := make(map[string]*core.Record, len(rs))
		for _, r := range rs {
			m[r.Id] = r
		}
		x.byID[c] = m
	}

	// An award shows only with a visible honoree; it names its initiative
	// only if that is visible too.
	x.awardsByHonoree = map[string][]Award{}
	x.awardsByInitiative = map[string][]Award{}
	x.awardsByDecision = map[string][]Award{}
	awards := append([]*core.Record(nil), x.recs[schema.Awards]...)
	sort.SliceStable(awards, func(i, j int) bool {
		a, b := awards[i], awards[j]
		if a.GetInt("year") != b.GetInt("year") {
			return a.GetInt("year") > b.GetInt("year")
		}
		return a.GetDateTime("decisionDate").After(b.GetDateTime("decisionDate"))
	})
	for _, r := range awards {
		hid := r.GetString("honoree")
		if x.byID[schema.Honorees][hid] == nil {
			continue
		}
		a := Award{
			Form:        choice(vocab.AwardForms, r.GetString("form")),
			Kind:        choice(vocab.AwardKinds, r.GetString("kind")),
			Year:        r.GetInt("year"),
			DecisionNo:  r.GetString("decisionNo"),
			Signer:      r.GetString("signer"),
			Achievement: r.GetString("achievement"),
			Honoree:     x.ref(schema.Honorees, hid),
			HonoreeKind: optChoice(vocab.HonoreeKinds, x.byID[schema.Honorees][hid].GetString("kind")),
			Initiative:  x.ref(schema.Initiatives, r.GetString("initiative")),
			Decision:    x.ref(schema.Documents, r.GetString("decisionDoc")),
		}
		if d := r.GetDateTime("decisionDate"); !d.IsZero() {
			a.DecisionDate = d.Time().In(Vietnam).Format("02/01/2006")
		}
		x.awardsByHonoree[hid] = append(x.awardsByHonoree[hid], a)
		if a.Decision != nil {
			did := r.GetString("decisionDoc")
			x.awardsByDecision[did] = append(x.awardsByDecision[did], a)
		}
		if a.Initiative != nil {
			iid := r.GetString("initiative")
			x.awardsByInitiative[iid] = append(x.awardsByInitiative[iid], a)
		}
	}

	x.initiativesBy = map[string][]Ref{}
	for _, r := range x.recs[schema.Initiatives] {
		ref := x.ref(schema.Initiatives, r.Id)
		for _, hid := range r.GetStringSlice("honorees") {
			if x.byID[schema.Honorees][hid] != nil {
				x.initiativesBy[hid] = append(x.initiativesBy[hid], *ref)
			}
		}
	}
	return x.planLinks()
}

// ref links to a published record's page, or is nil when the record is not
// published (or id is empty): the site never links to what it does not show.
func (x *exporter) ref(collection, id string) *Ref {
	r := x.byID[collection][id]
	if r == nil {
		return nil
	}
	title := r.GetString("title")
	if title == "" {
		title = r.GetString("name")
	}
	return &Ref{Title: title, URL: pageURL(collection, r.GetString("slug"))}
}

func (x *exporter) refs(collection string, ids []string) []Ref {
	var out []Ref
	for _, id := range ids {
		if ref := x.ref(collection, id); ref != nil {
			out = append(out, *ref)
		}
	}
	return out
}

// nextPublish finds the earliest scheduled publication, so that the site can
// rebuild by itself when it comes.
func (x *exporter) nextPublish() error {
	for _, c := range records.Collections() {
		var row struct {
			At string `db:"at"`
		}
		err := x.app.DB().
			Select("coalesce(min(publishAt), '') as at").
			From(c).
			Where(dbx.NewExp(`status = "published" AND publishAt > {:now}`, dbx.Params{"now": x.now.Format(types.DefaultDateLayout)})).
			One(&row)
		if err != nil {
			return fmt.Errorf("find next scheduled %s: %w", c, err)
		}
		if row.At == "" {
			continue
		}
		t, err := time.Parse(types.DefaultDateLayout, row.At)
		if err != nil {
			return fmt.Errorf("read next scheduled %s %q: %w", c, row.At, err)
		}
		if x.res.NextPublish.IsZero() || t.Before(x.res.NextPublish) {
			x.res.NextPublish = t
		}
	}
	return nil
}
