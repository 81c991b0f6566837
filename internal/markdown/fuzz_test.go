package markdown

import (
	"regexp"
	"testing"
)

var dangerous = regexp.MustCompile(`(?i)<script|<[a-z][^>]*\son[a-z]+\s*=|(href|src)="\s*(javascript|vbscript|data):`)

// FuzzCheck: Check never panics, and Markdown it lets through renders to
// HTML without scripts, event handlers or dangerous links.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"Xã **Đại Sơn**", "<script>alert(1)</script>", "[x](javascript:alert(1))", "[x](&#106;avascript:1)",
		"![x](data:image/png;base64,AA==)", "<img src=x onerror=alert(1)>", "{{< x >}}", "```\n<b>\n```", "<!--more-->",
		"[a]: JAVASCRIPT:x\n\n[b][a]", "<https://dichvucong.gov.vn>", "| a |\n|---|\n| <i>x</i> |",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		problems := Check(src)
		html, err := Render(src)
		if err != nil {
			t.Fatal(err)
		}
		_ = Plain(src)
		if len(problems) == 0 && dangerous.MatchString(html) {
			t.Fatalf("Check passed %q but it renders %q", src, html)
		}
	})
}
