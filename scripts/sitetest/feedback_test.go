package sitetest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/daison/portal/internal/browsertest"
)

var refCode = regexp.MustCompile(`\b(GY|SK|HI|DG)-[A-Z0-9]{6}\b`)

// feedbackByRef returns the stored submission with a reference code.
func feedbackByRef(t testing.TB, code string) map[string]any {
	t.Helper()
	items := adminRecords(t, "feedback", fmt.Sprintf("refCode = '%s'", code))
	if len(items) != 1 {
		t.Fatalf("%d submissions stored with the code %s, want 1", len(items), code)
	}
	return items[0]
}

// feedbackCount counts the stored submissions whose message is msg.
func feedbackCount(t testing.TB, msg string) int {
	t.Helper()
	b, _ := json.Marshal(msg)
	return len(adminRecords(t, "feedback", "message = "+string(b)))
}

// firstRecordPath returns the site path of the first record page of a
// section in the output ("/huong-dan/x/").
func firstRecordPath(t testing.TB, section string) string {
	t.Helper()
	for _, d := range subdirs(t, section) {
		if !reserved[d] {
			return "/" + section + "/" + d + "/"
		}
	}
	t.Fatalf("no page under /%s/", section)
	return ""
}

func open(t testing.TB, ctx context.Context, path string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(siteURL+path), chromedp.WaitReady("main")); err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
}

