package admin_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/daison/portal/admin"
	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
)

func TestSubmitFeedbackChecks(t *testing.T) {
	t.Parallel()
	app := admintest.NewApp(t, nil)
	cases := []struct {
		name  string
		in    admin.FeedbackInput
		field string // the field refused, "" if accepted
	}{
		{"comment", admin.FeedbackInput{Kind: "gop-y", Message: "Đề nghị bố trí thêm ghế chờ tại quầy một cửa."}, ""},
		{"comment too short", admin.FeedbackInput{Kind: "gop-y", Message: "tốt"}, "message"},
		{"proposal without a title", admin.FeedbackInput{Kind: "sang-kien", Message: "Gửi tin nhắn Zalo báo kết quả hồ sơ."}, "topic"},
		{"useful without an answer", admin.FeedbackInput{Kind: "huu-ich", Page: "/huong-dan/x/"}, "helpful"},
		{"useful of another site", admin.FeedbackInput{Kind: "huu-ich", Helpful: "co", Page: "https://evil.example/"}, "page"},
		{"rating out of range", admin.FeedbackInput{Kind: "hai-long", Rating: "9"}, "rating"},
		{"rating", admin.FeedbackInput{Kind: "hai-long", Rating: "5", Channel: "quay-mot-cua"}, ""},
		{"unknown kind", admin.FeedbackInput{Kind: "spam", Message: "x"}, "kind"},
		{"CRLF in the phone", admin.FeedbackInput{Kind: "gop-y", Message: "Nội dung góp ý đủ dài.", Phone: "0912345678\r\nBcc: x@y", Consent: "on"}, "phone"},
		{"CRLF in the name", admin.FeedbackInput{Kind: "gop-y", Message: "Nội dung góp ý đủ dài.", Name: "An\r\nX"}, "name"},
		{"bad email", admin.FeedbackInput{Kind: "gop-y", Message: "Nội dung góp ý đủ dài.", Email: "a@", Consent: "on"}, "email"},
		{"contact without consent", admin.FeedbackInput{Kind: "gop-y", Message: "Nội dung góp ý đủ dài.", Phone: "0912345678"}, "consent"},
		{"zero-width characters", admin.FeedbackInput{Kind: "gop-y", Message: "Nội dung\u200b góp ý đủ dài."}, "message"},
		{"too long", admin.FeedbackInput{Kind: "gop-y", Message: strings.Repeat("dài ", 1300)}, "message"},
	}
	for _, c := range cases {
		_, err := admin.SubmitFeedback(app, c.in, "203.0.113.9")
		fe, _ := err.(admin.FieldErrors)
		switch {
		case c.field == "" && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.field != "" && fe[c.field] == "":
			t.Errorf("%s: want %s refused, got %v", c.name, c.field, err)
		}
	}

	// NFD in, NFC stored; contact kept only with consent.
	rec, err := admin.SubmitFeedback(app, admin.FeedbackInput{Kind: "sang-kien", Topic: "Tra cu\u031B\u0301u ho\u0302\u0300 so\u031B ba\u0306\u0300ng QR",
		Message: "Da\u0301n ma\u0303 QR le\u0302n phie\u0302\u0301u he\u0323n.", Name: "Lê Văn An", Email: "an@example.vn", Consent: "on"}, "203.0.113.9")
	if err != nil {
		t.Fatal(err)
	}
	r, err := app.FindFirstRecordByData(schema.Feedback, "refCode", rec.RefCode)
	if err != nil {
		t.Fatal(err)
	}
	if r.GetString("topic") != "Tra cứu hồ sơ bằng QR" || r.GetString("email") != "an@example.vn" || !strings.HasPrefix(rec.RefCode, "SK-") {
		t.Fatalf("stored %q %q %q", r.GetString("topic"), r.GetString("email"), rec.RefCode)
	}

	// Honeypot: the bot is thanked, nothing is stored.
	before, _ := app.CountRecords(schema.Feedback)
	if _, err := admin.SubmitFeedback(app, admin.FeedbackInput{Kind: "gop-y", Message: "Mua thuốc giá rẻ tại đây!!!", Website: "http://spam"}, "198.51.100.1"); err != nil {
		t.Fatal(err)
	}
	if after, _ := app.CountRecords(schema.Feedback); after != before {
		t.Fatal("a honeypot submission was stored")
	}

	// Idempotency: the same key twice is one record, one code; the same
	// content twice without a key within minutes is one too.
	in := admin.FeedbackInput{Kind: "hai-long", Rating: "4", Key: "9d0c7a3e-1111-4e7a-9a55-000000000001"}
	a, _ := admin.SubmitFeedback(app, in, "198.51.100.2")
	b, _ := admin.SubmitFeedback(app, in, "198.51.100.3")
	if a.RefCode != b.RefCode || !b.Again {
		t.Fatalf("retried submission: %v then %v", a, b)
	}
	nokey := admin.FeedbackInput{Kind: "gop-y", Message: "Góp ý gửi hai lần do bấm đúp."}
	c1, _ := admin.SubmitFeedback(app, nokey, "198.51.100.4")
	c2, _ := admin.SubmitFeedback(app, nokey, "198.51.100.4")
	if c1.RefCode != c2.RefCode {
		t.Fatalf("a double click stored twice: %v %v", c1, c2)
	}
}

