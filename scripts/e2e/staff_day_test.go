package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/daison/portal/internal/imagecheck/imagetest"
	"github.com/daison/portal/internal/mailpit"
	"github.com/daison/portal/internal/mfalogin"
	"github.com/daison/portal/internal/portaltest"
	"github.com/daison/portal/internal/schema"
)

// Accounts of the staff day (a unit's officer beside the editor and
// reviewer of the back office test).
const (
	dayReporterEmail = "thondonghoa@daison.test"
	dayUnitName      = "Thôn Đông Hòa"
	dayHonoree       = "Hoàng Thị Hạnh"
	dayComment       = "Ảnh thứ hai chưa có chú thích; ghi rõ ngày tổ chức là 12/11/2026."
)

// dayStory is what the steps of TestStaffDay share, in order.
type dayStory struct {
	p        *portal
	mp       *mailpit.Server
	photo    string // a phone's photo: 12 MB, sideways, with GPS
	editor   *browser
	reviewer *browser
	article  string // the editor's article, sent for review
	year     int    // this year, in Vietnam
}

// TestStaffDay walks a day of the commune's staff in Chromium, with a real
// SMTP server (mailpit): the editor, on a phone, puts a phone's photo into
// a new article's text before the first save and sees it in the preview,
// and lists continue on Enter; the reviewer returns the article with a
// comment (required) that the editor reads on it and by mail; the
// reviewer finds “Hoàng Thị …” by typing “hoang thi”, and reminds a late
// unit (“Nhắc”), whose officer gets the mail; that officer sees only their
// own unit and cannot file next year's report, and is told why, as they
// are when they try another unit's.
func TestStaffDay(t *testing.T) {
	mp := mailpit.Start(t)
	pp := portaltest.Start(t, portaltest.Options{Args: []string{
		"--smtp-host", mp.SMTPHost, "--smtp-port", strconv.Itoa(mp.SMTPPort), "--mail-from", "caicach@daison.test",
	}})
	token, err := pp.SignInWith("_superusers", portaltest.SuperuserEmail, portaltest.SuperuserPassword, true,
		mailedCode(mp, portaltest.SuperuserEmail))
	if err != nil {
		t.Fatal(err)
	}
	p := &portal{Portal: pp, t: t, token: token}
	s := &dayStory{p: p, mp: mp, year: time.Now().In(schema.Vietnam).Year()}
	unit := p.createRecord("units", map[string]any{"name": dayUnitName, "kind": "thon-to-dan-pho", "status": "published"})
	p.createRecord("units", map[string]any{"name": "Trạm Y tế xã", "kind": "truong-tram", "status": "published"})
	p.createRecord("honorees", map[string]any{"name": dayHonoree, "kind": "ca-nhan", "status": "draft", "position": "Công chức một cửa"})
	p.createRecord("honorees", map[string]any{"name": "Hoàng Văn Nam", "kind": "ca-nhan", "status": "draft"})
	p.createStaff(editorEmail, editorPassword, editorName, "editor", "")
	p.createStaff(reviewerEmail, reviewerPassword, reviewerName, "reviewer", "")
	p.createStaff(dayReporterEmail, reporterPassword, "Nguyễn Văn Đầu Mối", "unitReporter", unit.Slug)
	s.photo = filepath.Join(t.TempDir(), "IMG_20261208_081500.jpg")
	if err := os.WriteFile(s.photo, imagetest.PhoneJPEG(), 0o644); err != nil {
		t.Fatal(err)
	}
	// The editor on a phone, the reviewer at a desk, each in their tab.
	s.editor, s.reviewer = newBrowser(t, p, 390), newBrowser(t, p, 1366)
	story(t,
		step{"the editor puts a phone photo into a new article before saving", s.photoBeforeSave},
		step{"the reviewer returns the article with a comment", s.reviewerReturns},
		step{"the editor reads the comment", s.editorReadsComment},
		step{"the reviewer finds a person without diacritics", s.findWithoutDiacritics},
		step{"the reviewer reminds a late unit", s.remind},
		step{"the unit's officer files for their own unit and this year only", s.officerLimits},
	)
}

