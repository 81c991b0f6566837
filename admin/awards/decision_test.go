package awards_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/doccheck"
	"github.com/daison/portal/internal/schema"
)

// decisionWorld seeds a world with a commune's identity and one decision,
// 77/QĐ-UBND, signed by a vice chairman: a collective and two people.
func decisionWorld(t *testing.T, identity map[string]any) *admintest.World {
	t.Helper()
	w := newWorld(t)
	if identity != nil {
		admintest.Create(t, w.App, commune.Collection, identity)
	}
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
	return w
}

// hoaBinh is an illustrative commune's identity.
var hoaBinh = map[string]any{"commune": "xã Hòa Bình Mẫu", "province": "tỉnh Mẫu", "movement": "Đẩy mạnh cải cách hành chính giai đoạn 2026 – 2030",
	"planNumber": "105/KH-UBND", "planDate": "24/06/2026", "siteName": "Cổng xã Hòa Bình Mẫu", "mark": "HB", "owner": "Ủy ban nhân dân xã Hòa Bình Mẫu",
	"address": "Số 1", "phone": "0203 3000 000", "email": "lienhe@hoabinhmau.example", "responsible": "Người Thử"}

const printURL = "/api/portal/decisions/print?no=77%2FQĐ-UBND"

// TestDecisionPrinted: the decision prints whole, as Nghị định 30/2020/NĐ-CP
// lays it out: the issuing body and the national motto, the number and
// symbol, the place and date, "QUYẾT ĐỊNH" and its subject, the authority,
// the legal grounds (the law's in force, then the commune's plan), the
// articles, "Nơi nhận" and the vice chairman's block "KT. CHỦ TỊCH / PHÓ
// CHỦ TỊCH"; then its annex on a new page, without a number of its own,
// sections I (collectives) and II (individuals) in Vietnamese order, the
// unit written once. The page carries its serif inline and its policy
// lets it load.
func TestDecisionPrinted(t *testing.T) {
	t.Parallel()
	w := decisionWorld(t, hoaBinh)
	code, page := admintest.Do(w.H, http.MethodGet, printURL, w.Tokens[reviewer], "")
	if code != 200 {
		t.Fatalf("print: %d %s", code, page)
	}
	checkOrder(t, "the decision", page, []string{"ỦY BAN NHÂN DÂN", "XÃ HÒA BÌNH MẪU", "Số: 77/QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"Hòa Bình Mẫu, ngày 24 tháng 11 năm 2026", "<h1>QUYẾT ĐỊNH</h1>",
		"Về việc khen thưởng tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua “Đẩy mạnh cải cách hành chính giai đoạn 2026 – 2030” năm 2026",
		"CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA BÌNH MẪU",
		"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
		"Căn cứ Nghị định số 152/2025/NĐ-CP", "Căn cứ Kế hoạch số 105/KH-UBND ngày 24/06/2026 của Ủy ban nhân dân xã Hòa Bình Mẫu",
		"Theo đề nghị của Trưởng phòng Văn hóa – Xã hội", "QUYẾT ĐỊNH:",
		"<b>Điều 1.</b> Tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã Hòa Bình Mẫu cho 01 tập thể và 02 cá nhân (có danh sách kèm theo)",
		"<b>Điều 2.</b>", "<b>Điều 3.</b> Quyết định này có hiệu lực kể từ ngày ký.",
		"Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, VHXH.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Bình",
		`class="annex`, "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", "(Kèm theo Quyết định số 77/QĐ-UBND ngày 24/11/2026 của Chủ tịch UBND xã Hòa Bình Mẫu)",
		"I. TẬP THỂ", "<td class=\"n\">1</td><td>Đơn vị A</td><td></td>", "II. CÁ NHÂN",
		"<td class=\"n\">1</td><td>Âu Văn Bảo</td><td>Công chức, Đơn vị A</td>", "<td class=\"n\">2</td><td>Bùi Thị Lan</td><td>Trưởng Đơn vị A</td>",
		"Tổng số: 3 tập thể, cá nhân."})
	annex := page[strings.Index(page, `class="annex`):]
	if strings.Contains(annex, "Số:") || strings.Count(page, "Số: ") != 1 {
		t.Errorf("the annex has a number of its own, or the decision has %d", strings.Count(page, "Số: "))
	}
	if strings.Contains(page, "Trưởng Đơn vị A, Đơn vị A") {
		t.Error("the unit is written twice in “Chức vụ, đơn vị”")
	}
	if n := strings.Count(page, `@font-face{font-family:"Tinos"`); n != 4 {
		t.Errorf("the page carries %d faces of its serif, want 4", n)
	}
	if !strings.Contains(page, `font-family:"Tinos","Times New Roman",serif`) {
		t.Error("the page does not print in its serif")
	}
	req := httptest.NewRequest(http.MethodGet, printURL, nil)
	req.Header.Set("Authorization", w.Tokens[reviewer])
	res := httptest.NewRecorder()
	w.H.ServeHTTP(res, req)
	if csp := res.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "font-src data:") {
		t.Errorf("the policy keeps the serif out: %q", csp)
	}
}

