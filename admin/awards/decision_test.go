package awards_test

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/doccheck"
	"github.com/daison/portal/internal/schema"
)

// TestDecisionListLayout: the printed list of a decision's awards follows
// Nghị định 30/2020/NĐ-CP: the issuing body and the national motto, the
// number and symbol, the place and date, sections I (collectives) and II
// (individuals) numbered in Vietnamese order, the unit written once in
// "Chức vụ, đơn vị", and the vice chairman's signature block "KT. CHỦ
// TỊCH / PHÓ CHỦ TỊCH"; the same list as a Word document.
func TestDecisionListLayout(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	past := admintest.Date(time.Now().Add(-time.Hour))
	honoree := func(name, kind, position string) string {
		return admintest.Create(t, w.App, schema.Honorees, map[string]any{"name": name, "kind": kind, "position": position, "unit": unitA, "status": "published", "publishAt": past}).Id
	}
	for _, h := range []string{
		honoree("Bùi Thị Lan", "ca-nhan", "Trưởng Đơn vị A"),
		honoree("Âu Văn Bảo", "ca-nhan", "Công chức"),
		honoree("Đơn vị A", "tap-the", ""),
	} {
		admintest.Create(t, w.App, schema.Awards, map[string]any{"honoree": h, "form": "giay-khen", "kind": "hang-nam", "year": 2026,
			"decisionNo": "77/QĐ-UBND", "decisionDate": admintest.Date(time.Date(2026, 11, 23, 17, 0, 0, 0, time.UTC)),
			"signer": "Lê Văn Bình, Phó Chủ tịch UBND xã", "achievement": "Hoàn thành xuất sắc nhiệm vụ " + h, "status": "published", "publishAt": past})
	}
	code, page := admintest.Do(w.H, http.MethodGet, "/api/portal/decisions/print?no=77%2FQĐ-UBND", w.Tokens[reviewer], "")
	if code != 200 {
		t.Fatalf("print: %d %s", code, page)
	}
	ordered := []string{"ỦY BAN NHÂN DÂN", "Số: 77/QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		", ngày 24 tháng 11 năm 2026", "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", "(Kèm theo Quyết định số 77/QĐ-UBND ngày 24/11/2026",
		"I. TẬP THỂ", "<td class=\"n\">1</td><td>Đơn vị A</td><td></td>", "II. CÁ NHÂN",
		"<td class=\"n\">1</td><td>Âu Văn Bảo</td><td>Công chức, Đơn vị A</td>", "<td class=\"n\">2</td><td>Bùi Thị Lan</td><td>Trưởng Đơn vị A</td>",
		"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Bình"}
	checkOrder(t, "the printed list", page, ordered)

	code, doc := admintest.Do(w.H, http.MethodGet, "/api/portal/decisions/print?no=77%2FQĐ-UBND&format=docx", w.Tokens[reviewer], "")
	if code != 200 {
		t.Fatalf("docx: %d %s", code, doc)
	}
	if k, err := doccheck.Check([]byte(doc), "danh-sach.docx", doccheck.Default); err != nil || k != doccheck.DOCX {
		t.Fatalf("the DOCX is not a Word document: %v", err)
	}
	zr, err := zip.NewReader(bytes.NewReader([]byte(doc)), int64(len(doc)))
	if err != nil {
		t.Fatal(err)
	}
	var xml string
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			xml = string(b)
		}
	}
	checkOrder(t, "the DOCX", xml, []string{"ỦY BAN NHÂN DÂN", "Số: 77/QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ", ngày 24 tháng 11 năm 2026",
		"I. TẬP THỂ", "Đơn vị A", "II. CÁ NHÂN", "Âu Văn Bảo", "Công chức, Đơn vị A", "Bùi Thị Lan", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Bình"})
	if strings.Contains(xml, "Trưởng Đơn vị A, Đơn vị A") || strings.Contains(page, "Trưởng Đơn vị A, Đơn vị A") {
		t.Error("the unit is written twice in “Chức vụ, đơn vị”")
	}
}

// checkOrder fails unless s holds each of want, in that order.
func checkOrder(t *testing.T, what, s string, want []string) {
	t.Helper()
	at := 0
	for _, x := range want {
		i := strings.Index(s[at:], x)
		if i < 0 {
			t.Errorf("%s lacks %q after position %d", what, x, at)
			continue
		}
		at += i + len(x)
	}
}
