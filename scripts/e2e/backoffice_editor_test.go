package e2e

import (
	"fmt"
	"github.com/daison/portal/internal/schema"
	"strings"
	"testing"
	"time"
)

// The editor's steps of TestBackoffice, on a desktop screen.

// editorSignsIn: a visitor without a session is sent to the login page; a
// wrong password is refused in Vietnamese; the editor signs in, asks for a
// rebuild, reads dates in Vietnam's time and has no audit log in the menu.
func (s *backofficeStory) editorSignsIn(t *testing.T) {
	b := s.editor.with(t)
	b.open("/quan-tri/")
	b.waitVisible("#email")
	if path := b.eval(`location.pathname`); path != "/quan-tri/dang-nhap" {
		t.Errorf("a visitor without a session is at %s, want the login page", path)
	}
	b.axe(s.axe, "đăng nhập")

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
	b.axe(s.axe, "tổng quan")
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
}

// editorPublishesArticle: an article with a picture, published now, and
// its preview in the real theme.
func (s *backofficeStory) editorPublishesArticle(t *testing.T) {
	b := s.editor.with(t)
	// An article with a picture, published now.
	b.clickLink("Bài viết")
	b.waitText("main h1", "Bài viết")
	b.axe(s.axe, "danh sách bài viết")
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
	b.upload("#f-cover", s.picture)
	b.waitVisible(".thumb-new img")
	b.typeInto("#f-coverAlt", "Cán bộ hướng dẫn người dân cài VNeID")
	b.selectValue("#f-category", "tuyen-truyen")
	b.typeInto("#f-tags", "VNeID")
	b.keys("#f-tags", "\r")
	b.waitText(`[data-field="tags"] .chips`, "VNeID")
	b.axe(s.axe, "biểu mẫu bài viết")
	b.shot("quan-tri-bai-viet-moi")
	b.clickButton("Xuất bản ngay")
	b.waitText(".notice-success", "Đã xuất bản")
	s.articleID = b.recordIDFromURL("/quan-tri/bai-viet/")
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
}

// editorSendsInitiative: an initiative sent for review, which an editor may
// not publish.
func (s *backofficeStory) editorSendsInitiative(t *testing.T) {
	b := s.editor.with(t)
	// An initiative, sent for review: an editor may not publish it.
	b.open("/quan-tri/mo-hinh-sang-kien/moi")
	b.waitVisible("#f-title")
	if b.exists(`//button[normalize-space()="Xuất bản ngay"]`) {
		t.Errorf("an editor is offered to publish an initiative")
	}
	b.typeInto("#f-title", initiativeTitle)
	b.selectValue("#f-kind", "mo-hinh")
	b.selectValue("#f-field", "thu-tuc-hanh-chinh")
	b.waitExists(fmt.Sprintf(`#f-unit option[value="%s"]`, s.unit.ID))
	b.selectValue("#f-unit", s.unit.ID)
	b.typeInto("#f-authors", "Nguyễn Thị Hoa, Phạm Văn Nam")
	b.typeInto("#f-body", "Bộ phận một cửa nhận hồ sơ cả **sáng Chủ nhật**, không cần hẹn trước.")
	b.clickButton("Gửi duyệt")
	b.waitText(".notice-success", "Đã gửi duyệt")
	s.initiativeID = b.recordIDFromURL("/quan-tri/mo-hinh-sang-kien/")
	b.waitText(".state", "Chờ duyệt")
}

// editorSchedulesArticle: an article scheduled about 20 seconds ahead.
func (s *backofficeStory) editorSchedulesArticle(t *testing.T) {
	b := s.editor.with(t)
	// An article scheduled about 20 seconds ahead.
	b.open("/quan-tri/bai-viet/moi")
	b.waitVisible("#f-title")
	b.typeInto("#f-title", scheduledTitle)
	b.typeInto("#f-body", "Lãnh đạo UBND xã tiếp công dân vào sáng thứ Năm hằng tuần.")
	b.selectValue("#f-category", "thong-bao")
	s.scheduledAt = time.Now().Add(20 * time.Second).Truncate(time.Second)
	local := s.scheduledAt.In(schema.Vietnam)
	b.typeInto("#schedule-date", local.Format("02/01/2006"))
	b.typeInto("#schedule-time", local.Format("15:04:05"))
	b.clickButton("Hẹn giờ xuất bản")
	b.waitText(".notice-success", "Đã hẹn giờ xuất bản lúc "+local.Format("02/01/2006 15:04"))
	s.scheduledID = b.recordIDFromURL("/quan-tri/bai-viet/")
	b.waitText(".state", "Hẹn giờ")
	b.shot("quan-tri-hen-gio")
}

// badInputIsKept: an empty title, a body of 10 MB, HTML in Markdown and a
// text file as the cover are refused in Vietnamese without losing what was
// typed.
func (s *backofficeStory) badInputIsKept(t *testing.T) {
	b := s.editor.with(t)
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
	b.waitText("#f-body-error", "100.000")
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
	b.upload("#f-cover", s.notImage)
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
}

