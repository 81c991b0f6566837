package site_test

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/pocketbase/pocketbase/core"

	portal "github.com/daison/portal"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site"
)

// siteFiles copies the portal's site sources into a map a test may change
// between builds (as IT edits the theme through --site-src).
func siteFiles(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(portal.SiteFiles, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(portal.SiteFiles, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// publish saves a published record.
func publish(t *testing.T, app core.App, coll string, fields map[string]any) *core.Record {
	t.Helper()
	fields["status"] = "published"
	fields["publishAt"] = recordstest.Date(time.Now().Add(-time.Minute))
	return recordstest.Create(t, app, coll, fields)
}

// guidePage is a section template broken as IT might break it on the
// server: every guide's page fails to render.
const guidePage = "themes/daison/layouts/huong-dan/page.html"

// TestBrokenSectionTemplate: with the guides' template broken, the real
// site still goes live: a new article is on its page and on /tin-tuc/, a
// guide published before keeps its last good page, a new guide is not on
// the site (nor listed), and the report names the failing section and
// template; the next build holds the section back at once; once the
// template is fixed, every page is back.
func TestBrokenSectionTemplate(t *testing.T) {
	app := recordstest.NewApp(t)
	src := siteFiles(t)
	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://xa-mau.test/", Sources: src})
	t.Cleanup(b.Close)

	old := publish(t, app, schema.Guides, map[string]any{"title": "Đăng ký khai sinh trực tuyến", "summary": "Từng bước trên VNeID."})
	publish(t, app, schema.Guides, map[string]any{"title": "Chứng thực bản sao điện tử"})
	publish(t, app, schema.Articles, map[string]any{"title": "Xã ra mắt tổ công nghệ số", "category": "thong-bao"})
	if _, err := b.Build("đầu tiên"); err != nil {
		t.Fatal(err)
	}
	oldPage, ok := readLive(t, b, "huong-dan/"+old.GetString("slug")+"/index.html")
	if !ok {
		t.Fatal("the guide's page is not live")
	}

	src[guidePage] = &fstest.MapFile{Data: []byte(`{{ define "main" }}<h1>{{ .Title.Khong.Co }}</h1>{{ end }}`)}
	art := publish(t, app, schema.Articles, map[string]any{"title": "Tin mới khi giao diện hướng dẫn bị lỗi", "category": "thong-bao"})
	guide := publish(t, app, schema.Guides, map[string]any{"title": "Hướng dẫn mới chưa lên được"})
	rep, err := b.Build("giao diện hướng dẫn bị lỗi")
	if err != nil {
		t.Fatalf("a broken section template stopped the build: %v (%s)", err, rep.Error)
	}
	if page, ok := readLive(t, b, "tin-tuc/"+art.GetString("slug")+"/index.html"); !ok || !strings.Contains(page, "Tin mới khi giao diện hướng dẫn bị lỗi") {
		t.Fatal("the new article is not on its page")
	}
	if list, _ := readLive(t, b, "tin-tuc/index.html"); !strings.Contains(list, "/tin-tuc/"+art.GetString("slug")+"/") {
		t.Fatal("the new article is not on /tin-tuc/")
	}
	if page, _ := readLive(t, b, "huong-dan/"+old.GetString("slug")+"/index.html"); page != oldPage {
		t.Fatal("the guide published before lost its last good page")
	}
	if _, ok := readLive(t, b, "huong-dan/"+guide.GetString("slug")+"/index.html"); ok {
		t.Fatal("a guide whose page failed is live")
	}
	if list, _ := readLive(t, b, "huong-dan/index.html"); strings.Contains(list, guide.GetString("slug")) || !strings.Contains(list, old.GetString("slug")) {
		t.Fatal("the guides' list links to a page that is not live, or lost one that is")
	}
	checkHeldSection := func(rep site.Report) {
		t.Helper()
		if len(rep.FailedPages) != 1 {
			t.Fatalf("failed pages = %+v", rep.FailedPages)
		}
		fp := rep.FailedPages[0]
		if fp.URL != "/huong-dan/" || !fp.Section || fp.Pages != 3 || fp.Collection != schema.Guides || fp.Template != "huong-dan/page.html" ||
			fp.Line != 1 || fp.Kept || len(fp.NotLive) != 1 || fp.NotLive[0] != guide.Id || !strings.Contains(fp.Message, "/huong-dan/") {
			t.Fatalf("failed page = %+v", fp)
		}
		if len(rep.Problems) != 1 || rep.Problems[0].Message != fp.Message {
			t.Fatalf("the dashboard's problems do not name it: %+v", rep.Problems)
		}
	}
	checkHeldSection(rep)
	st := b.Status()
	if st.LastSuccess == nil || st.LastSuccess.ID != rep.ID || st.Last.Error != "" {
		t.Fatalf("status = %+v", st)
	}
	t.Logf("held back: %s", rep.FailedPages[0].Message)

	// The next build holds the section back from the start.
	art2 := publish(t, app, schema.Articles, map[string]any{"title": "Tin thứ ba", "category": "thong-bao"})
	rep, err = b.Build("tiếp")
	if err != nil {
		t.Fatal(err)
	}
	checkHeldSection(rep)
	if _, ok := readLive(t, b, "tin-tuc/"+art2.GetString("slug")+"/index.html"); !ok {
		t.Fatal("the next article is not live")
	}

	// Fixed: every guide is back, nothing is held.
	src[guidePage] = &fstest.MapFile{Data: mustRead(t, portal.SiteFiles, guidePage)}
	rep, err = b.Build("sửa")
	if err != nil || len(rep.FailedPages) != 0 || len(rep.Problems) != 0 {
		t.Fatalf("after the fix: %v %+v", err, rep.FailedPages)
	}
	if _, ok := readLive(t, b, "huong-dan/"+guide.GetString("slug")+"/index.html"); !ok {
		t.Fatal("the new guide is not live after the fix")
	}
}

func mustRead(t *testing.T, fsys fs.FS, name string) []byte {
	t.Helper()
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestManyFailingPages: a section template failing on many pages (Hugo
// may stall after ten failures and name none) still lets the rest go live.
func TestManyFailingPages(t *testing.T) {
	app := recordstest.NewApp(t)
	for i := 0; i < 60; i++ {
		publish(t, app, schema.Guides, map[string]any{"title": fmt.Sprintf("Hướng dẫn số %d", i)})
	}
	art := publish(t, app, schema.Articles, map[string]any{"title": "Tin vẫn lên trang", "category": "thong-bao"})
	src := miniSite(goodPage)
	src["themes/mini/layouts/huong-dan/page.html"] = miniFile(`{{ .Title.Khong.Co }}`)
	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://xa-mau.test/", Sources: src})
	t.Cleanup(b.Close)
	rep, err := b.Build("nhiều trang lỗi")
	if err != nil {
		t.Fatalf("build: %v (%s)", err, rep.Error)
	}
	if _, ok := readLive(t, b, "tin-tuc/"+art.GetString("slug")+"/index.html"); !ok {
		t.Fatal("the article is not live")
	}
	if len(rep.FailedPages) != 1 || rep.FailedPages[0].URL != "/huong-dan/" || rep.FailedPages[0].Pages != 60 {
		t.Fatalf("failed pages = %+v", rep.FailedPages)
	}
}
