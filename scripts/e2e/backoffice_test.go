package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/daison/portal/internal/browsertest"
	"github.com/daison/portal/internal/mfalogin"
)

// Staff accounts of the back office test.
const (
	editorEmail      = "bientap@daison.test"
	editorPassword   = "mat-khau-bien-tap-1"
	editorName       = "Trần Thị Biên Tập"
	reviewerEmail    = "thamdinh@daison.test"
	reviewerPassword = "mat-khau-tham-dinh-1"
	reviewerName     = "Lê Văn Thẩm Định"
	reporterEmail    = "daumoi@daison.test"
	reporterPassword = "mat-khau-dau-moi-1"
)

// vietnam is Asia/Ho_Chi_Minh, which keeps UTC+7 all year.
var vietnam = time.FixedZone("ICT", 7*60*60)

// TestBackoffice drives the staff back office at /quan-tri/ in Chromium as
// the commune's staff would: an editor logs in, writes an article with a
// picture and publishes it, sends an initiative for review and schedules an
// article; bad input is refused in Vietnamese without losing what was
// typed; a reviewer logs in by keyboard alone and publishes the initiative;
// both pages appear on the public site, the audit log shows each step, the
// history compares and restores a version, and the scheduled article
// appears on the site by itself after its time. axe-core checks the login,
// the dashboard, a list and a form for WCAG 2.1 A/AA; the pages also work
// at a phone's width.
func TestBackoffice(t *testing.T) {
	p := start(t, false)
	unitID := p.createRecord("units", map[string]any{
		"name": "Trung tâm Phục vụ hành chính công xã", "kind": "trung-tam", "status": "published",
	})
	p.createStaff(editorEmail, editorPassword, editorName, "editor", "")
	p.createStaff(reviewerEmail, reviewerPassword, reviewerName, "reviewer", "")
	axeSrc := axeSource(t)
	dir := t.TempDir()
	picture := writePNG(t, filepath.Join(dir, "anh-tuyen-truyen.png"))
	notImage := filepath.Join(dir, "ghi-chu.txt")
	if err := os.WriteFile(notImage, []byte("Đây không phải là ảnh."), 0o644); err != nil {
		t.Fatal(err)
	}

	articleTitle := "Tổ công nghệ số cộng đồng hỗ trợ người dân cài VNeID"
	initiativeTitle := "Mô hình “Chủ nhật không hẹn” tại bộ phận một cửa"
	scheduledTitle := "Thông báo lịch tiếp công dân tháng 12"
	var articleID, initiativeID, scheduledID string
	var scheduledAt time.Time

	// ---- The editor, on a desktop screen.
	editor := newBrowser(t, p, 1280)
	{
		b := editor
		b.open("/quan-tri/")
		b.waitVisible("#email")
		if path := b.eval(`location.pathname`); path != "/quan-tri/dang-nhap" {
			t.Errorf("a visitor without a session is at %s, want the login page", path)
		}
		b.axe(axeSrc, "đăng nhập")

		// A wrong password: a clear message, in Vietnamese.
		b.typeInto("#email", editorEmail)
		b.typeInto("#password", "sai-mat-khau-roi")
		b.click(`//form//button[@type="submit"]`)
		b.waitVisible(".error-summary")
		if msg := b.text(".error-summary"); !strings.Contains(msg, "không đúng") {
			t.Errorf("wrong password says %q", msg)
		}
		b.shot("quan-tri-dang-nhap-sai")

		b.typeInto("#password", editorPassword)
		b.click(`//form//button[@type="submit"]`)
		b.waitVisible(".cards")
		b.waitLoaded()
		if who := b.text(".who"); !strings.Contains(who, editorName) || !strings.Contains(who, "Biên tập viên") {
			t.Errorf("the account bar says %q", who)
		}
		b.axe(axeSrc, "tổng quan")
		b.shot("quan-tri-tong-quan")
		b.clickButton("Dựng lại trang")
		b.waitText(".build-msg", "Đã yêu cầu dựng lại trang")

		// Dates: PocketBase stores UTC; staff read and type Vietnam's time.
		dates := b.evalAwait(`import('/quan-tri/assets/js/util.js').then(u => [
			u.formatDateTime('2026-11-24 17:00:00.000Z'),
			u.formatDate('2026-11-24 16:59:59.000Z'),
			u.toPB(u.parseVNDate('25/11/2026', '00:00').date),
			u.toPB(u.parseVNDate('1/1/2027', '7h30').date),
			u.parseVNDate('30/02/2026').error,
			u.parseVNDate('2026-11-25', '25:00').error,
		].join(' | '))`)
		if want := "25/11/2026 00:00 | 24/11/2026 | 2026-11-24 17:00:00.000Z | 2027-01-01 00:30:00.000Z | Ngày 30/02/2026 không có thật. | Giờ “25:00” không có thật."; dates != want {
			t.Errorf("date conversions:\n got %s\nwant %s", dates, want)
		}

		// The editor's menu: no audit log, which is for reviewers.
		if menu := b.text("#menu"); strings.Contains(menu, "Nhật ký") {
			t.Errorf("an editor's menu lists the audit log: %q", menu)
		}

		// An article with a picture, published now.
		b.clickLink("Bài viết")
		b.waitText("main h1", "Bài viết")
		b.axe(axeSrc, "danh sách bài viết")
		b.clickLink("Viết bài mới")
		b.waitVisible("#f-title")
		b.typeInto("#f-title", articleTitle)
		b.typeInto("#f-summary", "Mỗi thôn có một tổ công nghệ số hỗ trợ người dân tận nhà.")
		b.typeInto("#f-body", "## Hỗ trợ tận nhà\n\nTổ công nghệ số đến **từng hộ** để hướng dẫn:\n\n- cài đặt VNeID;\n- nộp hồ sơ trực tuyến.\n")
		// The live preview is rendered by the server (goldmark).
		b.waitText(".markdown-preview h2", "Hỗ trợ tận nhà")
		if html := b.eval(`document.querySelector('.markdown-preview strong') ? document.querySelector('.markdown-preview strong').textContent : ''`); html != "từng hộ" {
			t.Errorf("the preview's bold text is %q", html)
		}
		b.upload("#f-cover", picture)
		b.waitVisible(".thumb-new img")
		b.typeInto("#f-coverAlt", "Cán bộ hướng dẫn người dân cài VNeID")
		b.selectValue("#f-category", "tuyen-truyen")
		b.typeInto("#f-tags", "VNeID")
		b.keys("#f-tags", "\r")
		b.waitText(".chips", "VNeID")
		b.axe(axeSrc, "biểu mẫu bài viết")
		b.shot("quan-tri-bai-viet-moi")
		b.clickButton("Xuất bản ngay")
		b.waitText(".notice-success", "Đã xuất bản")
		articleID = b.recordIDFromURL("/quan-tri/bai-viet/")
		b.waitText(".state", "Đã xuất bản")
		b.waitImages()
		b.shot("quan-tri-bai-viet-da-xuat-ban")

		// The preview: the record in the real theme, in a sandboxed frame.
		b.clickButton("Xem trước")
		b.waitVisible("dialog[open] iframe")
		b.poll("the preview to show the article", `(() => { const f = document.querySelector('dialog[open] iframe'); return !!f && f.getAttribute('sandbox') === '' && f.srcdoc.includes(`+jsString(articleTitle)+`); })()`)
		b.shot("quan-tri-xem-truoc")
		b.clickButton("Đóng")
		b.waitGone("dialog[open]")

		// An initiative, sent for review: an editor may not publish it.
		b.open("/quan-tri/mo-hinh-sang-kien/moi")
		b.waitVisible("#f-title")
		if b.exists(`//button[normalize-space()="Xuất bản ngay"]`) {
			t.Errorf("an editor is offered to publish an initiative")
		}
		b.typeInto("#f-title", initiativeTitle)
		b.selectValue("#f-kind", "mo-hinh")
		b.selectValue("#f-field", "thu-tuc-hanh-chinh")
		b.waitExists(fmt.Sprintf(`#f-unit option[value="%s"]`, unitID))
		b.selectValue("#f-unit", unitID)
		b.typeInto("#f-authors", "Nguyễn Thị Hoa, Phạm Văn Nam")
		b.typeInto("#f-body", "Bộ phận một cửa nhận hồ sơ cả **sáng Chủ nhật**, không cần hẹn trước.")
		b.clickButton("Gửi duyệt")
		b.waitText(".notice-success", "Đã gửi duyệt")
		initiativeID = b.recordIDFromURL("/quan-tri/mo-hinh-sang-kien/")
		b.waitText(".state", "Chờ duyệt")

		// An article scheduled about 20 seconds ahead.
		b.open("/quan-tri/bai-viet/moi")
		b.waitVisible("#f-title")
		b.typeInto("#f-title", scheduledTitle)
		b.typeInto("#f-body", "Lãnh đạo UBND xã tiếp công dân vào sáng thứ Năm hằng tuần.")
		b.selectValue("#f-category", "thong-bao")
		scheduledAt = time.Now().Add(20 * time.Second).Truncate(time.Second)
		local := scheduledAt.In(vietnam)
		b.typeInto("#schedule-date", local.Format("02/01/2006"))
		b.typeInto("#schedule-time", local.Format("15:04:05"))
		b.clickButton("Hẹn giờ xuất bản")
		b.waitText(".notice-success", "Đã hẹn giờ xuất bản lúc "+local.Format("02/01/2006 15:04"))
		scheduledID = b.recordIDFromURL("/quan-tri/bai-viet/")
		b.waitText(".state", "Hẹn giờ")
		b.shot("quan-tri-hen-gio")

		// Bad input: an empty title and a body of 10 MB.
		b.open("/quan-tri/bai-viet/moi")
		b.waitVisible("#f-title")
		b.typeInto("#f-summary", "Tóm tắt viết dở, không được mất.")
		b.selectValue("#f-category", "tin-hoat-dong")
		b.eval(`(() => { const t = document.querySelector('#f-body'); t.value = 'Nội dung rất dài. '.repeat(10 * 1024 * 1024 / 18); t.dispatchEvent(new Event('input', {bubbles: true})); return String(t.value.length); })()`)
		bodyLen := b.eval(`String(document.querySelector('#f-body').value.length)`)
		b.clickButton("Lưu bản nháp")
		b.waitVisible(".error-summary")
		b.waitText("#f-title-error", "không được để trống")
		b.waitText("#f-body-error", "100000")
		summary := b.text(".error-summary")
		for _, want := range []string{"Tiêu đề", "Nội dung"} {
			if !strings.Contains(summary, want) {
				t.Errorf("the error summary does not name %s: %q", want, summary)
			}
		}
		if got := b.eval(`document.activeElement.className`); !strings.Contains(got, "error-summary") {
			t.Errorf("focus after a failed save is on %q, want the error summary", got)
		}
		if got := b.eval(`document.querySelector('#f-title').getAttribute('aria-invalid') + ' ' + document.querySelector('#f-title').getAttribute('aria-describedby')`); got != "true f-title-hint f-title-error" {
			t.Errorf("the title's aria-invalid and aria-describedby are %q", got)
		}
		if got := b.eval(`String(document.querySelector('#f-body').value.length)`); got != bodyLen {
			t.Errorf("the body had %s characters before saving and %s after", bodyLen, got)
		}
		if got := b.value("#f-summary"); got != "Tóm tắt viết dở, không được mất." {
			t.Errorf("the summary after a failed save is %q", got)
		}
		b.shot("quan-tri-loi-nhap-lieu")

		// HTML in Markdown, and a text file as the cover.
		b.typeInto("#f-title", "Bài thử mã HTML")
		b.eval(`(() => { const t = document.querySelector('#f-body'); t.value = 'Đoạn đầu.\n\n<script>alert("x")</script>\n\n<b>chữ đậm</b>'; t.dispatchEvent(new Event('input', {bubbles: true})); return ''; })()`)
		b.upload("#f-cover", notImage)
		b.waitText("#f-cover-error", "không phải ảnh")
		b.waitText(".markdown-problems", "HTML")
		b.clickButton("Lưu bản nháp")
		b.waitText("#f-body-error", "HTML")
		if got := b.value("#f-body"); !strings.Contains(got, `<script>alert("x")</script>`) {
			t.Errorf("the body after a refused save is %q", got)
		}
		if got := b.value("#f-title"); got != "Bài thử mã HTML" {
			t.Errorf("the title after a refused save is %q", got)
		}
		if vn := b.text("#f-body-error"); !isVietnameseText(vn) {
			t.Errorf("the body's message is not Vietnamese: %q", vn)
		}
		b.shot("quan-tri-loi-html")

		// Unsaved changes: leaving asks first, and staying keeps them.
		b.clickLink("Bài viết")
		b.waitVisible("dialog[open]")
		b.shot("quan-tri-roi-trang")
		b.clickButton("Ở lại trang")
		b.waitGone("dialog[open]")
		if got := b.value("#f-title"); got != "Bài thử mã HTML" {
			t.Errorf("after staying, the title is %q", got)
		}
		// Closing the tab is guarded too.
		if got := b.eval(`(() => { const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return String(e.defaultPrevented); })()`); got != "true" {
			t.Errorf("closing the tab with unsaved changes is not guarded")
		}
		b.clickLink("Bài viết")
		b.waitVisible("dialog[open]")
		b.clickButton("Rời trang, bỏ thay đổi")
		b.waitText("main h1", "Bài viết")

		// The server refuses a non-image too, whoever sends it.
		code, msg := p.uploadAs(editorEmail, editorPassword, "articles", articleID, "cover", "ghi-chu.jpg", []byte("không phải ảnh"))
		if code != 400 || !isVietnameseText(msg) {
			t.Errorf("uploading a text file as a cover through the API: %d %s", code, msg)
		}

		// A guide with steps: added, reordered, joined with “or”.
		b.open("/quan-tri/huong-dan/moi")
		b.waitVisible("#f-title")
		b.typeInto("#f-title", "Đăng ký khai sinh trực tuyến")
		b.typeInto("#f-summary", "Cha mẹ đăng ký khai sinh cho con trên Cổng Dịch vụ công quốc gia.")
		b.clickButton("Thêm bước")
		b.typeInto("#f-steps-1-title", "Nộp hồ sơ trên Cổng Dịch vụ công")
		b.typeInto("#f-steps-1-link", "https://dichvucong.gov.vn/")
		b.typeInto("#f-steps-1-linkText", "Cổng Dịch vụ công quốc gia")
		b.clickButton("Thêm bước")
		b.typeInto("#f-steps-2-title", "Chuẩn bị giấy chứng sinh")
		b.clickButton("Thêm bước")
		b.typeInto("#f-steps-3-title", "Nộp tại bộ phận một cửa")
		b.typeInto("#f-steps-3-cost", "Miễn phí")
		b.selectValue("#f-steps-3-logic", "or")
		b.click(`//button[@aria-label="Lên bước 2"]`) // the second step goes first
		if got := b.value("#f-steps-1-title"); got != "Chuẩn bị giấy chứng sinh" {
			t.Errorf("after moving step 2 up, step 1 is %q", got)
		}
		if got := b.eval(`document.activeElement.getAttribute('aria-label') || ''`); got == "" {
			t.Errorf("focus is lost after moving a step")
		}
		b.axe(axeSrc, "biểu mẫu hướng dẫn")
		b.shot("quan-tri-huong-dan-cac-buoc")
		b.clickButton("Xuất bản ngay")
		b.waitText(".notice-success", "Đã xuất bản")
		guideID := b.recordIDFromURL("/quan-tri/huong-dan/")
		var guide struct {
			Slug  string `json:"slug"`
			Steps []struct {
				Title string `json:"title"`
				Logic string `json:"logic"`
				Cost  string `json:"cost"`
			} `json:"steps"`
		}
		p.api("GET", "/api/collections/guides/records/"+guideID, nil, &guide)
		if len(guide.Steps) != 3 || guide.Steps[0].Title != "Chuẩn bị giấy chứng sinh" || guide.Steps[2].Logic != "or" || guide.Steps[2].Cost != "Miễn phí" {
			t.Errorf("the guide's steps were saved as %+v", guide.Steps)
		}
		p.waitFor("the guide on the public site", 60*time.Second, func() bool {
			code, body := p.get("/huong-dan/" + guide.Slug + "/")
			return code == 200 && strings.Contains(body, "Chuẩn bị giấy chứng sinh")
		})

		// The initiative, still waiting for review, is open in the editor's
		// tab while the reviewer publishes it (below).
		b.open("/quan-tri/mo-hinh-sang-kien/" + initiativeID)
		b.waitVisible("#f-title")
		b.typeInto("#f-authors", "Nguyễn Thị Hoa, Phạm Văn Nam, Lê Thu")
	}

	// ---- The reviewer, by keyboard alone.
	{
		b := newBrowser(t, p, 1280)
		b.open("/quan-tri/")
		b.waitVisible("#email")
		b.press("\t")
		if got := b.eval(`document.activeElement.className`); got != "skip-link" {
			t.Errorf("the first Tab reaches %q, want the skip link", got)
		}
		b.press("\r")
		if got := b.eval(`document.activeElement.id`); got != "noi-dung" {
			t.Errorf("the skip link leads to %q", got)
		}
		b.press("\t") // the email field, first in the main content
		if got := b.eval(`document.activeElement.id`); got != "email" {
			t.Fatalf("Tab after the skip link reaches %q, want the email field", got)
		}
		skip := p.log.Len()
		b.press(reviewerEmail + "\t" + reviewerPassword + "\r")
		// A reviewer signs in in two steps: the code's field takes the
		// focus, and the code mailed to them opens the back office.
		b.waitVisible("#ma-xac-thuc")
		if got := b.eval(`document.activeElement.id`); got != "ma-xac-thuc" {
			t.Errorf("after the password, the focus is on %q, want the code's field", got)
		}
		b.press(b.code(reviewerEmail, skip) + "\r")
		b.waitVisible(".cards")
		b.waitText("#cho-duyet + div", initiativeTitle)
		b.shot("quan-tri-tong-quan-tham-dinh")

		b.open("/quan-tri/mo-hinh-sang-kien/?trang-thai=review")
		b.waitText("table.records", initiativeTitle)
		b.clickLink(initiativeTitle)
		b.waitVisible("#f-title")
		b.clickButton("Xuất bản ngay")
		b.waitText(".notice-success", "Đã xuất bản")
		b.waitText(".state", "Đã xuất bản")
		b.shot("quan-tri-tham-dinh-xuat-ban")
	}

	// ---- The editor saves the initiative the reviewer has just
	// published: the API refuses (an editor may not change a published
	// initiative), and the page says so without losing the change.
	{
		b := editor
		b.clickButton("Lưu thay đổi")
		b.waitText(".error-summary", "Không được phép")
		if msg := b.text(".error-summary li"); !isVietnameseText(msg) {
			t.Errorf("the refusal says %q", msg)
		}
		if got := b.value("#f-authors"); got != "Nguyễn Thị Hoa, Phạm Văn Nam, Lê Thu" {
			t.Errorf("after the refusal, the authors are %q", got)
		}
		b.shot("quan-tri-khong-duoc-phep")
	}

	// ---- Both pages appear on the public site.
	var article, initiative struct {
		Slug  string `json:"slug"`
		Cover string `json:"cover"`
	}
	p.api("GET", "/api/collections/articles/records/"+articleID, nil, &article)
	p.api("GET", "/api/collections/initiatives/records/"+initiativeID, nil, &initiative)
	if article.Cover == "" {
		t.Errorf("the article was saved without its cover")
	}
	p.waitFor("the article on the public site", 60*time.Second, func() bool {
		code, body := p.get("/tin-tuc/" + article.Slug + "/")
		return code == 200 && strings.Contains(body, "Tổ công nghệ số") && strings.Contains(body, "<img")
	})
	p.waitFor("the initiative on the public site", 60*time.Second, func() bool {
		code, body := p.get("/mo-hinh-sang-kien/" + initiative.Slug + "/")
		return code == 200 && strings.Contains(body, "Chủ nhật không hẹn")
	})

	// ---- The audit log, the history and restoring, at a phone's width.
	{
		b := newBrowser(t, p, 375)
		b.login(reviewerEmail, reviewerPassword)
		b.waitLoaded()
		b.noOverflow("tổng quan")
		b.shot("quan-tri-tong-quan")

		b.open("/quan-tri/nhat-ky/")
		b.waitVisible("table.audit")
		log := b.text("table.audit")
		for _, want := range []string{
			"Đăng nhập", editorName, reviewerName,
			articleTitle, initiativeTitle, scheduledTitle,
			"Tạo mới", "Chờ duyệt → Đã xuất bản", "Đăng nhập không thành công",
		} {
			if !strings.Contains(log, want) {
				t.Errorf("the audit log does not show %q", want)
			}
		}
		b.axe(axeSrc, "nhật ký")
		b.noOverflow("nhật ký")
		b.shot("quan-tri-nhat-ky")

		// Change the article's title, then restore the earlier version.
		b.open("/quan-tri/bai-viet/" + articleID)
		b.waitVisible("#f-title")
		b.noOverflow("biểu mẫu")
		b.shot("quan-tri-bieu-mau")
		b.typeInto("#f-title", "Tiêu đề sửa nhầm")
		b.clickButton("Lưu thay đổi (cập nhật trang)")
		b.waitText(".notice-success", "Đã lưu thay đổi")
		b.clickLink("Lịch sử thay đổi")
		b.waitVisible("table.records")
		b.clickButton("So sánh")
		b.waitVisible("table.diff")
		diff := b.text("table.diff")
		if !strings.Contains(diff, articleTitle) || !strings.Contains(diff, "Tiêu đề sửa nhầm") {
			t.Errorf("the comparison does not show both titles: %q", diff)
		}
		b.shot("quan-tri-lich-su")
		b.clickButton("Khôi phục phiên bản này")
		b.waitVisible("dialog[open]")
		b.clickButton("Khôi phục")
		b.waitText(".notice-success", "Đã khôi phục")
		if got := b.value("#f-title"); got != articleTitle {
			t.Errorf("after restoring, the title is %q", got)
		}
	}

	// ---- A unit's reporter proposes for their own unit only.
	{
		p.createStaff(reporterEmail, reporterPassword, "Phạm Thị Đầu Mối", "unitReporter", unitID)
		b := newBrowser(t, p, 375)
		b.login(reporterEmail, reporterPassword)
		b.waitLoaded()
		// On a phone the menu opens from its button.
		if b.eval(`String(document.querySelector('#menu').offsetParent === null)`) != "true" {
			t.Errorf("the menu is open on a phone before its button is pressed")
		}
		b.clickButton("Danh mục")
		b.waitVisible(`#menu a[href="/quan-tri/mo-hinh-sang-kien/"]`)
		if got := b.eval(`document.querySelector('.menu-toggle').getAttribute('aria-expanded')`); got != "true" {
			t.Errorf("the menu button's aria-expanded is %q once open", got)
		}
		b.shot("quan-tri-danh-muc")
		menu := b.eval(`[...document.querySelectorAll('#menu a')].map(a => a.textContent).join('|')`)
		if strings.Contains(menu, "Bài viết") || strings.Contains(menu, "Nhật ký") || !strings.Contains(menu, "Mô hình, sáng kiến") {
			t.Errorf("a unit reporter's menu: %s", menu)
		}
		b.open("/quan-tri/mo-hinh-sang-kien/moi")
		b.waitExists(fmt.Sprintf(`#f-unit option[value="%s"]`, unitID))
		if got := b.eval(`(() => { const s = document.querySelector('#f-unit'); return s.value + ' ' + s.disabled; })()`); got != unitID+" true" {
			t.Errorf("a reporter's unit field: %q", got)
		}
		if b.exists(`//button[normalize-space()="Xuất bản ngay"]`) {
			t.Errorf("a unit reporter is offered to publish")
		}
		b.noOverflow("biểu mẫu của đơn vị")
		b.shot("quan-tri-dau-moi")
		// A draft of their own, then deleted after a confirmation.
		b.typeInto("#f-title", "Sáng kiến nháp sẽ xóa")
		b.selectValue("#f-kind", "sang-kien")
		b.selectValue("#f-field", "chuyen-doi-so")
		b.clickButton("Lưu bản nháp")
		b.waitText(".notice-success", "Đã lưu bản nháp")
		draftID := b.recordIDFromURL("/quan-tri/mo-hinh-sang-kien/")
		b.click(`//nav[@class="crumbs"]//a[normalize-space()="Tổng quan"]`)
		b.waitText("#ban-nhap + div", "Sáng kiến nháp sẽ xóa")
		b.clickLink("Sáng kiến nháp sẽ xóa")
		b.clickButton("Xóa")
		b.waitVisible("dialog[open]")
		b.click(`//dialog[@open]//button[normalize-space()="Xóa"]`)
		b.waitText(".notice-success", "Đã xóa")
		if code := p.api("GET", "/api/collections/initiatives/records/"+draftID, nil, nil); code != 404 {
			t.Errorf("the deleted draft answers %d", code)
		}
	}

	// ---- An editor turns two-step sign-in on from their account page;
	// logging out ends the session on the server (the token the tab held
	// opens nothing); the next sign-in asks for the mailed code.
	{
		b := newBrowser(t, p, 1280)
		b.login(editorEmail, editorPassword)
		b.open("/quan-tri/tai-khoan")
		b.waitVisible("#hai-buoc")
		b.click(`//input[@id="hai-buoc"]`)
		b.clickButton("Lưu")
		b.waitText(".notice-success", "Đã lưu")
		token := b.eval(`JSON.parse(localStorage.getItem('daison.quantri.auth')).token`)
		b.clickButton("Đăng xuất")
		b.waitVisible("#email")
		req, _ := http.NewRequest("POST", p.URL+"/api/collections/staff/auth-refresh", nil)
		req.Header.Set("Authorization", token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("the token of a tab that logged out answers %d, want 401", res.StatusCode)
		}
		b.typeInto("#email", editorEmail)
		b.typeInto("#password", editorPassword)
		skip := p.log.Len()
		b.click(`//form//button[@type="submit"]`)
		b.waitVisible("#ma-xac-thuc")
		b.axe(axeSrc, "mã xác thực")
		b.noOverflow("mã xác thực")
		b.shot("quan-tri-ma-xac-thuc")
		b.typeInto("#ma-xac-thuc", "00000000")
		b.click(`//form//button[@type="submit"]`)
		b.waitText(".error-summary", "Mã xác thực không đúng")
		b.typeInto("#ma-xac-thuc", b.code(editorEmail, skip))
		b.click(`//form//button[@type="submit"]`)
		b.waitVisible(".cards")
	}

	// ---- Too many failed logins lock the address for a while, and the
	// login page says so. The limiter counts in windows of a minute: if one
	// ends between the lock and the login, lock it again.
	{
		b := newBrowser(t, p, 375)
		shown := false
		for try := 0; try < 3 && !shown; try++ {
			locked := false
			for i := 0; i < 20 && !locked; i++ {
				res, err := http.Post(p.URL+"/api/collections/staff/auth-with-password", "application/json",
					strings.NewReader(`{"identity": "`+editorEmail+`", "password": "doan-sai-mat-khau"}`))
				if err != nil {
					t.Fatal(err)
				}
				res.Body.Close()
				locked = res.StatusCode == 429
			}
			if !locked {
				t.Fatalf("20 wrong passwords in a row were never refused with 429")
			}
			b.open("/quan-tri/dang-nhap")
			b.eval(`localStorage.clear(); ''`)
			b.open("/quan-tri/dang-nhap")
			b.typeInto("#email", editorEmail)
			b.typeInto("#password", editorPassword)
			b.click(`//form//button[@type="submit"]`)
			b.poll("an answer to the login", `!!document.querySelector('.error-summary, .cards')`)
			shown = strings.Contains(b.text(".error-summary"), "quá nhiều")
		}
		if !shown {
			t.Fatalf("the login page never said the address is locked")
		}
		if title := b.text(".error-summary h2"); title != "Tạm khóa đăng nhập" {
			t.Errorf("the lock's title is %q", title)
		}
		b.noOverflow("đăng nhập bị khóa")
		b.shot("quan-tri-tam-khoa")
	}

	// ---- The scheduled article goes live by itself after its time.
	var scheduled struct {
		Slug string `json:"slug"`
	}
	p.api("GET", "/api/collections/articles/records/"+scheduledID, nil, &scheduled)
	if code, _ := p.get("/tin-tuc/" + scheduled.Slug + "/"); code == 200 && time.Now().Before(scheduledAt) {
		t.Errorf("the scheduled article is on the site before its time")
	}
	p.waitFor("the scheduled article on the public site", time.Until(scheduledAt)+75*time.Second, func() bool {
		code, _ := p.get("/tin-tuc/" + scheduled.Slug + "/")
		return code == 200
	})
	t.Logf("the scheduled article went live %s after its time", time.Since(scheduledAt).Round(time.Second))
}

