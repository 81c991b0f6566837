package awards_test

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/daison/portal/internal/clock"
	"github.com/daison/portal/internal/schema"
)

// TestLateReportAccepted: with the clock on the day after the deadline, a
// unit files its yearly report; it is taken, marked one day late (fields
// the unit cannot set or clear), and the reviewer accepts it; the
// reviewer's year summary and its XLSX say who filed on time, late or not
// at all.
func TestLateReportAccepted(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	c := clock.NewFixed(time.Date(2027, 11, 21, 10, 0, 0, 0, schema.Vietnam))
	clock.Set(w.App, c.Now)
	reports := "/api/collections/unitReports/records"

	// The server's fields are not the unit's to send.
	got := w.API(t, reporterA, http.MethodPost, reports,
		fmt.Sprintf(`{"unit":%q,"year":2027,"state":"submitted","summary":"Báo cáo năm 2027","late":false,"daysLate":0,"lateDecision":"accepted"}`, unitA), 400)
	if !strings.Contains(got, "Xét hồ sơ nộp muộn") {
		t.Fatalf("a unit decided its own lateness: %s", got)
	}
	got = w.API(t, reporterA, http.MethodPost, reports,
		fmt.Sprintf(`{"unit":%q,"year":2027,"state":"submitted","summary":"Báo cáo năm 2027","dossiers":120,"onTimeRate":98.5}`, unitA), 200)
	for _, want := range []string{`"late":true`, `"daysLate":1`, `"lateDecision":"pending"`, `"submittedAt":"2027-11-21 03:00:00`} {
		if !strings.Contains(got, want) {
			t.Fatalf("late report lacks %s: %s", want, got)
		}
	}
	id := jsonField(t, got, "id")
	w.API(t, reporterA, http.MethodPatch, reports+"/"+id, `{"lateDecision":"accepted"}`, 400)
	w.API(t, reviewer, http.MethodPatch, reports+"/"+id, `{"lateDecision":"maybe"}`, 400)
	if got := w.API(t, reviewer, http.MethodPatch, reports+"/"+id, `{"lateDecision":"accepted","late":false}`, 400); !strings.Contains(got, "do hệ thống tự ghi") {
		t.Fatalf("the late mark was cleared: %s", got)
	}
	got = w.API(t, reviewer, http.MethodPatch, reports+"/"+id, `{"lateDecision":"accepted"}`, 200)
	if !strings.Contains(got, `"lateDecision":"accepted"`) || !strings.Contains(got, `"late":true`) {
		t.Fatalf("accepted: %s", got)
	}

	sum := w.API(t, reviewer, http.MethodGet, "/api/portal/reports?year=2027", "", 200)
	for _, want := range []string{`"timeliness":"late"`, `"timelinessLabel":"Nộp muộn 1 ngày (Chấp nhận)"`, `"timeliness":"overdue"`, `"late":1`, `"overdue":1`, `"onTime":0`} {
		if !strings.Contains(sum, want) {
			t.Errorf("summary lacks %s: %s", want, sum)
		}
	}
	x := w.API(t, reviewer, http.MethodGet, "/api/portal/exports/reports?year=2027&format=xlsx", "", 200)
	f, err := excelize.OpenReader(bytes.NewReader([]byte(x)))
	if err != nil {
		t.Fatalf("open xlsx: %v", err)
	}
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	all := fmt.Sprint(rows)
	for _, want := range []string{"Đơn vị A", "Nộp muộn 1 ngày (Chấp nhận)", "Đơn vị B", "Chưa nộp, đã quá hạn", "98.5", "21/11/2027"} {
		if !strings.Contains(all, want) {
			t.Errorf("xlsx lacks %q: %v", want, rows)
		}
	}
	w.API(t, reporterA, http.MethodGet, "/api/portal/exports/reports?year=2027&format=xlsx", "", 403)
}

