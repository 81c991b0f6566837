package export

import (
	"sort"
	"strconv"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
	"github.com/daison/portal/records/award"
	"github.com/daison/portal/records/honoree"
	"github.com/daison/portal/records/initiative"
	"github.com/daison/portal/records/record"
	"github.com/daison/portal/records/unit"
)

// Stats is data/stats.json: counts of what the site shows, for the public
// statistics page (charts with their tables). Each list is in a stable
// order: years ascending, choices in vocabulary order, units by name.
type Stats struct {
	AwardsByYear        []Count `json:"awardsByYear"`
	AwardsByUnit        []Count `json:"awardsByUnit"`
	AwardsByForm        []Count `json:"awardsByForm"`
	AwardsByKind        []Count `json:"awardsByKind"`
	AwardsByHonoreeKind []Count `json:"awardsByHonoreeKind"`
	InitiativesByField  []Count `json:"initiativesByField"`
	InitiativesByKind   []Count `json:"initiativesByKind"`
	InitiativesByYear   []Count `json:"initiativesByYear"`
	TotalAwards         int     `json:"totalAwards"`
	TotalInitiatives    int     `json:"totalInitiatives"`
	TotalHonorees       int     `json:"totalHonorees"`
}

// Count is one bar of a chart: a label, its count, and the page listing
// what was counted, if there is one.
type Count struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Count int    `json:"count"`
	URL   string `json:"url,omitempty"`
}

// writeStats writes data/stats.json: awards by year, unit, form and kind,
// and initiatives by field, kind and year, counting only what the site
// shows.
func writeStats(s record.Site) error {
	shown := award.Shown(s).ByHonoree
	st := Stats{TotalHonorees: len(s.Records(schema.Honorees)), TotalInitiatives: len(s.Records(schema.Initiatives))}
	years, units, forms, kinds, hkinds := map[int]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	for _, awards := range shown {
		for _, a := range awards {
			st.TotalAwards++
			years[a.Year]++
			forms[a.Form.Key]++
			kinds[a.Kind.Key]++
			if a.HonoreeKind != nil {
				hkinds[a.HonoreeKind.Key]++
			}
		}
	}
	for _, r := range s.Records(schema.Honorees) {
		if u := s.Record(schema.Units, honoree.Of(r).Unit()); u != nil {
			units[u.Id] += len(shown[r.Id])
		}
	}
	st.AwardsByYear = yearCounts(years, "/vinh-danh/nam/")
	st.AwardsByForm = choiceCounts(vocab.AwardForms, forms, "/vinh-danh/hinh-thuc/")
	st.AwardsByKind = choiceCounts(vocab.AwardKinds, kinds, "/vinh-danh/loai/")
	st.AwardsByHonoreeKind = choiceCounts(vocab.HonoreeKinds, hkinds, "/vinh-danh/doi-tuong/")
	st.AwardsByUnit = unitCounts(s, units, "/vinh-danh/don-vi/")

	ifields, ikinds, iyears := map[string]int{}, map[string]int{}, map[int]int{}
	for _, r := range s.Records(schema.Initiatives) {
		i := initiative.Of(r)
		ifields[i.Field()]++
		ikinds[i.Kind()]++
		if y := i.YearApplied(); y > 0 {
			iyears[y]++
		}
	}
	st.InitiativesByField = choiceCounts(vocab.InitiativeFields, ifields, "/mo-hinh-sang-kien/linh-vuc/")
	st.InitiativesByKind = choiceCounts(vocab.InitiativeKinds, ikinds, "/mo-hinh-sang-kien/loai/")
	st.InitiativesByYear = yearCounts(iyears, "/mo-hinh-sang-kien/nam/")
	return s.Data("data/stats.json", st)
}

func yearCounts(m map[int]int, base string) []Count {
	ys := make([]int, 0, len(m))
	for y := range m {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	out := []Count{}
	for _, y := range ys {
		k := strconv.Itoa(y)
		out = append(out, Count{Key: k, Label: "Năm " + k, Count: m[y], URL: base + k + "/"})
	}
	return out
}

func choiceCounts(l vocab.List, m map[string]int, base string) []Count {
	out := []Count{}
	for _, o := range l {
		if n := m[o.Key]; n > 0 {
			out = append(out, Count{Key: o.Key, Label: o.Label, Count: n, URL: base + o.Key + "/"})
		}
	}
	return out
}

func unitCounts(s record.Site, m map[string]int, base string) []Count {
	out := []Count{}
	for id, n := range m {
		if n == 0 {
			continue
		}
		u := unit.Of(s.Record(schema.Units, id))
		out = append(out, Count{Key: u.Slug(), Label: u.Name(), Count: n, URL: base + u.Slug() + "/"})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Label < out[j].Label
	})
	return out
}
