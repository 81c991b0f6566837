package feedback_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/admin/feedback"
	"github.com/daison/portal/internal/schema"
)

// xlsxText is every XML part of an XLSX file, concatenated.
func xlsxText(t *testing.T, body string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader([]byte(body)), int64(len(body)))
	if err != nil {
		t.Fatalf("the export is not an XLSX file: %v", err)
	}
	var b strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		x, _ := io.ReadAll(rc)
		rc.Close()
		b.Write(x)
	}
	return b.String()
}

// TestErasedContactsLeaveNoTrace: once a citizen has erased their contacts,
// the reviewer's API answers, the CSV and XLSX exports, the audit log and
// the history (versions of the initiative made from the proposal) carry
// none of the values. Before the erasure the reviewer's export did.
func TestErasedContactsLeaveNoTrace(t *testing.T) {
	t.Parallel()
	w := admintest.NewWorld(t)
	name, phone, email := "Đặng Thị Tám", "0968 123 480", "tam.dang@example.vn"
	values := []string{name, phone, "0968123480", email, "Đặng Thị", "123 480"}
	status, body := admintest.Do(w.H, http.MethodPost, "/api/portal/feedback", "", `{"kind":"sang-kien","topic":"Hẹn giờ qua Zalo",`+
		`"message":"Hẹn giờ nộp hồ sơ qua Zalo để không phải chờ.","name":"`+name+`","phone":"`+phone+`","email":"`+email+`","consent":"on","publish":"on"}`)
	if status != http.StatusCreated {
		t.Fatalf("submit: %d %s", status, body)
	}
	code := admintest.JSONField(t, body, "refCode")
	fb := byCode(t, w.App, code)

	// Staff work on it: an answer, tags, the proposal made an initiative
	// which is then edited (a version in the history), published on Hỏi – đáp.
	w.API(t, admintest.Reviewer, http.MethodPatch, "/api/collections/feedback/records/"+fb.Id,
		`{"answer":"Phòng Văn hóa – Xã hội sẽ thử nghiệm từ tháng sau.","answerOffice":"Phòng Văn hóa – Xã hội","tags":["zalo"],"published":true}`, http.StatusOK)
	ini := admintest.JSONField(t, w.API(t, admintest.Editor, http.MethodPost, "/api/portal/feedback/"+fb.Id+"/initiative", "", http.StatusCreated), "initiative")
	w.API(t, admintest.Editor, http.MethodPatch, "/api/collections/initiatives/records/"+ini, `{"summary":"Hẹn giờ nộp hồ sơ qua Zalo."}`, http.StatusOK)

	csv := w.API(t, admintest.Reviewer, http.MethodGet, "/api/portal/exports/feedback?format=csv", "", http.StatusOK)
	if !strings.Contains(csv, phone) || !strings.Contains(csv, email) {
		t.Fatalf("before the erasure the reviewer's export lacks the contacts: %s", csv)
	}

	st, page := postFrom(w.H, feedback.ErasePath, "198.51.100.77", url.Values{"ma": {code}, "so": {"3480"}, "xac-nhan": {"on"}})
	if st != http.StatusOK || !strings.Contains(page, "Đã xóa") {
		t.Fatalf("erase: %d %s", st, page)
	}

	carries := func(where, text string) {
		t.Helper()
		for _, v := range values {
			if strings.Contains(text, v) {
				t.Errorf("%s carries %q after the erasure", where, v)
			}
		}
	}
	view := w.API(t, admintest.Reviewer, http.MethodGet, "/api/collections/feedback/records/"+fb.Id, "", http.StatusOK)
	carries("the reviewer's view", view)
	var rec map[string]any
	if err := json.Unmarshal([]byte(view), &rec); err != nil {
		t.Fatal(err)
	}
	if rec["phone"] != "" || rec["email"] != "" || rec["name"] != "" || rec["contactsErasedBy"] != "nguoi-gui" {
		t.Errorf("the reviewer reads %v", rec)
	}
	carries("the reviewer's list", w.API(t, admintest.Reviewer, http.MethodGet, "/api/collections/feedback/records?perPage=500", "", http.StatusOK))
	carries("IT's list", w.API(t, admintest.Superuser, http.MethodGet, "/api/collections/feedback/records?perPage=500", "", http.StatusOK))
	carries("the CSV export", w.API(t, admintest.Reviewer, http.MethodGet, "/api/portal/exports/feedback?format=csv", "", http.StatusOK))
	carries("the XLSX export", xlsxText(t, w.API(t, admintest.Reviewer, http.MethodGet, "/api/portal/exports/feedback?format=xlsx", "", http.StatusOK)))
	carries("the audit log (API)", w.API(t, admintest.Reviewer, http.MethodGet, "/api/collections/auditLog/records?perPage=500", "", http.StatusOK))
	carries("the history (API)", w.API(t, admintest.Reviewer, http.MethodGet, "/api/collections/revisions/records?perPage=500", "", http.StatusOK))
	// And nothing is left in the tables themselves, which IT can read.
	for _, table := range []string{schema.AuditLog, schema.Revisions, schema.Feedback, schema.Initiatives} {
		carries("the "+table+" table", dumpTable(t, w, table))
	}
}

// dumpTable is every row of a table as text.
func dumpTable(t *testing.T, w *admintest.World, table string) string {
	t.Helper()
	rows, err := w.App.DB().NewQuery("SELECT * FROM " + table).Rows()
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for _, v := range vals {
			switch x := v.(type) {
			case []byte:
				b.Write(x)
			case string:
				b.WriteString(x)
			}
			b.WriteByte('\t')
		}
		b.WriteByte('\n')
	}
	return b.String()
}
