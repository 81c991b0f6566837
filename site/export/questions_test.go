package export_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site/export"
)

// TestQuestionsPublishedWithConsentAndChoice: a question reaches the public
// "Hỏi – đáp" only when its citizen consented on the form and staff chose
// to publish its answer (admin/feedback keeps staff from publishing
// otherwise); never with a name, phone or email. The quarterly summary
// counts what came and what was handled.
func TestQuestionsPublishedWithConsentAndChoice(t *testing.T) {
	app := recordstest.NewApp(t)
	answered := recordstest.Date(now.Add(-time.Hour))
	n := 0
	question := func(msg string, fields map[string]any) {
		t.Helper()
		n++
		f := map[string]any{"kind": "gop-y", "refCode": fmt.Sprintf("GY-TEST%d", n), "state": "da-tra-loi", "topic": "Chứng thực",
			"message": msg, "name": "Lê Thị Thu", "phone": "0977 123 456", "email": "thu@example.com", "consent": true,
			"answeredAt": answered}
		for k, v := range fields {
			f[k] = v
		}
		recordstest.Create(t, app, schema.Feedback, f)
	}
	// Consented and chosen.
	question("Xin hỏi chứng thực bản sao có làm vào thứ Bảy không?", map[string]any{"publishConsent": true, "published": true, "publishedAt": answered,
		"answer": "Có, Trung tâm làm việc sáng thứ Bảy.", "answerOffice": "Trung tâm Phục vụ hành chính công"})
	// Published without consent (behind the hooks' back): stays out.
	question("Xin hỏi lệ phí chứng thực chữ ký là bao nhiêu?", map[string]any{"published": true, "answer": "Lệ phí theo quy định hiện hành."})
	// Consented, answered, not chosen.
	question("Xin hỏi có thể nộp hồ sơ qua bưu điện không?", map[string]any{"publishConsent": true, "answer": "Có, qua dịch vụ bưu chính công ích."})

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
	if len(qs) != 1 || !strings.Contains(qs[0].Question, "thứ Bảy") || qs[0].Office != "Trung tâm Phục vụ hành chính công" || qs[0].Date == "" {
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
