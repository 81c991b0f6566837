package e2e

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
)

// The nomination's steps of TestAwardsFlow: filed, returned, refiled,
// decided, on the honour roll, and refused the second time.

// reporterFiles: the unit's reporter files a yearly nomination with a PDF
// dossier: a text file is refused before upload, and a yearly dossier of a
// past year with the deadline's message, shown before and after trying.
func (s *awardsStory) reporterFiles(t *testing.T) {
	p := s.p.with(t)
	b := newBrowser(t, p, 1280)
	s.signIn(b, flowReporterEmail, flowReporterPassword)
	b.waitLoaded()
	b.waitText("#ho-so-don-vi + div", "chưa có hồ sơ")
	b.waitText("#bao-cao-don-vi + div", "Hạn nộp")
	b.shot("khen-thuong-tong-quan-dau-moi")
	b.clickLink("Hồ sơ đề nghị khen thưởng")
	b.waitText("main h1", "Hồ sơ đề nghị khen thưởng")
	b.waitText(".deadline", "Hồ sơ khen thưởng đột xuất nộp được bất cứ lúc nào")
	b.axe(s.axeSrc, "danh sách hồ sơ đề nghị")
	b.clickLink("Lập hồ sơ đề nghị")
	b.waitVisible("#f-nomineeName")
	b.waitExists(fmt.Sprintf(`#f-unit option[value="%s"]`, s.unitID))
	if got := b.eval(`(() => { const s = document.querySelector('#f-unit'); return s.value + ' ' + s.disabled; })()`); got != s.unitID+" true" {
		t.Errorf("a reporter's unit field: %q", got)
	}

	// A yearly dossier of a past year: past its deadline, still taken but
	// marked late, not refused, and said so before filing.
	b.typeInto("#f-year", fmt.Sprint(s.past))
	b.selectValue("#f-kind", "hang-nam")
	b.waitText(".deadline-slot", fmt.Sprintf("Đã hết hạn nộp hồ sơ khen thưởng hằng năm năm %d (hạn cuối 20/11/%d)", s.past, s.past))
	b.waitText(".deadline-slot", "được ghi là nộp muộn")
	b.waitText(".deadline-slot", "khen thưởng đột xuất vẫn nộp được")
	b.typeInto("#f-nomineeName", s.nominee)
	b.selectValue("#f-nomineeKind", "ca-nhan")
	b.typeInto("#f-nomineePosition", "Công chức Văn phòng – Thống kê")
	b.selectValue("#f-requestedForm", "giay-khen")
	b.typeInto("#f-achievements", s.achievement)
	b.shot("khen-thuong-het-han")

	// Next year's: open until its deadline.
	b.typeInto("#f-year", fmt.Sprint(s.next))
	b.waitText(".deadline-slot", fmt.Sprintf("Hạn nộp hồ sơ khen thưởng hằng năm năm %d: hết ngày 20/11/%d", s.next, s.next))
	b.upload("#f-dossier", s.notDoc)
	b.waitText("#f-dossier-error", "không phải PDF, DOCX")
	b.upload("#f-dossier", s.pdf)
	b.waitText(".doc-list", "Biên bản bình xét.pdf")
	b.poll("the refusal to clear", `document.querySelector('#f-dossier-error').hidden`)
	b.axe(s.axeSrc, "biểu mẫu hồ sơ đề nghị")
	b.shot("khen-thuong-lap-ho-so")
	b.clickButton("Nộp hồ sơ")
	b.waitText(".notice-success", "Đã nộp hồ sơ")
	s.nomID = b.recordIDFromURL("/quan-tri/ho-so-khen-thuong/")
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
	b.waitText("table.records", s.nominee)
	b.typeInto("#loc-nam", fmt.Sprint(s.next))
	b.clickButton("Lọc")
	b.waitText("#xuat-ho-so", fmt.Sprintf("năm %d", s.next))
	downloads := b.allowDownloads()
	b.clickButton("Tải tệp CSV")
	if x := b.waitDownload(downloads, fmt.Sprintf("ho-so-de-nghi-%d.csv", s.next)); !strings.Contains(string(x), s.nominee) {
		t.Errorf("the unit's nominations CSV: %s", x)
	}
}

