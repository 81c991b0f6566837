package e2e

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// The office's steps of TestAwardsFlow: exports, eligibility, the deadline,
// yearly reports, and the reviewer's pages on a phone.

// exportsEligibilityDeadline: exports (XLSX, CSV) download, the decision's
// list opens to print, the eligibility list and the deadline setting work.
func (s *awardsStory) exportsEligibilityDeadline(t *testing.T) {
	p := s.p.with(t)
	b := newBrowser(t, p, 1280)
	s.signIn(b, flowReviewerEmail, flowReviewerPassword)
	b.clickLink("Xuất dữ liệu")
	b.waitText("main h1", "Xuất dữ liệu")
	downloads := b.allowDownloads()
	b.typeInto("#xd-nam", fmt.Sprint(s.next))
	b.clickButton("Tải danh sách khen thưởng (Excel)")
	if x := b.waitDownload(downloads, fmt.Sprintf("khen-thuong-%d.xlsx", s.next)); !bytes.HasPrefix(x, []byte("PK")) {
		t.Errorf("the awards export is not a workbook: %.20q", x)
	}
	b.clickButton("Tải hồ sơ đề nghị (CSV)")
	if x := b.waitDownload(downloads, fmt.Sprintf("ho-so-de-nghi-%d.csv", s.next)); !strings.Contains(string(x), s.nominee) || !strings.Contains(string(x), "Được khen thưởng") {
		t.Errorf("the nominations CSV: %s", x)
	}
	b.waitText(".download-status", "Đã tải ho-so-de-nghi")
	b.typeInto("#xd-qd-nam", fmt.Sprint(s.next))
	b.waitExists(fmt.Sprintf(`#xd-quyet-dinh option[value=%q]`, s.decisionNo))
	b.selectValue("#xd-quyet-dinh", s.decisionNo)
	if got := b.value("#xd-so-qd"); got != s.decisionNo {
		t.Errorf("choosing a decision fills %q", got)
	}
	// The year's reward money and the chosen decision's, by form.
	b.waitText(".reward-summary", "Quyết định "+s.decisionNo)
	b.waitText(".reward-summary", "710.000 đồng")
	b.axe(s.axeSrc, "xuất dữ liệu")
	b.shot("khen-thuong-xuat-du-lieu")
	printed := b.newTabText(func() { b.clickButton("Mở văn bản để in") }, "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG")
	for _, want := range []string{s.decisionNo, "Căn cứ", "Điều 1.", "Nơi nhận:", s.nominee, "Giấy khen", "Tổng số: 1"} {
		if !strings.Contains(printed, want) {
			t.Errorf("the decision's list does not show %q:\n%s", want, printed)
		}
	}
	b.waitText(".print-status", "Đã mở quyết định kèm danh sách theo Quyết định "+s.decisionNo)
	// An unknown decision: said beside the field.
	b.typeInto("#xd-so-qd", "999/QĐ-UBND")
	b.clickButton("Mở văn bản để in")
	b.waitText("#xd-so-qd-error", "Không có khen thưởng nào theo quyết định")

	b.clickLink("Đủ tiêu chuẩn tổng kết")
	b.waitText("main h1", "Đủ tiêu chuẩn khen thưởng tổng kết")
	b.waitText(".eligibility-list", s.nominee)
	b.waitText(".eligibility-list", "Chưa đạt:")
	b.axe(s.axeSrc, "đủ tiêu chuẩn tổng kết")
	b.shot("khen-thuong-du-tieu-chuan")
	b.clickButton("Xuất danh sách (CSV)")
	if x := b.waitDownload(downloads, "du-tieu-chuan-tong-ket-2026-2030.csv"); !strings.Contains(string(x), s.nominee) {
		t.Errorf("the eligibility CSV: %s", x)
	}

	b.clickLink("Cài đặt")
	b.waitVisible("#han-nop")
	b.typeInto("#han-nop", "31/02")
	b.clickButton("Lưu cài đặt")
	b.waitText("#han-nop-error", "không có thật")
	b.axe(s.axeSrc, "cài đặt")
	b.shot("khen-thuong-cai-dat")
	b.typeInto("#han-nop", "20/11")
	b.clickButton("Lưu cài đặt")
	b.waitText(".notice-success", "Hạn nộp mới: 20/11")

	// A fund smaller than one Giấy khen: the exports page warns.
	b.typeInto("input[name=rewardBudget]", "100.000")
	b.clickButton("Lưu tiền thưởng")
	b.poll("the reward settings saved", `[...document.querySelectorAll('[role=status]')].some((e) => e.textContent.includes('Mức lương cơ sở 2.340.000 đồng'))`)
	b.clickLink("Xuất dữ liệu")
	b.waitVisible("#xd-qd-nam")
	b.typeInto("#xd-qd-nam", fmt.Sprint(s.next))
	b.waitText(".reward-summary .notice-warning", "vượt kinh phí khen thưởng của xã 100.000 đồng")
	b.shot("khen-thuong-tien-thuong-vuot")
}