// TestBackofficeServing checks what the server sends for the back office:
// the page for every client-side route, its security headers, and the
// assets with their types.
func TestBackofficeServing(t *testing.T) {
	p := start(t, false)
	for _, path := range []string{"/quan-tri/", "/quan-tri/bai-viet/", "/quan-tri/bai-viet/abc123/lich-su"} {
		res := p.head(path)
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			t.Errorf("%s: %d %s", path, res.StatusCode, res.Header.Get("Content-Type"))
		}
		if !strings.Contains(res.Header.Get("X-Robots-Tag"), "noindex") ||
			!strings.Contains(res.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
			t.Errorf("%s: headers %v", path, res.Header)
		}
	}
	for path, ctype := range map[string]string{
		"/quan-tri/assets/js/main.js":  "text/javascript",
		"/quan-tri/assets/app.css":     "text/css",
		"/quan-tri/meta.json":          "application/json",
		"/quan-tri/assets/favicon.svg": "image/svg+xml",
	} {
		res := p.head(path)
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), ctype) {
			t.Errorf("%s: %d %s, want %s", path, res.StatusCode, res.Header.Get("Content-Type"), ctype)
		}
	}
	if res := p.head("/quan-tri/assets/js/khong-co.js"); res.StatusCode != 404 {
		t.Errorf("a missing asset answers %d", res.StatusCode)
	}

	// The same referrer and frame rules on every part the binary serves
	// (the site's pages skip PocketBase's router); the dashboard keeps its
	// own scripts; the API is never cached; no HSTS over plain HTTP.
	for path, csp := range map[string]string{
		"/":              "script-src 'self'",
		"/quan-tri/":     "script-src 'self'",
		"/_/":            "script-src 'self'",
		"/api/health":    "default-src 'none'",
		"/khong-co-dau/": "script-src 'self'",
	} {
		res := p.head(path)
		hd := res.Header
		all := strings.Join(hd.Values("Content-Security-Policy"), " | ")
		if hd.Get("Referrer-Policy") != "same-origin" || hd.Get("X-Frame-Options") != "DENY" || hd.Get("X-Content-Type-Options") != "nosniff" ||
			!strings.Contains(all, "frame-ancestors 'none'") || !strings.Contains(all, csp) || hd.Get("Strict-Transport-Security") != "" {
			t.Errorf("%s: %d, headers %v", path, res.StatusCode, hd)
		}
		if strings.HasPrefix(path, "/api/") != (hd.Get("Cache-Control") == "no-store") && path != "/khong-co-dau/" {
			t.Errorf("%s: Cache-Control %q", path, hd.Get("Cache-Control"))
		}
	}
}

