package feedback

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzFeedbackClean: the citizen form check never panics, and what it
// accepts is valid NFC UTF-8 with no line break in a one-line field, a
// page that is a path on the site, and contacts only with consent.
func FuzzFeedbackClean(f *testing.F) {
	f.Add("gop-y", "/huong-dan/x/", "", "Nội dung góp ý đủ dài", "", "", "", "0912345678", "", "on")
	f.Add("huu-ich", "//evil", "", "", "co", "", "An\r\n", "", "a@b.c", "")
	f.Add("hai-long", "/", "", "", "", "5", "", "0912\r\nBcc:", "", "on")
	f.Add("huu-ich", "/\t/evil.example/", "", "", "co", "", "", "", "", "")
	f.Add("sang-kien", "/x/", "Tên\u200b", "Mo\u0302 ta\u0309 sáng kiến", "", "", "", "", "x@y.vn", "")
	f.Fuzz(func(t *testing.T, kind, page, topic, message, helpful, rating, name, phone, email, consent string) {
		in := Input{Kind: kind, Page: page, Topic: topic, Message: message, Helpful: helpful,
			Rating: rating, Name: name, Phone: phone, Email: email, Consent: consent}
		errs := in.clean()
		if len(errs) > 0 {
			return
		}
		for _, v := range []string{in.Kind, in.Page, in.Topic, in.Helpful, in.Rating, in.Name, in.Phone, in.Email} {
			if strings.ContainsAny(v, "\r\n") || !utf8.ValidString(v) || !norm.NFC.IsNormalString(v) {
				t.Fatalf("accepted a bad one-line value %q", v)
			}
		}
		if !utf8.ValidString(in.Message) || !norm.NFC.IsNormalString(in.Message) {
			t.Fatalf("accepted a bad message %q", in.Message)
		}
		if in.Page != "" && !strings.HasPrefix(in.Page, "/") {
			t.Fatalf("accepted page %q", in.Page)
		}
		// What a browser makes of the page as a link: it drops tabs, line
		// breaks and other controls, and reads "\" as "/". It must still be
		// a path on this site.
		browser := strings.ReplaceAll(strings.Map(func(r rune) rune {
			if r < 0x20 || r == 0x7f {
				return -1
			}
			return r
		}, in.Page), `\`, "/")
		if in.Page != "" && (strings.HasPrefix(browser, "//") || strings.ContainsAny(in.Page, " \t\u00a0")) {
			t.Fatalf("accepted page %q, which a browser reads as %q", in.Page, browser)
		}
		if (in.Phone != "" || in.Email != "") && !in.consented() {
			t.Fatalf("accepted a contact without consent")
		}
	})
}
