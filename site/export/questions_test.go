package export_test

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/admin/feedback"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/site/export"
)

// TestQuestionsPublishedWithConsentAndChoice: a question reaches the public
// "Hỏi – đáp" only when its citizen consented on the form and staff chose
// to publish its answer; never with a name, phone or email. Staff cannot
// publish without consent or without an answer; the quarterly summary
// counts what came and what was handled.
func TestQuestionsPublishedWithConsentAndChoice(t *testing.T) {
	app := admintest.NewApp(t, nil)
	h := admintest.Handler(t, app)
	tok := admintest.StaffToken(t, app, schema.RoleEditor, "")
	submit := func(msg, publish string) string {
		t.Helper()
		rec, err := feedback.Submit(app, feedback.Input{Kind: "gop-y", Topic: "Chứng thực", Message: msg, Name: "Lê Thị Thu",
			Phone: "0977 123 456", Email: "thu@example.com", Consent: "on", Publish: publish}, "192.0.2.44")
		if err != nil {
			t.Fatal(err)
		}
		r, err := app.FindFirstRecordByData(schema.Feedback, "refCode", rec.RefCode)
		if err != nil {
			t.Fatal(err)
		}
		return r.Id
	}
	patch := func(id, body string, want int) string {
		t.Helper()
		code, got := admintest.Do(h, http.MethodPatch, "/api/collections/feedback/records/"+id, tok, body)
		if code != want {
			t.Fatalf("PATCH %s: %d, want %d: %s", body, code, want, got)
		}
		return got
	}
	agreed := submit("Xin hỏi chứng thực bản sao có làm vào thứ Bảy không?", "on")
	refused := submit("Xin hỏi lệ phí chứng thực chữ ký là bao nhiêu?", "")
	notChosen := submit("Xin hỏi có thể nộp hồ sơ qua bưu điện không?", "on")

	// Not yet answered: cannot be published.
	if got := patch(agreed, `{"published":true}`, 400); !strings.Contains(got, "đã có nội dung trả lời") {
		t.Fatalf("published unanswered: %s", got)
	}
	patch(agreed, `{"answer":"Có, Trung tâm làm việc sáng thứ Bảy.","answerOffice":"Trung tâm Phục vụ hành chính công","publishConsent":true}`, 200)
	// Staff edit the question before publishing it; the citizen's words stay.
	got := patch(agreed, `{"question":"Xin hỏi: Trung tâm có chứng thực bản sao vào sáng thứ Bảy không?","message":"Sửa lời người dân"}`, 200)
	if !strings.Contains(got, `"message":"Xin hỏi chứng thực bản sao có làm vào thứ Bảy không?"`) {
		t.Fatalf("staff changed the citizen's words: %s", got)
	}
	got = patch(agreed, `{"published":true,"publishedAt":"2020-01-01 00:00:00.000Z"}`, 200)
	if strings.Contains(got, "2020-01-01") || !strings.Contains(got, `"published":true`) {
		t.Fatalf("publishedAt taken from the request: %s", got)
	}
	patch(refused, `{"answer":"Lệ phí theo quy định hiện hành."}`, 200)
	if got := patch(refused, `{"published":true,"publishConsent":true}`, 400); !strings.Contains(got, "không đồng ý công khai") {
		t.Fatalf("published without consent: %s", got)
	}
	patch(notChosen, `{"answer":"Có, qua dịch vụ bưu chính công ích."}`, 200)
	// Even set behind the hooks' back, a question without consent stays out.
	r, err := app.FindRecordById(schema.Feedback, refused)
	if err != nil {
		t.Fatal(err)
	}
	r.Set("published", true)
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}

	root := t.TempDir()
	if _, err := export.Run(app, root, export.Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(root, "data", "questions.json"))
	if err != nil {
		t.Fatal(err)
	}
	var qs []export.Question
	if err := json.Unmarshal(b, &qs); err != nil {
		t.Fatal(err)
	}
	if len(qs) != 1 || qs[0].Question != "Xin hỏi: Trung tâm có chứng thực bản sao vào sáng thứ Bảy không?" || qs[0].Office != "Trung tâm Phục vụ hành chính công" || qs[0].Date == "" {
		t.Fatalf("published questions: %+v", qs)
	}
	for _, secret := range []string{"Lê Thị Thu", "0977", "thu@example.com", "lệ phí", "bưu điện"} {
		if strings.Contains(strings.ToLower(string(b)), strings.ToLower(secret)) {
			t.Fatalf("questions.json holds %q: %s", secret, b)
		}
	}

	b, err = os.ReadFile(filepath.Join(root, "data", "feedbackquarters.json"))
	if err != nil {
		t.Fatal(err)
	}
	var quarters []export.Quarter
	if err := json.Unmarshal(b, &quarters); err != nil {
		t.Fatal(err)
	}
	if len(quarters) != 1 || quarters[0].Received != 3 || quarters[0].Handled != 3 || !strings.HasPrefix(quarters[0].Label, "Quý ") {
		t.Fatalf("quarters: %+v", quarters)
	}
	if strings.Contains(string(b), "0977") || strings.Contains(string(b), "chứng thực") {
		t.Fatalf("the quarterly summary holds a submission's text: %s", b)
	}
}