// ---- helpers

// createRecord creates a record as the superuser and returns its id.
func (p *portal) createRecord(collection string, fields map[string]any) string {
	p.t.Helper()
	var r record
	if code := p.api("POST", "/api/collections/"+collection+"/records", fields, &r); code != 200 {
		p.t.Fatalf("create %s: %d", collection, code)
	}
	return r.ID
}

// createStaff makes a staff account with PocketBase's API as the superuser.
func (p *portal) createStaff(email, password, name, role, unit string) {
	p.t.Helper()
	p.createRecord("staff", map[string]any{
		"email": email, "password": password, "passwordConfirm": password,
		"name": name, "role": role, "unit": unit, "verified": true,
	})
}

// head fetches a path anonymously and returns the response (body closed).
func (p *portal) head(path string) *http.Response {
	p.t.Helper()
	res, err := http.Get(p.URL + path)
	if err != nil {
		p.t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res
}

// multipartPatch sends one file to a record's field as a staff member.
func multipartPatch(url, token, field, name string, data []byte) (int, []byte) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	fw, _ := w.CreateFormFile(field, name)
	fw.Write(data)
	w.Close()
	req, _ := http.NewRequest("PATCH", url, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Authorization", token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, []byte(err.Error())
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, b
}

// uploadAs logs in as a staff member and sends a file to a record's file
// field; it returns the status and the message of the field's error.
func (p *portal) uploadAs(email, password, collection, id, field, name string, data []byte) (int, string) {
	p.t.Helper()
	token, _, err := mfalogin.LoginAs(p.URL, "staff", email, password, p.log.String)
	if err != nil {
		p.t.Fatalf("staff login %s: %v", email, err)
	}
	code, body := multipartPatch(p.URL+"/api/collections/"+collection+"/records/"+id, token, field, name, data)
	var answer struct {
		Message string                       `json:"message"`
		Data    map[string]map[string]string `json:"data"`
	}
	_ = json.Unmarshal(body, &answer)
	if f, ok := answer.Data[field]; ok {
		return code, f["message"]
	}
	return code, answer.Message
}

// axeSource is axe-core's script from scripts/npm, which scripts/test
// installs.
func axeSource(t *testing.T) string {
	t.Helper()
	p := filepath.Join(repoRoot(), "scripts", "npm", "node_modules", "axe-core", "axe.min.js")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("axe-core is missing (%v): run scripts/test, which runs `npm ci --prefix scripts/npm`", err)
	}
	return string(b)
}