// mailedCode returns a reader of the next sign-in code mailed to email
// from now on, as delivered to mp.
func mailedCode(mp *mailpit.Server, email string) func() (string, error) {
	since := time.Now().Add(-time.Second)
	return func() (string, error) {
		m, err := mp.WaitFor(email, 30*time.Second, func(m mailpit.Message) bool {
			return m.Created.After(since) && strings.HasPrefix(m.Subject, "Mã đăng nhập")
		})
		if err != nil {
			return "", err
		}
		code, ok := mfalogin.LastCode(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(m.HTML, "") + "\n" + m.Text)
		if !ok {
			return "", fmt.Errorf("no code in the mail %q", m.Subject)
		}
		return code, nil
	}
}

// typeLines types text at the end of the field css as a phone's keyboard
// would: each line's words committed at once (as a Vietnamese input
// method does), and Enter as a key whose default the page may prevent.
func typeLines(b *browser, css, text string) {
	b.t.Helper()
	b.eval(fmt.Sprintf(`(() => { const a = document.querySelector(%q); a.focus(); a.setSelectionRange(a.value.length, a.value.length); return ''; })()`, css))
	for i, line := range strings.Split(text, "\n") {
		var steps []chromedp.Action[chromedp.Void]
		if i > 0 {
			enter := input.DispatchKeyEventParams{Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13}
			down, up := enter, enter
			down.Type, down.Text, up.Type = input.DispatchKeyEventTypeKeyDown, "\r", input.DispatchKeyEventTypeKeyUp
			steps = append(steps, call(input.DispatchKeyEvent, down), call(input.DispatchKeyEvent, up))
		}
		if line != "" {
			steps = append(steps, call(input.InsertText, input.InsertTextParams{Text: line}))
		}
		b.step("type a line into "+css, steps...)
	}
}

// call is the action that sends one command of the protocol to the tab.
func call[P any](cmd cdp.Command[P, cdp.Empty], params P) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cmd, params)
		return err
	})
}

// signIn signs b in through the login page, the second step's code read
// from the mail.
func (s *dayStory) signIn(b *browser, email, password string) {
	b.t.Helper()
	b.open("/quan-tri/dang-nhap")
	b.waitVisible("#email")
	b.typeInto("#email", email)
	b.typeInto("#password", password)
	code := mailedCode(s.mp, email)
	b.click(`//form//button[@type="submit"]`)
	b.poll("the dashboard or the code step", `!!document.querySelector('.cards, #ma-xac-thuc')`)
	if b.exists(`//input[@id="ma-xac-thuc"]`) {
		c, err := code()
		if err != nil {
			b.fail("the mailed sign-in code", err)
		}
		b.typeInto("#ma-xac-thuc", c)
		b.click(`//form//button[@type="submit"]`)
	}
	b.waitVisible(".cards")
}