// TestOverdueList: a unit's dashboard lists the reports of earlier years it
// has not filed until it files them or a reviewer waives them; an
// extension for one unit moves its deadline, and a report filed within it
// is on time.
func TestOverdueList(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	c := clock.NewFixed(time.Date(2027, 11, 25, 9, 0, 0, 0, schema.Vietnam))
	clock.Set(w.App, c.Now)

	got := w.API(t, reporterB, http.MethodGet, "/api/portal/overdue", "", 200)
	for _, want := range []string{`"year":2026`, `"year":2027`, `"unit":"Đơn vị B"`, `"deadline":"20/11/2026"`, `"daysOverdue":5`} {
		if !strings.Contains(got, want) {
			t.Fatalf("overdue lacks %s: %s", want, got)
		}
	}
	if strings.Contains(got, "Đơn vị A") {
		t.Fatalf("unit B's reporter sees unit A's overdue reports: %s", got)
	}

	ex := "/api/collections/deadlineExceptions/records"
	w.API(t, reporterB, http.MethodPost, ex, fmt.Sprintf(`{"unit":%q,"year":2026,"subject":"report","action":"waive"}`, unitB), 403)
	w.API(t, reviewer, http.MethodPost, ex, fmt.Sprintf(`{"unit":%q,"year":2026,"subject":"report","action":"waive","reason":"Đơn vị mới thành lập"}`, unitB), 200)
	if got := w.API(t, reviewer, http.MethodPost, ex, fmt.Sprintf(`{"unit":%q,"year":2027,"subject":"report","action":"extend","until":"2027-11-10 00:00:00.000Z"}`, unitB), 400); !strings.Contains(got, "sau hạn chung 20/11/2027") {
		t.Fatalf("an extension before the deadline: %s", got)
	}
	got = w.API(t, reviewer, http.MethodPost, ex, fmt.Sprintf(`{"unit":%q,"year":2027,"subject":"report","action":"extend","until":"2027-11-30 00:00:00.000Z","grantedBy":"Ai đó"}`, unitB), 200)
	if !strings.Contains(got, `"grantedBy":"Cán bộ reviewer`) {
		t.Fatalf("the grantor is not the server's stamp: %s", got)
	}
	got = w.API(t, reporterB, http.MethodGet, "/api/portal/overdue", "", 200)
	if strings.Contains(got, `"year":2026`) || strings.Contains(got, `"year":2027`) {
		t.Fatalf("waived or extended reports still overdue: %s", got)
	}

	// Unit A files 2026's late: it leaves the list; 2027's stays.
	if got := w.API(t, reviewer, http.MethodGet, "/api/portal/overdue?unit="+unitA, "", 200); !strings.Contains(got, `"year":2026`) {
		t.Fatalf("reviewer's overdue list: %s", got)
	}
	w.API(t, reporterA, http.MethodPost, "/api/collections/unitReports/records",
		fmt.Sprintf(`{"unit":%q,"year":2026,"state":"submitted","summary":"Báo cáo bổ sung năm 2026"}`, unitA), 200)
	got = w.API(t, reporterA, http.MethodGet, "/api/portal/overdue", "", 200)
	if strings.Contains(got, `"year":2026`) || !strings.Contains(got, `"year":2027`) {
		t.Fatalf("after filing 2026: %s", got)
	}

	// Unit B files within its extension: on time.
	got = w.API(t, reporterB, http.MethodPost, "/api/collections/unitReports/records",
		fmt.Sprintf(`{"unit":%q,"year":2027,"state":"submitted","summary":"Báo cáo năm 2027"}`, unitB), 200)
	if strings.Contains(got, `"late":true`) {
		t.Fatalf("filed within the extension but marked late: %s", got)
	}
}