// unitFilesReport: a unit files its yearly report.
func (s *awardsStory) unitFilesReport(t *testing.T) {
	p := s.p.with(t)
	b := newBrowser(t, p, 375)
	s.signIn(b, flowReporterEmail, flowReporterPassword)
	b.clickButton("Danh mục")
	b.clickLink("Báo cáo năm")
	b.waitText("main h1", "Báo cáo năm")
	b.axe(s.axeSrc, "báo cáo năm của đơn vị")
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
	b.axe(s.axeSrc, "báo cáo năm (đơn vị)")
	b.noOverflow("báo cáo năm")
	b.shot("bao-cao-nam-don-vi")
	b.clickButton("Nộp báo cáo")
	b.waitText(".notice-success", "Đã nộp báo cáo")
	b.waitText(".state", "Đã nộp")
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
	s.reportYear = report.Items[0].Year
}

// reviewerSeesReports: the reviewer sees who has and has not reported.
func (s *awardsStory) reviewerSeesReports(t *testing.T) {
	p := s.p.with(t)
	b := newBrowser(t, p, 1280)
	s.signIn(b, flowReviewerEmail, flowReviewerPassword)
	b.open(fmt.Sprintf("/quan-tri/bao-cao-nam/?nam=%d", s.reportYear))
	b.waitVisible("table.report-table")
	b.waitText(".totals", "1/2")
	rows := b.text("table.report-table")
	if !strings.Contains(rows, "Thôn Đông Sơn") || !strings.Contains(rows, "Chưa lập") || !strings.Contains(rows, "87,5%") {
		t.Errorf("the year's reports: %s", rows)
	}
	b.axe(s.axeSrc, "báo cáo năm (tổng hợp)")
	b.shot("bao-cao-nam-tong-hop")
	b.click(`//a[starts-with(@aria-label, "Xem báo cáo")]`)
	b.waitText(".report-summary h3", "Kết quả nổi bật")
	b.waitText(".stat-grid", "1.250")
	b.shot("bao-cao-nam-xem")
}

// reviewerPagesOnPhone: the reviewer's pages at a phone's width.
func (s *awardsStory) reviewerPagesOnPhone(t *testing.T) {
	p := s.p.with(t)
	b := newBrowser(t, p, 375)
	s.signIn(b, flowReviewerEmail, flowReviewerPassword)
	b.waitLoaded()
	b.noOverflow("tổng quan thẩm định")
	for _, pg := range []struct{ path, name, wait string }{
		{"/quan-tri/ho-so-khen-thuong/", "khen-thuong-danh-sach", "table.records"},
		{"/quan-tri/ho-so-khen-thuong/" + s.nomID, "khen-thuong-ho-so", ".timeline"},
		{"/quan-tri/ho-so-khen-thuong/" + s.dupID, "khen-thuong-ho-so-trinh", "#f-decisionNo"},
		{fmt.Sprintf("/quan-tri/bao-cao-nam/?nam=%d", s.reportYear), "bao-cao-nam-tong-hop", "table.report-table"},
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
	b.axe(s.axeSrc, "cài đặt (điện thoại)")
}
