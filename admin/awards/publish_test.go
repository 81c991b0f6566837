package awards_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/internal/schema"
)

// TestPublishDecidedAward: a decided nomination's award and its new
// honouree go on the honour roll in one step, credited to the reviewer;
// while the honouree's unit is not published nothing is published and the
// reviewer is told why; only reviewers may, only for decided dossiers.
func TestPublishDecidedAward(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	year := time.Now().Year() + 1
	noms := "/api/collections/nominations/records"
	body := fmt.Sprintf(`{"unit":%q,"year":%d,"nomineeName":"Trịnh Thị Thu","nomineeKind":"ca-nhan","requestedForm":"giay-khen","kind":"dot-xuat","achievements":"Hướng dẫn 500 người cài VNeID.","state":"forwarded"}`, unitA, year)
	id := jsonField(t, w.API(t, reviewer, http.MethodPost, noms, body, 200), "id")
	publish := "/api/portal/nominations/" + id + "/publish"
	if got := w.API(t, reviewer, http.MethodPost, publish, "", 400); !strings.Contains(got, "đã có quyết định khen thưởng") {
		t.Fatalf("publishing before the decision: %s", got)
	}
	got := w.API(t, reviewer, http.MethodPatch, noms+"/"+id,
		`{"state":"approved","decisionNo":"1700/QĐ-UBND","decisionDate":"2026-12-01 01:00:00.000Z","signer":"Chủ tịch UBND xã"}`, 200)
	awardID, honoreeID := jsonField(t, got, "awards"), jsonField(t, got, "nominee")
	status := func(collection, id string) string {
		r, err := w.App.FindRecordById(collection, id)
		if err != nil {
			t.Fatal(err)
		}
		return r.GetString("status")
	}

	w.API(t, reporterA, http.MethodPost, publish, "", 403)
	w.API(t, editor, http.MethodPost, publish, "", 403)

	// The honouree's unit is a draft: nothing moves, and the reason is said.
	unit, _ := w.App.FindRecordById(schema.Units, unitA)
	unit.Set("status", "draft")
	if err := w.App.Save(unit); err != nil {
		t.Fatal(err)
	}
	if got := w.API(t, reviewer, http.MethodPost, publish, "", 400); !strings.Contains(got, "Chưa công bố được: hồ sơ vinh danh của Trịnh Thị Thu") || !strings.Contains(got, "Đơn vị A") {
		t.Fatalf("publishing with the unit a draft: %s", got)
	}
	if status(schema.Honorees, honoreeID) != "draft" || status(schema.Awards, awardID) != "draft" {
		t.Fatal("a refused publication published something")
	}
	unit.Set("status", "published")
	if err := w.App.Save(unit); err != nil {
		t.Fatal(err)
	}
	if got := w.API(t, reviewer, http.MethodPost, publish, "", 200); !strings.Contains(got, "Đã công bố khen thưởng của Trịnh Thị Thu") {
		t.Fatalf("publishing: %s", got)
	}
	for c, id := range map[string]string{schema.Honorees: honoreeID, schema.Awards: awardID} {
		r, _ := w.App.FindRecordById(c, id)
		if r.GetString("status") != "published" || !strings.Contains(r.GetString("statusBy"), "reviewer@daison.test") {
			t.Errorf("%s after publishing: %s by %q", c, r.GetString("status"), r.GetString("statusBy"))
		}
	}
	// Again: nothing left to do, nothing refused.
	w.API(t, reviewer, http.MethodPost, publish, "", 200)
}
