package admin_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/guidelib"
	"github.com/daison/portal/internal/schema"
)

// TestGuideLibrary seeds the library into a new portal, then plays a newer
// library version against an untouched guide (updated), an edited guide
// (proposed, text kept), and staff's answers (accept, dismiss), through
// the back office's routes.
func TestGuideLibrary(t *testing.T) {
	app := admintest.NewApp(t, nil)
	now := time.Now()
	rep, err := guidelib.Seed(app, now)
	if err != nil {
		t.Fatal(err)
	}
	lib, _ := guidelib.All()
	if rep.Added != len(lib) || rep.Added < 20 {
		t.Fatalf("seeded %+v, want %d added", rep, len(lib))
	}
	if again, err := guidelib.Seed(app, now); err != nil || again != (guidelib.Report{}) {
		t.Fatalf("a second seed = %+v, %v; want nothing done", again, err)
	}
	recs, err := app.FindRecordsByFilter(schema.Guides, "status = 'published' && libraryId != ''", "", 0, 0)
	if err != nil || len(recs) != len(lib) {
		t.Fatalf("%d published library guides (%v), want %d", len(recs), err, len(lib))
	}
	for _, r := range recs {
		if r.GetString("slug") == "" || guidelib.Edited(r) || r.GetString("legalBasis") == "" || r.GetDateTime("checked").IsZero() {
			t.Errorf("%s: slug %q, edited %v, legal basis %q, checked %v", r.GetString("libraryId"),
				r.GetString("slug"), guidelib.Edited(r), r.GetString("legalBasis"), r.GetDateTime("checked"))
		}
	}

	find := func(id string) *recordRef {
		r, err := app.FindFirstRecordByData(schema.Guides, "libraryId", id)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		return &recordRef{id: r.Id}
	}
	untouched, edited, hidden := find("dang-ky-ket-hon"), find("dang-ky-khai-tu"), find("chung-thuc-chu-ky")

	// Staff edit one guide and hide another.
	r, _ := app.FindRecordById(schema.Guides, edited.id)
	r.Set("offline", "- Bộ phận Một cửa, tầng 1 trụ sở, sáng thứ Bảy cũng làm việc.")
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
	if !guidelib.Edited(r) {
		t.Fatal("an edited guide is not seen as edited")
	}
	h, _ := app.FindRecordById(schema.Guides, hidden.id)
	h.Set("status", "archived")
	if err := app.Save(h); err != nil {
		t.Fatal(err)
	}

	// The library moves on: as if these records followed an older version.
	for _, id := range []string{untouched.id, edited.id, hidden.id} {
		r, _ := app.FindRecordById(schema.Guides, id)
		r.Set("libraryVersion", 0)
		r.Set("fee", r.GetString("fee")) // unchanged text
		if err := app.SaveNoValidate(r); err != nil {
			t.Fatal(err)
		}
	}
	rep, err = guidelib.Seed(app, now)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 0 || rep.Updated != 2 || rep.Proposed != 1 {
		t.Fatalf("after a library update: %+v, want 2 updated (one hidden) and 1 proposed", rep)
	}
	r, _ = app.FindRecordById(schema.Guides, edited.id)
	if !strings.Contains(r.GetString("offline"), "sáng thứ Bảy") || r.GetInt("libraryProposal") == 0 {
		t.Fatalf("the edited guide lost its text or has no proposal: %q, proposal %d", r.GetString("offline"), r.GetInt("libraryProposal"))
	}
	h, _ = app.FindRecordById(schema.Guides, hidden.id)
	if h.GetString("status") != "archived" {
		t.Errorf("a library update published a hidden guide: %s", h.GetString("status"))
	}
	if again, _ := guidelib.Seed(app, now); again != (guidelib.Report{}) {
		t.Errorf("the proposal is made again: %+v", again)
	}

	// Staff answer through the back office's routes.
	hd := admintest.Handler(t, app)
	editor := admintest.StaffToken(t, app, schema.RoleEditor, "")
	if code, _ := admintest.Do(hd, http.MethodPost, "/api/portal/guides/"+edited.id+"/library/accept", "", ""); code != http.StatusUnauthorized && code != http.StatusForbidden {
		t.Errorf("anonymous accept: %d", code)
	}
	code, body := admintest.Do(hd, http.MethodGet, "/api/portal/guides/"+edited.id+"/library", editor, "")
	if code != http.StatusOK || !strings.Contains(body, `"edited":true`) || !strings.Contains(body, "Bộ phận Một cửa của UBND xã, phường") {
		t.Errorf("proposal view: %d %s", code, body)
	}
	if code, body := admintest.Do(hd, http.MethodPost, "/api/portal/guides/"+untouched.id+"/library/dismiss", editor, ""); code != http.StatusBadRequest {
		t.Errorf("dismiss with no proposal: %d %s", code, body)
	}
	if code, body := admintest.Do(hd, http.MethodPost, "/api/portal/guides/"+edited.id+"/library/accept", editor, ""); code != http.StatusOK {
		t.Fatalf("accept: %d %s", code, body)
	}
	r, _ = app.FindRecordById(schema.Guides, edited.id)
	if strings.Contains(r.GetString("offline"), "sáng thứ Bảy") || guidelib.Edited(r) || r.GetInt("libraryProposal") != 0 {
		t.Errorf("accepted, the guide still has staff's text or a proposal: %q", r.GetString("offline"))
	}

	// Dismiss: staff's text stays and the version is not offered again.
	r.Set("fee", "Miễn phí (xã hỗ trợ)")
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
	r.Set("libraryVersion", 0)
	if err := app.SaveNoValidate(r); err != nil {
		t.Fatal(err)
	}
	if rep, _ := guidelib.Seed(app, now); rep.Proposed != 1 {
		t.Fatalf("second proposal: %+v", rep)
	}
	if code, body := admintest.Do(hd, http.MethodPost, "/api/portal/guides/"+edited.id+"/library/dismiss", editor, ""); code != http.StatusOK {
		t.Fatalf("dismiss: %d %s", code, body)
	}
	if rep, _ := guidelib.Seed(app, now); rep != (guidelib.Report{}) {
		t.Errorf("a dismissed version is offered again: %+v", rep)
	}
	r, _ = app.FindRecordById(schema.Guides, edited.id)
	if r.GetString("fee") != "Miễn phí (xã hỗ trợ)" {
		t.Errorf("dismissed, staff's fee became %q", r.GetString("fee"))
	}
	// A request cannot set the library's bookkeeping.
	code, body = admintest.Do(hd, http.MethodPatch, "/api/collections/guides/records/"+edited.id, editor, `{"libraryId":"dang-ky-ket-hon","libraryHash":"x","libraryProposal":7}`)
	r, _ = app.FindRecordById(schema.Guides, edited.id)
	if r.GetString("libraryId") != "dang-ky-khai-tu" || r.GetString("libraryHash") == "x" || r.GetInt("libraryProposal") == 7 {
		t.Errorf("a request set the library's fields (%d %s)", code, body)
	}
}

type recordRef struct{ id string }
