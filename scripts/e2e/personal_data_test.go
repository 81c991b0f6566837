package e2e

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Staff of the personal data story.
const (
	pdReviewerEmail    = "thamdinh@xa.test"
	pdReviewerPassword = "mat-khau-tham-dinh-7"
	pdReviewerName     = "Lý Thị Thẩm"
)

var pdRefCode = regexp.MustCompile(`\bGY-[A-Z0-9]{6}\b`)

// withoutScripts turns JavaScript off in b's tab, as a citizen's old phone
// or a strict browser would.
func withoutScripts(b *browser) {
	b.t.Helper()
	err := chromedp.Do(b.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	if err != nil {
		b.fail("turn JavaScript off", err)
	}
}

// waitAfterPost waits, across the navigation a plain form post makes,
// until the page's <main> says want.
func waitAfterPost(b *browser, want string) {
	b.t.Helper()
	js := fmt.Sprintf(`document.readyState === 'complete' && !!document.querySelector('main') && document.querySelector('main').innerText.includes(%q)`, want)
	deadline := time.Now().Add(30 * time.Second)
	for {
		ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](js))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			b.fail(fmt.Sprintf("wait for %q after the post (the page says %q)", want, b.text("main")), err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestCitizenErasesContacts is a citizen's personal data from end to end,
// in Chromium with JavaScript off: the comment form says who keeps the
// contacts, for what and how long, beside the consent box; a comment sent
// with a name and a phone (consent ticked) gets a receipt whose link opens
// the lookup with its code filled in; the citizen looks it up with the
// phone's last four digits and erases the name and phone from there; a
// second citizen, who left only an email, erases it from the site's own
// /gop-y/tra-cuu/ page. A reviewer then finds no contact: through the API
// and in the back office's queue and page; and erases a third citizen's
// phone on their request, and shortens the retention, which the site's
// forms then state.
func TestCitizenErasesContacts(t *testing.T) {
	p := start(t, false)
	p.createStaff(pdReviewerEmail, pdReviewerPassword, pdReviewerName, "reviewer", "")
	name, phone, message := "Hà Văn Mười", "0936 246 810", "Đề nghị niêm yết số điện thoại đường dây nóng tại cổng trụ sở xã."
	var code, emailCode string

	story(t,
		step{"a citizen sends a comment with a phone", func(t *testing.T) {
			b := newBrowser(t, p, 375)
			withoutScripts(b)
			b.open("/gop-y/")
			b.waitVisible("#gop-y-message")
			notice := b.text("#gop-y-du-lieu-ca-nhan")
			for _, want := range []string{"Ai xử lý", "Ủy ban nhân dân xã", "Để làm gì", "Lưu bao lâu", "12 tháng", "91/2025/QH15"} {
				if !strings.Contains(notice, want) {
					t.Errorf("the notice beside the consent box lacks %q: %s", want, notice)
				}
			}
			b.typeInto("#gop-y-message", message)
			b.typeInto("#gop-y-name", name)
			b.typeInto("#gop-y-phone", phone)
			// Silence is not consent: the form comes back as typed.
			b.click(`//form[@id="gop-y"]//button[@type="submit"]`)
			waitAfterPost(b, "hãy đánh dấu đồng ý")
			if b.value("#f-phone") != phone || b.value("#f-name") != name || b.value("#f-message") != message {
				t.Fatalf("the form sent back lost what was typed: %q %q %q", b.value("#f-name"), b.value("#f-phone"), b.value("#f-message"))
			}
			b.shot("du-lieu-ca-nhan-chua-dong-y")
			b.click(`//input[@id="f-consent"]`)
			b.click(`//main//form//button[@type="submit"]`)
			waitAfterPost(b, "Đã gửi thành công")
			code = pdRefCode.FindString(b.text("main"))
			if code == "" {
				t.Fatalf("no receipt code: %s", b.text("main"))
			}
			b.shot("du-lieu-ca-nhan-bien-nhan")
			var items struct {
				Items []map[string]any `json:"items"`
			}
			p.with(t).api("GET", "/api/collections/feedback/records?filter="+url.QueryEscape("refCode='"+code+"'"), nil, &items)
			if len(items.Items) != 1 || items.Items[0]["phone"] != phone || items.Items[0]["consentVersion"] == "" || items.Items[0]["consentAt"] == "" {
				t.Fatalf("stored: %v", items.Items)
			}
		}},
		step{"the citizen erases the contacts from the receipt's lookup", func(t *testing.T) {
			b := newBrowser(t, p, 375)
			withoutScripts(b)
			b.open("/gop-y/tra-cuu/ket-qua?ma=" + code)
			b.waitVisible("#f-ma")
			if got := b.value("#f-ma"); got != code {
				t.Fatalf("the receipt's link fills in %q, want %s", got, code)
			}
			b.typeInto("#f-so", "6810")
			b.click(`//form//button[normalize-space()="Tra cứu"]`)
			waitAfterPost(b, "Đang lưu: họ tên, số điện thoại")
			if s := b.text("main"); strings.Contains(s, phone) || strings.Contains(s, name) || strings.Contains(s, message) {
				t.Errorf("the lookup shows the citizen's data: %s", s)
			}
			b.typeInto("#x-so", "6810")
			b.click(`//input[@id="x-xac-nhan"]`)
			b.clickButton("Xóa thông tin liên hệ của tôi")
			waitAfterPost(b, "Đã xóa: họ tên, số điện thoại")
			b.shot("du-lieu-ca-nhan-da-xoa")
		}},
		step{"a citizen with an email only erases it from /gop-y/tra-cuu/", func(t *testing.T) {
			pp := p.with(t)
			var rec receipt
			if status := pp.api("POST", "/api/portal/feedback", map[string]any{"kind": "gop-y",
				"message": "Xin hướng dẫn cách nộp hồ sơ đăng ký kết hôn trực tuyến.", "email": "muoi.mot@example.vn", "consent": "on"}, &rec); status != 201 {
				t.Fatalf("submit: %d", status)
			}
			emailCode = rec.RefCode
			b := newBrowser(t, p, 1280)
			withoutScripts(b)
			b.open("/gop-y/tra-cuu/?ma=" + emailCode)
			b.waitVisible("#xoa-ma")
			if b.exists(`//*[contains(@class,"demo-banner")]`) {
				t.Error("a portal without demo data shows the demo banner")
			}
			if !b.exists(`//nav[@class="site-nav"]`) {
				t.Error("/gop-y/tra-cuu/ lacks the site's menu")
			}
			b.typeInto("#xoa-ma", emailCode)
			b.typeInto("#xoa-email", "Muoi.Mot@example.vn")
			b.click(`//input[@id="xoa-xac-nhan"]`)
			b.shot("du-lieu-ca-nhan-trang-tra-cuu")
			b.click(`//form[@id="xoa"]//button[@type="submit"]`)
			waitAfterPost(b, "Đã xóa: địa chỉ thư điện tử")
		}},
		step{"a reviewer sees no contact", func(t *testing.T) {
			pp := p.with(t)
			var staff struct {
				Items []struct {
					ID string `json:"id"`
				} `json:"items"`
			}
			pp.api("GET", "/api/collections/staff/records?filter="+url.QueryEscape("email='"+pdReviewerEmail+"'"), nil, &staff)
			if len(staff.Items) != 1 {
				t.Fatalf("the reviewer's account: %+v", staff)
			}
			var imp struct {
				Token string `json:"token"`
			}
			if status := pp.api("POST", "/api/collections/staff/impersonate/"+staff.Items[0].ID, map[string]any{"duration": 600}, &imp); status != 200 || imp.Token == "" {
				t.Fatalf("a reviewer's token: %d", status)
			}
			reviewer := *pp
			reviewer.token = imp.Token
			var list struct {
				Items []map[string]any `json:"items"`
			}
			reviewer.api("GET", "/api/collections/feedback/records?perPage=200", nil, &list)
			var id string
			for _, r := range list.Items {
				if r["refCode"] == code {
					id, _ = r["id"].(string)
				}
				if r["refCode"] == code || r["refCode"] == emailCode {
					if r["name"] != "" || r["phone"] != "" || r["email"] != "" || r["contactsErasedBy"] != "nguoi-gui" {
						t.Errorf("the reviewer reads %v", r)
					}
				}
			}
			if id == "" {
				t.Fatalf("the reviewer's list has no %s: %v", code, list.Items)
			}

			b := newBrowser(t, p, 1280)
			b.login(pdReviewerEmail, pdReviewerPassword)
			b.open("/quan-tri/y-kien/")
			b.waitText("table.feedback-table", code)
			b.waitText("table.feedback-table", emailCode)
			b.open("/quan-tri/y-kien/" + id)
			b.waitText("main h1", code)
			b.waitText(".contacts-erased", "Người gửi tự xóa")
			page := b.text("main")
			for _, never := range []string{phone, "0936", name, "muoi.mot@"} {
				if strings.Contains(page, never) {
					t.Errorf("the back office shows %q after the erasure", never)
				}
			}
			b.shot("du-lieu-ca-nhan-tham-dinh")

			// A citizen who asks the office: the reviewer erases on request.
			var asked receipt
			if status := pp.api("POST", "/api/portal/feedback", map[string]any{"kind": "gop-y",
				"message": "Góp ý của người gọi điện xin xóa số.", "phone": "0977 000 135", "consent": "on"}, &asked); status != 201 {
				t.Fatalf("submit: %d", status)
			}
			list.Items = nil
			reviewer.api("GET", "/api/collections/feedback/records?filter="+url.QueryEscape("refCode='"+asked.RefCode+"'"), nil, &list)
			if len(list.Items) != 1 {
				t.Fatalf("the reviewer's list: %v", list.Items)
			}
			b.open("/quan-tri/y-kien/" + list.Items[0]["id"].(string))
			b.waitText(".contacts", "0977 000 135")
			b.axe(axeSource(t), "ý kiến có thông tin liên hệ")
			b.clickButton("Xóa thông tin liên hệ")
			b.waitText("main", "Hãy đánh dấu ô xác nhận")
			b.click(`//label[contains(., "tôi đã kiểm tra đúng người gửi")]`)
			b.clickButton("Xóa thông tin liên hệ")
			b.waitText(".contacts-erased", "Cán bộ xóa theo yêu cầu của người gửi")
			if strings.Contains(b.text("main"), "0977") {
				t.Error("the back office shows the phone after the reviewer's erasure")
			}

			// The reviewer shortens the retention; the site's forms say so
			// once the next build is live.
			b.open("/quan-tri/cai-dat/")
			b.waitVisible(`input[name="contactRetentionMonths"]`)
			b.typeInto(`input[name="contactRetentionMonths"]`, "0")
			b.clickButton("Lưu thời hạn")
			b.waitText("main", "Thời hạn phải từ 1 đến 60 tháng.")
			b.typeInto(`input[name="contactRetentionMonths"]`, "6")
			b.clickButton("Lưu thời hạn")
			b.waitText("main", "Đã lưu. Thông tin liên hệ của người dân được giữ 6 tháng")
			b.axe(axeSource(t), "cài đặt")
			b.shot("du-lieu-ca-nhan-cai-dat")
			pp.waitFor("the notice with 6 months on /gop-y/", 2*time.Minute, func() bool {
				_, page := pp.get("/gop-y/")
				return strings.Contains(page, "6 tháng kể từ khi ý kiến được trả lời")
			})
		}},
	)
}
