package awards_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/admin/awards"
	"github.com/daison/portal/internal/schema"
)

// TestNominationFlow: a unit files a nomination, the reviewer returns it,
// the unit refiles, the reviewer forwards it to the council and records the
// decision, which makes the award (and the new honoree) as drafts; a second
// nomination for the same achievement is refused.
func TestNominationFlow(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	nextYear := time.Now().Year() + 1 // its deadline is ahead
	noms := "/api/collections/nominations/records"
	body := fmt.Sprintf(`{"unit":%q,"year":%d,"nomineeName":"Lê Văn Học","nomineeKind":"ca-nhan","nomineePosition":"Công chức Văn phòng","requestedForm":"giay-khen","kind":"hang-nam","achievements":"Số hóa 100%% hồ sơ một cửa năm %d.","state":"submitted"}`, unitA, nextYear, nextYear)
	got := w.API(t, reporterA, http.MethodPost, noms, body, 200)
	id := jsonField(t, got, "id")

	// Another unit's reporter neither sees nor files for unit A.
	w.API(t, reporterB, http.MethodGet, noms+"/"+id, "", 404)
	w.API(t, reporterB, http.MethodPost, noms, body, 403)
	// Editors have no part in nominations.
	if got := w.API(t, editor, http.MethodGet, noms, "", 200); !strings.Contains(got, `"totalItems":0`) {
		t.Fatalf("editor sees nominations: %s", got)
	}

	// Returned without a comment: refused; with one: returned.
	w.API(t, reviewer, http.MethodPatch, noms+"/"+id, `{"state":"returned"}`, 400)
	w.API(t, reviewer, http.MethodPatch, noms+"/"+id, `{"state":"returned","comment":"Bổ sung số liệu quý IV."}`, 200)
	// The unit cannot skip to the council; it refiles.
	w.API(t, reporterA, http.MethodPatch, noms+"/"+id, `{"state":"forwarded"}`, 403)
	w.API(t, reporterA, http.MethodPatch, noms+"/"+id, `{"state":"submitted","comment":"Đã bổ sung."}`, 200)
	// Once submitted, the unit can no longer change it.
	w.API(t, reporterA, http.MethodPatch, noms+"/"+id, `{"achievements":"Khác"}`, 403)
	w.API(t, reviewer, http.MethodPatch, noms+"/"+id, `{"state":"forwarded"}`, 200)
	// Approval needs the decision.
	w.API(t, reviewer, http.MethodPatch, noms+"/"+id, `{"state":"approved"}`, 400)
	got = w.API(t, reviewer, http.MethodPatch, noms+"/"+id,
		`{"state":"approved","decisionNo":"1545/QĐ-UBND","decisionDate":"2026-11-24 01:00:00.000Z","signer":"Phó Chủ tịch UBND xã"}`, 200)
	awardID := jsonField(t, got, "awards")
	honoreeID := jsonField(t, got, "nominee")
	if awardID == "" || honoreeID == "" {
		t.Fatalf("approval made no award or honoree: %s", got)
	}
	var hist []map[string]any
	_ = json.Unmarshal([]byte(between(got, `"history":`, `],`)+"]"), &hist)
	if len(hist) != 5 || hist[1]["comment"] != "Bổ sung số liệu quý IV." {
		t.Errorf("history = %v", hist)
	}
	award, err := w.App.FindRecordById(schema.Awards, awardID)
	if err != nil {
		t.Fatal(err)
	}
	if award.GetString("status") != "draft" || award.GetString("decisionNo") != "1545/QĐ-UBND" || award.GetString("honoree") != honoreeID {
		t.Fatalf("award = %v", award)
	}

	// The same achievement, nominated again (other words, same meaning
	// after folding): the approval is refused and nothing is made.
	body2 := fmt.Sprintf(`{"unit":%q,"year":%d,"nominee":%q,"requestedForm":"bang-khen-thanh-pho","kind":"dot-xuat","achievements":"số hóa 100%% hồ sơ một cửa năm %d","state":"forwarded"}`, unitA, nextYear, honoreeID, nextYear)
	id2 := jsonField(t, w.API(t, reviewer, http.MethodPost, noms, body2, 200), "id")
	got = w.API(t, reviewer, http.MethodPatch, noms+"/"+id2,
		`{"state":"approved","decisionNo":"1600/QĐ-UBND","decisionDate":"2026-12-01 01:00:00.000Z","signer":"Phó Chủ tịch UBND xã"}`, 400)
	if !strings.Contains(got, "không khen thưởng nhiều lần") {
		t.Fatalf("duplicate award message: %s", got)
	}
	if still, _ := w.App.FindRecordById(schema.Nominations, id2); still.GetString("state") != "forwarded" {
		t.Fatalf("refused approval changed the state to %s", still.GetString("state"))
	}
}

// TestNominationDeadline: yearly nominations are due by the deadline (20/11
// by default, configurable); after it they are marked late; ad hoc awards
// stay open.
func TestNominationDeadline(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	noms := "/api/collections/nominations/records"
	past := time.Now().Year() - 1 // its 20/11 has passed
	yearly := fmt.Sprintf(`{"unit":%q,"year":%d,"nomineeName":"Trần Thị Lan","nomineeKind":"ca-nhan","requestedForm":"giay-khen","kind":"hang-nam","achievements":"Thành tích năm %d","state":"submitted"}`, unitA, past, past)
	// Filed after the deadline: taken, marked late for a reviewer to
	// decide, not refused.
	got := w.API(t, reporterA, http.MethodPost, noms, yearly, 200)
	if !strings.Contains(got, `"late":true`) || !strings.Contains(got, `"lateDecision":"pending"`) {
		t.Fatalf("late nomination not marked: %s", got)
	}
	w.API(t, reporterA, http.MethodPost, noms, strings.Replace(yearly, `"submitted"`, `"draft"`, 1), 200)
	if got := w.API(t, reviewer, http.MethodPost, noms, strings.Replace(yearly, "Trần Thị Lan", "Trần Văn Minh", 1), 200); !strings.Contains(got, `"lateDecision":"accepted"`) {
		t.Fatalf("a reviewer's late filing is not accepted by it: %s", got)
	}
	adhoc := strings.Replace(yearly, `"hang-nam"`, `"dot-xuat"`, 1)
	w.API(t, reporterA, http.MethodPost, noms, strings.Replace(adhoc, "Thành tích", "Thành tích đột xuất", 1), 200)

	// The deadline is configurable, by reviewers only.
	cfg, err := w.App.FindFirstRecordByFilter(schema.PortalConfig, "")
	if err != nil {
		t.Fatal(err)
	}
	w.API(t, editor, http.MethodPatch, "/api/collections/portalConfig/records/"+cfg.Id, `{"reportDeadline":"31/12"}`, 403)
	w.API(t, reviewer, http.MethodPatch, "/api/collections/portalConfig/records/"+cfg.Id, `{"reportDeadline":"31/02x"}`, 400)
	if got := w.API(t, reviewer, http.MethodPatch, "/api/collections/portalConfig/records/"+cfg.Id, `{"reportDeadline":"31/02"}`, 400); !strings.Contains(got, "không có trong mọi năm") {
		t.Fatalf("31/02: %s", got)
	}
	w.API(t, reviewer, http.MethodPatch, "/api/collections/portalConfig/records/"+cfg.Id, `{"reportDeadline":"31/12"}`, 200)
	if dl := awards.Deadline(w.App, 2027); dl.Format("02/01/2006 15:04") != "31/12/2027 23:59" {
		t.Fatalf("deadline = %v", dl)
	}
}
