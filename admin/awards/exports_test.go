package awards_test

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
)

// TestExports: the year's awards open as an XLSX with the right rows, as
// CSV too; the eligibility list and the printable decision come out; a unit's
// reporter gets only their unit's nominations; editors get none of it.
func TestExports(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	past := admintest.Date(time.Now().Add(-time.Hour))
	hA := admintest.Create(t, w.App, schema.Honorees, map[string]any{"name": "Nguyễn Thị Mai", "kind": "ca-nhan", "position": "Công chức", "unit": unitA, "status": "published", "publishAt": past})
	hB := admintest.Create(t, w.App, schema.Honorees, map[string]any{"name": "Tổ một cửa", "kind": "tap-the", "unit": unitB, "status": "published", "publishAt": past})
	for i, h := range []string{hA.Id, hB.Id} {
		admintest.Create(t, w.App, schema.Awards, map[string]any{"honoree": h, "form": "giay-khen", "kind": "hang-nam", "year": 2026,
			"decisionNo": "1545/QĐ-UBND", "decisionDate": admintest.Date(time.Date(2026, 11, 23, 17, 0, 0, 0, time.UTC)), "signer": "Phó Chủ tịch UBND xã",
			"achievement": fmt.Sprintf("Hoàn thành xuất sắc nhiệm vụ số %d", i), "status": "published", "publishAt": past})
	}
	admintest.Create(t, w.App, schema.Awards, map[string]any{"honoree": hA.Id, "form": "giay-khen", "kind": "dot-xuat", "year": 2025,
		"achievement": "Năm khác", "status": "published", "publishAt": past})

	code, body := admintest.Do(w.H, http.MethodGet, "/api/portal/exports/awards?year=2026", w.Tokens[reviewer], "")
	if code != 200 {
		t.Fatalf("xlsx: %d %s", code, body)
	}
	f, err := excelize.OpenReader(bytes.NewReader([]byte(body)))
	if err != nil {
		t.Fatalf("the XLSX does not open: %v", err)
	}
	rows, err := f.GetRows("Danh sách")
	if err != nil {
		t.Fatal(err)
	}
	// title, blank, headers, then one row per 2026 award (the seeded
	// draft awards of the world are 2026 too: count those of decision 1545)
	var ours [][]string
	for _, r := range rows[3:] {
		if len(r) > 8 && r[8] == "1545/QĐ-UBND" {
			ours = append(ours, r)
		}
	}
	if len(ours) != 2 || ours[0][1] != "Nguyễn Thị Mai" || ours[0][4] != "Đơn vị A" || ours[0][9] != "24/11/2026" || ours[1][2] != "Tập thể" {
		t.Fatalf("rows = %q", ours)
	}
	for _, r := range rows[3:] {
		if len(r) > 11 && r[11] == "Năm khác" {
			t.Fatal("an award of 2025 in the 2026 export")
		}
	}

	code, body = admintest.Do(w.H, http.MethodGet, "/api/portal/exports/awards?year=2026&format=csv&unit="+unitB, w.Tokens[reviewer], "")
	if code != 200 || !strings.HasPrefix(body, "\uFEFF") || !strings.Contains(body, "Tổ một cửa") || strings.Contains(body, "Nguyễn Thị Mai") {
		t.Fatalf("csv for unit B: %d %q", code, body)
	}

	code, body = admintest.Do(w.H, http.MethodGet, "/api/portal/decisions/print?no=1545%2FQĐ-UBND", w.Tokens[reviewer], "")
	if code != 200 || !strings.Contains(body, "I. TẬP THỂ") || !strings.Contains(body, "Tổ một cửa") || !strings.Contains(body, "ngày 24/11/2026") || !strings.Contains(body, "@page{size:A4") {
		t.Fatalf("decision list: %d %s", code, body)
	}

	if code, _ := admintest.Do(w.H, http.MethodGet, "/api/portal/eligibility?format=xlsx", w.Tokens[reviewer], ""); code != 200 {
		t.Fatalf("eligibility xlsx: %d", code)
	}
	if code, body := admintest.Do(w.H, http.MethodGet, "/api/portal/eligibility", w.Tokens[reviewer], ""); code != 200 || !strings.Contains(body, `"period":"2026–2030"`) {
		t.Fatalf("eligibility: %d %s", code, body)
	}
	for _, url := range []string{"/api/portal/exports/awards?year=2026", "/api/portal/eligibility", "/api/portal/reports?year=2026"} {
		if code, _ := admintest.Do(w.H, http.MethodGet, url, w.Tokens[editor], ""); code != 403 {
			t.Errorf("editor %s: %d", url, code)
		}
		if code, _ := admintest.Do(w.H, http.MethodGet, url, "", ""); code != 401 {
			t.Errorf("anonymous %s: %d", url, code)
		}
	}
}

// TestReportsSummary: reviewers see which units filed their yearly report.
func TestReportsSummary(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	year := time.Now().Year() + 1
	w.API(t, reporterA, http.MethodPost, "/api/collections/unitReports/records",
		fmt.Sprintf(`{"unit":%q,"year":%d,"state":"submitted","summary":"Đơn vị đã số hóa **toàn bộ** hồ sơ.","dossiers":200,"onTimeRate":99,"onlineRate":80}`, unitA, year), 200)
	w.API(t, reporterB, http.MethodPost, "/api/collections/unitReports/records",
		fmt.Sprintf(`{"unit":%q,"year":%d,"state":"submitted","summary":"x"}`, unitA, year), 403)
	body := w.API(t, reviewer, http.MethodGet, fmt.Sprintf("/api/portal/reports?year=%d", year), "", 200)
	for _, want := range []string{`"filed":1`, `"stateLabel":"Đã nộp"`, `"stateLabel":"Chưa nộp"`, `"onTimeRate":99`} {
		if !strings.Contains(body, want) {
			t.Errorf("summary lacks %s: %s", want, body)
		}
	}
	// After the deadline a unit still files last year's report, marked
	// late, not refused.
	got := w.API(t, reporterA, http.MethodPost, "/api/collections/unitReports/records",
		fmt.Sprintf(`{"unit":%q,"year":%d,"state":"submitted","summary":"Muộn"}`, unitA, time.Now().Year()-1), 200)
	if !strings.Contains(got, `"late":true`) {
		t.Errorf("late report not marked: %s", got)
	}
}