// writePNG writes a small picture to path.
func writePNG(t *testing.T, path string) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 640, 360))
	for y := 0; y < 360; y++ {
		for x := 0; x < 640; x++ {
			img.Set(x, y, color.RGBA{uint8(150 + x/8), uint8(30 + y/4), 40, 255})
		}
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	return path
}

var vietnameseLetters = regexp.MustCompile(`[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]`)

func isVietnameseText(s string) bool {
	return vietnameseLetters.MatchString(strings.ToLower(s))
}

// browser is one Chromium tab on the portal, with short helpers that fail
// the test with a screenshot when a step does not happen in time.
type browser struct {
	t   *testing.T
	p   *portal
	ctx context.Context
	w   int
	n   int
}

func newBrowser(t *testing.T, p *portal, width int) *browser {
	t.Helper()
	ctx := browsertest.New(t, width, 900)
	return &browser{t: t, p: p, ctx: ctx, w: width}
}

func (b *browser) step(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.fail(what, err)
	}
}

func (b *browser) fail(what string, err error) {
	b.t.Helper()
	b.n++
	name := fmt.Sprintf("quan-tri-loi-%d-%d", b.w, b.n)
	shot := browsertest.Screenshot(b.t, b.ctx, name)
	main, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector('main') ? document.querySelector('main').innerText.slice(0, 2000) : ''`))
	b.t.Fatalf("%s: %v\nscreenshot: %s\npage: %s", what, err, shot, main)
}

func (b *browser) open(path string) {
	b.t.Helper()
	b.step("open "+path, chromedp.Navigate(b.p.URL+path))
}

func (b *browser) waitVisible(css string) {
	b.t.Helper()
	b.step("wait for "+css, chromedp.WaitVisible(chromedp.CSS(css)))
}

func (b *browser) waitExists(css string) {
	b.t.Helper()
	b.step("wait for "+css, chromedp.WaitReady(chromedp.CSS(css)))
}

func (b *browser) waitGone(css string) {
	b.t.Helper()
	b.step("wait for "+css+" to go", chromedp.WaitNotPresent(chromedp.CSS(css)))
}

// waitText waits until the element's text contains want.
func (b *browser) waitText(css, want string) {
	b.t.Helper()
	js := fmt.Sprintf(`(() => { const e = document.querySelector(%q); return !!e && e.innerText.includes(%q); })()`, css, want)
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingInterval(100*time.Millisecond))); err != nil {
		b.fail(fmt.Sprintf("wait for %q in %s (it says %q)", want, css, b.text(css)), err)
	}
}

// poll waits until the JavaScript expression is true.
func (b *browser) poll(what, js string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingInterval(100*time.Millisecond))); err != nil {
		b.fail("wait for "+what, err)
	}
}

// waitLoaded waits until nothing on the page says it is loading.
func (b *browser) waitLoaded() {
	b.t.Helper()
	b.poll("the page to load", `!document.querySelector('main[aria-busy]') && ![...document.querySelectorAll('main .muted')].some(e => e.textContent === 'Đang tải…')`)
}

// waitImages waits until every image on the page has loaded.
func (b *browser) waitImages() {
	b.t.Helper()
	b.poll("the images", `[...document.images].every(i => i.complete && i.naturalWidth > 0)`)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func (b *browser) text(css string) string {
	b.t.Helper()
	s, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](fmt.Sprintf(`(() => { const e = document.querySelector(%q); return e ? e.innerText : ''; })()`, css)))
	return s
}

func (b *browser) value(css string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector(%q).value`, css)))
	if err != nil {
		b.fail("value of "+css, err)
	}
	return s
}

