package export

import (
	"sort"
	"strconv"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// stats writes data/stats.json: awards by year, unit, form and kind, and
// initiatives by field, kind and year, counting only what the site shows.
func (x *exporter) stats() error {
	st := Stats{TotalHonorees: len(x.recs[schema.Honorees]), TotalInitiatives: len(x.recs[schema.Initiatives])}
	years, units, forms, kinds, hkinds := map[int]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	for _, awards := range x.awardsByHonoree {
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
	for _, h := range x.recs[schema.Honorees] {
		if u := x.byID[schema.Units][h.GetString("unit")]; u != nil {
			units[u.Id] += len(x.awardsByHonoree[h.Id])
		}
	}
	st.AwardsByYear = yearCounts(years, "/vinh-danh/nam/")
	st.AwardsByForm = choiceCounts(vocab.AwardForms, forms, "/vinh-danh/hinh-thuc/")
	st.AwardsByKind = choiceCounts(vocab.AwardKinds, kinds, "/vinh-danh/loai/")
	st.AwardsByHonoreeKind = choiceCounts(vocab.HonoreeKinds, hkinds, "/vinh-danh/doi-tuong/")
	st.AwardsByUnit = x.unitCounts(units, "/vinh-danh/don-vi/")

	ifields, ikinds, iyears := map[string]int{}, map[string]int{}, map[int]int{}
	for _, r := range x.recs[schema.Initiatives] {
		ifields[r.GetString("field")]++
		ikinds[r.GetString("kind")]++
		if y := r.GetInt("yearApplied"); y > 0 {
			iyears[y]++
		}
	}
	st.InitiativesByField = choiceCounts(vocab.InitiativeFields, ifields, "/mo-hinh-sang-kien/linh-vuc/")
	st.InitiativesByKind = choiceCounts(vocab.InitiativeKinds, ikinds, "/mo-hinh-sang-kien/loai/")
	st.InitiativesByYear = yearCounts(iyears, "/mo-hinh-sang-kien/nam/")
	return x.putJSON("data/stats.json", st)
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

func (x *exporter) unitCounts(m map[string]int, base string) []Count {
	out := []Count{}
	for id, n := range m {
		if n == 0 {
			continue
		}
		u := x.byID[schema.Units][id]
		out = append(out, Count{Key: u.GetString("slug"), Label: u.GetString("name"), Count: n, URL: base + u.GetString("slug") + "/"})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Label < out[j].Label
	})
	return out
}
