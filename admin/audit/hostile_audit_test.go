package audit_test

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
)

// entriesOf returns the audit entries about one record with one action.
func entriesOf(t *testing.T, w *admintest.World, collection, id, action string) []*core.Record {
	t.Helper()
	rs, err := w.App.FindRecordsByFilter(schema.AuditLog, "collectionRef = {:c} && recordRef = {:id} && action = {:a}", "created", 0, 0,
		map[string]any{"c": collection, "id": id, "a": action})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// TestHostile08EveryChangeIsAudited: whatever collection a change touches,
// whoever makes it (staff, IT, the portal itself), the audit log says who
// changed what; deleting a citizen's feedback or a nomination and changing
// a staff role included.
func TestHostile08EveryChangeIsAudited(t *testing.T) {
	t.Parallel()
	w := admintest.NewWorld(t)
	nextYear := time.Now().Year() + 1
	fb := admintest.Create(t, w.App, schema.Feedback, map[string]any{"kind": "gop-y", "refCode": "GY-XOA001", "message": "Góp ý sẽ bị xóa.", "state": "moi",
		"name": "Người dân", "phone": "0912345678", "consent": true})
	nom := admintest.Create(t, w.App, schema.Nominations, map[string]any{"unit": admintest.UnitA, "year": nextYear, "nomineeName": "Lê Văn Học", "nomineeKind": "ca-nhan",
		"requestedForm": "giay-khen", "kind": "hang-nam", "achievements": "Thành tích sẽ bị xóa.", "state": "draft"})
	member := admintest.Create(t, w.App, schema.Staff, map[string]any{"email": "thanh.vien@daison.test", "password": admintest.StaffPass, "name": "Thành viên", "role": "editor"})
	config, err := w.App.FindFirstRecordByFilter(schema.PortalConfig, "")
	if err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name                    string
		role, method, url, body string
		status                  int
		collection, id, action  string
		actor                   string // in the entry's actor
		changes                 []string
		recordFromResponseField bool
	}{
		{"delete a citizen's feedback", admintest.Reviewer, http.MethodDelete, "/api/collections/feedback/records/" + fb.Id, "", 204,
			schema.Feedback, fb.Id, "delete", "reviewer@daison.test", []string{"GY-XOA001"}, false},
		{"delete a nomination", admintest.Reviewer, http.MethodDelete, "/api/collections/nominations/records/" + nom.Id, "", 204,
			schema.Nominations, nom.Id, "delete", "reviewer@daison.test", nil, false},
		{"change a staff role", admintest.Superuser, http.MethodPatch, "/api/collections/staff/records/" + member.Id, `{"role":"reviewer"}`, 200,
			schema.Staff, member.Id, "update", "it@daison.test", []string{`"role"`, `"editor"`, `"reviewer"`}, false},
		{"change the reporting deadline", admintest.Reviewer, http.MethodPatch, "/api/collections/portalConfig/records/" + config.Id, `{"reportDeadline":"15/11"}`, 200,
			schema.PortalConfig, config.Id, "update", "reviewer@daison.test", []string{"reportDeadline"}, false},
		{"file a yearly report", admintest.ReporterA, http.MethodPost, "/api/collections/unitReports/records",
			fmt.Sprintf(`{"unit":%q,"year":%d,"state":"draft","summary":"Báo cáo năm."}`, admintest.UnitA, nextYear-1), 200,
			schema.UnitReports, "", "create", "reportera@daison.test", []string{"summary"}, true},
		{"add a superuser", admintest.Superuser, http.MethodPost, "/api/collections/_superusers/records",
			`{"email":"it2@daison.test","password":"mat-khau-quan-tri-2","passwordConfirm":"mat-khau-quan-tri-2"}`, 200,
			core.CollectionNameSuperusers, "", "create", "it@daison.test", []string{"email"}, true},
	}
	for _, c := range cases {
		body := w.API(t, c.role, c.method, c.url, c.body, c.status)
		id := c.id
		if c.recordFromResponseField {
			id = admintest.JSONField(t, body, "id")
		}
		es := entriesOf(t, w, c.collection, id, c.action)
		if len(es) != 1 {
			t.Errorf("%s: %d %q entries, want 1", c.name, len(es), c.action)
			continue
		}
		e := es[0]
		if !strings.Contains(e.GetString("actor"), c.actor) || e.GetString("ip") == "" {
			t.Errorf("%s: actor %q, ip %q", c.name, e.GetString("actor"), e.GetString("ip"))
		}
		text := e.GetString("changes") + " " + e.GetString("recordTitle")
		for _, want := range c.changes {
			if !strings.Contains(text, want) {
				t.Errorf("%s: no %s in the entry: %s", c.name, want, text)
			}
		}
		for _, secret := range []string{"0912345678", "mat-khau", "$2a$"} {
			if strings.Contains(text, secret) {
				t.Errorf("%s: the entry holds %q: %s", c.name, secret, text)
			}
		}
	}

	// A change made by the portal itself (Go code, a command) is logged too.
	art := admintest.Create(t, w.App, schema.Articles, map[string]any{"title": "Bài do hệ thống tạo", "category": "thong-bao", "status": "draft"})
	if es := entriesOf(t, w, schema.Articles, art.Id, "create"); len(es) != 1 || es[0].GetString("actorKind") != "system" {
		t.Errorf("the portal's own change: %v", es)
	}

	// Settings changed by IT.
	w.API(t, admintest.Superuser, http.MethodPatch, "/api/settings", `{"meta":{"appName":"Cổng thử nghiệm"}}`, 200)
	if es, _ := w.App.FindRecordsByFilter(schema.AuditLog, "collectionRef = 'settings' && action = 'update'", "", 0, 0); len(es) != 1 ||
		!strings.Contains(es[0].GetString("changes"), "meta") || !strings.Contains(es[0].GetString("actor"), "it@daison.test") {
		t.Errorf("settings change: %v", es)
	}
	// A backup made and deleted by IT.
	w.API(t, admintest.Superuser, http.MethodPost, "/api/backups", `{"name":"thu-nghiem.zip"}`, 204)
	w.API(t, admintest.Superuser, http.MethodDelete, "/api/backups/thu-nghiem.zip", "", 204)
	if es, _ := w.App.FindRecordsByFilter(schema.AuditLog, "collectionRef = 'backups'", "created", 0, 0); len(es) != 2 ||
		es[0].GetString("action") != "create" || es[1].GetString("recordTitle") != "thu-nghiem.zip" {
		t.Errorf("backups: %v", es)
	}
	// A collection's rules changed by IT.
	w.API(t, admintest.Superuser, http.MethodPatch, "/api/collections/portalConfig", `{"listRule":"@request.auth.id != ''"}`, 200)
	if es, _ := w.App.FindRecordsByFilter(schema.AuditLog, "collectionRef = '_collections' && recordTitle = 'portalConfig'", "", 0, 0); len(es) != 1 ||
		!strings.Contains(es[0].GetString("changes"), "listRule") {
		t.Errorf("collection change: %v", es)
	}

	// IT signs in as a staff member: the log says so, and what is done with
	// that session is not credited to the staff member alone.
	editorRec, err := w.App.FindAuthRecordByEmail(schema.Staff, "editor@daison.test")
	if err != nil {
		t.Fatal(err)
	}
	token := admintest.JSONField(t, w.API(t, admintest.Superuser, http.MethodPost, "/api/collections/staff/impersonate/"+editorRec.Id, `{}`, 200), "token")
	if es := entriesOf(t, w, schema.Staff, editorRec.Id, "impersonate"); len(es) != 1 || !strings.Contains(es[0].GetString("actor"), "it@daison.test") {
		t.Errorf("impersonation: %v", es)
	}
	code, body := admintest.Do(w.H, http.MethodPost, "/api/collections/articles/records", token, `{"title":"Bài viết hộ","category":"thong-bao","status":"draft"}`)
	if code != 200 {
		t.Fatalf("impersonated create: %d %s", code, body)
	}
	if es := entriesOf(t, w, schema.Articles, admintest.JSONField(t, body, "id"), "create"); len(es) != 1 || !strings.Contains(es[0].GetString("actor"), "quản trị hệ thống") {
		t.Errorf("impersonated change: %v", es)
	}
}