func (b *browser) eval(js string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](js))
	if err != nil {
		b.fail("evaluate "+js, err)
	}
	return s
}

// evalAwait evaluates JavaScript that returns a promise of a string.
func (b *browser) evalAwait(js string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		b.fail("evaluate "+js, err)
	}
	return s
}

func (b *browser) exists(xpath string) bool {
	b.t.Helper()
	js := fmt.Sprintf(`document.evaluate(%q, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue !== null`, xpath)
	ok, _ := chromedp.Run(b.ctx, chromedp.Evaluate[bool](js))
	return ok
}

// typeInto replaces a field's text by typing, as a person would.
func (b *browser) typeInto(css, text string) {
	b.t.Helper()
	b.step("type into "+css,
		chromedp.WaitVisible(chromedp.CSS(css)),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.focus(); e.select && e.select(); })()`, css)),
		chromedp.SendKeys(chromedp.CSS(css), text))
}

func (b *browser) keys(css, keys string) {
	b.t.Helper()
	b.step("keys into "+css, chromedp.SendKeys(chromedp.CSS(css), keys))
}

// press types keys into whatever has focus.
func (b *browser) press(keys string) {
	b.t.Helper()
	b.step("press keys", chromedp.KeyEvent(keys))
}

func (b *browser) selectValue(css, value string) {
	b.t.Helper()
	b.step("choose "+value+" in "+css,
		chromedp.WaitVisible(chromedp.CSS(css)),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.focus(); e.value = %q; e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true})); })()`, css, value)))
	if got := b.value(css); got != value {
		b.fail("choose "+value+" in "+css, fmt.Errorf("the value is %q", got))
	}
}

