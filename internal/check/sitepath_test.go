package check

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// sitePathCases are paths and whether they are paths on the site.
var sitePathCases = []struct {
	path string
	ok   bool
}{
	{"/", true},
	{"/huong-dan/dang-ky-khai-sinh/", true},
	{"/tin-tuc/?trang=2#muc-1", true},
	{"/đại-sơn/", true},
	{"", false},
	{"huong-dan/", false},
	{"//evil.example/", false},
	{"/\t/evil.example/", false},
	{"/\n/evil.example/", false},
	{"/\r/evil.example/", false},
	{"/\x00/", false},
	{"/\x7f/", false},
	{"/\u0085/", false},
	{"/ /evil.example/", false},
	{"/\u00a0/", false},
	{"/\u3000/", false},
	{"/\u200b/", false},
	{"/\u202e/", false},
	{"/\ufeff/", false},
	{"/\\evil.example/", false},
	{"/\\/evil.example/", false},
	{"/x?next=https://evil.example/", false},
	{"https://evil.example/", false},
	{"javascript:alert(1)", false},
	{"/" + strings.Repeat("a", 300), false},
}

// TestHostile12SitePathRule: one rule for a path on the site, kept alike
// by the server (SitePath) and by the back office before it shows a stored
// path as a link (util.js sitePath, run in Node).
func TestHostile12SitePathRule(t *testing.T) {
	paths := make([]string, len(sitePathCases))
	for i, c := range sitePathCases {
		paths[i] = c.path
		if got := SitePath(c.path); got != c.ok {
			t.Errorf("SitePath(%q) = %v, want %v", c.path, got, c.ok)
		}
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is missing: the back office's copy of the rule is not checked (install Node.js ≥ 20)")
	}
	util, err := filepath.Abs("../../admin/backoffice/ui/assets/js/util.js")
	if err != nil {
		t.Fatal(err)
	}
	in, _ := json.Marshal(paths)
	script := `const m = await import(process.argv[1]); const ps = JSON.parse(process.argv[2]);
console.log(JSON.stringify(ps.map((p) => m.sitePath(p))));`
	out, err := exec.Command(node, "--input-type=module", "-e", script, "file://"+filepath.ToSlash(util), string(in)).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var got []bool
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(paths) {
		t.Fatalf("node said %s (%v)", out, err)
	}
	for i, c := range sitePathCases {
		if got[i] != c.ok {
			t.Errorf("back office sitePath(%q) = %v, want %v", c.path, got[i], c.ok)
		}
	}
}