// TestFeedbackWithoutJavaScript sends every citizens' form from Chromium
// with JavaScript off, as plain form posts: a comment with a contact and
// consent lands on the portal's receipt page with its reference code, and
// is stored once with what was typed; a proposal with mistakes comes back
// with the Vietnamese message beside each field and the text as typed;
// "was this page useful?" on a guide and the satisfaction rating are
// received too. The page's script never ran (no idempotency key).
func TestFeedbackWithoutJavaScript(t *testing.T) {
	need(t)
	t.Run("góp ý", func(t *testing.T) {
		ctx := browser(t, 375, testIP(), false)
		open(t, ctx, "/gop-y/")
		if k := eval[string](t, ctx, `document.querySelector('#gop-y [name=idempotencyKey]').value`); k != "" {
			t.Fatalf("the script ran with JavaScript off (key %q)", k)
		}
		msg := "Quầy chứng thực buổi sáng thứ Hai đông người, nên bố trí thêm một cán bộ tiếp nhận."
		typeInto(t, ctx, "#gop-y-topic", "Chứng thực bản sao")
		typeInto(t, ctx, "#gop-y-message", msg)
		typeInto(t, ctx, "#gop-y-name", "Nguyễn Thị Hoa")
		typeInto(t, ctx, "#gop-y-phone", "0912 345 678")
		click(t, ctx, "#gop-y-consent")
		click(t, ctx, "#gop-y .fb-button")
		waitPage(t, ctx, "the receipt page", `location.pathname === '/gop-y/da-nhan/' && document.readyState === 'complete'`)
		text := mainText(t, ctx)
		browsertest.Screenshot(t, ctx, "sitetest-gop-y-khong-js-bien-nhan")
		code := refCode.FindString(text)
		if !strings.Contains(text, "Đã gửi thành công") || !strings.HasPrefix(code, "GY-") {
			t.Fatalf("the receipt page says %q", text)
		}
		r := feedbackByRef(t, code)
		if r["message"] != msg || r["topic"] != "Chứng thực bản sao" || r["phone"] != "0912 345 678" || r["consent"] != true || r["kind"] != "gop-y" {
			t.Errorf("stored %v", r)
		}
		if back := eval[string](t, ctx, `[...document.querySelectorAll('a')].find(a => a.textContent.includes('Quay lại')).pathname`); back != "/gop-y/" {
			t.Errorf("the receipt leads back to %q", back)
		}
	})

	t.Run("sai rồi sửa", func(t *testing.T) {
		ctx := browser(t, 375, testIP(), false)
		open(t, ctx, "/gop-y/")
		typeInto(t, ctx, "#sang-kien-message", "Hẹn giờ")
		click(t, ctx, "#sang-kien .fb-button")
		waitPage(t, ctx, "the form again", `location.pathname === '/gop-y/gui' && document.readyState === 'complete'`)
		browsertest.Screenshot(t, ctx, "sitetest-sang-kien-khong-js-loi")
		type field struct{ Error, Value string }
		got := eval[map[string]field](t, ctx, `(() => {
  const f = id => { const e = document.getElementById(id); const w = e && e.closest('.field');
    return {Error: w ? (w.querySelector('.error-msg') || {}).textContent || '' : '', Value: e ? e.value : ''}; };
  return {topic: f('f-topic'), message: f('f-message')};
})()`)
		if !strings.Contains(got["topic"].Error, "Hãy ghi tên sáng kiến") {
			t.Errorf("beside the title: %q", got["topic"].Error)
		}
		if !strings.Contains(got["message"].Error, "ít nhất 10 ký tự") || got["message"].Value != "Hẹn giờ" {
			t.Errorf("beside the description: %q, kept %q", got["message"].Error, got["message"].Value)
		}
		if s := mainText(t, ctx); !strings.Contains(s, "Thông tin chưa hợp lệ") {
			t.Errorf("no error summary: %q", s)
		}
		// Corrected on the page the portal sent back, and sent again.
		typeInto(t, ctx, "#f-topic", "Hẹn giờ nộp hồ sơ qua Zalo")
		typeInto(t, ctx, "#f-message", " qua Zalo của Trung tâm, đến đúng giờ là được tiếp nhận, không phải chờ.")
		click(t, ctx, "main form button[type=submit]")
		waitPage(t, ctx, "the receipt page", `location.pathname === '/gop-y/da-nhan/' && document.readyState === 'complete'`)
		code := refCode.FindString(mainText(t, ctx))
		if !strings.HasPrefix(code, "SK-") {
			t.Fatalf("no SK- code on the receipt: %q", mainText(t, ctx))
		}
		if r := feedbackByRef(t, code); r["topic"] != "Hẹn giờ nộp hồ sơ qua Zalo" || !strings.HasPrefix(r["message"].(string), "Hẹn giờ qua Zalo") {
			t.Errorf("stored %v", r)
		}
	})

	t.Run("hữu ích", func(t *testing.T) {
		guide := firstRecordPath(t, "huong-dan")
		ctx := browser(t, 375, testIP(), false)
		open(t, ctx, guide)
		click(t, ctx, "label[for=huu-ich-helpful-khong]")
		typeInto(t, ctx, "#huu-ich-message", "Thiếu lệ phí khi làm trực tuyến.")
		click(t, ctx, "#huu-ich .fb-button")
		waitPage(t, ctx, "the receipt page", `location.pathname === '/gop-y/da-nhan/' && document.readyState === 'complete'`)
		if s := mainText(t, ctx); !strings.Contains(s, "Đã gửi thành công") {
			t.Errorf("the receipt page says %q", s)
		}
		if back := eval[string](t, ctx, `[...document.querySelectorAll('a')].find(a => a.textContent.includes('Quay lại')).pathname`); back != guide {
			t.Errorf("the receipt leads back to %q, want %s", back, guide)
		}
		found := false
		for _, r := range adminRecords(t, "feedback", fmt.Sprintf("kind = 'huu-ich' && page = '%s'", guide)) {
			found = found || (r["helpful"] == "khong" && r["message"] == "Thiếu lệ phí khi làm trực tuyến.")
		}
		if !found {
			t.Errorf("no “Không” stored for %s", guide)
		}
	})

	t.Run("đánh giá", func(t *testing.T) {
		ctx := browser(t, 375, testIP(), false)
		open(t, ctx, "/gop-y/danh-gia/?dich-vu=Ch%E1%BB%A9ng%20th%E1%BB%B1c")
		if v := eval[string](t, ctx, `document.getElementById('danh-gia-service').value`); v != "" {
			t.Errorf("without JavaScript the service is filled: %q", v)
		}
		click(t, ctx, "label[for=danh-gia-rating-4]")
		click(t, ctx, "label[for=danh-gia-channel]")
		typeInto(t, ctx, "#danh-gia-service", "Đăng ký kết hôn")
		click(t, ctx, "#danh-gia .fb-button")
		waitPage(t, ctx, "the receipt page", `location.pathname === '/gop-y/da-nhan/' && document.readyState === 'complete'`)
		code := refCode.FindString(mainText(t, ctx))
		if !strings.HasPrefix(code, "DG-") {
			t.Fatalf("no DG- code: %q", mainText(t, ctx))
		}
		if r := feedbackByRef(t, code); r["rating"] != float64(4) || r["channel"] != "quay-mot-cua" || r["service"] != "Đăng ký kết hôn" {
			t.Errorf("stored %v", r)
		}
	})
}

