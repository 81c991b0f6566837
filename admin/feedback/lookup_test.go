package feedback_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/admin/feedback"
	"github.com/daison/portal/internal/schema"
)

func lookup(h http.Handler, code, digits string) (int, string) {
	form := url.Values{"ma": {code}, "so": {digits}}
	req := httptest.NewRequest(http.MethodPost, feedback.LookupPath, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// TestReceiptLookup: a citizen's receipt code, with the phone's last four
// digits when a phone was given, shows the state and the answer, and
// nothing else of the submission; unknown codes, malformed input and wrong
// digits each get a clear Vietnamese answer.
func TestReceiptLookup(t *testing.T) {
	t.Parallel()
	app := admintest.NewApp(t, nil)
	h := admintest.Handler(t, app)
	secret := "Nhà tôi ở số 12 ngõ 5, hỏi về chứng thực bản sao giấy tờ."
	rec, err := feedback.Submit(app, feedback.Input{Kind: "gop-y", Topic: "Chứng thực", Message: secret,
		Name: "Nguyễn Thị Hoa", Phone: "0912 345 678", Consent: "on"}, "198.51.100.7")
	if err != nil {
		t.Fatal(err)
	}
	other, err := feedback.Submit(app, feedback.Input{Kind: "gop-y", Message: "Một góp ý khác không có số điện thoại."}, "198.51.100.8")
	if err != nil {
		t.Fatal(err)
	}

	if code, body := lookup(h, rec.RefCode, "5678"); code != 200 || !strings.Contains(body, "Mới") || !strings.Contains(body, "chưa có trả lời") {
		t.Fatalf("before the answer: %d %s", code, body)
	}
	r, err := app.FindFirstRecordByData(schema.Feedback, "refCode", rec.RefCode)
	if err != nil {
		t.Fatal(err)
	}
	r.Set("answer", "Trung tâm đã bố trí thêm quầy chứng thực vào sáng thứ Hai.")
	r.Set("answerOffice", "Trung tâm Phục vụ hành chính công")
	r.Set("answeredAt", time.Date(2027, 3, 4, 9, 0, 0, 0, time.UTC))
	r.Set("state", "da-tra-loi")
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}

	code, body := lookup(h, strings.ToLower(rec.RefCode), "5678")
	for _, want := range []string{"Đã trả lời", "bố trí thêm quầy chứng thực", "Trung tâm Phục vụ hành chính công", "04/03/2027", rec.RefCode} {
		if code != 200 || !strings.Contains(body, want) {
			t.Fatalf("answer lacks %q: %d %s", want, code, body)
		}
	}
	for _, secretPart := range []string{"ngõ 5", "Nguyễn Thị Hoa", "0912", "345"} {
		if strings.Contains(body, secretPart) {
			t.Fatalf("the lookup shows %q: %s", secretPart, body)
		}
	}
	for _, c := range []struct {
		name, code, digits string
		status             int
		want               string
	}{
		{"unknown code", "GY-ZZZZZZ", "", 404, "Không tìm thấy ý kiến nào có mã GY-ZZZZZZ"},
		{"malformed code", "xin chào", "", 400, "chưa đúng dạng"},
		{"digits missing", rec.RefCode, "", 400, "hãy nhập 4 chữ số cuối"},
		{"digits malformed", rec.RefCode, "56a8", 400, "đúng 4 chữ số cuối"},
		{"wrong digits", rec.RefCode, "1111", 400, "không khớp"},
		{"no phone, no digits needed", other.RefCode, "", 200, "chưa có trả lời"},
	} {
		code, body := lookup(h, c.code, c.digits)
		if code != c.status || !strings.Contains(body, c.want) || (code != 200 && !strings.Contains(body, "<form")) {
			t.Errorf("%s: %d %s", c.name, code, body)
		}
		if c.status != 200 && strings.Contains(body, "Trung tâm đã bố trí") {
			t.Errorf("%s: the answer leaks: %s", c.name, body)
		}
	}
}

// TestReceiptLookupFloods: after a few misses from one address every
// lookup from it is refused for a while, found or not; a code whose
// digits were guessed wrong too often is locked for everyone.
func TestReceiptLookupFloods(t *testing.T) {
	t.Parallel()
	app := admintest.NewApp(t, nil)
	rec, err := feedback.Submit(app, feedback.Input{Kind: "gop-y", Message: "Góp ý có số điện thoại để tra cứu.", Phone: "0987 654 321", Consent: "on"}, "203.0.113.1")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2027, 5, 1, 8, 0, 0, 0, time.UTC)
	for i := 0; i < 8; i++ {
		if _, status := feedback.Lookup(app, "GY-AAAA0"+string(rune('0'+i)), "", "203.0.113.50", now); status != 404 {
			t.Fatalf("miss %d: %d", i, status)
		}
	}
	v, status := feedback.Lookup(app, rec.RefCode, "4321", "203.0.113.50", now)
	if status != 429 || !strings.Contains(v.Problem, "quá nhiều lần") || v.Found != nil {
		t.Fatalf("flooding address: %d %+v", status, v)
	}
	if _, status := feedback.Lookup(app, rec.RefCode, "4321", "203.0.113.50", now.Add(16*time.Minute)); status != 200 {
		t.Fatalf("after the window: %d", status)
	}
	for i := 0; i < 5; i++ {
		feedback.Lookup(app, rec.RefCode, "000"+string(rune('0'+i)), "203.0.113."+string(rune('a'+i)), now)
	}
	v, status = feedback.Lookup(app, rec.RefCode, "4321", "203.0.113.99", now)
	if status != 429 || v.Found != nil || !strings.Contains(v.Problem, "Mã này đã bị nhập sai") {
		t.Fatalf("guessed code: %d %+v", status, v)
	}
}