// TestFeedbackEndpoints: the JSON and plain-form routes, what anonymous
// users and staff can read, rate limits, and a proposal made into a draft
// initiative.
func TestFeedbackEndpoints(t *testing.T) {
	t.Parallel()
	w := newWorld(t)

	code, body := admintest.Do(w.h, http.MethodPost, "/api/portal/feedback", "",
		`{"kind":"sang-kien","topic":"Nhắc lịch hẹn qua Zalo","message":"Gửi tin nhắn nhắc ngày trả kết quả.","phone":"0912 345 678","consent":"on","idempotencyKey":"k-1"}`)
	if code != 201 || !strings.Contains(body, `"refCode":"SK-`) {
		t.Fatalf("json submit: %d %s", code, body)
	}
	code, body = admintest.Do(w.h, http.MethodPost, "/api/portal/feedback", "", `{"kind":"gop-y","message":"ngắn"}`)
	if code != 400 || !strings.Contains(body, `"message":{"code":"validation_feedback","message":"Hãy viết nội dung góp ý`) {
		t.Fatalf("json refusal: %d %s", code, body)
	}

	// Anonymous users never read submissions.
	if code, body := admintest.Do(w.h, http.MethodGet, "/api/collections/feedback/records", "", ""); code != 200 || !strings.Contains(body, `"totalItems":0`) {
		t.Fatalf("anonymous list: %d %s", code, body)
	}
	fb, err := w.app.FindFirstRecordByData(schema.Feedback, "topic", "Nhắc lịch hẹn qua Zalo")
	if err != nil {
		t.Fatal(err)
	}
	if code, _ := admintest.Do(w.h, http.MethodGet, "/api/collections/feedback/records/"+fb.Id, "", ""); code != 404 {
		t.Fatalf("anonymous view: %d", code)
	}
	if code, _ := admintest.Do(w.h, http.MethodPost, "/api/collections/feedback/records", "", `{"kind":"gop-y","refCode":"X","state":"moi"}`); code < 400 {
		t.Fatalf("anonymous create through the generic API: %d", code)
	}
	// Editors read the queue without contacts; reviewers with them.
	if _, body := admintest.Do(w.h, http.MethodGet, "/api/collections/feedback/records/"+fb.Id, w.tokens[editor], ""); strings.Contains(body, "0912") || !strings.Contains(body, "Zalo") {
		t.Fatalf("editor view: %s", body)
	}
	if _, body := admintest.Do(w.h, http.MethodGet, "/api/collections/feedback/records/"+fb.Id, w.tokens[reviewer], ""); !strings.Contains(body, "0912 345 678") {
		t.Fatalf("reviewer view: %s", body)
	}
	if _, body := admintest.Do(w.h, http.MethodGet, "/api/collections/feedback/records/"+fb.Id, w.tokens[reporterA], ""); !strings.Contains(body, `"status":404`) {
		t.Fatalf("reporter view: %s", body)
	}

	// One step to a draft initiative.
	code, body = admintest.Do(w.h, http.MethodPost, "/api/portal/feedback/"+fb.Id+"/initiative", w.tokens[editor], "")
	if code != 201 {
		t.Fatalf("to initiative: %d %s", code, body)
	}
	fb, _ = w.app.FindRecordById(schema.Feedback, fb.Id)
	ini, err := w.app.FindRecordById(schema.Initiatives, fb.GetString("initiative"))
	if err != nil || ini.GetString("status") != "draft" || ini.GetString("title") != "Nhắc lịch hẹn qua Zalo" || fb.GetString("state") != "dang-xu-ly" {
		t.Fatalf("initiative %v, feedback state %s", ini, fb.GetString("state"))
	}

	// The form without JavaScript: a mistake shows the form again with what
	// was typed and the reason; success redirects to the receipt.
	form := url.Values{"kind": {"gop-y"}, "message": {"ngắn"}, "name": {"Trần Bình"}, "return": {"/gop-y/"}}
	rec := postForm(w.h, form)
	if rec.Code != 400 || !strings.Contains(rec.Body.String(), "Hãy viết nội dung góp ý") || !strings.Contains(rec.Body.String(), `value="Trần Bình"`) ||
		!strings.Contains(rec.Body.String(), ">ngắn</textarea>") || !strings.Contains(rec.Body.String(), `lang="vi"`) {
		t.Fatalf("form refusal: %d %s", rec.Code, rec.Body.String())
	}
	if !strings.Contains(rec.Body.String(), `<button type="submit">Gửi góp ý</button>`) {
		t.Fatalf("form refusal: the send button is not the site's: %s", rec.Body.String())
	}
	// A rating with a mistake keeps the chosen score, best first as on the site.
	rating := postForm(w.h, url.Values{"kind": {"hai-long"}, "rating": {"4"}, "channel": {"khong-co"}})
	body = rating.Body.String()
	if rating.Code != 400 || !strings.Contains(body, `value="4" checked`) || strings.Index(body, "5 – Rất hài lòng") > strings.Index(body, "1 – Rất không hài lòng") ||
		!strings.Contains(body, "Gửi đánh giá") {
		t.Fatalf("rating refusal: %d %s", rating.Code, body)
	}
	form.Set("message", "Quầy một cửa nên có thêm bảng hướng dẫn.")
	rec = postForm(w.h, form)
	loc := rec.Header().Get("Location")
	if rec.Code != 303 || !strings.HasPrefix(loc, "/gop-y/da-nhan/?") || !strings.Contains(loc, "ma=GY-") {
		t.Fatalf("form success: %d %s", rec.Code, loc)
	}
	if code, body := admintest.Do(w.h, http.MethodGet, loc, "", ""); code != 200 || !strings.Contains(body, "Mã tiếp nhận") {
		t.Fatalf("receipt: %d %s", code, body)
	}

	// Rate limit: five posts a minute per address, then 429 in Vietnamese —
	// a page for the form, JSON for the script.
	for i := 0; i < 6; i++ {
		form.Set("message", "Góp ý thử giới hạn số "+string(rune('a'+i))+" đủ dài.")
		rec = postForm(w.h, form)
	}
	if rec.Code != 429 || !strings.Contains(rec.Body.String(), "quá nhiều yêu cầu") || !strings.Contains(rec.Body.String(), "<html") {
		t.Fatalf("form rate limit: %d %s", rec.Code, rec.Body.String())
	}
	for i := 0; i < 6; i++ {
		code, body = admintest.Do(w.h, http.MethodPost, "/api/portal/feedback", "", `{"kind":"hai-long","rating":"3"}`)
	}
	if code != 429 || !strings.Contains(body, "quá nhiều yêu cầu") {
		t.Fatalf("json rate limit: %d %s", code, body)
	}
}

func postForm(h http.Handler, form url.Values) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/gop-y/gui", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}
