package awards

import (
	"fmt"
	"github.com/daison/portal/records/award"
	"github.com/daison/portal/records/honoree"
	"github.com/daison/portal/records/initiative"
	"github.com/daison/portal/records/unit"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// The 2026–2030 period of the movement, whose summary awards (khen thưởng
// tổng kết giai đoạn) the eligibility report prepares.
const (
	PeriodStart = 2026
	PeriodEnd   = 2030
)

// Evidence is a record behind a reason.
type Evidence struct {
	Collection string `json:"collection"`
	ID         string `json:"id"`
	Title      string `json:"title"`
	Year       int    `json:"year"`
}

// Criterion is one of the plan's standards, met or not, with its reason in
// Vietnamese and the records it rests on.
type Criterion struct {
	Code     string     `json:"code"`
	Met      bool       `json:"met"`
	Text     string     `json:"text"`
	Evidence []Evidence `json:"evidence"`
}

// Eligibility is what the records say of one honoree against the summary
// award's standards (the plan, section III.2.2.a).
type Eligibility struct {
	HonoreeID string      `json:"honoreeId"`
	Name      string      `json:"name"`
	Kind      string      `json:"kind"` // ca-nhan, tap-the
	KindLabel string      `json:"kindLabel"`
	Unit      string      `json:"unit"`
	Eligible  bool        `json:"eligible"`
	Criteria  []Criterion `json:"criteria"`
	// Note reminds the council of what the records cannot show.
	Note string `json:"note"`
}

// ComputeEligibility lists every honoree (not archived) with what the
// records say against the summary award's standards, the eligible first.
//
// Individuals need at least 3 years of the period with direct reform work —
// a year counts when the person received a yearly or ad hoc award for it,
// or an initiative naming them was applied in it — and an outstanding
// achievement (such an award) or an applied initiative.
//
// Collectives need at least 2 applied initiatives (naming them, or of their
// unit), or outstanding results (a yearly or ad hoc award) in at least 3
// years of the period.
//
// Records in draft or archived do not count, except awards, which count once
// decided (a draft award awaits publication on the honour roll, the decision
// is made).
func ComputeEligibility(app core.App) ([]Eligibility, error) {
	honorees, err := app.FindRecordsByFilter(schema.Honorees, `status != "archived"`, "name", 0, 0)
	if err != nil {
		return nil, fmt.Errorf("read honorees: %w", err)
	}
	awards, err := app.FindRecordsByFilter(schema.Awards,
		`status != "archived" && year >= {:a} && year <= {:b} && (kind = "hang-nam" || kind = "dot-xuat")`, "year", 0, 0,
		map[string]any{"a": PeriodStart, "b": PeriodEnd})
	if err != nil {
		return nil, fmt.Errorf("read awards: %w", err)
	}
	initiatives, err := app.FindRecordsByFilter(schema.Initiatives,
		`status = "published" && yearApplied >= {:a} && yearApplied <= {:b}`, "yearApplied", 0, 0,
		map[string]any{"a": PeriodStart, "b": PeriodEnd})
	if err != nil {
		return nil, fmt.Errorf("read initiatives: %w", err)
	}
	units := map[string]string{}
	if us, err := app.FindAllRecords(schema.Units); err == nil {
		for _, u := range us {
			units[u.Id] = unit.Of(u).Name()
		}
	}

	awardsOf := map[string][]*core.Record{}
	for _, a := range awards {
		awardsOf[award.Of(a).Honoree()] = append(awardsOf[award.Of(a).Honoree()], a)
	}

	out := make([]Eligibility, 0, len(honorees))
	for _, hr := range honorees {
		h := honoree.Of(hr)
		el := Eligibility{
			HonoreeID: h.Id, Name: h.Name(), Kind: h.Kind(),
			KindLabel: vocab.HonoreeKinds.Label(h.Kind()), Unit: units[h.Unit()],
		}
		var awardEv []Evidence
		awardYears := map[int]bool{}
		for _, ar := range awardsOf[h.Id] {
			a := award.Of(ar)
			y := a.Year()
			awardYears[y] = true
			awardEv = append(awardEv, Evidence{schema.Awards, a.Id,
				vocab.AwardForms.Label(a.Form()) + " " + a.DecisionNoText() + ": " + a.Achievement(), y})
		}
		var iniEv []Evidence
		iniYears := map[int]bool{}
		for _, ir := range initiatives {
			ini := initiative.Of(ir)
			named := slices.Contains(ini.Honorees(), h.Id)
			ofUnit := h.IsCollective() && h.Unit() != "" && ini.Unit() == h.Unit()
			if named || ofUnit {
				y := ini.YearApplied()
				if named {
					iniYears[y] = true
				}
				iniEv = append(iniEv, Evidence{schema.Initiatives, ini.Id, ini.Title(), y})
			}
		}

		if h.IsCollective() {
			c1 := Criterion{Code: "initiatives", Met: len(iniEv) >= 2, Evidence: iniEv,
				Text: fmt.Sprintf("Có %d sáng kiến, mô hình, giải pháp được áp dụng trong giai đoạn (cần từ 02)", len(iniEv))}
			years := sortedYears(awardYears)
			c2 := Criterion{Code: "results-years", Met: len(years) >= 3, Evidence: awardEv,
				Text: fmt.Sprintf("Có thành tích nổi bật (được khen thưởng) trong %d năm%s (cần ít nhất 03 năm)", len(years), yearList(years))}
			el.Criteria = []Criterion{c1, c2}
			el.Eligible = c1.Met || c2.Met
			el.Note = "Tiêu chuẩn “dẫn đầu phong trào, hoàn thành xuất sắc các mục tiêu” do Hội đồng Thi đua – Khen thưởng đánh giá, không tính được từ dữ liệu."
		} else {
			all := map[int]bool{}
			for y := range awardYears {
				all[y] = true
			}
			for y := range iniYears {
				all[y] = true
			}
			years := sortedYears(all)
			c1 := Criterion{Code: "years", Met: len(years) >= 3, Evidence: append(append([]Evidence{}, awardEv...), iniEv...),
				Text: fmt.Sprintf("Trực tiếp tham gia công tác cải cách hành chính %d năm%s (cần ít nhất 03 năm)", len(years), yearList(years))}
			c2 := Criterion{Code: "achievement", Met: len(awardEv) > 0, Evidence: awardEv,
				Text: fmt.Sprintf("Có %d thành tích xuất sắc được khen thưởng trong giai đoạn", len(awardEv))}
			c3 := Criterion{Code: "initiative", Met: len(iniEv) > 0, Evidence: iniEv,
				Text: fmt.Sprintf("Có %d sáng kiến, giải pháp được áp dụng trong thực tế", len(iniEv))}
			el.Criteria = []Criterion{c1, c2, c3}
			el.Eligible = c1.Met && (c2.Met || c3.Met)
			el.Note = "Số năm tính từ các năm có khen thưởng hoặc có sáng kiến được áp dụng; Hội đồng đối chiếu thêm với hồ sơ cán bộ."
		}
		out = append(out, el)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Eligible && !out[j].Eligible })
	return out, nil
}

func sortedYears(m map[int]bool) []int {
	ys := make([]int, 0, len(m))
	for y := range m {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

func yearList(ys []int) string {
	if len(ys) == 0 {
		return ""
	}
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = strconv.Itoa(y)
	}
	return " (" + strings.Join(s, ", ") + ")"
}
