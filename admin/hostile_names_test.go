package admin_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"

	"github.com/daison/portal/internal/schema"
)

// TestHostileStaffNamesOneLine: a staff member's own name, and every other
// name or label staff set (a deadline exception's reason, the award
// settings), is one line: a line break, another control character or a
// direction override is refused beside the field in Vietnamese, whoever
// sends it. A name stored before names were checked still makes a
// one-line label in the audit log and the stamps.
func TestHostileStaffNamesOneLine(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	me, err := w.App.FindAuthRecordByEmail(schema.Staff, "editor@daison.test")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"Nguyễn Văn A\r\nQuản trị hệ thống (it@daison.gov.vn)", "Nguyễn Văn A\nB", "Nguyễn\u0085Văn A",
		"Nguyễn Văn A\u2028B", "Nguyễn \u202eA nặV", "Nguyễn\x1b[2J", "Nguyễn\u200bVăn",
	} {
		code, body := upload(w.H, http.MethodPatch, "/api/collections/staff/records/"+me.Id, w.Tokens[editor], map[string]string{"name": name})
		fieldMessage(t, "own name "+name, code, body, "name")
		code, body = upload(w.H, http.MethodPost, "/api/collections/staff/records", w.Tokens[superuser], map[string]string{
			"email": "moi@daison.test", "password": "Mot-Mat-Khau-Dai-2026", "passwordConfirm": "Mot-Mat-Khau-Dai-2026",
			"role": "editor", "name": name,
		})
		fieldMessage(t, "new staff named "+name, code, body, "name")
	}
	code, body := upload(w.H, http.MethodPost, "/api/collections/"+schema.DeadlineExceptions+"/records", w.Tokens[reviewer], map[string]string{
		"unit": unitA, "year": "2026", "subject": "report", "action": "accept", "reason": "Đơn vị xin nộp muộn\r\nĐã duyệt bởi Chủ tịch",
	})
	fieldMessage(t, "exception reason", code, body, "reason")
	if code, body := upload(w.H, http.MethodPatch, "/api/collections/staff/records/"+me.Id, w.Tokens[editor], map[string]string{"name": "  Nguyễn Văn An "}); code != http.StatusOK || !strings.Contains(body, `"name":"Nguyễn Văn An"`) {
		t.Errorf("a plain new name: %d %s", code, body)
	}

	// A name stored before the rule, then a change made by its owner.
	me.Set("name", "Nguyễn Văn A\r\nQuản trị hệ thống")
	if err := w.App.SaveNoValidate(me); err != nil {
		t.Fatal(err)
	}
	code, body = upload(w.H, http.MethodPost, "/api/collections/articles/records", w.Tokens[editor], articleFields)
	if code != http.StatusOK {
		t.Fatalf("article: %d %s", code, body)
	}
	var actors []string
	if err := w.App.DB().Select("actor").From(schema.AuditLog).Where(dbx.HashExp{"recordRef": jsonField(t, body, "id")}).Column(&actors); err != nil || len(actors) == 0 {
		t.Fatalf("audit entries: %v %v", actors, err)
	}
	for _, a := range actors {
		if strings.ContainsAny(a, "\r\n") || !strings.HasPrefix(a, "Nguyễn Văn A Quản trị hệ thống (editor@daison.test") {
			t.Errorf("audit actor %q", a)
		}
	}
	if by := jsonField(t, body, "updatedBy"); strings.ContainsAny(by, "\r\n") {
		t.Errorf("updatedBy %q", by)
	}
}
