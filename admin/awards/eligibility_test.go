package awards_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/admin/awards"
	"github.com/daison/portal/internal/schema"
)

// TestEligibility checks the summary-award standards on hand-made cases on
// both sides of each threshold.
func TestEligibility(t *testing.T) {
	app := admintest.NewApp(t, nil)
	past := admintest.Date(time.Now().Add(-time.Hour))
	unit := admintest.Create(t, app, schema.Units, map[string]any{"name": "Phòng Kinh tế", "kind": "phong-chuyen-mon", "status": "published", "publishAt": past})
	person := func(name, kind string) string {
		return admintest.Create(t, app, schema.Honorees, map[string]any{"name": name, "kind": kind, "unit": unit.Id, "status": "published", "publishAt": past}).Id
	}
	n := 0
	award := func(h string, year int, kind string) {
		n++
		admintest.Create(t, app, schema.Awards, map[string]any{"honoree": h, "form": "giay-khen", "kind": kind, "year": year,
			"achievement": fmt.Sprintf("Thành tích số %d", n), "status": "draft"})
	}
	initiative := func(year int, honorees []string, unitID, status string) {
		n++
		admintest.Create(t, app, schema.Initiatives, map[string]any{"title": fmt.Sprintf("Sáng kiến %d", n), "kind": "sang-kien", "field": "chuyen-doi-so",
			"yearApplied": year, "honorees": honorees, "unit": unitID, "status": status, "publishAt": past})
	}

	threeYears := person("Ba Năm Khen", "ca-nhan")
	award(threeYears, 2026, "hang-nam")
	award(threeYears, 2027, "dot-xuat")
	award(threeYears, 2028, "hang-nam")

	twoYears := person("Hai Năm Khen", "ca-nhan")
	award(twoYears, 2026, "hang-nam")
	award(twoYears, 2027, "hang-nam")
	award(twoYears, 2025, "hang-nam") // before the period
	award(twoYears, 2028, "tong-ket") // not a yearly or ad hoc result

	mixed := person("Sáng Kiến Và Khen", "ca-nhan")
	initiative(2026, []string{mixed}, "", "published")
	award(mixed, 2027, "hang-nam")
	award(mixed, 2029, "dot-xuat")

	onlyIdeas := person("Chỉ Có Sáng Kiến", "ca-nhan")
	initiative(2026, []string{onlyIdeas}, "", "published")
	initiative(2027, []string{onlyIdeas}, "", "published")
	initiative(2028, []string{onlyIdeas}, "", "draft") // not applied yet

	twoInitiatives := person("Tập thể Hai Sáng Kiến", "tap-the")
	initiative(2026, []string{twoInitiatives}, "", "published")
	initiative(2027, nil, unit.Id, "published") // of its unit

	oneInitiative := person("Tập thể Một Sáng Kiến", "tap-the")
	admintest.Create(t, app, schema.Honorees, map[string]any{"name": "x", "kind": "ca-nhan", "status": "draft"})
	// oneInitiative shares the unit, so the unit's initiative counts for it
	// too: give it its own unit to stay at one.
	other := admintest.Create(t, app, schema.Units, map[string]any{"name": "Thôn Đông", "kind": "thon-to-dan-pho", "status": "published", "publishAt": past})
	if r, err := app.FindRecordById(schema.Honorees, oneInitiative); err == nil {
		r.Set("unit", other.Id)
		if err := app.Save(r); err != nil {
			t.Fatal(err)
		}
	}
	initiative(2026, []string{oneInitiative}, "", "published")
	award(oneInitiative, 2026, "hang-nam")
	award(oneInitiative, 2027, "hang-nam")

	threeResults := person("Tập thể Ba Năm", "tap-the")
	award(threeResults, 2026, "hang-nam")
	award(threeResults, 2028, "hang-nam")
	award(threeResults, 2030, "dot-xuat")

	got, err := awards.ComputeEligibility(app)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{
		"Ba Năm Khen": true, "Hai Năm Khen": false, "Sáng Kiến Và Khen": true, "Chỉ Có Sáng Kiến": false,
		"Tập thể Hai Sáng Kiến": true, "Tập thể Một Sáng Kiến": false, "Tập thể Ba Năm": true,
	}
	seen := 0
	for _, e := range got {
		w, ok := want[e.Name]
		if !ok {
			continue
		}
		seen++
		if e.Eligible != w {
			t.Errorf("%s: eligible = %v, want %v; %+v", e.Name, e.Eligible, w, e.Criteria)
		}
		for _, c := range e.Criteria {
			if c.Text == "" {
				t.Errorf("%s: criterion %s without a reason", e.Name, c.Code)
			}
			if c.Met && len(c.Evidence) == 0 {
				t.Errorf("%s: criterion %s met without records", e.Name, c.Code)
			}
		}
	}
	if seen != len(want) {
		t.Fatalf("saw %d of %d cases", seen, len(want))
	}
	if !got[0].Eligible {
		t.Error("the eligible are not listed first")
	}
}