// TestHostile08StampsAreTheServers: who moved a record's state and when,
// and who answered a citizen and when, are set by the server; a request
// that sends them is ignored for those fields.
func TestHostile08StampsAreTheServers(t *testing.T) {
	t.Parallel()
	w := admintest.NewWorld(t)
	forged := `"updatedBy":"Giả mạo","statusBy":"Giả mạo","statusAt":"2001-01-01 00:00:00.000Z"`
	body := w.API(t, admintest.Editor, http.MethodPost, "/api/collections/articles/records", `{"title":"Bài có dấu","category":"thong-bao","status":"draft",`+forged+`}`, 200)
	id := admintest.JSONField(t, body, "id")
	check := func(when string) {
		t.Helper()
		r, err := w.App.FindRecordById(schema.Articles, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{"updatedBy", "statusBy"} {
			if !strings.Contains(r.GetString(f), "editor@daison.test") {
				t.Errorf("%s: %s = %q", when, f, r.GetString(f))
			}
		}
		if at := r.GetDateTime("statusAt").Time(); at.Year() < 2020 {
			t.Errorf("%s: statusAt = %v", when, at)
		}
	}
	check("create")
	w.API(t, admintest.Editor, http.MethodPatch, "/api/collections/articles/records/"+id, `{"title":"Bài có dấu (sửa)",`+forged+`}`, 200)
	check("update without a state change")
	w.API(t, admintest.Editor, http.MethodPatch, "/api/collections/articles/records/"+id, `{`+forged+`}`, 200)
	check("update of the stamps alone")

	fb := admintest.Create(t, w.App, schema.Feedback, map[string]any{"kind": "gop-y", "refCode": "GY-DAU001", "message": "Góp ý cần trả lời.", "state": "moi"})
	url := "/api/collections/feedback/records/" + fb.Id
	w.API(t, admintest.Editor, http.MethodPatch, url, `{"answeredBy":"Giả mạo","answeredAt":"2001-01-01 00:00:00.000Z"}`, 200)
	if r, _ := w.App.FindRecordById(schema.Feedback, fb.Id); r.GetString("answeredBy") != "" || !r.GetDateTime("answeredAt").IsZero() {
		t.Errorf("forged answer stamps kept: %q %v", r.GetString("answeredBy"), r.GetDateTime("answeredAt"))
	}
	w.API(t, admintest.Editor, http.MethodPatch, url, `{"answer":"Cảm ơn anh chị.","answeredBy":"Giả mạo","answeredAt":"2001-01-01 00:00:00.000Z"}`, 200)
	r, _ := w.App.FindRecordById(schema.Feedback, fb.Id)
	if !strings.Contains(r.GetString("answeredBy"), "editor@daison.test") || r.GetDateTime("answeredAt").Time().Year() < 2020 {
		t.Errorf("answer stamps: %q %v", r.GetString("answeredBy"), r.GetDateTime("answeredAt"))
	}
	w.API(t, admintest.Reviewer, http.MethodPatch, url, `{"state":"da-dong","answeredBy":"Giả mạo"}`, 200)
	if r2, _ := w.App.FindRecordById(schema.Feedback, fb.Id); r2.GetString("answeredBy") != r.GetString("answeredBy") {
		t.Errorf("answer stamp changed without an answer: %q", r2.GetString("answeredBy"))
	}

	// A unit's yearly report: when it was submitted, and by whom it was
	// last changed.
	thisYear := time.Now().In(schema.Vietnam).Year()
	body = w.API(t, admintest.ReporterA, http.MethodPost, "/api/collections/unitReports/records",
		fmt.Sprintf(`{"unit":%q,"year":%d,"state":"draft","summary":"Báo cáo.","submittedAt":"2001-01-01 00:00:00.000Z","updatedBy":"Giả mạo"}`, admintest.UnitA, thisYear), 200)
	rep := admintest.JSONField(t, body, "id")
	w.API(t, admintest.ReporterA, http.MethodPatch, "/api/collections/unitReports/records/"+rep, `{"summary":"Báo cáo sửa.","submittedAt":"2001-01-01 00:00:00.000Z"}`, 200)
	if r, _ := w.App.FindRecordById(schema.UnitReports, rep); !r.GetDateTime("submittedAt").IsZero() || !strings.Contains(r.GetString("updatedBy"), "reportera@daison.test") {
		t.Errorf("report stamps: submittedAt %v, updatedBy %q", r.GetDateTime("submittedAt"), r.GetString("updatedBy"))
	}
}

// TestHostile08AuditLogAppendOnly: nobody, IT included, changes or removes
// the audit log through the API — not its entries, not its collection, not
// by raw SQL, not by restoring an older backup — and each refusal is itself
// logged, with a message in Vietnamese.
func TestHostile08AuditLogAppendOnly(t *testing.T) {
	t.Parallel()
	w := admintest.NewWorld(t)
	w.API(t, admintest.Editor, http.MethodPost, "/api/collections/articles/records", `{"title":"Một việc","category":"thong-bao","status":"draft"}`, 200)
	entries := func() int {
		n, err := w.App.CountRecords(schema.AuditLog)
		if err != nil {
			t.Fatal(err)
		}
		return int(n)
	}
	first := mustRecords(t, w, schema.AuditLog, "created")[0]
	attempts := []struct{ name, method, url, body string }{
		{"edit an entry", http.MethodPatch, "/api/collections/auditLog/records/" + first.Id, `{"actor":"ai đó"}`},
		{"delete an entry", http.MethodDelete, "/api/collections/auditLog/records/" + first.Id, ""},
		{"forge an entry", http.MethodPost, "/api/collections/auditLog/records", `{"actor":"Cán bộ khác","action":"delete","collectionRef":"articles"}`},
		{"open the log to updates", http.MethodPatch, "/api/collections/auditLog", `{"updateRule":"","deleteRule":""}`},
		{"drop the log", http.MethodDelete, "/api/collections/auditLog", ""},
		{"empty the log", http.MethodDelete, "/api/collections/auditLog/truncate", ""},
		{"import a log without rules", http.MethodPut, "/api/collections/import", `{"collections":[{"name":"auditLog","type":"base","deleteRule":""}]}`},
		{"import without the log", http.MethodPut, "/api/collections/import", `{"collections":[{"name":"other","type":"base"}],"deleteMissing":true}`},
		{"delete by SQL", http.MethodPost, "/api/sql", `{"query":"DELETE FROM auditLog"}`},
		{"delete by SQL in disguise", http.MethodPost, "/api/sql", `{"query":"WITH x AS (SELECT 1) DELETE FROM auditLog"}`},
		{"restore an older backup", http.MethodPost, "/api/backups/cu.zip/restore", ""},
	}
	for _, a := range attempts {
		before := entries()
		code, body := admintest.Do(w.H, a.method, a.url, w.Tokens[admintest.Superuser], a.body)
		if code != 403 || !strings.Contains(body, "nhật ký") && !strings.Contains(body, "Nhật ký") {
			t.Errorf("%s: %d %s, want 403 saying why", a.name, code, body)
		}
		if after := entries(); after != before+1 {
			t.Errorf("%s: %d entries before, %d after; want the refusal logged", a.name, before, after)
		}
	}
	refused, _ := w.App.FindRecordsByFilter(schema.AuditLog, "action = 'refused'", "", 0, 0)
	if len(refused) != len(attempts) || !strings.Contains(refused[0].GetString("actor"), "it@daison.test") {
		t.Errorf("%d refusals logged, want %d", len(refused), len(attempts))
	}
	c, err := w.App.FindCollectionByNameOrId(schema.AuditLog)
	if err != nil || c.UpdateRule != nil || c.DeleteRule != nil || c.CreateRule != nil {
		t.Errorf("the log's collection changed: %v", err)
	}
	if got, err := w.App.FindRecordById(schema.AuditLog, first.Id); err != nil || got.GetString("actor") != first.GetString("actor") {
		t.Errorf("the first entry changed: %v", err)
	}
	// Others are refused by PocketBase, and cannot fill the log with
	// refusals.
	before := entries()
	for _, role := range []string{admintest.Anonymous, admintest.Editor, admintest.Reviewer} {
		if code, _ := admintest.Do(w.H, http.MethodPost, "/api/sql", w.Tokens[role], `{"query":"DELETE FROM auditLog"}`); code < 400 {
			t.Errorf("%s runs SQL: %d", role, code)
		}
	}
	if after := entries(); after != before {
		t.Errorf("refusals of others logged: %d", after-before)
	}
	// Emptying another collection is allowed to IT, and each record it
	// deletes is logged as IT's.
	fb := admintest.Create(t, w.App, schema.Feedback, map[string]any{"kind": "gop-y", "refCode": "GY-RONG01", "message": "Sẽ bị làm rỗng.", "state": "moi"})
	w.API(t, admintest.Superuser, http.MethodDelete, "/api/collections/feedback/truncate", "", 204)
	if es := entriesOf(t, w, schema.Feedback, fb.Id, "delete"); len(es) != 1 || !strings.Contains(es[0].GetString("actor"), "it@daison.test") {
		t.Errorf("truncate of feedback: %v", es)
	}
	// Staff cannot write it either.
	for _, role := range []string{admintest.Editor, admintest.Reviewer, admintest.ReporterA} {
		if code, _ := admintest.Do(w.H, http.MethodPost, "/api/collections/auditLog/records", w.Tokens[role], `{"action":"login","actor":"x"}`); code != 403 {
			t.Errorf("%s forges an entry: %d", role, code)
		}
	}
}

// TestAuditedWriteKeepsItsUpload: a write through the API runs in
// one transaction with its audit entry; uploaded files are stored when it
// commits, and neither file nor entry is left by a write that fails.
func TestAuditedWriteKeepsItsUpload(t *testing.T) {
	t.Parallel()
	w := admintest.NewWorld(t)
	var img bytes.Buffer
	_ = png.Encode(&img, image.NewRGBA(image.Rect(0, 0, 32, 32)))
	post := func(category string) (int, string) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		_ = mw.WriteField("title", "Tin có ảnh")
		_ = mw.WriteField("category", category)
		_ = mw.WriteField("status", "draft")
		fw, _ := mw.CreateFormFile("cover", "anh.png")
		_, _ = fw.Write(img.Bytes())
		_ = mw.Close()
		req := httptest.NewRequest(http.MethodPost, "/api/collections/articles/records", &buf)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Authorization", w.Tokens[admintest.Editor])
		rec := httptest.NewRecorder()
		w.H.ServeHTTP(rec, req)
		return rec.Code, rec.Body.String()
	}
	fsys, err := w.App.NewFilesystem()
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	before, _ := w.App.CountRecords(schema.AuditLog)
	if code, body := post("khong-co-muc-nay"); code != 400 {
		t.Fatalf("invalid create: %d %s", code, body)
	}
	if after, _ := w.App.CountRecords(schema.AuditLog); after != before {
		t.Errorf("a failed create left %d audit entries", after-before)
	}
	code, body := post("thong-bao")
	if code != 200 {
		t.Fatalf("create with a cover: %d %s", code, body)
	}
	r, err := w.App.FindRecordById(schema.Articles, admintest.JSONField(t, body, "id"))
	if err != nil || r.GetString("cover") == "" {
		t.Fatalf("stored article: %v %v", r, err)
	}
	if ok, err := fsys.Exists(r.BaseFilesPath() + "/" + r.GetString("cover")); !ok || err != nil {
		t.Errorf("the cover is not in storage: %v", err)
	}
	if es := entriesOf(t, w, schema.Articles, r.Id, "create"); len(es) != 1 {
		t.Errorf("%d create entries", len(es))
	}
}