// TestDecisionPrintRoles: reviewers and editors print a decision's
// papers; a unit's reporter and anonymous users cannot; a paper that does
// not exist or a decision without awards is said in Vietnamese.
func TestDecisionPrintRoles(t *testing.T) {
	t.Parallel()
	w := decisionWorld(t, nil)
	for _, c := range []struct {
		role string
		s    tests.ApiScenario
	}{
		{reviewer, tests.ApiScenario{Name: "reviewer: the decision", Method: http.MethodGet, URL: printURL, ExpectedStatus: 200, ExpectedContent: []string{"Điều 1.", "Căn cứ", "Nơi nhận:"}}},
		{editor, tests.ApiScenario{Name: "editor: the proposal", Method: http.MethodGet, URL: printURL + "&doc=to-trinh", ExpectedStatus: 200, ExpectedContent: []string{"TỜ TRÌNH"}}},
		{superuser, tests.ApiScenario{Name: "superuser: certificates", Method: http.MethodGet, URL: printURL + "&doc=giay-khen", ExpectedStatus: 200, ExpectedContent: []string{"GIẤY KHEN"}}},
		{reporterA, tests.ApiScenario{Name: "unit reporter", Method: http.MethodGet, URL: printURL, ExpectedStatus: 403, ExpectedContent: []string{"Vai trò của bạn không được phép"}}},
		{reporterA, tests.ApiScenario{Name: "unit reporter: certificates", Method: http.MethodGet, URL: printURL + "&doc=giay-khen", ExpectedStatus: 403}},
		{anonymous, tests.ApiScenario{Name: "anonymous", Method: http.MethodGet, URL: printURL, ExpectedStatus: 401, ExpectedContent: []string{"Bạn cần đăng nhập"}}},
		{reviewer, tests.ApiScenario{Name: "unknown paper", Method: http.MethodGet, URL: printURL + "&doc=bien-ban", ExpectedStatus: 400, ExpectedContent: []string{"Không có loại văn bản"}}},
		{reviewer, tests.ApiScenario{Name: "no number", Method: http.MethodGet, URL: "/api/portal/decisions/print?no=+", ExpectedStatus: 400, ExpectedContent: []string{"Hãy ghi số quyết định"}}},
		{reviewer, tests.ApiScenario{Name: "no awards", Method: http.MethodGet, URL: "/api/portal/decisions/print?no=1%2FQĐ-UBND&doc=giay-khen", ExpectedStatus: 404, ExpectedContent: []string{"Không có khen thưởng nào theo quyết định"}}},
	} {
		w.Scenario(t, c.role, c.s)
	}
}