func (s *dayStory) photoBeforeSave(t *testing.T) {
	b := s.editor.with(t)
	s.signIn(b, editorEmail, editorPassword)
	b.open("/quan-tri/bai-viet/moi")
	b.waitVisible("#f-title")
	b.typeInto("#f-title", "Tổ công nghệ số cộng đồng ở thôn Đông Hòa")
	b.selectValue("#f-category", "tin-hoat-dong")
	// A list continues on Enter, and an empty item ends it.
	typeLines(b, "#f-body", "Tổ đã hướng dẫn người dân:\n- Cài VNeID\nNộp hồ sơ trực tuyến\n\nCảm ơn bà con.")
	want := "Tổ đã hướng dẫn người dân:\n- Cài VNeID\n- Nộp hồ sơ trực tuyến\n\nCảm ơn bà con."
	if got := b.value("#f-body"); got != want {
		t.Fatalf("the text after Enter in a list:\n%q\nwant\n%q", got, want)
	}
	typeLines(b, "#f-body", "\n1. Bước một\nBước hai")
	if got := b.value("#f-body"); !strings.HasSuffix(got, "\n1. Bước một\n2. Bước hai") {
		t.Errorf("a numbered list after Enter: %q", got)
	}
	// The phone's photo, picked and put into the text before any save.
	b.upload("#f-bodyImages", s.photo)
	b.waitVisible(".thumb-new img")
	b.click(`//li[contains(@class,"thumb-new")]//button[normalize-space()="Chèn vào nội dung"]`)
	if !regexp.MustCompile(`!\[Mô tả ảnh\]\(anh-moi-[a-z0-9]+\.jpg\)`).MatchString(b.value("#f-body")) {
		t.Fatalf("no image line in the text: %q", b.value("#f-body"))
	}
	b.poll("the photo in the preview", `(() => { const i = document.querySelector('#f-body-preview img'); return !!i && i.src.startsWith('blob:') && i.complete && i.naturalWidth > 0; })()`)
	b.eval(`(() => { document.querySelector('#f-body-preview').scrollIntoView(); return ''; })()`)
	b.shot("anh-trong-noi-dung-truoc-khi-luu")
	b.eval(`(() => { window.sawProgress = false; new MutationObserver(() => { if (document.querySelector('.save-progress progress')) window.sawProgress = true; }).observe(document.body, { subtree: true, childList: true }); return ''; })()`)
	b.clickButton("Gửi duyệt")
	b.waitText(".notice-success", "Đã gửi duyệt")
	if b.eval(`String(window.sawProgress)`) != "true" {
		t.Error("no progress bar while the first save sent the photo")
	}
	s.article = b.recordIDFromURL("/quan-tri/bai-viet/")
	var rec struct {
		Body       string   `json:"body"`
		BodyImages []string `json:"bodyImages"`
	}
	s.p.with(t).api("GET", "/api/collections/articles/records/"+s.article, nil, &rec)
	if len(rec.BodyImages) != 1 || !strings.Contains(rec.Body, "![Mô tả ảnh]("+rec.BodyImages[0]+")") {
		t.Fatalf("saved: photos %q, text %q", rec.BodyImages, rec.Body)
	}
	// Saved, the preview shows the stored photo.
	b.poll("the stored photo in the preview", `(() => { const i = document.querySelector('#f-body-preview img'); return !!i && i.src.includes('/api/files/') && i.complete && i.naturalWidth > 0; })()`)
}

func (s *dayStory) reviewerReturns(t *testing.T) {
	b := s.reviewer.with(t)
	s.signIn(b, reviewerEmail, reviewerPassword)
	b.open("/quan-tri/bai-viet/" + s.article)
	b.click(`//summary[normalize-space()="Trả lại cho người viết"]`)
	if b.exists(`//button[normalize-space()="Chuyển về bản nháp"]`) {
		t.Error("someone else's text in review offers a return to draft without a comment")
	}
	b.waitVisible(".return-box textarea")
	b.clickButton("Trả lại")
	b.waitText(".return-box .field-error", "Hãy ghi rõ cần sửa gì")
	b.typeInto(".return-box textarea", dayComment)
	b.shot("tra-lai-kem-y-kien")
	b.clickButton("Trả lại")
	b.waitText(".notice-success", "Đã trả lại")
	b.waitText(".notice-success", editorName)
}

func (s *dayStory) editorReadsComment(t *testing.T) {
	b := s.editor.with(t)
	b.open("/quan-tri/bai-viet/" + s.article)
	b.waitText(".returned-notice", dayComment)
	b.waitText(".returned-notice", reviewerName)
	b.shot("bai-bi-tra-lai")
	m, err := s.mp.WaitFor(editorEmail, 30*time.Second, func(m mailpit.Message) bool { return strings.Contains(m.Subject, "được trả lại") })
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.Text, dayComment) || !strings.Contains(m.Text, "/quan-tri/bai-viet/"+s.article) {
		t.Errorf("the editor's mail reads:\n%s", m.Text)
	}

	// The article saved, a photo goes up as soon as it is picked, its
	// progress shown, and is the article's before any save.
	b.eval(`(() => { window.sawProgress = false; new MutationObserver(() => { if (document.querySelector('.thumb-uploading progress')) window.sawProgress = true; }).observe(document.body, { subtree: true, childList: true }); return ''; })()`)
	b.upload("#f-bodyImages", s.photo)
	b.poll("the photo uploaded", `document.querySelectorAll('.thumb:not(.thumb-new) img').length === 2`)
	if b.eval(`String(window.sawProgress)`) != "true" {
		t.Error("no progress bar while the photo went up")
	}
	var rec struct {
		BodyImages []string `json:"bodyImages"`
	}
	s.p.with(t).api("GET", "/api/collections/articles/records/"+s.article, nil, &rec)
	if len(rec.BodyImages) != 2 {
		t.Fatalf("photos of the text before saving: %q", rec.BodyImages)
	}
	b.click(`(//li[contains(@class,"thumb")][not(contains(@class,"thumb-new"))]//button[normalize-space()="Chèn vào nội dung"])[2]`)
	if !strings.Contains(b.value("#f-body"), "![Mô tả ảnh]("+rec.BodyImages[1]+")") {
		t.Fatalf("the second photo is not in the text: %q", b.value("#f-body"))
	}
	b.poll("both photos in the preview", `[...document.querySelectorAll('#f-body-preview img')].filter((i) => i.src.includes('/api/files/') && i.complete && i.naturalWidth > 0).length === 2`)
	b.clickButton("Gửi duyệt")
	b.waitText(".notice-success", "Đã gửi duyệt")
}

