package feedback_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/admin/feedback"
	"github.com/daison/portal/internal/schema"
)

// TestPublishingAnAnswer: staff publish a question on the public "Hỏi –
// đáp" only once it has an answer and its citizen consented on the form;
// the time it was published is the server's.
func TestPublishingAnAnswer(t *testing.T) {
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

	// Not yet answered: cannot be published.
	if got := patch(agreed, `{"published":true}`, 400); !strings.Contains(got, "đã có nội dung trả lời") {
		t.Fatalf("published unanswered: %s", got)
	}
	patch(agreed, `{"answer":"Có, Trung tâm làm việc sáng thứ Bảy.","answerOffice":"Trung tâm Phục vụ hành chính công","publishConsent":true}`, 200)
	got := patch(agreed, `{"published":true,"publishedAt":"2020-01-01 00:00:00.000Z"}`, 200)
	if strings.Contains(got, "2020-01-01") || !strings.Contains(got, `"published":true`) {
		t.Fatalf("publishedAt taken from the request: %s", got)
	}
	r, err := app.FindRecordById(schema.Feedback, agreed)
	if err != nil {
		t.Fatal(err)
	}
	if r.GetDateTime("publishedAt").IsZero() || r.GetDateTime("answeredAt").IsZero() {
		t.Fatalf("published without its times: publishedAt %v, answeredAt %v", r.Get("publishedAt"), r.Get("answeredAt"))
	}
	patch(refused, `{"answer":"Lệ phí theo quy định hiện hành."}`, 200)
	if got := patch(refused, `{"published":true,"publishConsent":true}`, 400); !strings.Contains(got, "không đồng ý công khai") {
		t.Fatalf("published without consent: %s", got)
	}
}
