package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSetupNewCommune: a reviewer of a new commune opens the back office of
// a fresh portal, fills "Thông tin của xã" (names, contacts, colour, the
// plan with its signed PDF, the award forms in use), is told in Vietnamese
// what is wrong without losing what was typed, saves; a nomination then
// offers only the forms in use, and the public site is rebuilt under the
// commune's name: header, footer contacts with tel:/mailto: links,
// /lien-he/, the plan and its PDF, and no trace of Đại Sơn.
func TestSetupNewCommune(t *testing.T) {
	p := start(t, false)
	p.createStaff(reviewerEmail, reviewerPassword, reviewerName, "reviewer", "")
	dir := t.TempDir()
	pdf := filepath.Join(dir, "ke-hoach-da-ky.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	notPDF := filepath.Join(dir, "ke-hoach.pdf")
	if err := os.WriteFile(notPDF, []byte("Không phải PDF"), 0o644); err != nil {
		t.Fatal(err)
	}

	b := newBrowser(t, p, 1280)
	b.login(reviewerEmail, reviewerPassword)
	b.open("/quan-tri/thong-tin-xa")
	b.waitVisible("#xa-commune")
	b.waitText("main", "Cổng chưa có thông tin của xã")

	fields := map[string]string{
		"#xa-commune": "xã Hòa Bình Mẫu", "#xa-province": "tỉnh Thử Nghiệm",
		"#xa-siteName": "Cổng cải cách hành chính xã Hòa Bình Mẫu", "#xa-mark": "HB",
		"#xa-owner": "Ủy ban nhân dân xã Hòa Bình Mẫu", "#xa-movement": "Hòa Bình Mẫu phục vụ Nhân dân 2026 – 2030",
		"#xa-address": "Số 1 đường Thử, xã Hòa Bình Mẫu", "#xa-phone": "0203 3000 000",
		"#xa-email": "không phải thư", "#xa-responsible": "Người Thử Nghiệm",
		"#xa-counterAddress": "Tầng 1, trụ sở UBND xã Hòa Bình Mẫu", "#xa-counterHours": "Sáng thứ Bảy, 7 giờ 30 – 11 giờ 30",
		"#xa-planNumber": "7/KH-UBND", "#xa-planDate": "15/06/2026",
		"#xa-planText": "## I. Mục đích\n\nKế hoạch thử của xã Hòa Bình Mẫu.",
	}
	for css, v := range fields {
		b.typeInto(css, v)
	}
	b.click(`//input[@name="colour" and @value="xanh-la"]`)
	// The commune uses two of the award forms.
	b.click(`//input[@name="awardForms" and @value="bang-khen-thanh-pho"]`)
	b.click(`//input[@name="awardForms" and @value="giay-khen"]`)
	// A file that is not a PDF is refused before it is sent.
	b.upload("#xa-planFile", notPDF)
	b.clickButton("Lưu và dựng trang")
	b.waitText(".error-summary", "Bản kế hoạch")
	// The server refuses the email, in Vietnamese; nothing typed is lost.
	b.upload("#xa-planFile", pdf)
	b.clickButton("Lưu và dựng trang")
	b.waitText(".error-summary", "Địa chỉ thư điện tử chưa đúng")
	if got := b.value("#xa-movement"); got != fields["#xa-movement"] {
		t.Errorf("after a refused save the movement reads %q", got)
	}
	b.shot("quan-tri-thong-tin-xa-loi")
	b.eval(`document.getElementById('xa-email').value = ''`)
	b.typeInto("#xa-email", "lienhe@hoabinhmau.example")
	b.clickButton("Lưu và dựng trang")
	b.waitText(".notice-success", "Đã lưu thông tin của xã Hòa Bình Mẫu")
	b.waitText("#brand-name", "Cổng cải cách hành chính xã Hòa Bình Mẫu")
	b.shot("quan-tri-thong-tin-xa")
	// A nomination offers only the forms in use.
	b.open("/quan-tri/ho-so-khen-thuong/moi")
	b.waitVisible("#f-requestedForm")
	if got := b.eval(`Array.from(document.querySelectorAll('#f-requestedForm option'), (o) => o.value).filter(Boolean).join()`); got != "giay-khen,bang-khen-thanh-pho" {
		t.Errorf("the nomination's forms are %q, want the two in use", got)
	}

	// The site is rebuilt under the commune's name.
	p.waitFor("the site under the new name", 60*time.Second, func() bool {
		_, home := p.get("/")
		return strings.Contains(home, "Cổng cải cách hành chính xã Hòa Bình Mẫu")
	})
	pages := []string{"/", "/tin-tuc/", "/ke-hoach/", "/lien-he/", "/gop-y/", "/tim-kiem/", "/khong-co-trang-nay/"}
	for _, path := range pages {
		b.open(path)
		b.waitVisible("footer")
		if got := b.text(".brand-title"); got != "Cổng cải cách hành chính xã Hòa Bình Mẫu" {
			t.Errorf("%s: the header says %q", path, got)
		}
		if got := b.eval(`document.querySelector('footer a[href^="tel:"]')?.getAttribute('href') || ''`); got != "tel:02033000000" {
			t.Errorf("%s: the footer's phone link is %q", path, got)
		}
		if got := b.eval(`document.querySelector('footer a[href^="mailto:"]')?.textContent || ''`); got != "lienhe@hoabinhmau.example" {
			t.Errorf("%s: the footer's email link is %q", path, got)
		}
		if html := b.eval(`document.documentElement.outerHTML`); strings.Contains(strings.ToLower(html), "đại sơn") {
			t.Errorf("%s still names Đại Sơn", path)
		}
	}
	b.open("/lien-he/")
	b.waitText("main", "Sáng thứ Bảy, 7 giờ 30 – 11 giờ 30")
	b.waitText("main", "Người Thử Nghiệm")
	b.shot("lien-he-xa-moi")
	b.open("/ke-hoach/")
	b.waitText("main", "Kế hoạch thử của xã Hòa Bình Mẫu")
	b.waitText(".plan-document", "Tải bản đã ký (PDF)")
	if href := b.eval(`document.querySelector('.plan-document a').getAttribute('href')`); href != "/ke-hoach/ke-hoach.pdf" {
		t.Errorf("the plan page links the signed plan at %q", href)
	}
	if code, body := p.get("/ke-hoach/ke-hoach.pdf"); code != 200 || !strings.HasPrefix(body, "%PDF-") {
		t.Errorf("the signed plan: %d", code)
	}
}
