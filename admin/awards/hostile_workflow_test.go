package awards_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
)

// TestHostile06WorkflowFieldsBelongToTheirStep: a unit's reporter can no
// longer preset the council's decision or forge the history on its own
// draft; each field of a nomination is written by one role at one step
// (the dossier while it is filed, the decision when the council approves),
// history and stamps by the server only, superusers included; a client that
// sends the record back unchanged is not refused. Yearly reports' stamps
// are the server's too.
func TestHostile06WorkflowFieldsBelongToTheirStep(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	year := time.Now().Year() + 1
	noms := "/api/collections/nominations/records"
	dossier := fmt.Sprintf(`"unit":%q,"year":%d,"nomineeName":"Phạm Văn Khoa","nomineeKind":"ca-nhan","requestedForm":"giay-khen","kind":"dot-xuat","achievements":"Rút ngắn thời gian giải quyết hồ sơ đất đai còn 5 ngày"`, unitA, year)

	// The attack: a draft that presets the decision, with a history entry
	// signed as the reviewer.
	forged := `"decidedForm":"bang-khen-thanh-pho","decisionNo":"99/QĐ-UBND","decisionDate":"2026-11-24 01:00:00.000Z","signer":"Chủ tịch UBND xã",` +
		`"history":[{"at":"2026-11-20 01:00:00.000Z","actor":"Cán bộ reviewer (reviewer@daison.test, reviewer)","from":"forwarded","to":"approved"}]`
	got := w.API(t, reporterA, http.MethodPost, noms, "{"+dossier+`,"state":"draft",`+forged+"}", 400)
	for _, f := range []string{"decidedForm", "decisionNo", "decisionDate", "signer", "history"} {
		if !strings.Contains(got, `"`+f+`":{"code":"validation_field_owner"`) {
			t.Errorf("the forged %s is not refused by name: %s", f, got)
		}
	}
	if !strings.Contains(got, "Không ghi được “Số quyết định”") || !strings.Contains(got, "“Quá trình xử lý”: trường này do hệ thống tự ghi") {
		t.Errorf("the refusals do not say why: %s", got)
	}

	// One at a time, on the unit's own draft.
	id := jsonField(t, w.API(t, reporterA, http.MethodPost, noms, "{"+dossier+`,"state":"draft"}`, 200), "id")
	award := admintest.Create(t, w.App, schema.Awards, map[string]any{"honoree": honoreeID, "form": "giay-khen", "kind": "dot-xuat", "year": 2026, "achievement": "Khen thưởng khác", "status": "draft"})
	for _, field := range []string{
		`"decisionNo":"1/QĐ-UBND"`, `"decisionDate":"2026-11-24 01:00:00.000Z"`, `"signer":"Chủ tịch UBND xã"`, `"decidedForm":"bang-khen-thanh-pho"`,
		`"history":[]`, `"submittedAt":"2026-01-01 01:00:00.000Z"`, `"awards":["` + award.Id + `"]`,
	} {
		w.API(t, reporterA, http.MethodPatch, noms+"/"+id, "{"+field+"}", 400)
	}
	w.API(t, reporterA, http.MethodPatch, noms+"/"+id, `{"state":"submitted","comment":"Kính gửi Phòng Văn hóa – Xã hội."}`, 200)

	// The reviewer neither rewrites the unit's dossier nor decides before
	// the council's step.
	w.API(t, reviewer, http.MethodPatch, noms+"/"+id, `{"state":"forwarded","achievements":"Thành tích khác"}`, 400)
	w.API(t, reviewer, http.MethodPatch, noms+"/"+id, `{"state":"forwarded","decisionNo":"1/QĐ-UBND"}`, 400)
	w.API(t, reviewer, http.MethodPatch, noms+"/"+id, `{"state":"forwarded"}`, 200)
	w.API(t, reviewer, http.MethodPatch, noms+"/"+id, `{"state":"rejected","decisionNo":"2/QĐ-UBND"}`, 400)
	got = w.API(t, reviewer, http.MethodPatch, noms+"/"+id,
		`{"state":"approved","decisionNo":"1545/QĐ-UBND","decisionDate":"2026-11-24 01:00:00.000Z","signer":"Phó Chủ tịch UBND xã"}`, 200)
	made, err := w.App.FindRecordById(schema.Awards, jsonField(t, got, "awards"))
	if err != nil {
		t.Fatal(err)
	}
	if made.GetString("form") != "giay-khen" || made.GetString("decisionNo") != "1545/QĐ-UBND" || made.GetString("signer") != "Phó Chủ tịch UBND xã" {
		t.Errorf("the award is not the reviewer's decision: %v", made)
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(got), &rec); err != nil {
		t.Fatal(err)
	}
	hist, _ := rec["history"].([]any)
	if len(hist) != 4 {
		t.Errorf("history = %v, want the four steps taken", hist)
	}
	for _, h := range hist {
		if e, _ := h.(map[string]any); e["from"] == "forwarded" && e["to"] == "approved" && !strings.Contains(fmt.Sprint(e["actor"]), "reviewer@daison.test") {
			t.Errorf("approval by %v", e["actor"])
		}
	}

	// The whole record sent back unchanged, with a comment: accepted.
	rec["comment"] = "Đã đối chiếu quyết định."
	whole, _ := json.Marshal(rec)
	w.API(t, reviewer, http.MethodPatch, noms+"/"+id, string(whole), 200)

	// The history is the server's even for IT; IT may correct the rest.
	w.API(t, superuser, http.MethodPatch, noms+"/"+id, `{"history":[]}`, 400)
	w.API(t, superuser, http.MethodPatch, noms+"/"+id, `{"awards":[]}`, 400)
	w.API(t, superuser, http.MethodPatch, noms+"/"+id, `{"signer":"Chủ tịch UBND xã"}`, 200)

	// Yearly reports: the submission time and the author are stamped.
	reports := "/api/collections/unitReports/records"
	// (this year's: a report's year must have begun)
	report := fmt.Sprintf(`"unit":%q,"year":%d,"state":"draft","summary":"Báo cáo năm"`, unitA, time.Now().In(schema.Vietnam).Year())
	// What a request sends for the stamps is dropped (audit's keepStamps): the
	// server's values stand.
	stamped := w.API(t, reporterA, http.MethodPost, reports, "{"+report+`,"submittedAt":"2026-11-01 01:00:00.000Z","updatedBy":"Cán bộ reviewer"}`, 200)
	if jsonField(t, stamped, "submittedAt") != "" || strings.Contains(jsonField(t, stamped, "updatedBy"), "Cán bộ reviewer") {
		t.Errorf("a report's stamps were taken from the request: %s", stamped)
	}
	rid := jsonField(t, stamped, "id")
	if got := w.API(t, reporterA, http.MethodPatch, reports+"/"+rid, `{"submittedAt":"2026-11-01 01:00:00.000Z"}`, 200); jsonField(t, got, "submittedAt") != "" {
		t.Errorf("a report's submission time was taken from the request: %s", got)
	}
	got = w.API(t, reporterA, http.MethodPatch, reports+"/"+rid, `{"state":"submitted"}`, 200)
	if !strings.Contains(got, "reporterA@daison.test") && !strings.Contains(got, "reportera@daison.test") {
		t.Errorf("the report's author is not stamped: %s", got)
	}
}
