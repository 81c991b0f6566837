package awards_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/commune"
)

// TestFormsInUse: a nomination's requested and decided forms and a staff
// award's form must be among the forms the commune uses (all of them while
// it chose none); a refusal names the form and those in use, in
// Vietnamese; a form kept from before the commune narrowed its list stays.
func TestFormsInUse(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	id := admintest.Create(t, w.App, commune.Collection, map[string]any{
		"commune": "xã Hòa Bình Mẫu", "province": "tỉnh Thử", "siteName": "Cổng xã Hòa Bình Mẫu", "mark": "HB",
		"owner": "Ủy ban nhân dân xã Hòa Bình Mẫu", "movement": "Hòa Bình Mẫu phục vụ Nhân dân", "address": "Số 1",
		"phone": "0203 3000 000", "email": "lienhe@hoabinhmau.example", "responsible": "Người Thử",
	})
	year := time.Now().Year() + 1
	noms, awardsURL := "/api/collections/nominations/records", "/api/collections/awards/records"
	var kept string // a nomination filed while every form was in use
	for i, c := range []struct {
		name    string
		inUse   []string
		role    string
		url     string
		field   string
		form    string
		want    int
		message string
	}{
		{"empty means all: nomination", nil, reporterA, noms, "requestedForm", "bang-khen-thu-tuong", 200, ""},
		{"empty means all: award", nil, reviewer, awardsURL, "form", "bang-khen-thu-tuong", 200, ""},
		{"allowed nomination", []string{"giay-khen", "bang-khen-thanh-pho"}, reporterA, noms, "requestedForm", "giay-khen", 200, ""},
		{"allowed award", []string{"giay-khen", "bang-khen-thanh-pho"}, reviewer, awardsURL, "form", "bang-khen-thanh-pho", 200, ""},
		{"refused nomination", []string{"giay-khen", "bang-khen-thanh-pho"}, reporterA, noms, "requestedForm", "bang-khen-thu-tuong", 400,
			"Hình thức “Bằng khen của Thủ tướng Chính phủ” không được xã sử dụng. Các hình thức đang dùng: Giấy khen của Chủ tịch UBND xã; Bằng khen của Chủ tịch UBND Thành phố."},
		{"refused award", []string{"giay-khen"}, reviewer, awardsURL, "form", "bang-khen-thanh-pho", 400,
			"Hình thức “Bằng khen của Chủ tịch UBND Thành phố” không được xã sử dụng. Các hình thức đang dùng: Giấy khen của Chủ tịch UBND xã."},
	} {
		id.Set("awardForms", c.inUse)
		if err := w.App.Save(id); err != nil {
			t.Fatalf("%s: set the forms in use: %v", c.name, err)
		}
		body := fmt.Sprintf(`{"unit":%q,"year":%d,"nomineeName":"Người %d","nomineeKind":"ca-nhan","requestedForm":%q,"kind":"hang-nam","achievements":"Thành tích %d.","state":"draft"}`,
			unitA, year, i, c.form, i)
		if c.url == awardsURL {
			body = fmt.Sprintf(`{"honoree":%q,"form":%q,"kind":"hang-nam","year":%d,"achievement":"Thành tích %d.","status":"draft"}`, honoreeID, c.form, year, i)
		}
		code, got := admintest.Do(w.H, http.MethodPost, c.url, w.Tokens[c.role], body)
		if code != c.want || (c.message != "" && !strings.Contains(got, c.message)) || (c.want == 400 && !strings.Contains(got, `"`+c.field+`"`)) {
			t.Errorf("%s: %d %s, want %d %q", c.name, code, got, c.want, c.message)
		}
		if i == 0 && code == 200 {
			kept = jsonField(t, got, "id")
		}
	}
	// The commune now uses only "giay-khen": a nomination asking for the
	// Prime Minister's certificate before stays editable; changing its form
	// to another unused one, or deciding an unused form, is refused.
	if kept == "" {
		t.Fatal("no nomination was filed while every form was in use")
	}
	w.API(t, reporterA, http.MethodPatch, noms+"/"+kept, `{"achievements":"Thành tích đã sửa."}`, 200)
	if got := w.API(t, reporterA, http.MethodPatch, noms+"/"+kept, `{"requestedForm":"bang-khen-thanh-pho"}`, 400); !strings.Contains(got, "không được xã sử dụng") {
		t.Errorf("an unused form was requested: %s", got)
	}
}