// unsavedChangesAreGuarded: leaving with unsaved changes asks first.
func (s *backofficeStory) unsavedChangesAreGuarded(t *testing.T) {
	b := s.editor.with(t)
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
}

// serverRefusesNonImage: the API refuses a non-image as a cover too,
// whoever sends it.
func (s *backofficeStory) serverRefusesNonImage(t *testing.T) {
	p := s.p.with(t)
	// The server refuses a non-image too, whoever sends it.
	code, msg := p.uploadAs(editorEmail, editorPassword, "articles", s.articleID, "cover", "ghi-chu.jpg", []byte("không phải ảnh"))
	if code != 400 || !isVietnameseText(msg) {
		t.Errorf("uploading a text file as a cover through the API: %d %s", code, msg)
	}
}

// editorPublishesGuide: a guide with steps added, reordered and joined
// with “or”, on the public site.
func (s *backofficeStory) editorPublishesGuide(t *testing.T) {
	p, b := s.p.with(t), s.editor.with(t)
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
	b.axe(s.axe, "biểu mẫu hướng dẫn")
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
}

// editorPublishesEvent: a kind whose form comes from its descriptor
// (meta.json), not from collections.js, is in the menu; its form saves and
// publishes a record, whose page appears on the public site.
func (s *backofficeStory) editorPublishesEvent(t *testing.T) {
	p, b := s.p.with(t), s.editor.with(t)
	b.open("/quan-tri/")
	b.poll("the events in the editor's menu", `!!document.querySelector('#menu') && document.querySelector('#menu').innerText.includes('Sự kiện')`)
	b.open("/quan-tri/su-kien/moi")
	b.waitVisible("#f-title")
	b.typeInto("#f-title", "Hội nghị sơ kết 6 tháng đầu năm")
	b.typeInto("#f-date", "10/07/2026")
	b.typeInto("#f-place", "Hội trường UBND xã")
	b.typeInto("#f-summary", "Hội nghị đánh giá kết quả **6 tháng đầu năm**.")
	b.axe(s.axe, "biểu mẫu sự kiện")
	b.clickButton("Xuất bản ngay")
	b.waitText(".notice-success", "Đã xuất bản")
	id := b.recordIDFromURL("/quan-tri/su-kien/")
	var ev struct {
		Slug string `json:"slug"`
		Date string `json:"date"`
	}
	p.api("GET", "/api/collections/events/records/"+id, nil, &ev)
	if !strings.HasPrefix(ev.Date, "2026-07-") {
		t.Errorf("the event's day was saved as %q", ev.Date)
	}
	p.waitFor("the event on the public site", 60*time.Second, func() bool {
		code, body := p.get("/su-kien/" + ev.Slug + "/")
		return code == 200 && strings.Contains(body, "10/07/2026") && strings.Contains(body, "Hội trường UBND xã")
	})
}

// editorCaptionsGallery: a photo of an article's gallery, once saved, gets
// a caption, which is saved with the article.
func (s *backofficeStory) editorCaptionsGallery(t *testing.T) {
	p, b := s.p.with(t), s.editor.with(t)
	const caption = "Người dân làm thủ tục tại bộ phận một cửa"
	b.open("/quan-tri/bai-viet/moi")
	b.waitVisible("#f-title")
	b.typeInto("#f-title", "Hình ảnh tuần lễ cải cách hành chính")
	b.selectValue("#f-category", "tin-hoat-dong")
	b.upload("#f-gallery", s.picture)
	b.waitVisible(`[data-field="gallery"] .thumb-new img`)
	b.clickButton("Lưu bản nháp")
	b.waitVisible("#f-galleryCaptions")
	id := b.recordIDFromURL("/quan-tri/bai-viet/")
	b.typeInto("#f-galleryCaptions", caption)
	b.clickButton("Lưu bản nháp")
	var rec struct {
		Gallery  []string          `json:"gallery"`
		Captions map[string]string `json:"galleryCaptions"`
	}
	p.waitFor("the gallery's caption saved", 30*time.Second, func() bool {
		p.api("GET", "/api/collections/articles/records/"+id, nil, &rec)
		return len(rec.Gallery) == 1 && rec.Captions[rec.Gallery[0]] != ""
	})
	if got := rec.Captions[rec.Gallery[0]]; got != caption {
		t.Errorf("the photo's caption was saved as %q, want %q", got, caption)
	}
}

// editorOpensInitiative: the initiative, still waiting for review, is open
// in the editor's tab while the reviewer publishes it (next step).
func (s *backofficeStory) editorOpensInitiative(t *testing.T) {
	b := s.editor.with(t)
	b.open("/quan-tri/mo-hinh-sang-kien/" + s.initiativeID)
	b.waitVisible("#f-title")
	b.typeInto("#f-authors", "Nguyễn Thị Hoa, Phạm Văn Nam, Lê Thu")
}