// reviewerReturns: the reviewer reads the nomination, downloads the
// dossier and returns it with a comment.
func (s *awardsStory) reviewerReturns(t *testing.T) {
	p := s.p.with(t)
	b := newBrowser(t, p, 1280)
	s.signIn(b, flowReviewerEmail, flowReviewerPassword)
	b.waitLoaded()
	b.waitText("#ho-so-cho + div", "1 hồ sơ đã nộp chờ xem xét")
	b.waitText("#bao-cao-nam-nay + div", "chưa nộp báo cáo năm")
	b.axe(s.axeSrc, "tổng quan thẩm định")
	b.shot("khen-thuong-tong-quan-tham-dinh")
	b.clickLink(s.nominee)
	b.waitText("main h1", s.nominee)
	downloads := b.allowDownloads()
	b.click(`//button[@aria-label="Tải về bien_ban_binh_xet.pdf"]`)
	got := b.waitDownload(downloads, "bien_ban_binh_xet.pdf")
	if !bytes.Equal(got, s.pdfBytes) {
		t.Errorf("the downloaded dossier has %d bytes, want the %d uploaded", len(got), len(s.pdfBytes))
	}
	b.axe(s.axeSrc, "hồ sơ đề nghị (thẩm định)")
	b.clickButton("Trả lại để bổ sung")
	b.waitText(".error-summary", "Hãy ghi rõ nội dung cần bổ sung")
	if got := b.eval(`document.activeElement.className`); !strings.Contains(got, "error-summary") {
		t.Errorf("focus after a refused return is on %q", got)
	}
	b.typeInto("#f-comment", s.comment)
	b.clickButton("Trả lại để bổ sung")
	b.waitText(".notice-success", "Đã trả lại hồ sơ")
	b.waitText(".state", "Trả lại để bổ sung")
	b.waitText(".timeline", s.comment)
	b.waitText(".timeline", flowReviewerName)
	b.shot("khen-thuong-tra-lai")
}

// reporterRefiles: the reporter, on a phone, sees the comment and refiles.
func (s *awardsStory) reporterRefiles(t *testing.T) {
	p := s.p.with(t)
	b := newBrowser(t, p, 375)
	s.signIn(b, flowReporterEmail, flowReporterPassword)
	b.waitLoaded()
	b.waitText("#ho-so-don-vi + div", "1 hồ sơ được trả lại để bổ sung")
	b.open("/quan-tri/ho-so-khen-thuong/" + s.nomID)
	b.waitText(".returned-notice", s.comment)
	b.waitVisible("#f-achievements")
	b.noOverflow("hồ sơ trả lại")
	b.shot("khen-thuong-dau-moi-bo-sung")
	b.typeInto("#f-achievements", s.achievement)
	b.typeInto("#f-comment", "Đã bổ sung số liệu quý IV và biên bản bình xét.")
	b.clickButton("Nộp lại hồ sơ")
	b.waitText(".notice-success", "Đã nộp lại hồ sơ")
	b.waitText(".state", "Đã nộp")
	b.waitText(".timeline", "Trả lại để bổ sung → Đã nộp")
	b.waitText(".timeline", "Đã bổ sung số liệu quý IV")
	b.noOverflow("hồ sơ đã nộp lại")
}

