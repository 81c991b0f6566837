package site_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site"
)

// fiftyArticles makes enough pages that a template failing on each would
// make Hugo v0.165 deadlock (ten errors stop its renderers).
func fiftyArticles(t *testing.T) (*site.Builder, fstest.MapFS) {
	t.Helper()
	app := recordstest.NewApp(t)
	for i := 0; i < 50; i++ {
		recordstest.Create(t, app, schema.Articles, map[string]any{
			"title": "Tin số " + strings.Repeat("x", i+1), "body": strings.Repeat("Nội dung. ", 200), "category": "thong-bao",
			"status": "published", "publishAt": recordstest.Date(time.Now().Add(-time.Hour)),
		})
	}
	src := miniSite(goodPage)
	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://x.test/", Sources: src, BuildTimeout: 5 * time.Second})
	t.Cleanup(b.Close)
	return b, src
}

// TestDiskFullDuringBuild: the build would fill the disk (here a bound of
// 60 KB stands for the free space): it stops, the live site stays as it was,
// the status says why, and with room again the next build goes live.
func TestDiskFullDuringBuild(t *testing.T) {
	b, _ := fiftyArticles(t)
	good, err := b.Build("đầu")
	if err != nil {
		t.Fatal(err)
	}
	live, _ := b.Dir().Current()
	full := site.New(b.App(), site.Config{Root: b.Dir().Root, BaseURL: "http://x.test/", Sources: miniSite(goodPage), MaxOutputBytes: 60_000})
	t.Cleanup(full.Close)
	rep, err := full.Build("ổ đĩa đầy")
	if err == nil || !strings.Contains(err.Error(), "ổ đĩa sắp đầy") {
		t.Fatalf("build on a full disk: %v", err)
	}
	if cur, _ := b.Dir().Current(); cur != live {
		t.Fatal("a build that ran out of disk went live")
	}
	for _, page := range []string{"index.html", "404.html", "tin-tuc/tin-so-x/index.html"} {
		if _, err := os.Stat(filepath.Join(b.Dir().LivePath(), page)); err != nil {
			t.Errorf("live page %s gone: %v", page, err)
		}
	}
	st := full.Status()
	if st.Last == nil || st.Last.ID != rep.ID || !strings.Contains(st.Last.Error, "ổ đĩa sắp đầy") || st.LastSuccess == nil || st.LastSuccess.ID != good.ID {
		t.Fatalf("status = %+v", st)
	}
	if _, err := b.Build("đã có chỗ"); err != nil {
		t.Fatalf("build after the disk was freed: %v", err)
	}
}

// TestBrokenTemplateOnManyPages: a template that fails on every one of 50
// pages (which deadlocks Hugo v0.165 at times) fails the build in bounded
// time, whatever Hugo does, and the next good build goes live.
func TestBrokenTemplateOnManyPages(t *testing.T) {
	b, src := fiftyArticles(t)
	if _, err := b.Build("đầu"); err != nil {
		t.Fatal(err)
	}
	live, _ := b.Dir().Current()
	src["themes/mini/layouts/page.html"] = miniFile(`{{ .Title.Khong.Co }}`)
	for i := 0; i < 3; i++ {
		start := time.Now()
		if _, err := b.Build("mẫu hỏng"); err == nil {
			t.Fatal("a broken template built")
		}
		t.Logf("broken build %d failed after %s", i+1, time.Since(start).Round(time.Millisecond))
		if cur, _ := b.Dir().Current(); cur != live {
			t.Fatal("a failed build went live")
		}
	}
	src["themes/mini/layouts/page.html"] = miniFile(goodPage)
	if _, err := b.Build("sửa mẫu"); err != nil {
		t.Fatalf("after repair: %v", err)
	}
}
