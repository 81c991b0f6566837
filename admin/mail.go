package admin

import (
	"fmt"
	"html"
	"io"
	"os"
	"regexp"
	"strings"
	"sync"

	"github.com/pocketbase/pocketbase/core"
)

// printMailWithoutSMTP returns a mailer hook for the time before IT has set
// an SMTP server (/_/ → Settings → Mail server): PocketBase would then hand
// mail to a local sendmail, which a commune's server seldom has, and a
// superuser could never receive the one-time sign-in code. Instead the
// portal prints each such mail on its console (w, or os.Stderr), where the
// person who runs it reads it. Once SMTP is on, mail goes out as usual.
func printMailWithoutSMTP(w io.Writer) func(e *core.MailerEvent) error {
	if w == nil {
		w = os.Stderr
	}
	var mu sync.Mutex
	return func(e *core.MailerEvent) error {
		if e.App.Settings().SMTP.Enabled {
			return e.Next()
		}
		to := make([]string, 0, len(e.Message.To))
		for _, a := range e.Message.To {
			to = append(to, a.Address)
		}
		text := e.Message.Text
		if text == "" {
			text = mailText(e.Message.HTML)
		}
		mu.Lock()
		defer mu.Unlock()
		_, err := fmt.Fprintf(w, "\n── Thư chưa gửi được (chưa cấu hình máy chủ SMTP ở /_/ → Settings → Mail server) ──\nGửi tới: %s\nTiêu đề: %s\n\n%s\n── hết thư ──\n\n",
			strings.Join(to, ", "), e.Message.Subject, text)
		if err != nil {
			return fmt.Errorf("print mail: %w", err)
		}
		return nil
	}
}

var (
	mailHead   = regexp.MustCompile(`(?is)<head.*?</head>|<style.*?</style>`)
	mailBreaks = regexp.MustCompile(`(?i)<br\s*/?>|</p>|</li>|</h[1-6]>`)
	mailTags   = regexp.MustCompile(`<[^>]*>`)
	mailBlank  = regexp.MustCompile(`\n[ \t]*\n(\s*\n)+`)
)

// mailText is a mail's HTML body as plain lines for a console.
func mailText(body string) string {
	s := mailHead.ReplaceAllString(body, "")
	s = mailBreaks.ReplaceAllString(s, "\n")
	s = mailTags.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.TrimSpace(mailBlank.ReplaceAllString(strings.Join(lines, "\n"), "\n\n"))
}
