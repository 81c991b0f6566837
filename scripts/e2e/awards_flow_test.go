package e2e

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"github.com/daison/portal/internal/browsertest"
)

// Staff of the award flow test.
const (
	flowReporterEmail    = "motcua@daison.test"
	flowReporterPassword = "mat-khau-mot-cua-1"
	flowReporterName     = "Hoàng Thị Mai"
	flowReviewerEmail    = "vhxh@daison.test"
	flowReviewerPassword = "mat-khau-van-hoa-1"
	flowReviewerName     = "Vũ Văn Thắng"
	flowEditorEmail      = "trungtam@daison.test"
	flowEditorPassword   = "mat-khau-trung-tam-1"
	flowEditorName       = "Đỗ Thị Hằng"
)

// TestAwardsFlow drives the staff side of the award process and of the
// citizens' feedback (issues 6 and 7) through the back office in Chromium:
//
//   - a unit's reporter files a yearly nomination for next year with a PDF
//     dossier (a text file is refused before upload; a yearly dossier of a
//     past year is refused with the deadline's message, shown before and
//     after trying);
//   - a reviewer downloads the protected dossier, returns it with a
//     comment; the reporter sees the comment and refiles; the reviewer
//     forwards it and records the council's decision; the award (and the
//     new honoree) made as drafts are opened and published, and the honoree
//     with the award appears on the public honour roll and the year's page;
//   - a second nomination of the same achievement is refused at approval
//     with the plan's rule in Vietnamese;
//   - exports (XLSX, CSV) download, the decision's list opens to print, the
//     eligibility list and the deadline setting work; a unit files its
//     yearly report and a reviewer sees who has and has not;
//   - a citizen's comment and proposal (posted to the API) reach the queue:
//     an editor answers without seeing contacts, a reviewer sees them, and
//     the proposal becomes a draft initiative.
//
// axe-core checks every new page; screenshots are kept.
func TestAwardsFlow(t *testing.T) {
	p := start(t, false)
	unitID := p.createRecord("units", map[string]any{
		"name": "Bộ phận Tiếp nhận và Trả kết quả xã", "kind": "trung-tam", "status": "published",
	})
	p.createRecord("units", map[string]any{"name": "Thôn Đông Sơn", "kind": "thon-to-dan-pho", "status": "published"})
	p.createStaff(flowReporterEmail, flowReporterPassword, flowReporterName, "unitReporter", unitID)
	p.createStaff(flowReviewerEmail, flowReviewerPassword, flowReviewerName, "reviewer", "")
	p.createStaff(flowEditorEmail, flowEditorPassword, flowEditorName, "editor", "")
	axeSrc := axeSource(t)
	dir := t.TempDir()
	pdf := filepath.Join(dir, "Biên bản bình xét.pdf")
	pdfBytes := []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	if err := os.WriteFile(pdf, pdfBytes, 0o644); err != nil {
		t.Fatal(err)
	}
	notDoc := filepath.Join(dir, "ghi-chu.txt")
	if err := os.WriteFile(notDoc, []byte("Không phải hồ sơ."), 0o644); err != nil {
		t.Fatal(err)
	}

	now := time.Now().In(vietnam)
	next := now.Year() + 1 // its deadline (20/11) is ahead
	past := now.Year() - 1 // its deadline has passed
	nominee := "Nguyễn Thị Thu Hà"
	achievement := fmt.Sprintf("Tiếp nhận và trả kết quả đúng hạn 100%% hồ sơ năm %d; hướng dẫn hơn 1.200 lượt người dân nộp hồ sơ trực tuyến.", next)
	comment := "Đề nghị bổ sung số liệu quý IV và biên bản bình xét của đơn vị."
	decisionNo := "215/QĐ-UBND"
	var nomID string

	// Each role logs in through the login page once; its later tabs take
	// up the same session (the login limiter allows 10 a minute from one
	// address, and this test opens more tabs than that).
	sessions := map[string]string{}
	signIn := func(b *browser, email, password string) {
		t.Helper()
		if s, ok := sessions[email]; ok {
			b.resume(s)
			return
		}
		b.login(email, password)
		sessions[email] = b.eval(`localStorage.getItem('daison.quantri.auth') || ''`)
	}

	// ---- The unit's reporter files a yearly nomination.
	{
		b := newBrowser(t, p, 1280)
		signIn(b, flowReporterEmail, flowReporterPassword)
		b.waitLoaded()
		b.waitText("#ho-so-don-vi + div", "chưa có hồ sơ")
		b.waitText("#bao-cao-don-vi + div", "Hạn nộp")
		b.shot("khen-thuong-tong-quan-dau-moi")
		b.clickLink("Hồ sơ đề nghị khen thưởng")
		b.waitText("main h1", "Hồ sơ đề nghị khen thưởng")
		b.waitText(".deadline", "Hồ sơ khen thưởng đột xuất nộp được bất cứ lúc nào")
		b.axe(axeSrc, "danh sách hồ sơ đề nghị")
		b.clickLink("Lập hồ sơ đề nghị")
		b.waitVisible("#f-nomineeName")
		b.waitExists(fmt.Sprintf(`#f-unit option[value="%s"]`, unitID))
		if got := b.eval(`(() => { const s = document.querySelector('#f-unit'); return s.value + ' ' + s.disabled; })()`); got != unitID+" true" {
			t.Errorf("a reporter's unit field: %q", got)
		}

		// A yearly dossier of a past year: closed, said before and after.
		b.typeInto("#f-year", fmt.Sprint(past))
		b.selectValue("#f-kind", "hang-nam")
		b.waitText(".deadline-slot", fmt.Sprintf("Đã hết hạn nộp hồ sơ khen thưởng hằng năm năm %d (hạn cuối 20/11/%d)", past, past))
		b.waitText(".deadline-slot", "khen thưởng đột xuất vẫn nộp được")
		b.typeInto("#f-nomineeName", nominee)
		b.selectValue("#f-nomineeKind", "ca-nhan")
		b.typeInto("#f-nomineePosition", "Công chức Văn phòng – Thống kê")
		b.selectValue("#f-requestedForm", "giay-khen")
		b.typeInto("#f-achievements", achievement)
		b.clickButton("Nộp hồ sơ")
		b.waitText(".error-summary", "Đã hết hạn nộp hồ sơ đề nghị khen thưởng hằng năm năm "+fmt.Sprint(past))
		b.waitText("#f-year-error", fmt.Sprintf("hạn cuối 20/11/%d", past))
		if got := b.value("#f-nomineeName"); got != nominee {
			t.Errorf("after the refusal, the nominee is %q", got)
		}
		b.shot("khen-thuong-het-han")

		// Next year's: open until its deadline.
		b.typeInto("#f-year", fmt.Sprint(next))
		b.waitText(".deadline-slot", fmt.Sprintf("Hạn nộp hồ sơ khen thưởng hằng năm năm %d: hết ngày 20/11/%d", next, next))
		b.upload("#f-dossier", notDoc)
		b.waitText("#f-dossier-error", "không phải PDF, DOCX")
		b.upload("#f-dossier", pdf)
		b.waitText(".doc-list", "Biên bản bình xét.pdf")
		b.poll("the refusal to clear", `document.querySelector('#f-dossier-error').hidden`)
		b.axe(axeSrc, "biểu mẫu hồ sơ đề nghị")
		b.shot("khen-thuong-lap-ho-so")
		b.clickButton("Nộp hồ sơ")
		b.waitText(".notice-success", "Đã nộp hồ sơ")
		nomID = b.recordIDFromURL("/quan-tri/ho-so-khen-thuong/")
		b.waitText(".state", "Đã nộp")
		b.waitText(".timeline", "Lập hồ sơ: Đã nộp")
		// Stored under its name without marks (PocketBase keeps ASCII only).
		b.waitText(".doc-list", "bien_ban_binh_xet.pdf")
		if b.exists(`//button[normalize-space()="Nộp hồ sơ"]`) {
			t.Errorf("a filed dossier still offers to file it")
		}
		b.shot("khen-thuong-da-nop")
		// The unit's own list, downloaded.
		b.clickLink("Hồ sơ đề nghị khen thưởng")
		b.waitText("table.records", nominee)
		b.typeInto("#loc-nam", fmt.Sprint(next))
		b.clickButton("Lọc")
		b.waitText("#xuat-ho-so", fmt.Sprintf("năm %d", next))
		downloads := b.allowDownloads()
		b.clickButton("Tải tệp CSV")
		if x := b.waitDownload(downloads, fmt.Sprintf("ho-so-de-nghi-%d.csv", next)); !strings.Contains(string(x), nominee) {
			t.Errorf("the unit's nominations CSV: %s", x)
		}
	}

	// ---- The reviewer reads it, downloads the dossier, returns it.
	{
		b := newBrowser(t, p, 1280)
		signIn(b, flowReviewerEmail, flowReviewerPassword)
		b.waitLoaded()
		b.waitText("#ho-so-cho + div", "1 hồ sơ đã nộp chờ xem xét")
		b.waitText("#bao-cao-nam-nay + div", "chưa nộp báo cáo năm")
		b.axe(axeSrc, "tổng quan thẩm định")
		b.shot("khen-thuong-tong-quan-tham-dinh")
		b.clickLink(nominee)
		b.waitText("main h1", nominee)
		downloads := b.allowDownloads()
		b.click(`//button[@aria-label="Tải về bien_ban_binh_xet.pdf"]`)
		got := b.waitDownload(downloads, "bien_ban_binh_xet.pdf")
		if !bytes.Equal(got, pdfBytes) {
			t.Errorf("the downloaded dossier has %d bytes, want the %d uploaded", len(got), len(pdfBytes))
		}
		b.axe(axeSrc, "hồ sơ đề nghị (thẩm định)")
		b.clickButton("Trả lại để bổ sung")
		b.waitText(".error-summary", "Hãy ghi rõ nội dung cần bổ sung")
		if got := b.eval(`document.activeElement.className`); !strings.Contains(got, "error-summary") {
			t.Errorf("focus after a refused return is on %q", got)
		}
		b.typeInto("#f-comment", comment)
		b.clickButton("Trả lại để bổ sung")
		b.waitText(".notice-success", "Đã trả lại hồ sơ")
		b.waitText(".state", "Trả lại để bổ sung")
		b.waitText(".timeline", comment)
		b.waitText(".timeline", flowReviewerName)
		b.shot("khen-thuong-tra-lai")
	}

	// ---- The reporter, on a phone, sees the comment and refiles.
	{
		b := newBrowser(t, p, 375)
		signIn(b, flowReporterEmail, flowReporterPassword)
		b.waitLoaded()
		b.waitText("#ho-so-don-vi + div", "1 hồ sơ được trả lại để bổ sung")
		b.open("/quan-tri/ho-so-khen-thuong/" + nomID)
		b.waitText(".returned-notice", comment)
		b.waitVisible("#f-achievements")
		b.noOverflow("hồ sơ trả lại")
		b.shot("khen-thuong-dau-moi-bo-sung")
		b.typeInto("#f-achievements", achievement)
		b.typeInto("#f-comment", "Đã bổ sung số liệu quý IV và biên bản bình xét.")
		b.clickButton("Nộp lại hồ sơ")
		b.waitText(".notice-success", "Đã nộp lại hồ sơ")
		b.waitText(".state", "Đã nộp")
		b.waitText(".timeline", "Trả lại để bổ sung → Đã nộp")
		b.waitText(".timeline", "Đã bổ sung số liệu quý IV")
		b.noOverflow("hồ sơ đã nộp lại")
	}

	// ---- The reviewer forwards it and records the council's decision;
	// the award and the honoree it made are published.
	var honoreeSlug string
	{
		b := newBrowser(t, p, 1280)
		signIn(b, flowReviewerEmail, flowReviewerPassword)
		b.open("/quan-tri/ho-so-khen-thuong/?trang-thai=submitted")
		b.waitText("table.records", nominee)
		b.axe(axeSrc, "danh sách hồ sơ (thẩm định)")
		b.shot("khen-thuong-cho-xu-ly")
		b.clickLink(nominee)
		b.clickButton("Trình Hội đồng")
		b.waitText(".notice-success", "Đã trình hồ sơ lên Hội đồng")
		b.waitText(".state", "Đã trình Hội đồng")
		b.clickButton("Ghi quyết định")
		b.waitText(".error-summary", "Hãy ghi số quyết định")
		b.typeInto("#f-decisionNo", decisionNo)
		b.typeInto("#f-decisionDate", now.Format("02/01/2006"))
		b.typeInto("#f-signer", "Chủ tịch UBND xã Nguyễn Văn Bình")
		b.axe(axeSrc, "ghi quyết định")
		b.shot("khen-thuong-ghi-quyet-dinh")
		b.clickButton("Ghi quyết định")
		b.waitText(".notice-success", "Đã ghi quyết định khen thưởng")
		b.waitText(".state", "Được khen thưởng")
		b.waitText(".decision", "Quyết định số "+decisionNo+" ngày "+now.Format("02/01/2006"))
		b.waitText(".timeline", "Đã trình Hội đồng → Được khen thưởng")
		b.shot("khen-thuong-duoc-khen")

		// The new honoree first (the server refuses to publish an award of
		// an unpublished honoree), then the award.
		b.clickLink("Mở hồ sơ vinh danh của " + nominee)
		b.waitVisible("#f-name")
		if got := b.value("#f-name"); got != nominee {
			t.Errorf("the honoree made by the decision is named %q", got)
		}
		b.waitText(".related-notice", "1 khen thưởng chưa xuất bản")
		b.clickButton("Xuất bản ngay")
		b.waitText(".notice-success", "Đã xuất bản")
		b.click(`//div[contains(@class,"related-notice")]//a`)
		b.waitVisible("#f-decisionNo")
		if got := b.value("#f-decisionNo"); got != decisionNo {
			t.Errorf("the award's decision is %q", got)
		}
		b.waitText(".related-notice", "hồ sơ đề nghị khen thưởng")
		b.clickButton("Xuất bản ngay")
		b.waitText(".notice-success", "Đã xuất bản")
		b.waitText(".state", "Đã xuất bản")
		b.shot("khen-thuong-xuat-ban")

		var nom struct {
			Nominee string `json:"nominee"`
		}
		p.api("GET", "/api/collections/nominations/records/"+nomID, nil, &nom)
		var ho struct {
			Slug string `json:"slug"`
		}
		p.api("GET", "/api/collections/honorees/records/"+nom.Nominee, nil, &ho)
		honoreeSlug = ho.Slug
	}

	// ---- On the public honour roll: the honoree's page and the year's.
	p.waitFor("the honoree on the public honour roll", 90*time.Second, func() bool {
		code, body := p.get("/vinh-danh/" + honoreeSlug + "/")
		return code == 200 && strings.Contains(body, nominee) && strings.Contains(body, decisionNo)
	})
	p.waitFor("the honoree on the year's page", 30*time.Second, func() bool {
		code, body := p.get(fmt.Sprintf("/vinh-danh/nam/%d/", next))
		return code == 200 && strings.Contains(body, nominee)
	})
	{
		b := newBrowser(t, p, 375)
		b.open(fmt.Sprintf("/vinh-danh/nam/%d/", next))
		b.waitText("main", nominee)
		b.shot("khen-thuong-trang-vinh-danh-nam")
		b.open("/vinh-danh/" + honoreeSlug + "/")
		b.waitText("main", "Giấy khen")
		b.shot("khen-thuong-trang-vinh-danh")
	}

	// ---- The same achievement again: refused at the decision.
	var dupID string
	{
		b := newBrowser(t, p, 1280)
		signIn(b, flowReporterEmail, flowReporterPassword)
		b.open("/quan-tri/ho-so-khen-thuong/moi")
		b.waitVisible("#f-nomineeName")
		b.selectValue("#f-kind", "dot-xuat")
		b.waitText(".deadline-slot", "đột xuất nộp được bất cứ lúc nào")
		b.click(`//label[normalize-space()="Đã có trong danh sách vinh danh của xã"]`)
		b.waitVisible("#f-nominee")
		b.typeInto("#f-nominee", "Thu Hà")
		b.click(fmt.Sprintf(`//button[@aria-label=%q]`, "Chọn "+nominee))
		b.waitText(`[data-field="nominee"] .chips`, nominee)
		b.selectValue("#f-requestedForm", "bang-khen-thanh-pho")
		b.typeInto("#f-achievements", achievement)
		b.clickButton("Nộp hồ sơ")
		b.waitText(".notice-success", "Đã nộp hồ sơ")
		dupID = b.recordIDFromURL("/quan-tri/ho-so-khen-thuong/")
	}
	{
		b := newBrowser(t, p, 1280)
		signIn(b, flowReviewerEmail, flowReviewerPassword)
		b.open("/quan-tri/ho-so-khen-thuong/" + dupID)
		b.clickButton("Trình Hội đồng")
		b.waitText(".state", "Đã trình Hội đồng")
		b.typeInto("#f-decisionNo", "230/QĐ-UBND")
		b.typeInto("#f-decisionDate", now.Format("02/01/2006"))
		b.typeInto("#f-signer", "Chủ tịch UBND xã Nguyễn Văn Bình")
		b.clickButton("Ghi quyết định")
		b.waitText(".error-summary", "không khen thưởng nhiều lần, nhiều hình thức cho một thành tích")
		b.waitText(".decision-outcome .field-error", "Thành tích này đã được khen thưởng (quyết định "+decisionNo)
		b.waitText(".state", "Đã trình Hội đồng")
		if got := b.value("#f-decisionNo"); got != "230/QĐ-UBND" {
			t.Errorf("after the refusal, the decision number is %q", got)
		}
		b.shot("khen-thuong-trung-thanh-tich")
	}

	// ---- Exports, the decision's list, eligibility, the deadline.
	{
		b := newBrowser(t, p, 1280)
		signIn(b, flowReviewerEmail, flowReviewerPassword)
		b.clickLink("Xuất dữ liệu")
		b.waitText("main h1", "Xuất dữ liệu")
		downloads := b.allowDownloads()
		b.typeInto("#xd-nam", fmt.Sprint(next))
		b.clickButton("Tải danh sách khen thưởng (Excel)")
		if x := b.waitDownload(downloads, fmt.Sprintf("khen-thuong-%d.xlsx", next)); !bytes.HasPrefix(x, []byte("PK")) {
			t.Errorf("the awards export is not a workbook: %.20q", x)
		}
		b.clickButton("Tải hồ sơ đề nghị (CSV)")
		if x := b.waitDownload(downloads, fmt.Sprintf("ho-so-de-nghi-%d.csv", next)); !strings.Contains(string(x), nominee) || !strings.Contains(string(x), "Được khen thưởng") {
			t.Errorf("the nominations CSV: %s", x)
		}
		b.waitText(".download-status", "Đã tải ho-so-de-nghi")
		b.typeInto("#xd-qd-nam", fmt.Sprint(next))
		b.waitExists(fmt.Sprintf(`#xd-quyet-dinh option[value=%q]`, decisionNo))
		b.selectValue("#xd-quyet-dinh", decisionNo)
		if got := b.value("#xd-so-qd"); got != decisionNo {
			t.Errorf("choosing a decision fills %q", got)
		}
		b.axe(axeSrc, "xuất dữ liệu")
		b.shot("khen-thuong-xuat-du-lieu")
		printed := b.newTabText(func() { b.clickButton("Mở danh sách để in") }, "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG")
		for _, want := range []string{decisionNo, nominee, "Giấy khen", "Tổng số: 1"} {
			if !strings.Contains(printed, want) {
				t.Errorf("the decision's list does not show %q:\n%s", want, printed)
			}
		}
		b.waitText(".print-status", "Đã mở danh sách theo Quyết định "+decisionNo)
		// An unknown decision: said beside the field.
		b.typeInto("#xd-so-qd", "999/QĐ-UBND")
		b.clickButton("Mở danh sách để in")
		b.waitText("#xd-so-qd-error", "Không có khen thưởng nào theo quyết định")

		b.clickLink("Đủ tiêu chuẩn tổng kết")
		b.waitText("main h1", "Đủ tiêu chuẩn khen thưởng tổng kết")
		b.waitText(".eligibility-list", nominee)
		b.waitText(".eligibility-list", "Chưa đạt:")
		b.axe(axeSrc, "đủ tiêu chuẩn tổng kết")
		b.shot("khen-thuong-du-tieu-chuan")
		b.clickButton("Xuất danh sách (CSV)")
		if x := b.waitDownload(downloads, "du-tieu-chuan-tong-ket-2026-2030.csv"); !strings.Contains(string(x), nominee) {
			t.Errorf("the eligibility CSV: %s", x)
		}

		b.clickLink("Cài đặt")
		b.waitVisible("#han-nop")
		b.typeInto("#han-nop", "31/02")
		b.clickButton("Lưu cài đặt")
		b.waitText("#han-nop-error", "không có thật")
		b.axe(axeSrc, "cài đặt")
		b.shot("khen-thuong-cai-dat")
		b.typeInto("#han-nop", "20/11")
		b.clickButton("Lưu cài đặt")
		b.waitText(".notice-success", "Hạn nộp mới: 20/11")
	}

	// ---- Yearly reports: the unit files, the reviewer sees who has not.
	{
		b := newBrowser(t, p, 375)
		signIn(b, flowReporterEmail, flowReporterPassword)
		b.clickButton("Danh mục")
		b.clickLink("Báo cáo năm")
		b.waitText("main h1", "Báo cáo năm")
		b.axe(axeSrc, "báo cáo năm của đơn vị")
		b.shot("bao-cao-nam-danh-sach-don-vi")
		b.click(`//main//a[starts-with(normalize-space(), "Lập báo cáo năm")]`)
		b.waitVisible("#f-summary")
		b.typeInto("#f-summary", "## Kết quả nổi bật\n\nBộ phận một cửa giải quyết **100%** hồ sơ đúng hạn.\n")
		b.waitText(".markdown-preview h2", "Kết quả nổi bật")
		b.typeInto("#f-dossiers", "1250")
		b.typeInto("#f-onTimeRate", "100")
		b.typeInto("#f-onlineRate", "87,5")
		b.typeInto("#f-satisfaction", "98")
		b.typeInto("#f-initiativesApplied", "2")
		b.typeInto("#f-trainings", "6")
		b.axe(axeSrc, "báo cáo năm (đơn vị)")
		b.noOverflow("báo cáo năm")
		b.shot("bao-cao-nam-don-vi")
		b.clickButton("Nộp báo cáo")
		b.waitText(".notice-success", "Đã nộp báo cáo")
		b.waitText(".state", "Đã nộp")
	}
	var report struct {
		Items []struct {
			Year       int     `json:"year"`
			OnlineRate float64 `json:"onlineRate"`
		} `json:"items"`
	}
	p.api("GET", "/api/collections/unitReports/records", nil, &report)
	if len(report.Items) != 1 || report.Items[0].OnlineRate != 87.5 {
		t.Fatalf("the report was saved as %+v", report.Items)
	}
	reportYear := report.Items[0].Year
	{
		b := newBrowser(t, p, 1280)
		signIn(b, flowReviewerEmail, flowReviewerPassword)
		b.open(fmt.Sprintf("/quan-tri/bao-cao-nam/?nam=%d", reportYear))
		b.waitVisible("table.report-table")
		b.waitText(".totals", "1/2")
		rows := b.text("table.report-table")
		if !strings.Contains(rows, "Thôn Đông Sơn") || !strings.Contains(rows, "Chưa lập") || !strings.Contains(rows, "87,5%") {
			t.Errorf("the year's reports: %s", rows)
		}
		b.axe(axeSrc, "báo cáo năm (tổng hợp)")
		b.shot("bao-cao-nam-tong-hop")
		b.click(`//a[starts-with(@aria-label, "Xem báo cáo")]`)
		b.waitText(".report-summary h3", "Kết quả nổi bật")
		b.waitText(".stat-grid", "1.250")
		b.shot("bao-cao-nam-xem")
	}

	// ---- The reviewer's pages at a phone's width.
	{
		b := newBrowser(t, p, 375)
		signIn(b, flowReviewerEmail, flowReviewerPassword)
		b.waitLoaded()
		b.noOverflow("tổng quan thẩm định")
		for _, pg := range []struct{ path, name, wait string }{
			{"/quan-tri/ho-so-khen-thuong/", "khen-thuong-danh-sach", "table.records"},
			{"/quan-tri/ho-so-khen-thuong/" + nomID, "khen-thuong-ho-so", ".timeline"},
			{"/quan-tri/ho-so-khen-thuong/" + dupID, "khen-thuong-ho-so-trinh", "#f-decisionNo"},
			{fmt.Sprintf("/quan-tri/bao-cao-nam/?nam=%d", reportYear), "bao-cao-nam-tong-hop", "table.report-table"},
			{"/quan-tri/tieu-chuan-tong-ket/", "khen-thuong-du-tieu-chuan", ".eligibility-list"},
			{"/quan-tri/xuat-du-lieu/", "khen-thuong-xuat-du-lieu", "#xd-so-qd"},
			{"/quan-tri/cai-dat/", "khen-thuong-cai-dat", "#han-nop"},
		} {
			b.open(pg.path)
			b.waitVisible(pg.wait)
			b.waitLoaded()
			b.noOverflow(pg.name)
			b.shot(pg.name)
		}
		b.axe(axeSrc, "cài đặt (điện thoại)")
	}

	// ---- Citizens write; editors answer; reviewers see contacts.
	type receipt struct {
		RefCode string `json:"refCode"`
	}
	var comment1, proposal receipt
	if code := p.api("POST", "/api/portal/feedback", map[string]any{
		"kind": "gop-y", "page": "/huong-dan/", "topic": "Thời gian chờ ở bộ phận một cửa",
		"message": "Sáng thứ Hai người dân phải chờ lâu, đề nghị bố trí thêm quầy tiếp nhận.",
		"name":    "Trần Văn Dân", "phone": "0912 345 678", "consent": "true", "idempotencyKey": "e2e-gop-y-1",
	}, &comment1); code != 201 {
		t.Fatalf("posting a comment: %d", code)
	}
	if code := p.api("POST", "/api/portal/feedback", map[string]any{
		"kind": "sang-kien", "topic": "Nhắn tin Zalo khi có kết quả thủ tục",
		"message": "Bộ phận một cửa nhắn tin qua Zalo OA cho người dân khi hồ sơ có kết quả, đỡ phải đi lại hỏi.",
		"name":    "Lê Thị Hiền", "email": "hien@example.vn", "consent": "true", "idempotencyKey": "e2e-sang-kien-1",
	}, &proposal); code != 201 {
		t.Fatalf("posting a proposal: %d", code)
	}
	for _, x := range []map[string]any{
		{"kind": "huu-ich", "page": "/huong-dan/", "helpful": "co", "idempotencyKey": "e2e-huu-ich-1"},
		{"kind": "hai-long", "rating": "4", "service": "Đăng ký khai sinh", "channel": "quay-mot-cua", "idempotencyKey": "e2e-hai-long-1"},
	} {
		if code := p.api("POST", "/api/portal/feedback", x, nil); code != 201 {
			t.Fatalf("posting %v: %d", x["kind"], code)
		}
	}
	var fbList struct {
		Items []struct {
			ID      string `json:"id"`
			RefCode string `json:"refCode"`
		} `json:"items"`
	}
	p.api("GET", "/api/collections/feedback/records?sort=created&filter="+url.QueryEscape("kind='gop-y'||kind='sang-kien'"), nil, &fbList)
	if len(fbList.Items) != 2 {
		t.Fatalf("feedback stored: %+v", fbList.Items)
	}
	commentID, proposalID := fbList.Items[0].ID, fbList.Items[1].ID
	answer := "Từ tháng sau, sáng thứ Hai bộ phận một cửa mở thêm một quầy tiếp nhận."
	{
		b := newBrowser(t, p, 375)
		signIn(b, flowEditorEmail, flowEditorPassword)
		b.waitLoaded()
		b.waitText("#y-kien-moi + div", comment1.RefCode)
		b.clickButton("Danh mục")
		b.clickLink("Ý kiến người dân")
		b.waitText("table.feedback-table", proposal.RefCode)
		b.waitText("main", "chỉ cán bộ thẩm định")
		b.axe(axeSrc, "ý kiến người dân")
		b.noOverflow("ý kiến người dân")
		b.shot("y-kien-danh-sach")
		b.click(fmt.Sprintf(`//a[@aria-label=%q]`, "Ý kiến "+comment1.RefCode))
		b.waitText("main h1", comment1.RefCode)
		page := b.text("main")
		if strings.Contains(page, "0912") || strings.Contains(page, "Trần Văn Dân") {
			t.Errorf("an editor sees the citizen's contacts: %s", page)
		}
		b.waitText(".contacts-hidden", "chỉ cán bộ thẩm định Phòng Văn hóa – Xã hội xem được")
		b.typeInto("#f-tags", "một cửa")
		b.keys("#f-tags", "\r")
		b.waitText(`[data-field="tags"] .chips`, "một cửa")
		b.typeInto("#f-answer", answer)
		b.selectValue("#f-state", "da-tra-loi")
		b.axe(axeSrc, "xử lý ý kiến")
		b.clickButton("Lưu")
		b.waitText(".notice-success", "Đã lưu câu trả lời")
		b.waitText(".answered", "Trả lời lần cuối: "+flowEditorName)
		b.waitText(".feedback-detail", "Đã trả lời")
		b.noOverflow("ý kiến đã trả lời")
		b.shot("y-kien-bien-tap-tra-loi")
	}
	{
		b := newBrowser(t, p, 1280)
		signIn(b, flowReviewerEmail, flowReviewerPassword)
		b.open("/quan-tri/y-kien/" + commentID)
		b.waitText(".contacts", "0912 345 678")
		b.waitText(".contacts", "Trần Văn Dân")
		if got := b.value("#f-answer"); got != answer {
			t.Errorf("the reviewer reads the answer %q", got)
		}
		b.shot("y-kien-tham-dinh-lien-he")
		b.open("/quan-tri/y-kien/" + proposalID)
		b.waitText(".contacts", "hien@example.vn")
		b.clickButton("Chuyển thành sáng kiến")
		b.waitText(".initiative-slot", "Đã tạo bản nháp sáng kiến")
		b.shot("y-kien-chuyen-sang-kien")
		b.clickLink("Mở bản nháp sáng kiến")
		b.waitVisible("#f-title")
		if got := b.value("#f-title"); got != "Nhắn tin Zalo khi có kết quả thủ tục" {
			t.Errorf("the initiative made from the proposal is titled %q", got)
		}
		b.waitText(".state", "Bản nháp")
		b.open("/quan-tri/y-kien/thong-ke")
		b.waitText(".data-table", now.Format("01/2006"))
		b.waitText(".stat-grid", "4/5")
		b.waitText("#tk-trang + .table-scroll", "/huong-dan/")
		b.axe(axeSrc, "thống kê ý kiến")
		b.shot("y-kien-thong-ke")
		// The queue's filters: a month and a kind.
		b.open("/quan-tri/y-kien/?thang=" + url.QueryEscape(now.Format("01/2006")) + "&loai=sang-kien")
		b.waitText("table.feedback-table", proposal.RefCode)
		if got := b.text("table.feedback-table"); strings.Contains(got, comment1.RefCode) {
			t.Errorf("the proposals of the month include a comment: %s", got)
		}
		b.open("/quan-tri/y-kien/?thang=01/2000")
		b.waitText(".empty", "Không có ý kiến nào khớp với bộ lọc")
		b.open("/quan-tri/y-kien/")
		downloads := b.allowDownloads()
		b.clickButton("Tải tệp CSV")
		if x := b.waitDownload(downloads, "y-kien-nguoi-dan.csv"); !strings.Contains(string(x), "0912 345 678") || !strings.Contains(string(x), answer) {
			t.Errorf("the reviewer's feedback CSV: %s", x)
		}
	}
}