// TestProposalAndCertificates: the proposal of Phòng Văn hóa – Xã hội to
// the chairman (its number and date left for the office, its list
// attached); a certificate on A4 landscape for each collective and person
// given a Giấy khen; the annex alone; an identity's own legal grounds and
// recipients replace the defaults, the plan's ground stays; a decision of
// one person counts one and leaves the collectives' section out.
func TestProposalAndCertificates(t *testing.T) {
	t.Parallel()
	id := map[string]any{}
	for k, v := range hoaBinh {
		id[k] = v
	}
	id["decisionBases"] = "- Căn cứ Quy chế thi đua, khen thưởng của xã ban hành kèm theo Quyết định số 9/QĐ-UBND.\n\n"
	id["decisionRecipients"] = "Như Điều 3;\nLưu: VT."
	w := decisionWorld(t, id)
	prop := w.API(t, reviewer, http.MethodGet, printURL+"&doc=to-trinh", "", 200)
	checkOrder(t, "the proposal", prop, []string{"UBND XÃ HÒA BÌNH MẪU", "PHÒNG VĂN HÓA – XÃ HỘI", "/TTr-VHXH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Hòa Bình Mẫu, ngày", "năm 2026", "TỜ TRÌNH", "Về việc đề nghị khen thưởng", "Kính gửi: Chủ tịch Ủy ban nhân dân xã Hòa Bình Mẫu.",
		"Căn cứ Kế hoạch số 105/KH-UBND", "Phòng Văn hóa – Xã hội kính trình", "tặng Giấy khen", "01 tập thể và 02 cá nhân", "Kính trình",
		"Nơi nhận:", "- Như trên;", "TRƯỞNG PHÒNG", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", "(Kèm theo Tờ trình số", "Đơn vị A", "Âu Văn Bảo", "Bùi Thị Lan"})

	certs := w.API(t, reviewer, http.MethodGet, printURL+"&doc=giay-khen", "", 200)
	if !strings.Contains(certs, "@page{size:A4 landscape") {
		t.Error("the certificates are not laid out on A4 landscape")
	}
	if n := strings.Count(certs, `<section class="cert">`); n != 3 {
		t.Errorf("%d certificates, want 3", n)
	}
	checkOrder(t, "the certificates", certs, []string{"CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA BÌNH MẪU", "TẶNG", "GIẤY KHEN", "Đơn vị A", "Đã có thành tích: Hoàn thành xuất sắc nhiệm vụ",
		"Quyết định số 77/QĐ-UBND ngày 24/11/2026", "KT. CHỦ TỊCH", "Lê Văn Bình", "Âu Văn Bảo", "Công chức, Đơn vị A", "Bùi Thị Lan"})

	dec := w.API(t, reviewer, http.MethodGet, printURL, "", 200)
	checkOrder(t, "the decision's own grounds", dec, []string{"Căn cứ Quy chế thi đua, khen thưởng của xã ban hành kèm theo Quyết định số 9/QĐ-UBND;",
		"Căn cứ Kế hoạch số 105/KH-UBND", "- Như Điều 3;", "- Lưu: VT."})
	if strings.Contains(dec, "Luật Tổ chức chính quyền địa phương") || strings.Contains(dec, "Thường trực Đảng ủy") {
		t.Error("the defaults are printed beside the commune's own grounds and recipients")
	}
	list := w.API(t, reviewer, http.MethodGet, printURL+"&doc=danh-sach", "", 200)
	if strings.Contains(list, "Điều 1.") || strings.Contains(list, "Số:") || !strings.Contains(list, "Tổng số: 3 tập thể, cá nhân.") {
		t.Error("the annex alone carries the decision's text or a number")
	}

	// One person: one counted, no collectives' section.
	past := admintest.Date(time.Now().Add(-time.Hour))
	h := admintest.Create(t, w.App, schema.Honorees, map[string]any{"name": "Cao Thị Một", "kind": "ca-nhan", "status": "published", "publishAt": past}).Id
	admintest.Create(t, w.App, schema.Awards, map[string]any{"honoree": h, "form": "giay-khen", "kind": "hang-nam", "year": 2026, "decisionNo": "5/QĐ-UBND",
		"achievement": "Có sáng kiến số hóa hồ sơ một cửa.", "status": "published", "publishAt": past})
	one := w.API(t, reviewer, http.MethodGet, "/api/portal/decisions/print?no=5%2FQĐ-UBND", "", 200)
	if !strings.Contains(one, "Hòa Bình Mẫu, ngày       tháng       năm 2026") || !strings.Contains(one, "cho 01 cá nhân (có danh sách kèm theo)") || strings.Contains(one, "I. TẬP THỂ") || !strings.Contains(one, "CHỦ TỊCH</p>") {
		t.Error("a decision of one person, undated and unsigned, is not printed as one")
	}
	cert := w.API(t, reviewer, http.MethodGet, "/api/portal/decisions/print?no=5%2FQĐ-UBND&doc=giay-khen", "", 200)
	if n := strings.Count(cert, `<section class="cert">`); n != 1 || !strings.Contains(cert, "Đã có thành tích: Có sáng kiến số hóa hồ sơ một cửa.") {
		t.Errorf("one person's decision gives %d certificates, or the achievement is not on it", n)
	}
}

// TestDecisionDOCX: each paper as a Word document: well-formed XML, the
// same text in the same order, Times New Roman with Tinos and Liberation
// Serif as fallbacks in the font table, the certificates on A4 landscape.
// Where LibreOffice is installed, each document converts to a PDF.
func TestDecisionDOCX(t *testing.T) {
	t.Parallel()
	w := decisionWorld(t, hoaBinh)
	want := map[string][]string{
		"quyet-dinh": {"ỦY BAN NHÂN DÂN", "Số: 77/QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hòa Bình Mẫu, ngày 24 tháng 11 năm 2026", "QUYẾT ĐỊNH",
			"CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA BÌNH MẪU", "Căn cứ Luật Tổ chức chính quyền địa phương", "Căn cứ Kế hoạch số 105/KH-UBND", "QUYẾT ĐỊNH:",
			"Điều 1. ", "01 tập thể và 02 cá nhân", "Điều 2. ", "Điều 3. ", "Nơi nhận:", "- Như Điều 3;", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Bình",
			`w:type="page"`, "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", "(Kèm theo Quyết định số 77/QĐ-UBND", "I. TẬP THỂ", "Đơn vị A", "II. CÁ NHÂN",
			"Âu Văn Bảo", "Công chức, Đơn vị A", "Bùi Thị Lan", `w:w="11906" w:h="16838"`},
		"to-trinh":  {"PHÒNG VĂN HÓA – XÃ HỘI", "/TTr-VHXH", "TỜ TRÌNH", "Kính gửi: Chủ tịch Ủy ban nhân dân xã Hòa Bình Mẫu.", "Kính trình", "TRƯỞNG PHÒNG", `w:type="page"`, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"},
		"giay-khen": {"CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA BÌNH MẪU", "GIẤY KHEN", "Đơn vị A", `w:type="page"`, "Âu Văn Bảo", `w:type="page"`, "Bùi Thị Lan", `w:orient="landscape"`},
		"danh-sach": {"DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", "Tổng số: 3 tập thể, cá nhân."},
	}
	soffice, _ := exec.LookPath("soffice")
	for doc, order := range want {
		code, b := admintest.Do(w.H, http.MethodGet, printURL+"&doc="+doc+"&format=docx", w.Tokens[reviewer], "")
		if code != 200 {
			t.Fatalf("%s: %d %s", doc, code, b)
		}
		if k, err := doccheck.Check([]byte(b), doc+".docx", doccheck.Default); err != nil || k != doccheck.DOCX {
			t.Fatalf("%s is not a Word document: %v", doc, err)
		}
		parts := unzip(t, []byte(b))
		for name, x := range parts {
			if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
				continue
			}
			if err := wellFormed(x); err != nil {
				t.Errorf("%s: %s is not well-formed: %v", doc, name, err)
			}
		}
		checkOrder(t, doc+".docx", parts["word/document.xml"], order)
		if doc == "danh-sach" && strings.Contains(parts["word/document.xml"], "Số:") {
			t.Error("the annex's DOCX has a number of its own")
		}
		ft := parts["word/fontTable.xml"]
		if !strings.Contains(ft, `<w:font w:name="Times New Roman"><w:altName w:val="Tinos,Liberation Serif"/>`) || !strings.Contains(parts["word/_rels/document.xml.rels"], "fontTable.xml") {
			t.Errorf("%s: no fallback for Times New Roman in the font table: %s", doc, ft)
		}
		// The four faces embedded, each obfuscated with its key: undone, a
		// TrueType file again.
		keys := regexp.MustCompile(`<w:(embed\w+) r:id="(rIdF\d)" w:fontKey="\{([0-9A-F-]{36})\}"/>`).FindAllStringSubmatch(ft, -1)
		if len(keys) != 4 {
			t.Errorf("%s: %d faces embedded, want 4", doc, len(keys))
		}
		for _, k := range keys {
			target := regexp.MustCompile(`Id="` + k[2] + `"[^>]*Target="([^"]+)"`).FindStringSubmatch(parts["word/_rels/fontTable.xml.rels"])
			if target == nil {
				t.Errorf("%s: %s points nowhere", doc, k[1])
				continue
			}
			font := []byte(parts["word/"+target[1]])
			hexKey := strings.ReplaceAll(k[3], "-", "")
			for i := 0; i < 32 && i < len(font); i++ {
				b, _ := strconv.ParseUint(hexKey[2*(15-i%16):2*(15-i%16)+2], 16, 8)
				font[i] ^= byte(b)
			}
			if len(font) < 10_000 || string(font[:4]) != "\x00\x01\x00\x00" {
				t.Errorf("%s: %s is not a TrueType font once its key is undone", doc, target[1])
			}
		}
		if soffice != "" {
			pdf := convertWithLibreOffice(t, soffice, doc, []byte(b))
			if !bytes.HasPrefix(pdf, []byte("%PDF")) {
				t.Errorf("%s: LibreOffice made no PDF", doc)
			}
			pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
			t.Logf("%s.docx → PDF by LibreOffice: %d bytes, %d pages", doc, len(pdf), pages)
			if doc == "giay-khen" && pages != 3 {
				t.Errorf("LibreOffice lays the 3 certificates on %d pages", pages)
			}
			for _, m := range regexp.MustCompile(`/BaseFont\s*/(?:[A-Z]{6}\+)?([A-Za-z0-9-]+)`).FindAllSubmatch(pdf, -1) {
				if !strings.HasPrefix(string(m[1]), "Tinos") {
					t.Errorf("%s: LibreOffice draws with %s, not the embedded serif", doc, m[1])
				}
			}
			mapped := pdfText(pdf)
			for _, l := range order {
				for _, r := range l {
					if r > 0x7f && r != '─' && !mapped[r] {
						t.Errorf("%s: LibreOffice draws no glyph for %q (of %q)", doc, r, l)
					}
				}
			}
		}
	}
	if soffice == "" {
		t.Log("LibreOffice (soffice) is not installed: the documents' XML was checked, not their conversion")
	}
}

// convertWithLibreOffice converts a Word document to PDF with a fresh
// profile and returns the PDF.
func convertWithLibreOffice(t *testing.T, soffice, name string, docx []byte) []byte {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, name+".docx")
	if err := os.WriteFile(in, docx, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v: %s", err, out)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, name+".pdf"))
	if err != nil {
		t.Fatalf("soffice wrote no PDF: %v", err)
	}
	return pdf
}

// unzip reads every part of a zip archive.
func unzip(t *testing.T, b []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		x, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = string(x)
	}
	return parts
}

// wellFormed reads an XML document to its end.
func wellFormed(s string) error {
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("xml: %w", err)
		}
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

// TestDecisionManyAwards: a decision of 240 people and collectives prints
// every row, numbered on, a certificate each, and a Word document of
// each paper.
func TestDecisionManyAwards(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	past := admintest.Date(time.Now().Add(-time.Hour))
	const n = 240
	for i := range n {
		kind := "ca-nhan"
		if i%4 == 0 {
			kind = "tap-the"
		}
		h := admintest.Create(t, w.App, schema.Honorees, map[string]any{"name": fmt.Sprintf("Người thứ %03d", i), "kind": kind, "unit": unitB, "status": "published", "publishAt": past}).Id
		admintest.Create(t, w.App, schema.Awards, map[string]any{"honoree": h, "form": "giay-khen", "kind": "tong-ket", "year": 2030, "decisionNo": "300/QĐ-UBND",
			"achievement": "Thành tích tiêu biểu giai đoạn", "status": "published", "publishAt": past})
	}
	url := "/api/portal/decisions/print?no=300%2FQĐ-UBND"
	page := w.API(t, reviewer, http.MethodGet, url, "", 200)
	for _, want := range []string{"cho 60 tập thể và 180 cá nhân", "Về việc khen thưởng tổng kết phong trào thi đua", "<td class=\"n\">60</td>", "<td class=\"n\">180</td>", "Tổng số: 240 tập thể, cá nhân."} {
		if !strings.Contains(page, want) {
			t.Errorf("the decision of %d lacks %q", n, want)
		}
	}
	if strings.Contains(page, "<td class=\"n\">181</td>") {
		t.Error("the individuals' numbering does not restart after the collectives")
	}
	certs := w.API(t, reviewer, http.MethodGet, url+"&doc=giay-khen", "", 200)
	if c := strings.Count(certs, `<section class="cert">`); c != n {
		t.Errorf("%d certificates, want %d", c, n)
	}
	for _, doc := range []string{"quyet-dinh", "to-trinh", "giay-khen", "danh-sach"} {
		b := w.API(t, reviewer, http.MethodGet, url+"&doc="+doc+"&format=docx", "", 200)
		if err := wellFormed(unzip(t, []byte(b))["word/document.xml"]); err != nil {
			t.Errorf("%s: %v", doc, err)
		}
	}
}