// TestLateNomination: a yearly nomination filed two days late is marked;
// it goes to the council only once a reviewer accepts the late filing.
func TestLateNomination(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	clock.Set(w.App, clock.NewFixed(time.Date(2027, 11, 22, 8, 0, 0, 0, schema.Vietnam)).Now)
	noms := "/api/collections/nominations/records"
	got := w.API(t, reporterA, http.MethodPost, noms, fmt.Sprintf(`{"unit":%q,"year":2027,"nomineeName":"Đỗ Thị Hoa","nomineeKind":"ca-nhan","requestedForm":"giay-khen","kind":"hang-nam","achievements":"Số hóa hồ sơ hộ tịch","state":"submitted","criteria":["cn-dieu-kien","cn-sang-kien"]}`, unitA), 200)
	if !strings.Contains(got, `"daysLate":2`) || !strings.Contains(got, `"criteria":["cn-dieu-kien","cn-sang-kien"]`) {
		t.Fatalf("late nomination: %s", got)
	}
	id := jsonField(t, got, "id")
	if got := w.API(t, reviewer, http.MethodPatch, noms+"/"+id, `{"state":"forwarded"}`, 400); !strings.Contains(got, "nộp muộn 2 ngày") {
		t.Fatalf("forwarded before accepting: %s", got)
	}
	w.API(t, reviewer, http.MethodPatch, noms+"/"+id, `{"state":"forwarded","lateDecision":"accepted"}`, 200)
	w.API(t, reviewer, http.MethodPatch, noms+"/"+id, `{"state":"approved","decisionNo":"77/QĐ-UBND","decisionDate":"2027-12-01 00:00:00.000Z","signer":"Chủ tịch UBND xã"}`, 200)
	// The printed list shows the standards the dossier ticked.
	print := w.API(t, reviewer, http.MethodGet, "/api/portal/decisions/print?no=77%2FQĐ-UBND", "", 200)
	for _, want := range []string{"☑ Có phẩm chất đạo đức tốt", "☑ Có sáng kiến, giải pháp, cách làm hay", "☐ Có tinh thần trách nhiệm cao", "Đạt tiêu chuẩn theo Kế hoạch"} {
		if !strings.Contains(print, want) {
			t.Errorf("the printed list lacks %q", want)
		}
	}

	// A collective's criteria on an individual's dossier are refused.
	got = w.API(t, reporterA, http.MethodPost, noms, fmt.Sprintf(`{"unit":%q,"year":2027,"nomineeName":"Vũ Văn Nam","nomineeKind":"ca-nhan","requestedForm":"giay-khen","kind":"hang-nam","achievements":"Khác","state":"draft","criteria":["tt-ky-luat"]}`, unitA), 400)
	if !strings.Contains(got, "Thực hiện nghiêm kỷ luật") {
		t.Fatalf("foreign criterion: %s", got)
	}
}

// TestSummaryWindow: the 2026–2030 summary's dossiers are filed in the
// window a reviewer sets: not before it opens (nor while none is set), and
// after it closes they are taken but marked late.
func TestSummaryWindow(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	clock.Set(w.App, clock.NewFixed(time.Date(2030, 10, 3, 9, 0, 0, 0, schema.Vietnam)).Now)
	noms := "/api/collections/nominations/records"
	dossier := func(name string) string {
		return fmt.Sprintf(`{"unit":%q,"year":2030,"nomineeName":%q,"nomineeKind":"tap-the","requestedForm":"giay-khen","kind":"tong-ket","achievements":"Dẫn đầu phong trào giai đoạn","state":"submitted","criteria":["tk-tt-dan-dau"]}`, unitA, name)
	}
	if got := w.API(t, reporterA, http.MethodPost, noms, dossier("Tổ một cửa"), 400); !strings.Contains(got, "chưa mở đợt nhận hồ sơ") {
		t.Fatalf("no window: %s", got)
	}
	cfg, err := w.App.FindFirstRecordByFilter(schema.PortalConfig, "")
	if err != nil {
		t.Fatal(err)
	}
	w.API(t, reporterA, http.MethodPatch, "/api/collections/portalConfig/records/"+cfg.Id, `{"summaryOpens":"2030-10-10 00:00:00.000Z"}`, 403)
	w.API(t, reviewer, http.MethodPatch, "/api/collections/portalConfig/records/"+cfg.Id, `{"summaryOpens":"2030-10-10 00:00:00.000Z","summaryCloses":"2030-10-31 05:00:00.000Z"}`, 200)
	if got := w.API(t, reporterA, http.MethodPost, noms, dossier("Tổ một cửa"), 400); !strings.Contains(got, "bắt đầu từ ngày 10/10/2030") {
		t.Fatalf("before the window: %s", got)
	}
	clock.Set(w.App, clock.NewFixed(time.Date(2030, 10, 20, 9, 0, 0, 0, schema.Vietnam)).Now)
	if got := w.API(t, reporterA, http.MethodPost, noms, dossier("Tổ một cửa"), 200); strings.Contains(got, `"late":true`) {
		t.Fatalf("within the window but late: %s", got)
	}
	clock.Set(w.App, clock.NewFixed(time.Date(2030, 11, 3, 9, 0, 0, 0, schema.Vietnam)).Now)
	if got := w.API(t, reporterA, http.MethodPost, noms, dossier("Tổ tiếp nhận"), 200); !strings.Contains(got, `"daysLate":3`) {
		t.Fatalf("after the window: %s", got)
	}
}
