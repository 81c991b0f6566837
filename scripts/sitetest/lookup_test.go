package sitetest

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/daison/portal/internal/browsertest"
)

// TestReceiptLookupWithoutJavaScript: a citizen looks up their receipt
// code in Chromium with JavaScript off, from the site's static page: a
// wrong last four digits get a Vietnamese answer (the portal's page) and
// no answer shown; the right ones show the state and the commune's answer,
// never the message or the phone. With JavaScript, a receipt's link fills
// in the code.
func TestReceiptLookupWithoutJavaScript(t *testing.T) {
	need(t)
	ip := testIP()
	msg := "Đề nghị niêm yết lịch tiếp công dân của xã tại nhà văn hóa thôn 3."
	code, body := apiCall(t, "", http.MethodPost, "/api/portal/feedback", ip,
		map[string]string{"kind": "gop-y", "message": msg, "phone": "0903 111 246", "consent": "on"})
	if code != http.StatusCreated {
		t.Fatalf("submit: %d %s", code, body)
	}
	var rec struct{ RefCode string }
	if err := json.Unmarshal(body, &rec); err != nil || rec.RefCode == "" {
		t.Fatalf("receipt: %s", body)
	}
	id := feedbackByRef(t, rec.RefCode)["id"].(string)
	answer := "Lịch tiếp công dân đã được niêm yết tại nhà văn hóa các thôn từ tháng này."
	if code, body := apiCall(t, adminToken(t), http.MethodPatch, "/api/collections/feedback/records/"+id, "",
		map[string]any{"answer": answer, "answerOffice": "Văn phòng HĐND và UBND xã", "state": "da-tra-loi"}); code != 200 {
		t.Fatalf("answer: %d %s", code, body)
	}

	ctx := browser(t, 375, testIP(), false)
	open(t, ctx, "/gop-y/tra-cuu/?ma="+rec.RefCode)
	if v := eval[string](t, ctx, `document.getElementById('tra-cuu-ma').value`); v != "" {
		t.Errorf("without JavaScript the code is filled in: %q", v)
	}
	typeInto(t, ctx, "#tra-cuu-ma", strings.ToLower(rec.RefCode))
	typeInto(t, ctx, "#tra-cuu-so", "9999")
	click(t, ctx, "#tra-cuu button[type=submit]")
	waitPage(t, ctx, "the wrong digits' answer", `document.readyState === 'complete' && !!document.querySelector('.problem')`)
	if s := mainText(t, ctx); !strings.Contains(s, "không khớp") || strings.Contains(s, answer) {
		t.Fatalf("wrong digits: %q", s)
	}
	// The digits are not echoed back: the field is empty again.
	typeInto(t, ctx, "#f-so", "1246")
	click(t, ctx, "main form button[type=submit]")
	waitPage(t, ctx, "the answer", `document.readyState === 'complete' && !!document.querySelector('.answer')`)
	browsertest.Screenshot(t, ctx, "sitetest-tra-cuu-khong-js")
	s := mainText(t, ctx)
	for _, want := range []string{rec.RefCode, "Đã trả lời", answer, "Văn phòng HĐND và UBND xã"} {
		if !strings.Contains(s, want) {
			t.Errorf("the answer page lacks %q: %q", want, s)
		}
	}
	for _, never := range []string{msg, "0903", "111 246"} {
		if strings.Contains(s, never) {
			t.Errorf("the answer page shows %q", never)
		}
	}

	js := browser(t, 375, testIP(), true)
	open(t, js, "/gop-y/tra-cuu/?ma="+strings.ToLower(rec.RefCode))
	waitFor(t, js, "the code filled in", `document.getElementById('tra-cuu-ma').value !== ''`)
	if v := eval[string](t, js, `document.getElementById('tra-cuu-ma').value + ' ' + document.getElementById('xoa-ma').value`); v != rec.RefCode+" "+rec.RefCode {
		t.Errorf("the receipt's link fills in %q", v)
	}
}

// TestFeedbackFollowUpPages: the "Hỏi – đáp" page and the quarterly
// summary build and are linked from /gop-y/ with the receipt lookup; the
// summary has its chart and table when there is feedback, and neither page
// shows a contact.
func TestFeedbackFollowUpPages(t *testing.T) {
	need(t)
	code, body := get(t, "/gop-y/")
	if code != 200 || !strings.Contains(body, "/gop-y/tra-cuu/") || !strings.Contains(body, "/gop-y/hoi-dap/") || !strings.Contains(body, "/gop-y/thong-ke/") {
		t.Fatalf("/gop-y/ does not link the follow-up pages: %d", code)
	}
	code, body = get(t, "/gop-y/hoi-dap/")
	if code != 200 || !strings.Contains(body, "Hỏi – đáp</h1>") {
		t.Fatalf("/gop-y/hoi-dap/: %d %s", code, body)
	}
	code, body = get(t, "/gop-y/thong-ke/")
	if code != 200 || !strings.Contains(body, "Kết quả tiếp nhận, xử lý góp ý theo quý") {
		t.Fatalf("/gop-y/thong-ke/: %d %s", code, body)
	}
	if !strings.Contains(body, "Chưa có số liệu") && (!strings.Contains(body, "bar-chart-svg") || !strings.Contains(body, "Quý ")) {
		t.Fatalf("/gop-y/thong-ke/ has data but no chart or table: %s", body)
	}
	for _, p := range []string{"/gop-y/hoi-dap/", "/gop-y/thong-ke/"} {
		_, b := get(t, p)
		if strings.Contains(b, "@example") || strings.Contains(b, "type=tel") {
			t.Errorf("%s shows a contact", p)
		}
	}
}
