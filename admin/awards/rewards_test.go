package awards_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
)

// TestRewardsWithinBounds: the reward money of a Giấy khen is the
// coefficient times the base salary, rounded up to ten thousand đồng
// (0,3 × 2.340.000 = 702.000 → 710.000 for a person, twice for a
// collective); the decision's Điều 2 says it with the total; the year's
// summary adds the dossiers before the council and warns when people,
// collectives or money pass the reviewers' caps and budget; bad settings
// are refused in Vietnamese; a unit's reporter sees none of it.
func TestRewardsWithinBounds(t *testing.T) {
	t.Parallel()
	w := decisionWorld(t, hoaBinh)
	dec := w.API(t, reviewer, http.MethodGet, printURL, "", 200)
	if !strings.Contains(dec, "<b>Điều 2.</b> Kèm theo Giấy khen, mỗi tập thể được thưởng 1.410.000 đồng (0,6 lần mức lương cơ sở), mỗi cá nhân được thưởng 710.000 đồng (0,3 lần mức lương cơ sở); tổng số tiền thưởng là 2.830.000 đồng, chi từ Quỹ thi đua, khen thưởng của xã Hòa Bình Mẫu.") {
		t.Errorf("Điều 2 does not give the money: %s", between(dec, "Điều 2.", "Điều 3."))
	}
	sum := w.API(t, reviewer, http.MethodGet, "/api/portal/rewards?year=2026&no=77%2FQĐ-UBND", "", 200)
	for _, want := range []string{`"decision":{"lines":[{"form":"giay-khen"`, `"collectives":1,"people":2,"perCollective":1410000,"perPerson":710000,"total":2830000`,
		`"communeTotal":2830000`, `"proposed":{"lines":[],"total":0`, `"warnings":[]`} {
		if !strings.Contains(sum, want) {
			t.Errorf("the summary lacks %s: %s", want, sum)
		}
	}
	empty := w.API(t, reviewer, http.MethodGet, "/api/portal/rewards?year=2031", "", 200)
	if !strings.Contains(empty, `"decided":{"lines":[],"total":0,"communeTotal":0,"people":0,"collectives":0}`) {
		t.Errorf("a year without awards: %s", empty)
	}

	// A dossier before the council, a cap of two people and a budget of
	// three million: three people and 3.540.000 đồng are over both.
	admintest.Create(t, w.App, schema.Nominations, map[string]any{"unit": unitA, "year": 2026, "nomineeName": "Đinh Văn Chờ", "nomineeKind": "ca-nhan",
		"requestedForm": "giay-khen", "kind": "hang-nam", "achievements": "Có sáng kiến", "state": "forwarded"})
	cfg, err := w.App.FindFirstRecordByFilter(schema.PortalConfig, "")
	if err != nil {
		t.Fatal(err)
	}
	cfgURL := "/api/collections/portalConfig/records/" + cfg.Id
	for _, c := range []struct {
		role string
		s    tests.ApiScenario
	}{
		{reviewer, tests.ApiScenario{Name: "caps and budget", Method: http.MethodPatch, URL: cfgURL, Body: strings.NewReader(`{"maxPeopleAwards":2,"rewardBudget":3000000}`), ExpectedStatus: 200}},
		{reviewer, tests.ApiScenario{Name: "the year's warnings", Method: http.MethodGet, URL: "/api/portal/rewards?year=2026", ExpectedStatus: 200, ExpectedContent: []string{
			`"proposed":{"lines":[{"form":"giay-khen"`, "Năm 2026 có 3 cá nhân được tặng hoặc đề nghị tặng Giấy khen, vượt mức tối đa 2 cá nhân.",
			"Tiền thưởng Giấy khen năm 2026 (đã quyết định và đang trình Hội đồng) là 3.540.000 đồng, vượt kinh phí khen thưởng của xã 3.000.000 đồng."}}},
		{reviewer, tests.ApiScenario{Name: "an unknown form", Method: http.MethodPatch, URL: cfgURL, Body: strings.NewReader(`{"rewardCoefficients":{"huan-chuong":{"person":1}}}`), ExpectedStatus: 400, ExpectedContent: []string{"Không có hình thức khen thưởng “huan-chuong”"}}},
		{reviewer, tests.ApiScenario{Name: "a coefficient too large", Method: http.MethodPatch, URL: cfgURL, Body: strings.NewReader(`{"rewardCoefficients":{"giay-khen":{"person":1000,"collective":1}}}`), ExpectedStatus: 400, ExpectedContent: []string{"phải từ 0 đến 100"}}},
		{reviewer, tests.ApiScenario{Name: "a new base salary and coefficient", Method: http.MethodPatch, URL: cfgURL, Body: strings.NewReader(`{"baseSalary":2530000,"rewardCoefficients":{"giay-khen":{"person":0.3,"collective":0.6}}}`), ExpectedStatus: 200}},
		{reviewer, tests.ApiScenario{Name: "the money follows", Method: http.MethodGet, URL: printURL, ExpectedStatus: 200, ExpectedContent: []string{"mỗi cá nhân được thưởng 760.000 đồng", "mỗi tập thể được thưởng 1.520.000 đồng", "tổng số tiền thưởng là 3.040.000 đồng"}}},
		{reporterA, tests.ApiScenario{Name: "a unit's reporter", Method: http.MethodGet, URL: "/api/portal/rewards?year=2026", ExpectedStatus: 403}},
		{reviewer, tests.ApiScenario{Name: "no year", Method: http.MethodGet, URL: "/api/portal/rewards", ExpectedStatus: 400, ExpectedContent: []string{"Hãy chọn năm"}}},
	} {
		w.Scenario(t, c.role, c.s)
	}
}
