package audit_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/admin/staff"
	"github.com/daison/portal/internal/schema"
)

// TestAuditAndHistory follows an article through the API: each step is in
// the audit log with its actor, the previous versions are in the history,
// the log cannot be changed even by IT, and anonymous readers do not see who
// did what.
func TestAuditAndHistory(t *testing.T) {
	t.Parallel()
	w := admintest.NewWorld(t)
	do := func(role, method, url, body string, want int) string {
		t.Helper()
		code, got := admintest.Do(w.H, method, url, w.Tokens[role], body)
		if code != want {
			t.Fatalf("%s %s %s: %d, want %d: %s", role, method, url, code, want, got)
		}
		return got
	}
	// Login, failed and successful.
	if got := do(admintest.Anonymous, http.MethodPost, "/api/collections/staff/auth-with-password", `{"identity":"editor@daison.test","password":"sai-mat-khau"}`, 400); !strings.Contains(got, "mật khẩu không đúng") {
		t.Errorf("failed login message: %s", got)
	}
	do(admintest.Anonymous, http.MethodPost, "/api/collections/staff/auth-with-password", `{"identity":"editor@daison.test","password":"`+admintest.StaffPass+`"}`, 200)

	body := do(admintest.Editor, http.MethodPost, "/api/collections/articles/records", `{"title":"Bài theo dõi","category":"thong-bao","status":"draft"}`, 200)
	id := admintest.Between(body, `"id":"`, `"`)
	do(admintest.Editor, http.MethodPatch, "/api/collections/articles/records/"+id, `{"title":"Bài theo dõi (sửa)"}`, 200)
	do(admintest.Editor, http.MethodPatch, "/api/collections/articles/records/"+id, `{"status":"review"}`, 200)
	got := do(admintest.Reviewer, http.MethodPatch, "/api/collections/articles/records/"+id, `{"status":"published"}`, 200)
	if !strings.Contains(got, `"statusBy":"Cán bộ reviewer (reviewer@daison.test, Cán bộ thẩm định`) {
		t.Errorf("statusBy not stamped: %s", got)
	}

	// The world's accounts, units and honoree were made by the portal
	// itself (Go code), before any request: logged as the system's.
	var actions []string
	setup := 0
	for _, e := range mustRecords(t, w, "auditLog", "created") {
		if e.GetString("actorKind") == "system" {
			if e.GetString("action") != "create" {
				t.Errorf("system entry %s", e.GetString("action"))
			}
			setup++
			continue
		}
		actions = append(actions, e.GetString("action")+":"+e.GetString("actorKind"))
		if e.GetString("action") == "status" && !strings.Contains(e.GetString("changes"), "→") {
			t.Errorf("status entry without from → to: %s", e.GetString("changes"))
		}
	}
	want := "login_failed:staff login:staff create:staff update:staff update:staff status:staff update:staff status:staff"
	if setup != 8 { // units A and B, the honoree, four staff, IT
		t.Errorf("%d entries of the world's setup, want 8", setup)
	}
	if strings.Join(actions, " ") != want {
		t.Errorf("audit log = %s\nwant        %s", strings.Join(actions, " "), want)
	}
	if n := len(mustRecords(t, w, "revisions", "created")); n != 3 {
		t.Errorf("%d versions in the history, want 3", n)
	}

	// Reviewers read the log; editors do not; nobody changes it.
	if got := do(admintest.Reviewer, http.MethodGet, "/api/collections/auditLog/records", "", 200); !strings.Contains(got, `"action":"status"`) {
		t.Errorf("reviewer cannot read the log: %s", got)
	}
	if got := do(admintest.Editor, http.MethodGet, "/api/collections/auditLog/records", "", 200); !strings.Contains(got, `"totalItems":0`) {
		t.Errorf("editor reads the log: %s", got)
	}
	entry := mustRecords(t, w, "auditLog", "created")[0]
	// (403 with the reason; it was a 400 once.)
	do(admintest.Superuser, http.MethodPatch, "/api/collections/auditLog/records/"+entry.Id, `{"actor":"ai đó"}`, 403)
	do(admintest.Superuser, http.MethodDelete, "/api/collections/auditLog/records/"+entry.Id, "", 403)
	if err := w.App.Delete(entry); err == nil {
		t.Error("Go code deleted an audit entry")
	}

	// Anonymous readers of the published article see no staff names.
	if got := do(admintest.Anonymous, http.MethodGet, "/api/collections/articles/records/"+id, "", 200); strings.Contains(got, "statusBy") || strings.Contains(got, "daison.test") {
		t.Errorf("anonymous sees workflow fields: %s", got)
	}
}

func mustRecords(t *testing.T, w *admintest.World, collection, sort string) []*core.Record {
	t.Helper()
	rs, err := w.App.FindRecordsByFilter(collection, "", sort, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// TestRestoreIsLogged: an update marked as a restore from the history is
// logged as "restore" with the version's id.
func TestRestoreIsLogged(t *testing.T) {
	t.Parallel()
	w := admintest.NewWorld(t)
	body := w.API(t, admintest.Editor, http.MethodPost, "/api/collections/articles/records", `{"title":"Bản đầu","category":"thong-bao","status":"draft"}`, 200)
	id := admintest.JSONField(t, body, "id")
	w.API(t, admintest.Editor, http.MethodPatch, "/api/collections/articles/records/"+id, `{"title":"Bản sau"}`, 200)
	rev, err := w.App.FindFirstRecordByFilter(schema.Revisions, "recordRef = {:id}", map[string]any{"id": id})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPatch, "/api/collections/articles/records/"+id, strings.NewReader(`{"title":"Bản đầu"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", w.Tokens[admintest.Editor])
	req.Header.Set(staff.RestoreHeader, rev.Id)
	rec := httptest.NewRecorder()
	w.H.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Fatalf("restore: %d %s", rec.Code, rec.Body.String())
	}
	entry, err := w.App.FindFirstRecordByFilter(schema.AuditLog, "action = 'restore' && recordRef = {:id}", map[string]any{"id": id})
	if err != nil || !strings.Contains(entry.GetString("changes"), rev.Id) {
		t.Fatalf("restore entry: %v %v", entry, err)
	}
}