// TestFeedbackWithJavaScript sends the forms from Chromium with JavaScript:
// the script posts JSON and shows the receipt with its code in the page
// (role=status, focused); a proposal with mistakes shows each Vietnamese
// message beside its field (aria-invalid, aria-describedby) and a summary
// linking to them, keeps what was typed and the idempotency key, and once
// corrected is stored once; "was this page useful?" works on an article
// and a guide; the satisfaction form takes the service from ?dich-vu=; a
// 429 and a lost connection keep the form, and the retry with the same key
// is stored once.
func TestFeedbackWithJavaScript(t *testing.T) {
	need(t)
	receipt := func(t *testing.T, ctx context.Context, form string) string {
		t.Helper()
		waitFor(t, ctx, "the receipt", fmt.Sprintf(`document.getElementById('%s-bien-nhan').textContent.includes('Đã gửi thành công')`, form))
		type state struct {
			Text, Role, Focus string
			FormHidden        bool
		}
		s := eval[state](t, ctx, fmt.Sprintf(`(() => { const r = document.getElementById('%[1]s-bien-nhan');
  return {Text: r.textContent, Role: r.getAttribute('role'), Focus: document.activeElement.id, FormHidden: document.getElementById('%[1]s').hidden}; })()`, form))
		if s.Role != "status" || s.Focus != form+"-bien-nhan" || !s.FormHidden {
			t.Errorf("receipt role %q, focus on %q, form hidden %v", s.Role, s.Focus, s.FormHidden)
		}
		return s.Text
	}

	t.Run("góp ý", func(t *testing.T) {
		ctx := browser(t, 1280, testIP(), true)
		open(t, ctx, "/gop-y/")
		waitFor(t, ctx, "the script", `document.querySelector('#gop-y [name=idempotencyKey]').value.length === 36`)
		msg := "Nên có hướng dẫn bằng hình ảnh cho người cao tuổi khi nộp hồ sơ trên VNeID."
		typeInto(t, ctx, "#gop-y-message", msg)
		typeInto(t, ctx, "#gop-y-email", "hoa.nguyen@example.com")
		click(t, ctx, "label[for=gop-y-consent]")
		click(t, ctx, "#gop-y .fb-button")
		text := receipt(t, ctx, "gop-y")
		browsertest.Screenshot(t, ctx, "sitetest-gop-y-js-bien-nhan")
		code := refCode.FindString(text)
		if !strings.HasPrefix(code, "GY-") {
			t.Fatalf("the receipt %q has no GY- code", text)
		}
		if r := feedbackByRef(t, code); r["message"] != msg || r["email"] != "hoa.nguyen@example.com" {
			t.Errorf("stored %v", r)
		}
		if href := eval[string](t, ctx, `(document.querySelector('#gop-y-bien-nhan .fb-receipt-lookup a') || {}).pathname + (document.querySelector('#gop-y-bien-nhan .fb-receipt-lookup a') || {}).search`); href != "/gop-y/tra-cuu/?ma="+code {
			t.Errorf("the receipt links to %q, want the lookup with its code", href)
		}
	})

	t.Run("sai rồi sửa", func(t *testing.T) {
		ctx := browser(t, 375, testIP(), true)
		open(t, ctx, "/gop-y/")
		waitFor(t, ctx, "the script", `document.querySelector('#sang-kien [name=idempotencyKey]').value.length === 36`)
		key := eval[string](t, ctx, `document.querySelector('#sang-kien [name=idempotencyKey]').value`)
		typeInto(t, ctx, "#sang-kien-message", "Tra cứu")
		typeInto(t, ctx, "#sang-kien-phone", "12")
		click(t, ctx, "#sang-kien .fb-button")
		waitFor(t, ctx, "the error summary", `!!document.querySelector('#sang-kien .error-summary')`)
		type field struct {
			Invalid, Described, Error, Value string
			Beside                           bool
		}
		got := eval[map[string]field](t, ctx, `(() => {
  const out = {};
  for (const n of ['topic', 'message', 'phone', 'consent']) {
    const e = document.getElementById('sang-kien-' + n), m = document.getElementById('sang-kien-' + n + '-loi');
    out[n] = {Invalid: e.getAttribute('aria-invalid') || '', Described: e.getAttribute('aria-describedby') || '',
      Error: m ? m.textContent : '', Value: e.value, Beside: !!m && m.closest('[data-field]') === e.closest('[data-field]')};
  }
  return out;
})()`)
		want := map[string]string{"topic": "Hãy ghi tên sáng kiến", "message": "ít nhất 10 ký tự", "phone": "Số điện thoại không hợp lệ", "consent": "đánh dấu đồng ý"}
		for n, w := range want {
			f := got[n]
			if f.Invalid != "true" || !strings.Contains(f.Described, "sang-kien-"+n+"-loi") || !strings.Contains(f.Error, w) || !f.Beside {
				t.Errorf("%s: %+v, want the message %q beside it", n, f, w)
			}
		}
		if got["message"].Value != "Tra cứu" || got["phone"].Value != "12" {
			t.Errorf("what was typed is not kept: %+v", got)
		}
		summary := eval[[]string](t, ctx, `[...document.querySelectorAll('#sang-kien .error-summary a')].map(a => a.getAttribute('href'))`)
		if len(summary) != 4 || summary[0] != "#sang-kien-topic" {
			t.Errorf("error summary links %q", summary)
		}
		if f := eval[string](t, ctx, `document.activeElement.className`); f != "error-summary" {
			t.Errorf("focus is on %q, want the error summary", f)
		}
		browsertest.Screenshot(t, ctx, "sitetest-sang-kien-js-loi")
		// The summary's link takes focus to its field.
		click(t, ctx, "#sang-kien .error-summary a")
		if f := eval[string](t, ctx, `document.activeElement.id`); f != "sang-kien-topic" {
			t.Errorf("the summary's first link focuses %q", f)
		}
		typeInto(t, ctx, "#sang-kien-topic", "Tra cứu hồ sơ bằng mã QR trên phiếu hẹn")
		typeInto(t, ctx, "#sang-kien-message", " tình trạng hồ sơ bằng mã QR in trên phiếu hẹn, không phải gọi điện hỏi.")
		eval[bool](t, ctx, `(document.getElementById('sang-kien-phone').value = '', true)`)
		if k := eval[string](t, ctx, `document.querySelector('#sang-kien [name=idempotencyKey]').value`); k != key {
			t.Errorf("the idempotency key changed after a refusal: %q → %q", key, k)
		}
		click(t, ctx, "#sang-kien .fb-button")
		code := refCode.FindString(receipt(t, ctx, "sang-kien"))
		if !strings.HasPrefix(code, "SK-") {
			t.Fatal("no SK- code")
		}
		if n := eval[int](t, ctx, `document.querySelectorAll('#sang-kien .field-error, #sang-kien [aria-invalid]').length`); n != 0 {
			t.Errorf("%d error marks left after the correction", n)
		}
		browsertest.Screenshot(t, ctx, "sitetest-sang-kien-js-bien-nhan")
		r := feedbackByRef(t, code)
		if r["topic"] != "Tra cứu hồ sơ bằng mã QR trên phiếu hẹn" || r["phone"] != "" {
			t.Errorf("stored %v", r)
		}
		// Another proposal from the same page gets a fresh key.
		click(t, ctx, "#sang-kien-bien-nhan button")
		if k := eval[string](t, ctx, `document.querySelector('#sang-kien [name=idempotencyKey]').value`); k == key || len(k) != 36 {
			t.Errorf("the next proposal's key %q", k)
		}
	})

	for _, section := range []string{"tin-tuc", "huong-dan"} {
		t.Run("hữu ích "+section, func(t *testing.T) {
			path := firstRecordPath(t, section)
			ctx := browser(t, 375, testIP(), true)
			open(t, ctx, path)
			waitFor(t, ctx, "the script", `document.querySelector('#huu-ich [name=idempotencyKey]').value.length === 36`)
			// Nothing chosen: the message beside the question.
			click(t, ctx, "#huu-ich .fb-button")
			waitFor(t, ctx, "the error", `!!document.getElementById('huu-ich-helpful-loi')`)
			if e := eval[string](t, ctx, `document.getElementById('huu-ich-helpful-loi').textContent`); !strings.Contains(e, "Hãy chọn") {
				t.Errorf("beside the question: %q", e)
			}
			click(t, ctx, "label[for=huu-ich-helpful]")
			click(t, ctx, "#huu-ich .fb-button")
			text := receipt(t, ctx, "huu-ich")
			if !strings.Contains(text, "Cảm ơn bạn đã cho biết ý kiến về trang này") {
				t.Errorf("the receipt says %q", text)
			}
			if err := chromedp.Do(ctx, chromedp.ScrollIntoView("#huu-ich-bien-nhan")); err == nil {
				browsertest.Screenshot(t, ctx, "sitetest-huu-ich-"+section)
			}
			yes := 0
			for _, r := range adminRecords(t, "feedback", fmt.Sprintf("kind = 'huu-ich' && page = '%s'", path)) {
				if r["helpful"] == "co" {
					yes++
				}
			}
			if yes != 1 {
				t.Errorf("%d “Có” stored for %s, want 1", yes, path)
			}
		})
	}

	t.Run("đánh giá", func(t *testing.T) {
		ctx := browser(t, 375, testIP(), true)
		open(t, ctx, "/gop-y/danh-gia/?dich-vu=Ch%E1%BB%A9ng%20th%E1%BB%B1c%20b%E1%BA%A3n%20sao")
		waitFor(t, ctx, "the service from the address", `document.getElementById('danh-gia-service').value === 'Chứng thực bản sao'`)
		click(t, ctx, "label[for=danh-gia-rating]")
		click(t, ctx, "label[for=danh-gia-channel-truc-tuyen]")
		click(t, ctx, "#danh-gia .fb-button")
		code := refCode.FindString(receipt(t, ctx, "danh-gia"))
		if !strings.HasPrefix(code, "DG-") {
			t.Fatal("no DG- code")
		}
		browsertest.Screenshot(t, ctx, "sitetest-danh-gia-js-bien-nhan")
		if r := feedbackByRef(t, code); r["rating"] != float64(5) || r["service"] != "Chứng thực bản sao" || r["channel"] != "truc-tuyen" {
			t.Errorf("stored %v", r)
		}
	})

	t.Run("429 rồi gửi lại", func(t *testing.T) {
		ip := testIP()
		// Five posts a minute from one address; the sixth is refused.
		for i := 0; i < 5; i++ {
			code, body := apiCall(t, "", http.MethodPost, "/api/portal/feedback", ip,
				map[string]string{"kind": "gop-y", "message": fmt.Sprintf("Góp ý thử số %d để chạm giới hạn gửi.", i+1)})
			if code != 201 {
				t.Fatalf("post %d: %d %s", i+1, code, body)
			}
		}
		ctx := browser(t, 375, ip, true)
		open(t, ctx, "/gop-y/")
		waitFor(t, ctx, "the script", `document.querySelector('#gop-y [name=idempotencyKey]').value.length === 36`)
		key := eval[string](t, ctx, `document.querySelector('#gop-y [name=idempotencyKey]').value`)
		msg := "Bãi gửi xe của Trung tâm Phục vụ hành chính công chật vào buổi sáng."
		typeInto(t, ctx, "#gop-y-message", msg)
		click(t, ctx, "#gop-y .fb-button")
		waitFor(t, ctx, "the refusal", `!!document.querySelector('#gop-y .error-summary')`)
		text := eval[string](t, ctx, `document.querySelector('#gop-y .error-summary').textContent`)
		browsertest.Screenshot(t, ctx, "sitetest-gop-y-js-429")
		if !strings.Contains(text, "Chưa gửi được") || !strings.Contains(text, "quá nhiều") || !strings.Contains(text, "vẫn còn nguyên") {
			t.Errorf("after a 429 the page says %q", text)
		}
		if v := eval[string](t, ctx, `document.getElementById('gop-y-message').value`); v != msg {
			t.Errorf("the text is not kept: %q", v)
		}
		// A minute later (here: another address), the same form again.
		setIP(t, ctx, testIP())
		click(t, ctx, "#gop-y .fb-button")
		receipt(t, ctx, "gop-y")
		if k := eval[string](t, ctx, `document.querySelector('#gop-y [name=idempotencyKey]').value`); k != key {
			t.Errorf("the retry changed the key")
		}
		if n := feedbackCount(t, msg); n != 1 {
			t.Errorf("%d copies stored, want 1", n)
		}
	})

	t.Run("mất kết nối rồi gửi lại", func(t *testing.T) {
		// The portal stores the submission but its answer never reaches the
		// phone (the connection drops): the page says so and keeps the
		// form; sent again with the same key, it is the same submission.
		ctx := browser(t, 375, testIP(), true)
		open(t, ctx, "/gop-y/")
		waitFor(t, ctx, "the script", `document.querySelector('#gop-y [name=idempotencyKey]').value.length === 36`)
		msg := "Đường vào nhà văn hóa thôn Tân Lập chưa có biển chỉ dẫn tới điểm hỗ trợ dịch vụ công."
		typeInto(t, ctx, "#gop-y-message", msg)
		lctx, stop := context.WithCancel(ctx)
		defer stop()
		dropped := make(chan struct{})
		go func() {
			for ev, err := range chromedp.Events(lctx, fetch.RequestPaused) {
				if err != nil {
					return
				}
				chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonConnectionReset})
				close(dropped)
				return
			}
		}()
		if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*/api/portal/feedback", RequestStage: fetch.RequestStageResponse}}}); err != nil {
			t.Fatal(err)
		}
		click(t, ctx, "#gop-y .fb-button")
		waitFor(t, ctx, "the network failure", `!!document.querySelector('#gop-y .error-summary')`)
		<-dropped
		if s := eval[string](t, ctx, `document.querySelector('#gop-y .error-summary').textContent`); !strings.Contains(s, "Không kết nối được") || !strings.Contains(s, "vẫn còn nguyên") {
			t.Errorf("after the dropped answer the page says %q", s)
		}
		browsertest.Screenshot(t, ctx, "sitetest-gop-y-js-mat-ket-noi")
		if _, err := chromedp.Call(ctx, fetch.Disable, cdp.Empty{}); err != nil {
			t.Fatal(err)
		}
		click(t, ctx, "#gop-y .fb-button")
		text := receipt(t, ctx, "gop-y")
		if !strings.Contains(text, "đã được nhận trước đó") {
			t.Errorf("the retry's receipt %q does not say it was already received", text)
		}
		if n := feedbackCount(t, msg); n != 1 {
			t.Errorf("%d copies stored, want 1", n)
		}
	})
}

