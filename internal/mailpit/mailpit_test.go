package mailpit

import (
	"mime"
	"net/smtp"
	"strings"
	"testing"
	"time"
)

// A mail sent over real SMTP is read back through the API, Vietnamese
// subject and body intact, and WaitFor picks it by recipient and content.
func TestSendAndRead(t *testing.T) {
	mp := Start(t)
	send := func(to, subject, body string) {
		t.Helper()
		msg := "From: portal@daison.test\r\nTo: " + to + "\r\nSubject: " + mime.QEncoding.Encode("utf-8", subject) +
			"\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n"
		if err := smtp.SendMail(mp.Addr(), nil, "portal@daison.test", []string{to}, []byte(msg)); err != nil {
			t.Fatalf("send: %v", err)
		}
	}
	send("khac@daison.test", "Thư khác", "không phải thư này")
	send("it@daison.test", "Mã đăng nhập – Xã Đại Sơn", "Mã của bạn là 123456.")

	m, err := mp.WaitFor("IT@daison.test", 10*time.Second, func(m Message) bool {
		return strings.Contains(m.Text, "123456")
	})
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != "Mã đăng nhập – Xã Đại Sơn" || !strings.Contains(m.Text, "Mã của bạn là 123456.") {
		t.Fatalf("read back %q / %q", m.Subject, m.Text)
	}
	if _, err := mp.WaitFor("it@daison.test", 300*time.Millisecond, func(m Message) bool {
		return strings.Contains(m.Text, "không phải")
	}); err == nil {
		t.Fatal("WaitFor matched a mail sent to someone else")
	}
	list, err := mp.Messages()
	if err != nil || len(list) != 2 {
		t.Fatalf("Messages: %d, %v", len(list), err)
	}
	if err := mp.DeleteAll(); err != nil {
		t.Fatal(err)
	}
	if list, _ := mp.Messages(); len(list) != 0 {
		t.Fatalf("%d messages left after DeleteAll", len(list))
	}
}
