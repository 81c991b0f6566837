package e2e

import (
	"regexp"
	"testing"
)

// TestDemoAccountsAndBanner: `serve --demo` prints one account per role
// with its password beside the back office's address; a newcomer signs in
// with the editor's and sees, in the back office as on the site, that the
// data is a demo.
func TestDemoAccountsAndBanner(t *testing.T) {
	p := start(t, true)
	out := p.Output()
	if !regexp.MustCompile(`Tài khoản mẫu để thử trang quản trị http://[^ ]+/quan-tri/`).MatchString(out) {
		t.Fatalf("no demo accounts printed with the back office's address:\n%s", out)
	}
	accounts := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^  (\S+@demo\.example)\s+(\S+)\s+`).FindAllStringSubmatch(out, -1) {
		accounts[m[1]] = m[2]
	}
	if len(accounts) != 3 {
		t.Fatalf("want 3 demo accounts (one per role), got %v", accounts)
	}
	b := newBrowser(t, p, 1280)
	b.login("bientap@demo.example", accounts["bientap@demo.example"])
	b.waitText("#demo-banner", "Dữ liệu mẫu – không phải thông tin chính thức")
	b.shot("quan-tri-du-lieu-mau")
	b.open("/")
	b.waitText(".demo-banner", "Dữ liệu mẫu – không phải thông tin chính thức")
}
