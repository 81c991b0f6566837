package themetest

import (
	"strings"
	"testing"
)

// guides is the guides' section with one guide whose links are all
// http(s) or not: safe-link.html lets only http(s) through, out-link.html
// labels where each link goes.
const guides = `
-- content/huong-dan/_index.md --
+++
title = "Hướng dẫn"
+++
-- content/huong-dan/khai-sinh.md --
+++
title = "Đăng ký khai sinh"
portalLink = "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html"
[[steps]]
  title = "Nộp hồ sơ"
  link = "https://dichvucong.gov.vn/p/home/dvc-dich-vu-cong-truc-tuyen.html"
[[steps]]
  title = "Đã nói tên cổng"
  link = "https://hanoi.dichvucong.gov.vn/nop"
  linkText = "Mở Cổng Dịch vụ công quốc gia"
[[steps]]
  title = "Trang khác"
  link = "HTTP://Dvc.Example.org:8443/nop?x=1"
  linkText = "Nộp qua trang của tỉnh"
[[steps]]
  title = "Liên kết độc"
  link = "javascript:alert(1)//https://dichvucong.gov.vn"
[[steps]]
  title = "Không có máy chủ"
  link = "https:///duong-dan"
[[steps]]
  title = "Giả danh cổng"
  link = "https://dichvucong.gov.vn.evil.example/"
+++
-- content/huong-dan/doc.md --
+++
title = "Cổng lạ"
portalLink = "javascript:alert(1)"
+++
`

// step cuts the n-th step (1-based) out of a guide page.
func step(t *testing.T, html string, n int) string {
	t.Helper()
	parts := strings.Split(html, `<li class="step">`)
	if n >= len(parts) {
		t.Fatalf("the guide has %d steps, want at least %d", len(parts)-1, n)
	}
	s, _, _ := strings.Cut(parts[n], "</li>")
	return s
}

// TestGuideLinks: only http(s) addresses with a host become links out;
// each says where it goes (the national portal by name, any other site by
// its host) unless its own words already name the portal, and opens with
// rel="noopener".
func TestGuideLinks(t *testing.T) {
	b := build(t, guides)
	html := b.FileContent("public/huong-dan/khai-sinh/index.html")
	for n, want := range map[int][]string{
		1: {`<a class="out-link" href="https://dichvucong.gov.vn/p/home/dvc-dich-vu-cong-truc-tuyen.html" rel="noopener">Thực hiện trực tuyến</a>`,
			`<span class="out-host">(Cổng Dịch vụ công quốc gia)</span>`},
		2: {`<a class="out-link" href="https://hanoi.dichvucong.gov.vn/nop" rel="noopener">Mở Cổng Dịch vụ công quốc gia</a>`,
			`!out-host`},
		3: {`<a class="out-link" href="HTTP://Dvc.Example.org:8443/nop?x=1" rel="noopener">Nộp qua trang của tỉnh</a>`,
			`<span class="out-host">(mở trang dvc.example.org)</span>`},
		4: {`!<a `, `!javascript`},
		5: {`!<a `},
		6: {`<span class="out-host">(mở trang dichvucong.gov.vn.evil.example)</span>`},
	} {
		s := step(t, html, n)
		for _, w := range want {
			if not, ok := strings.CutPrefix(w, "!"); ok {
				if strings.Contains(s, not) {
					t.Errorf("step %d should have no %s:\n%s", n, not, s)
				}
			} else if !strings.Contains(s, w) {
				t.Errorf("step %d: no %s in\n%s", n, w, s)
			}
		}
	}
	b.AssertFileContent("public/huong-dan/khai-sinh/index.html",
		`<p class="cta"><a class="button" href="https://dichvucong.gov.vn/p/home/dvc-trang-chu.html" rel="noopener">`)
	b.AssertFileContent("public/huong-dan/doc/index.html", `! class="cta"`, "! javascript:")
}
