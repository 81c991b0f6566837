package feedback_test

import (
	"strings"
	"testing"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/admin/feedback"
	"github.com/daison/portal/internal/schema"
)

func TestSubmitFeedbackChecks(t *testing.T) {
	t.Parallel()
	app := admintest.NewApp(t, nil)
	cases := []struct {
		name  string
		in    feedback.Input
		field string // the field refused, "" if accepted
	}{
		{"comment", feedback.Input{Kind: "gop-y", Message: "Đề nghị bố trí thêm ghế chờ tại quầy một cửa."}, ""},
		{"comment too short", feedback.Input{Kind: "gop-y", Message: "tốt"}, "message"},
		{"proposal without a title", feedback.Input{Kind: "sang-kien", Message: "Gửi tin nhắn Zalo báo kết quả hồ sơ."}, "topic"},
		{"useful without an answer", feedback.Input{Kind: "huu-ich", Page: "/huong-dan/x/"}, "helpful"},
		{"useful of another site", feedback.Input{Kind: "huu-ich", Helpful: "co", Page: "https://evil.example/"}, "page"},
		{"rating out of range", feedback.Input{Kind: "hai-long", Rating: "9"}, "rating"},
		{"rating", feedback.Input{Kind: "hai-long", Rating: "5", Channel: "quay-mot-cua"}, ""},
		{"unknown kind", feedback.Input{Kind: "spam", Message: "x"}, "kind"},
		{"CRLF in the phone", feedback.Input{Kind: "gop-y", Message: "Nội dung góp ý đủ dài.", Phone: "0912345678\r\nBcc: x@y", Consent: "on"}, "phone"},
		{"CRLF in the name", feedback.Input{Kind: "gop-y", Message: "Nội dung góp ý đủ dài.", Name: "An\r\nX"}, "name"},
		{"bad email", feedback.Input{Kind: "gop-y", Message: "Nội dung góp ý đủ dài.", Email: "a@", Consent: "on"}, "email"},
		{"contact without consent", feedback.Input{Kind: "gop-y", Message: "Nội dung góp ý đủ dài.", Phone: "0912345678"}, "consent"},
		{"zero-width characters", feedback.Input{Kind: "gop-y", Message: "Nội dung\u200b góp ý đủ dài."}, "message"},
		{"too long", feedback.Input{Kind: "gop-y", Message: strings.Repeat("dài ", 1300)}, "message"},
	}
	for _, c := range cases {
		_, err := feedback.Submit(app, c.in, "203.0.113.9")
		fe, _ := err.(feedback.FieldErrors)
		switch {
		case c.field == "" && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.field != "" && fe[c.field] == "":
			t.Errorf("%s: want %s refused, got %v", c.name, c.field, err)
		}
	}

	// NFD in, NFC stored; contact kept only with consent.
	rec, err := feedback.Submit(app, feedback.Input{Kind: "sang-kien", Topic: "Tra cu\u031B\u0301u ho\u0302\u0300 so\u031B ba\u0306\u0300ng QR",
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
	if _, err := feedback.Submit(app, feedback.Input{Kind: "gop-y", Message: "Mua thuốc giá rẻ tại đây!!!", Website: "http://spam"}, "198.51.100.1"); err != nil {
		t.Fatal(err)
	}
	if after, _ := app.CountRecords(schema.Feedback); after != before {
		t.Fatal("a honeypot submission was stored")
	}

	// Idempotency: the same key twice is one record, one code; the same
	// content twice without a key within minutes is one too.
	in := feedback.Input{Kind: "hai-long", Rating: "4", Key: "9d0c7a3e-1111-4e7a-9a55-000000000001"}
	a, _ := feedback.Submit(app, in, "198.51.100.2")
	b, _ := feedback.Submit(app, in, "198.51.100.3")
	if a.RefCode != b.RefCode || !b.Again {
		t.Fatalf("retried submission: %v then %v", a, b)
	}
	nokey := feedback.Input{Kind: "gop-y", Message: "Góp ý gửi hai lần do bấm đúp."}
	c1, _ := feedback.Submit(app, nokey, "198.51.100.4")
	c2, _ := feedback.Submit(app, nokey, "198.51.100.4")
	if c1.RefCode != c2.RefCode {
		t.Fatalf("a double click stored twice: %v %v", c1, c2)
	}
}