// TestFeedbackIsPrivate asks the API, as an anonymous visitor, for what
// citizens sent: the list holds no item (whatever filter), a record by id
// is refused, and the generic API takes no anonymous write.
func TestFeedbackIsPrivate(t *testing.T) {
	need(t)
	code, body := apiCall(t, "", http.MethodPost, "/api/portal/feedback", testIP(),
		map[string]string{"kind": "gop-y", "message": "Góp ý để kiểm tra quyền đọc của khách.", "phone": "0987654321", "consent": "on"})
	if code != 201 {
		t.Fatalf("post: %d %s", code, body)
	}
	var rec struct{ RefCode string }
	json.Unmarshal(body, &rec)
	id := feedbackByRef(t, rec.RefCode)["id"].(string)
	for _, q := range []string{"", "?filter=" + strings.ReplaceAll("(refCode != '')", " ", "%20"), "?perPage=500&fields=phone,message"} {
		code, body := apiCall(t, "", http.MethodGet, "/api/collections/feedback/records"+q, "", nil)
		var res struct {
			Items []map[string]any `json:"items"`
		}
		json.Unmarshal(body, &res)
		if len(res.Items) != 0 || strings.Contains(string(body), rec.RefCode) || strings.Contains(string(body), "0987654321") {
			t.Errorf("anonymous GET feedback%s: %d, %d items: %.300s", q, code, len(res.Items), body)
		}
	}
	if code, _ := apiCall(t, "", http.MethodGet, "/api/collections/feedback/records/"+id, "", nil); code == 200 {
		t.Errorf("anonymous GET of a submission by id: %d", code)
	}
	if code, _ := apiCall(t, "", http.MethodPost, "/api/collections/feedback/records", testIP(), map[string]string{"kind": "gop-y", "message": "Ghi thẳng vào bảng dữ liệu."}); code == 200 {
		t.Errorf("anonymous create through the generic API: %d", code)
	}
	// The static pages never hold a submission either.
	for _, p := range []string{"gop-y/index.html", "gop-y/danh-gia/index.html"} {
		b, _ := os.ReadFile(filepath.Join(liveDir, p))
		if strings.Contains(string(b), rec.RefCode) {
			t.Errorf("%s holds a reference code", p)
		}
	}
}
