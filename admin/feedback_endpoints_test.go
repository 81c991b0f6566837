package admin_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
)

// TestFeedbackEndpoints: the JSON and plain-form routes, what anonymous
// users and staff can read, rate limits, and a proposal made into a draft
// initiative.
func TestFeedbackEndpoints(t *testing.T) {
	t.Parallel()
	w := newWorld(t)

	code, body := admintest.Do(w.H, http.MethodPost, "/api/portal/feedback", "",
		`{"kind":"sang-kien","topic":"Nhắc lịch hẹn qua Zalo","message":"Gửi tin nhắn nhắc ngày trả kết quả.","phone":"0912 345 678","consent":"on","idempotencyKey":"k-1"}`)
	if code != 201 || !strings.Contains(body, `"refCode":"SK-`) {
		t.Fatalf("json submit: %d %s", code, body)
	}
	code, body = admintest.Do(w.H, http.MethodPost, "/api/portal/feedback", "", `{"kind":"gop-y","message":"ngắn"}`)
	if code != 400 || !strings.Contains(body, `"message":{"code":"validation_feedback","message":"Hãy viết nội dung góp ý`) {
		t.Fatalf("json refusal: %d %s", code, body)
	}

	// Anonymous users never read submissions.
	if code, body := admintest.Do(w.H, http.MethodGet, "/api/collections/feedback/records", "", ""); code != 200 || !strings.Contains(body, `"totalItems":0`) {
		t.Fatalf("anonymous list: %d %s", code, body)
	}
	fb, err := w.App.FindFirstRecordByData(schema.Feedback, "topic", "Nhắc lịch hẹn qua Zalo")
	if err != nil {
		t.Fatal(err)
	}
	if code, _ := admintest.Do(w.H, http.MethodGet, "/api/collections/feedback/records/"+fb.Id, "", ""); code != 404 {
		t.Fatalf("anonymous view: %d", code)
	}
	if code, _ := admintest.Do(w.H, http.MethodPost, "/api/collections/feedback/records", "", `{"kind":"gop-y","refCode":"X","state":"moi"}`); code < 400 {
		t.Fatalf("anonymous create through the generic API: %d", code)
	}
	// Editors read the queue without contacts; reviewers with them.
	if _, body := admintest.Do(w.H, http.MethodGet, "/api/collections/feedback/records/"+fb.Id, w.Tokens[editor], ""); strings.Contains(body, "0912") || !strings.Contains(body, "Zalo") {
		t.Fatalf("editor view: %s", body)
	}
	if _, body := admintest.Do(w.H, http.MethodGet, "/api/collections/feedback/records/"+fb.Id, w.Tokens[reviewer], ""); !strings.Contains(body, "0912 345 678") {
		t.Fatalf("reviewer view: %s", body)
	}
	if _, body := admintest.Do(w.H, http.MethodGet, "/api/collections/feedback/records/"+fb.Id, w.Tokens[reporterA], ""); !strings.Contains(body, `"status":404`) {
		t.Fatalf("reporter view: %s", body)
	}

	// One step to a draft initiative.
	code, body = admintest.Do(w.H, http.MethodPost, "/api/portal/feedback/"+fb.Id+"/initiative", w.Tokens[editor], "")
	if code != 201 {
		t.Fatalf("to initiative: %d %s", code, body)
	}
	fb, _ = w.App.FindRecordById(schema.Feedback, fb.Id)
	ini, err := w.App.FindRecordById(schema.Initiatives, fb.GetString("initiative"))
	if err != nil || ini.GetString("status") != "draft" || ini.GetString("title") != "Nhắc lịch hẹn qua Zalo" || fb.GetString("state") != "dang-xu-ly" {
		t.Fatalf("initiative %v, feedback state %s", ini, fb.GetString("state"))
	}

	// The form without JavaScript: a mistake shows the form again with what
	// was typed and the reason; success redirects to the receipt.
	form := url.Values{"kind": {"gop-y"}, "message": {"ngắn"}, "name": {"Trần Bình"}, "consent": {"on"}, "return": {"/gop-y/"}}
	rec := postForm(w.H, form)
	if rec.Code != 400 || !strings.Contains(rec.Body.String(), "Hãy viết nội dung góp ý") || !strings.Contains(rec.Body.String(), `value="Trần Bình"`) ||
		!strings.Contains(rec.Body.String(), ">ngắn</textarea>") || !strings.Contains(rec.Body.String(), `lang="vi"`) {
		t.Fatalf("form refusal: %d %s", rec.Code, rec.Body.String())
	}
	if !strings.Contains(rec.Body.String(), `<button type="submit">Gửi góp ý</button>`) {
		t.Fatalf("form refusal: the send button is not the site's: %s", rec.Body.String())
	}
	// A rating with a mistake keeps the chosen score, best first as on the site.
	rating := postForm(w.H, url.Values{"kind": {"hai-long"}, "rating": {"4"}, "channel": {"khong-co"}})
	body = rating.Body.String()
	if rating.Code != 400 || !strings.Contains(body, `value="4" checked`) || strings.Index(body, "5 – Rất hài lòng") > strings.Index(body, "1 – Rất không hài lòng") ||
		!strings.Contains(body, "Gửi đánh giá") {
		t.Fatalf("rating refusal: %d %s", rating.Code, body)
	}
	form.Set("message", "Quầy một cửa nên có thêm bảng hướng dẫn.")
	rec = postForm(w.H, form)
	loc := rec.Header().Get("Location")
	if rec.Code != 303 || !strings.HasPrefix(loc, "/gop-y/da-nhan/?") || !strings.Contains(loc, "ma=GY-") {
		t.Fatalf("form success: %d %s", rec.Code, loc)
	}
	if code, body := admintest.Do(w.H, http.MethodGet, loc, "", ""); code != 200 || !strings.Contains(body, "Mã tiếp nhận") {
		t.Fatalf("receipt: %d %s", code, body)
	}

	// Rate limit: five posts a minute per address, then 429 in Vietnamese —
	// a page for the form, JSON for the script.
	for i := 0; i < 6; i++ {
		form.Set("message", "Góp ý thử giới hạn số "+string(rune('a'+i))+" đủ dài.")
		rec = postForm(w.H, form)
	}
	if rec.Code != 429 || !strings.Contains(rec.Body.String(), "quá nhiều yêu cầu") || !strings.Contains(rec.Body.String(), "<html") {
		t.Fatalf("form rate limit: %d %s", rec.Code, rec.Body.String())
	}
	for i := 0; i < 6; i++ {
		code, body = admintest.Do(w.H, http.MethodPost, "/api/portal/feedback", "", `{"kind":"hai-long","rating":"3"}`)
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
