package admin_test

import (
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
)

// TestSearchSynonyms: the migration seeds the list; editors and reviewers
// keep it, nobody else reads or writes it; what they save is checked, with
// Vietnamese messages; a change asks for a rebuild.
func TestSearchSynonyms(t *testing.T) {
	var changes atomic.Int32
	app := admintest.NewApp(t, func(c string) {
		if c == schema.SearchSynonyms {
			changes.Add(1)
		}
	})
	if n, err := app.CountRecords(schema.SearchSynonyms); err != nil || n < 5 {
		t.Fatalf("seeded synonyms: %d (%v)", n, err)
	}
	if r, err := app.FindFirstRecordByData(schema.SearchSynonyms, "phrase", "sổ đỏ"); err != nil || r.GetString("means") != "giấy chứng nhận quyền sử dụng đất" {
		t.Fatalf("sổ đỏ is not seeded: %v", err)
	}
	h := admintest.Handler(t, app)
	const url = "/api/collections/" + schema.SearchSynonyms + "/records"
	editor := admintest.StaffToken(t, app, schema.RoleEditor, "")
	reviewer := admintest.StaffToken(t, app, schema.RoleReviewer, "")
	reporter := admintest.StaffToken(t, app, schema.RoleUnitReporter, "")

	if code, body := admintest.Do(h, http.MethodGet, url, "", ""); code != http.StatusOK || strings.Contains(body, "sổ đỏ") {
		t.Errorf("anonymous list: %d %.200s", code, body)
	}
	if code, body := admintest.Do(h, http.MethodGet, url, reporter, ""); code != http.StatusOK || strings.Contains(body, "sổ đỏ") {
		t.Errorf("a unit's reporter lists: %d %.200s", code, body)
	}
	if code, _ := admintest.Do(h, http.MethodPost, url, reporter, `{"phrase":"giấy phép xây dựng","means":"cấp phép xây dựng"}`); code == http.StatusOK {
		t.Error("a unit's reporter adds a synonym")
	}
	if code, _ := admintest.Do(h, http.MethodPost, url, "", `{"phrase":"a","means":"b"}`); code == http.StatusOK {
		t.Error("anonymous adds a synonym")
	}

	before := changes.Load()
	code, body := admintest.Do(h, http.MethodPost, url, editor, `{"phrase":"  sổ ho\u0302\u0300ng đất ","means":"giấy chứng nhận quyền sở hữu nhà ở"}`)
	if code != http.StatusOK || !strings.Contains(body, `"phrase":"sổ hồng đất"`) {
		t.Fatalf("an editor adds: %d %s", code, body)
	}
	if changes.Load() == before {
		t.Error("adding a synonym asks for no rebuild")
	}
	if code, body := admintest.Do(h, http.MethodGet, url+"?perPage=200", reviewer, ""); code != http.StatusOK || !strings.Contains(body, "sổ hồng đất") {
		t.Errorf("a reviewer lists: %d", code)
	}
	for _, c := range []struct{ body, field, want string }{
		{`{"phrase":"!!!","means":"căn cước"}`, "phrase", "Hãy nhập chữ hoặc số"},
		{`{"phrase":"một hai ba bốn năm sáu bảy","means":"căn cước"}`, "phrase", "tối đa 6 tiếng"},
		{`{"phrase":"Căn cước","means":"can cuoc"}`, "means", "phải khác"},
		{`{"phrase":"dòng\nhai","means":"căn cước"}`, "phrase", "một dòng"},
		{`{"phrase":"","means":"căn cước"}`, "phrase", ""},
	} {
		code, body := admintest.Do(h, http.MethodPost, url, reviewer, c.body)
		if code != http.StatusBadRequest || !strings.Contains(body, `"`+c.field+`"`) || !strings.Contains(body, c.want) {
			t.Errorf("%s: %d %s", c.body, code, body)
		}
	}
}