func (s *dayStory) findWithoutDiacritics(t *testing.T) {
	b := s.reviewer.with(t)
	b.open("/quan-tri/khen-thuong/moi")
	b.waitVisible("#f-honoree")
	b.typeInto("#f-honoree", "hoang thi")
	b.waitText("#f-honoree-results", dayHonoree)
	if got := b.text("#f-honoree-results"); strings.Contains(got, "Hoàng Văn Nam") {
		t.Errorf("“hoang thi” finds %q", got)
	}
	b.shot("tim-khong-dau")
}

func (s *dayStory) remind(t *testing.T) {
	b := s.reviewer.with(t)
	b.open(fmt.Sprintf("/quan-tri/bao-cao-nam/?nam=%d", s.year))
	b.click(fmt.Sprintf(`//button[@aria-label=%q]`, fmt.Sprintf("Nhắc %s nộp báo cáo năm %d", dayUnitName, s.year)))
	b.waitText(".remind-status", "Đã nhắc")
	b.shot("nhac-don-vi")
	m, err := s.mp.WaitFor(dayReporterEmail, 30*time.Second, func(m mailpit.Message) bool { return strings.Contains(m.Subject, "nhắc nộp báo cáo") })
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.Text, fmt.Sprintf("năm %d", s.year)) {
		t.Errorf("the reminder reads:\n%s", m.Text)
	}
	// Once a day: the page says when, with no button.
	b.open(fmt.Sprintf("/quan-tri/bao-cao-nam/?nam=%d", s.year))
	b.waitText(".remind-status", "Đã nhắc hôm nay lúc")
}

func (s *dayStory) officerLimits(t *testing.T) {
	b := newBrowser(t, s.p, 390)
	s.signIn(b, dayReporterEmail, reporterPassword)
	next := s.year + 1
	b.open(fmt.Sprintf("/quan-tri/bao-cao-nam/moi?nam=%d", next))
	b.waitVisible("#f-unit")
	b.poll("the unit select", `document.querySelector('#f-unit').textContent === `+jsString(dayUnitName))
	b.typeInto("#f-summary", "Thôn đã hoàn thành các chỉ tiêu cải cách hành chính.")
	b.clickButton("Lưu bản nháp")
	b.waitText(".summary-slot", fmt.Sprintf("Năm %d chưa bắt đầu", next))
	b.shot("bao-cao-nam-sau")
	// Another unit's report, sent as the page would: refused, and why.
	other := b.evalAwait(fmt.Sprintf(`(async () => {
		const a = JSON.parse(localStorage.getItem('daison.quantri.auth'));
		const units = await (await fetch('/api/collections/units/records?perPage=50', { headers: { Authorization: a.token } })).json();
		const u = units.items.find((x) => x.name !== %s);
		const res = await fetch('/api/collections/unitReports/records', { method: 'POST', headers: { Authorization: a.token, 'Content-Type': 'application/json' },
			body: JSON.stringify({ unit: u.id, year: %d, summary: 'Báo cáo.', state: 'draft' }) });
		return res.status + ' ' + await res.text();
	})()`, jsString(dayUnitName), s.year))
	if !strings.HasPrefix(other, "400") && !strings.HasPrefix(other, "403") || !strings.Contains(other, "đơn vị mình") {
		t.Errorf("another unit's report: %s", other)
	}
}