// reviewerDecides: the reviewer forwards the nomination and records the
// council's decision; the award and the honoree it made are published.
func (s *awardsStory) reviewerDecides(t *testing.T) {
	p := s.p.with(t)
	b := newBrowser(t, p, 1280)
	s.signIn(b, flowReviewerEmail, flowReviewerPassword)
	b.open("/quan-tri/ho-so-khen-thuong/?trang-thai=submitted")
	b.waitText("table.records", s.nominee)
	b.axe(s.axeSrc, "danh sách hồ sơ (thẩm định)")
	b.shot("khen-thuong-cho-xu-ly")
	b.clickLink(s.nominee)
	b.clickButton("Trình Hội đồng")
	b.waitText(".notice-success", "Đã trình hồ sơ lên Hội đồng")
	b.waitText(".state", "Đã trình Hội đồng")
	b.clickButton("Ghi quyết định")
	b.waitText(".error-summary", "Hãy ghi số quyết định")
	b.typeInto("#f-decisionNo", s.decisionNo)
	b.typeInto("#f-decisionDate", s.now.Format("02/01/2006"))
	b.typeInto("#f-signer", "Chủ tịch UBND xã Nguyễn Văn Bình")
	b.axe(s.axeSrc, "ghi quyết định")
	b.shot("khen-thuong-ghi-quyet-dinh")
	b.clickButton("Ghi quyết định")
	b.waitText(".notice-success", "Đã ghi quyết định khen thưởng")
	b.waitText(".state", "Được khen thưởng")
	b.waitText(".decision", "Quyết định số "+s.decisionNo+" ngày "+s.now.Format("02/01/2006"))
	b.waitText(".timeline", "Đã trình Hội đồng → Được khen thưởng")
	b.shot("khen-thuong-duoc-khen")

	// The new honoree first (the server refuses to publish an award of
	// an unpublished honoree), then the award.
	b.clickLink("Mở hồ sơ vinh danh của " + s.nominee)
	b.waitVisible("#f-name")
	if got := b.value("#f-name"); got != s.nominee {
		t.Errorf("the honoree made by the decision is named %q", got)
	}
	b.waitText(".related-notice", "1 khen thưởng chưa xuất bản")
	b.clickButton("Xuất bản ngay")
	b.waitText(".notice-success", "Đã xuất bản")
	b.click(`//div[contains(@class,"related-notice")]//a`)
	b.waitVisible("#f-decisionNo")
	if got := b.value("#f-decisionNo"); got != s.decisionNo {
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
	p.api("GET", "/api/collections/nominations/records/"+s.nomID, nil, &nom)
	var ho struct {
		Slug string `json:"slug"`
	}
	p.api("GET", "/api/collections/honorees/records/"+nom.Nominee, nil, &ho)
	s.honoreeSlug = ho.Slug
}

// honourRollShows: the honoree's page and the year's page of the public
// honour roll show the award.
func (s *awardsStory) honourRollShows(t *testing.T) {
	p := s.p.with(t)
	p.waitFor("the honoree on the public honour roll", 90*time.Second, func() bool {
		code, body := p.get("/vinh-danh/" + s.honoreeSlug + "/")
		return code == 200 && strings.Contains(body, s.nominee) && strings.Contains(body, s.decisionNo)
	})
	p.waitFor("the honoree on the year's page", 30*time.Second, func() bool {
		code, body := p.get(fmt.Sprintf("/vinh-danh/nam/%d/", s.next))
		return code == 200 && strings.Contains(body, s.nominee)
	})
	b := newBrowser(t, p, 375)
	b.open(fmt.Sprintf("/vinh-danh/nam/%d/", s.next))
	b.waitText("main", s.nominee)
	b.shot("khen-thuong-trang-vinh-danh-nam")
	b.open("/vinh-danh/" + s.honoreeSlug + "/")
	b.waitText("main", "Giấy khen")
	b.shot("khen-thuong-trang-vinh-danh")
}

// reporterFilesAgain: the reporter files the same achievement again, as an
// ad hoc nomination of the honoree already on the roll.
func (s *awardsStory) reporterFilesAgain(t *testing.T) {
	p := s.p.with(t)
	b := newBrowser(t, p, 1280)
	s.signIn(b, flowReporterEmail, flowReporterPassword)
	b.open("/quan-tri/ho-so-khen-thuong/moi")
	b.waitVisible("#f-nomineeName")
	b.selectValue("#f-kind", "dot-xuat")
	b.waitText(".deadline-slot", "đột xuất nộp được bất cứ lúc nào")
	b.click(`//label[normalize-space()="Đã có trong danh sách vinh danh của xã"]`)
	b.waitVisible("#f-nominee")
	b.typeInto("#f-nominee", "Thu Hà")
	b.click(fmt.Sprintf(`//button[@aria-label=%q]`, "Chọn "+s.nominee))
	b.waitText(`[data-field="nominee"] .chips`, s.nominee)
	b.selectValue("#f-requestedForm", "bang-khen-thanh-pho")
	b.typeInto("#f-achievements", s.achievement)
	b.clickButton("Nộp hồ sơ")
	b.waitText(".notice-success", "Đã nộp hồ sơ")
	s.dupID = b.recordIDFromURL("/quan-tri/ho-so-khen-thuong/")
}

// sameAchievementRefused: the decision on the same achievement is refused
// with the plan's rule.
func (s *awardsStory) sameAchievementRefused(t *testing.T) {
	p := s.p.with(t)
	b := newBrowser(t, p, 1280)
	s.signIn(b, flowReviewerEmail, flowReviewerPassword)
	b.open("/quan-tri/ho-so-khen-thuong/" + s.dupID)
	b.clickButton("Trình Hội đồng")
	b.waitText(".state", "Đã trình Hội đồng")
	b.typeInto("#f-decisionNo", "230/QĐ-UBND")
	b.typeInto("#f-decisionDate", s.now.Format("02/01/2006"))
	b.typeInto("#f-signer", "Chủ tịch UBND xã Nguyễn Văn Bình")
	b.clickButton("Ghi quyết định")
	b.waitText(".error-summary", "không khen thưởng nhiều lần, nhiều hình thức cho một thành tích")
	b.waitText(".decision-outcome .field-error", "Thành tích này đã được khen thưởng (quyết định "+s.decisionNo)
	b.waitText(".state", "Đã trình Hội đồng")
	if got := b.value("#f-decisionNo"); got != "230/QĐ-UBND" {
		t.Errorf("after the refusal, the decision number is %q", got)
	}
	b.shot("khen-thuong-trung-thanh-tich")
}
