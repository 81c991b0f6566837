package feedback

import (
	"strings"
	"testing"
)

// TestInShell sets a receipt in a shell as the site's minified build
// writes it: the title and main's content are replaced, the style goes in
// the head, and the banner, header and footer stay; a page without a
// <main> or a <title> is not a shell.
func TestInShell(t *testing.T) {
	shell := `<!doctype html><html lang=vi><head><meta charset=utf-8><title>Ý kiến của bạn – Cổng xã</title><link rel=stylesheet href=/css/main.css></head>` +
		`<body><a class=skip-link href=#noi-dung>Bỏ qua</a><p class=demo-banner>Dữ liệu mẫu</p><header class=site-header>menu</header>` +
		`<main id=noi-dung class="container main" tabindex=-1></main><footer class=site-footer>chân trang</footer></body></html>`
	// A clone, as renderFeedback does: an html/template once executed
	// can no longer be cloned.
	page0, err := thanksPage.Clone()
	if err != nil {
		t.Fatal(err)
	}
	title, style, body, err := renderParts(page0, map[string]any{"Title": "Đã gửi <thành công>", "Code": "GY-7K2M9Q", "Return": "/"})
	if err != nil {
		t.Fatal(err)
	}
	page, ok := inShell([]byte(shell), title, style, body)
	if !ok {
		t.Fatal("the shell was not recognised")
	}
	s := string(page)
	for _, want := range []string{
		"<title>Đã gửi &lt;thành công&gt; – ",
		"<style>main{--err:#b00020}",
		`</style></head>`,
		"<p class=demo-banner>Dữ liệu mẫu</p><header class=site-header>menu</header>",
		`<main id=noi-dung class="container main" tabindex=-1>` + "\n",
		`href="/gop-y/tra-cuu/ket-qua?ma=GY-7K2M9Q"`,
		"</main><footer class=site-footer>chân trang</footer>",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("no %q in\n%s", want, s)
		}
	}
	if strings.Count(s, "<main") != 1 || strings.Contains(s, "Ý kiến của bạn") {
		t.Errorf("the shell's own title or a second main stayed:\n%s", s)
	}
	if csp := shellCSP(style); !strings.Contains(csp, "style-src 'self' 'sha256-") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP %q", csp)
	}
	for _, bad := range []string{
		"",
		"<html><head><title>x</title></head><body>no main</body></html>",
		"<html><head></head><body><main></main></body></html>",
		"<main></main><title>x</title></head>",
	} {
		if _, ok := inShell([]byte(bad), title, style, body); ok {
			t.Errorf("%q taken for a shell", bad)
		}
	}
}
