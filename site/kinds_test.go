package site_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	portal "github.com/daison/portal"
	"github.com/daison/portal/records"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site"
)

// TestEveryKindHasItsPages: with the real theme, a published record of
// each kind with pages that gives a sample record (Kind.Sample) gets its
// page, with its title, and a place in its section's list; so a new kind's
// mapper and templates are built as soon as it is in records.All.
func TestEveryKindHasItsPages(t *testing.T) {
	app := recordstest.NewApp(t)
	past := recordstest.Date(time.Now().Add(-time.Hour))
	type want struct{ page, list, title string }
	var wants []want
	for _, k := range records.All {
		if !k.HasPages() || k.Sample == nil {
			continue
		}
		f := k.Sample(1)
		f["status"], f["publishAt"] = "published", past
		r := recordstest.Create(t, app, k.Collection, f)
		wants = append(wants, want{page: k.PageURL(r.GetString("slug")), list: "/" + k.Section + "/", title: k.Title(r)})
	}
	if len(wants) == 0 {
		t.Skip("no kind with pages gives a sample record")
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.BuildTo(app, site.Config{BaseURL: "http://x.test/", Sources: portal.SiteFiles}, out); err != nil {
		t.Fatal(err)
	}
	read := func(url string) string {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(url), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, w := range wants {
		if page := read(w.page); !strings.Contains(page, "<h1>"+w.title+"</h1>") {
			t.Errorf("%s does not show its title %q", w.page, w.title)
		}
		if list := read(w.list); !strings.Contains(list, `href="`+w.page+`"`) && !strings.Contains(list, "href="+w.page+">") {
			t.Errorf("%s does not link %s", w.list, w.page)
		}
	}
}
