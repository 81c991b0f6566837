package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/schema"
)

// TestInit sets a commune up as "portal init" does: flags, answers typed
// at the prompts, a signed PDF and the deadline; then refuses bad input
// with Vietnamese messages and a file that is not a PDF.
func TestInit(t *testing.T) {
	app := admintest.NewApp(t, nil)
	answers := strings.Join([]string{
		"xã Hòa Bình Mẫu", "tỉnh Thử Nghiệm", "HB", "Ủy ban nhân dân xã Hòa Bình Mẫu",
		"Hòa Bình Mẫu phục vụ Nhân dân", "Số 1 đường Thử", "0203 3000 000", "lienhe@hoabinhmau.example",
		"", "Người Thử Nghiệm", "", "", "", "", "",
		// In English: the commune and its owner, the rest left empty.
		"Hòa Bình Mẫu Commune", "People's Committee of Hòa Bình Mẫu Commune", "", "", "", "", "", "",
	}, "\n") + "\n"
	pdf := filepath.Join(t.TempDir(), "ke-hoach.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	set := map[string]string{"siteName": "Cổng cải cách hành chính xã Hòa Bình Mẫu", "colour": "tim", "awardForms": " giay-khen, bang-khen-thanh-pho "}
	if err := runInit(app, set, pdf, "15/11", true, strings.NewReader(answers), &out); err != nil {
		t.Fatalf("init: %v\n%s", err, out.String())
	}
	id, err := commune.Load(app)
	if err != nil {
		t.Fatal(err)
	}
	if id.Commune != "xã Hòa Bình Mẫu" || id.SiteName != "Cổng cải cách hành chính xã Hòa Bình Mẫu" || id.Mark != "HB" || id.Colour != "tim" || id.Email != "lienhe@hoabinhmau.example" {
		t.Errorf("stored identity: %+v", id)
	}
	if id.English.Commune != "Hòa Bình Mẫu Commune" || id.English.Owner != "People's Committee of Hòa Bình Mẫu Commune" || id.English.Address != "" {
		t.Errorf("stored identity in English: %+v", id.English)
	}
	if !strings.Contains(out.String(), "Giờ làm việc bằng tiếng Anh (không bắt buộc) [") {
		t.Errorf("the English fields were not asked as optional:\n%s", out.String())
	}
	if strings.Contains(out.String(), "Tên trang web [") {
		t.Error("a field given by flag was asked again")
	}
	if got := strings.Join(id.FormsInUse().Keys(), ","); got != "giay-khen,bang-khen-thanh-pho" {
		t.Errorf("forms in use: %s", got)
	}
	// The guide library: every guide, published, none naming the commune.
	guides, err := app.FindRecordsByFilter("guides", "status = 'published' && libraryId != ''", "", 0, 0)
	if err != nil || len(guides) < 20 || !strings.Contains(out.String(), "Thư viện hướng dẫn dịch vụ công: thêm") {
		t.Errorf("init seeded %d library guides (%v); said %q", len(guides), err, out.String())
	}
	for _, g := range guides {
		if strings.Contains(g.GetString("title")+g.GetString("offline"), "Hòa Bình") {
			t.Errorf("guide %q names the commune", g.GetString("title"))
		}
	}
	rec, _ := commune.Record(app)
	if rec.GetString("planFile") == "" {
		t.Error("the signed plan was not kept")
	}
	cfg, err := app.FindFirstRecordByFilter(schema.PortalConfig, "")
	if err != nil || cfg.GetString("reportDeadline") != "15/11" {
		t.Errorf("deadline: %v %v", cfg, err)
	}
	if s := app.Settings().Meta.SenderName; s != id.SiteName {
		t.Errorf("mail sender name %q, want the site's", s)
	}

	notPDF := filepath.Join(t.TempDir(), "ke-hoach.pdf")
	if err := os.WriteFile(notPDF, []byte("MZ this is not a pdf"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		set  map[string]string
		file string
		want string
	}{
		{"bad email", map[string]string{"email": "không phải thư"}, "", "Địa chỉ thư điện tử chưa đúng"},
		{"bad mark", map[string]string{"mark": "hb1"}, "", "1 đến 3 chữ cái in hoa"},
		{"bad phone", map[string]string{"phone": "gọi tôi"}, "", "chỉ gồm chữ số"},
		{"bad date", map[string]string{"planDate": "31/02/2026"}, "", "ngày/tháng/năm"},
		{"no name", map[string]string{"commune": ""}, "", "Hãy điền"},
		{"unknown colour", map[string]string{"colour": "hong"}, "", "colour"},
		{"not a PDF", map[string]string{}, notPDF, "không phải tệp PDF"},
		{"English too long", map[string]string{"aboutEn": strings.Repeat("a", 1001)}, "", "tối đa 1000 ký tự"},
		{"English on two lines", map[string]string{"communeEn": "Hòa Bình\nCommune"}, "", "communeEn"},
		{"unknown award form", map[string]string{"awardForms": "giay-khen,huan-chuong"}, "", "Không có hình thức khen thưởng “huan-chuong”"},
	} {
		err := runInit(app, c.set, c.file, "", false, strings.NewReader(""), &out)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
	if again, _ := commune.Load(app); again.Email != id.Email || again.Commune != id.Commune {
		t.Errorf("a refused init changed the identity: %+v", again)
	}
}