func (b *browser) upload(css, file string) {
	b.t.Helper()
	b.step("upload "+file, chromedp.SetUploadFiles(chromedp.CSS(css), []string{file}))
}

func (b *browser) click(xpath string) {
	b.t.Helper()
	b.step("click "+xpath, chromedp.Click(chromedp.Search(xpath), chromedp.NodeVisible))
}

func (b *browser) clickButton(text string) {
	b.t.Helper()
	b.click(fmt.Sprintf(`//button[normalize-space()=%q]`, text))
}

func (b *browser) clickLink(text string) {
	b.t.Helper()
	b.click(fmt.Sprintf(`//a[normalize-space()=%q]`, text))
}

// recordIDFromURL waits until the address is a record's page under prefix
// and returns the record's id.
func (b *browser) recordIDFromURL(prefix string) string {
	b.t.Helper()
	js := fmt.Sprintf(`(() => { const p = location.pathname, pre = %q; const id = p.startsWith(pre) ? p.slice(pre.length) : ''; return /^[a-z0-9]{15}$/.test(id) ? id : ''; })()`, prefix)
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	id, err := chromedp.Run(ctx, chromedp.Poll[string](js+` || false`, chromedp.WithPollingInterval(100*time.Millisecond)))
	if err != nil || id == "" {
		b.fail("wait for the record's address under "+prefix, err)
	}
	return id
}

