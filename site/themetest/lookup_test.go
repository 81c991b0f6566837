package themetest

import (
	"os"
	"strings"
	"testing"

	"github.com/gohugoio/hugo/hugolib"
)

// lookupContent is the section and the lookup page as the repository has
// them.
const lookupContent = `
-- content/gop-y/_index.md --
sourcefilename: ` + repoRoot + `/content/gop-y/_index.md
-- content/gop-y/tra-cuu/index.md --
sourcefilename: ` + repoRoot + `/content/gop-y/tra-cuu/index.md
`

// TestLookupFormsPostToAPIBase: the static lookup page's two forms post to
// the portal at apiBase when the site is on another host, to the site's
// own address when apiBase is empty; the feedback forms' receipts link to
// it; without the export's data/privacy.json the forms still say, in
// short, what happens to the contacts.
func TestLookupFormsPostToAPIBase(t *testing.T) {
	conf, err := os.ReadFile(repoRoot + "/hugo.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(conf), `apiBase = ""`) {
		t.Fatal(`hugo.toml has no apiBase = ""`)
	}
	other := strings.Replace(string(conf), `apiBase = ""`, `apiBase = "https://cong.example.vn/"`, 1)
	files := strings.Replace(siteFiles(t), "-- hugo.toml --\nsourcefilename: "+repoRoot+"/hugo.toml\n", "-- hugo.toml --\n"+other+"\n", 1)

	for _, c := range []struct {
		name string
		b    *hugolib.IntegrationTestBuilder
		api  string
	}{
		{"own address", build(t, lookupContent), ""},
		{"another host", hugolib.Test(t, files+lookupContent), "https://cong.example.vn"},
	} {
		page := c.b.FileContent("public/gop-y/tra-cuu/index.html")
		for _, want := range []string{
			`action="` + c.api + `/gop-y/tra-cuu/ket-qua"`, `action="` + c.api + `/gop-y/tra-cuu/xoa-lien-he"`,
			`name="ma"`, `name="so"`, `name="email"`, `name="xac-nhan"`, `class="site-nav"`, "tự động xóa sau 12 tháng",
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: /gop-y/tra-cuu/ lacks %q", c.name, want)
			}
		}
		fb := c.b.FileContent("public/gop-y/index.html")
		for _, want := range []string{`data-lookup="/gop-y/tra-cuu/"`, `id="gop-y-du-lieu-ca-nhan"`, "tự xóa sớm hơn trên trang Tra cứu"} {
			if !strings.Contains(fb, want) {
				t.Errorf("%s: /gop-y/ lacks %q", c.name, want)
			}
		}
	}
}