// ---- helpers

// resume opens the back office with a session saved from another tab.
func (b *browser) resume(session string) {
	b.t.Helper()
	b.open("/quan-tri/dang-nhap")
	b.eval(fmt.Sprintf(`(() => { localStorage.setItem('daison.quantri.auth', %s); return ''; })()`, jsString(session)))
	b.open("/quan-tri/")
	b.waitVisible(".cards")
}

// allowDownloads lets the tab save files into a new folder, which it
// returns.
func (b *browser) allowDownloads() string {
	b.t.Helper()
	dir := b.t.TempDir()
	_, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
	})
	if err != nil {
		b.fail("allow downloads", err)
	}
	return dir
}

// waitDownload waits until the file name has been saved whole in dir and
// returns its bytes.
func (b *browser) waitDownload(dir, name string) []byte {
	b.t.Helper()
	path := filepath.Join(dir, name)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if data, err := os.ReadFile(path); err == nil && len(data) > 0 {
			if _, err := os.Stat(path + ".crdownload"); os.IsNotExist(err) {
				return data
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	b.fail("download "+name, fmt.Errorf("not saved; the folder holds %v", names))
	return nil
}

// newTabText runs do, which opens a new tab, and returns the text of that
// tab's page once it holds want.
func (b *browser) newTabText(do func(), want string) string {
	b.t.Helper()
	ch := chromedp.WaitNewTarget(b.ctx, func(info *target.Info) bool { return info.Type == "page" })
	do()
	var id target.ID
	select {
	case id = <-ch:
	case <-time.After(20 * time.Second):
		b.fail("a new tab", fmt.Errorf("none opened"))
	}
	tab, cancel := chromedp.NewContext(b.ctx, chromedp.WithTargetID(id))
	defer cancel()
	ctx, cancelTime := context.WithTimeout(tab, 20*time.Second)
	defer cancelTime()
	js := fmt.Sprintf(`document.body && document.body.innerText.includes(%q) ? document.body.innerText : ''`, want)
	text, err := chromedp.Run(ctx, chromedp.Poll[string](js, chromedp.WithPollingInterval(100*time.Millisecond)))
	if err != nil {
		b.fail("the new tab's text", err)
	}
	shot := browsertest.Screenshot(b.t, tab, fmt.Sprintf("khen-thuong-danh-sach-in-%d", b.w))
	_ = shot
	return text
}