// login signs in through the login page: the password, then, for an
// account with two-step sign-in (reviewers), the code the portal prints on
// its console.
func (b *browser) login(email, password string) {
	b.t.Helper()
	b.open("/quan-tri/dang-nhap")
	b.waitVisible("#email")
	b.typeInto("#email", email)
	b.typeInto("#password", password)
	skip := b.p.log.Len()
	b.click(`//form//button[@type="submit"]`)
	b.poll("the dashboard or the code step", `!!document.querySelector('.cards, #ma-xac-thuc')`)
	if b.exists(`//input[@id="ma-xac-thuc"]`) {
		b.typeInto("#ma-xac-thuc", b.code(email, skip))
		b.click(`//form//button[@type="submit"]`)
	}
	b.waitVisible(".cards")
}

// code is the sign-in code mailed to email since the portal's console was
// skip bytes long.
func (b *browser) code(email string, skip int) string {
	b.t.Helper()
	code, err := mfalogin.WaitCode(b.p.log.String, skip, email)
	if err != nil {
		b.fail("the sign-in code", err)
	}
	return code
}

func (b *browser) shot(name string) {
	b.t.Helper()
	browsertest.Screenshot(b.t, b.ctx, fmt.Sprintf("%s-%d", name, b.w))
}

// noOverflow checks that nothing is wider than the window.
func (b *browser) noOverflow(what string) {
	b.t.Helper()
	wide := b.eval(`(() => { const w = window.innerWidth; const out = [...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect(); return r.right > w + 1 && r.width > 0; }).slice(0, 5).map(e => e.tagName + '.' + e.className); return document.documentElement.scrollWidth > w + 1 ? out.join(', ') || 'document' : ''; })()`)
	if wide != "" {
		b.t.Errorf("%s at %d px: wider than the window: %s", what, b.w, wide)
	}
}

// axe runs axe-core's WCAG 2.1 A and AA rules on the page.
func (b *browser) axe(src, what string) {
	b.t.Helper()
	if has, _ := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`typeof axe === 'object'`)); !has {
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](src+"\n;typeof axe === 'object'")); err != nil {
			b.fail("inject axe-core", err)
		}
	}
	type violation struct {
		ID     string   `json:"id"`
		Impact string   `json:"impact"`
		Help   string   `json:"help"`
		Nodes  []string `json:"nodes"`
	}
	js := `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,
    nodes: v.nodes.slice(0, 6).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\s+/g, ' '))})))`
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]violation](js, chromedp.EvalAwaitPromise))
	if err != nil {
		b.fail("axe.run", err)
	}
	for _, v := range vs {
		b.t.Errorf("%s (%d px): axe %s (%s): %s\n  %s", what, b.w, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
	}
}
