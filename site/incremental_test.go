package site_test

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tests"

	portal "github.com/daison/portal"
	"github.com/daison/portal/demo"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site"
	"github.com/daison/portal/site/search"
)

// TestIncrementalMatchesFull: with the portal's real theme and the demo
// content, builds after edits and additions re-render only what changed,
// and the live site is then, file for file, what a full build of the same
// records gives.
func TestIncrementalMatchesFull(t *testing.T) {
	app, b := demoBuilder(t, site.Config{Incremental: true})
	if rep, err := b.Build("đầu"); err != nil || rep.Incremental {
		t.Fatalf("first build: %+v %v", rep, err)
	}
	if rep, err := b.Build("không đổi"); err != nil || rep.Changed != 0 {
		t.Fatalf("unchanged build: %+v %v", rep, err)
	}

	arts, err := app.FindRecordsByFilter(schema.Articles, `status = "published"`, "-publishAt", 2, 0)
	if err != nil || len(arts) < 2 {
		t.Fatal(err)
	}
	edits := []func(){
		func() {
			arts[0].Set("title", "Tiêu đề mới của bài đầu tiên")
			arts[0].Set("body", "Nội dung **mới**.")
		},
		func() { arts[1].Set("summary", "Tóm tắt mới cho bài thứ hai.") },
	}
	for i, edit := range edits {
		edit()
		r := arts[i]
		if err := app.Save(r); err != nil {
			t.Fatal(err)
		}
		rep, err := b.Build("sửa")
		if err != nil {
			t.Fatal(err)
		}
		if !rep.Incremental {
			t.Errorf("edit %d: a full build (%+v)", i, rep)
		}
		t.Logf("edit %d: %s, Hugo %s, %d of %d pages re-rendered", i, rep.Duration.D().Round(time.Millisecond), rep.HugoDuration.D().Round(time.Millisecond), rep.Rendered, rep.Pages)
		// One article's change re-renders its page and the lists that show
		// it, not the site: a template that asks Hugo for a section's
		// pages, .Parent, .Related or site.Home on every page makes every
		// page depend on every other.
		if rep.Rendered*3 > rep.Pages {
			t.Errorf("edit %d re-rendered %d files of %d pages", i, rep.Rendered, rep.Pages)
		}
	}
	recordstest.Create(t, app, schema.Articles, map[string]any{
		"title": "Bài mới hoàn toàn", "body": "Có **nội dung**.", "category": "thong-bao", "tags": []string{"VNeID"},
		"status": "published", "publishAt": recordstest.Date(time.Now().Add(-time.Minute)),
	})
	if rep, err := b.Build("thêm"); err != nil || !rep.Incremental {
		t.Fatalf("addition: %+v %v", rep, err)
	}
	if page, err := os.ReadFile(filepath.Join(b.Dir().LivePath(), "tin-tuc", "bai-moi-hoan-toan", "index.html")); err != nil || !strings.Contains(string(page), "Bài mới hoàn toàn") {
		t.Fatalf("the new article: %v", err)
	}

	full := filepath.Join(t.TempDir(), "full")
	if _, err := site.RunHugo(b.Dir().SrcPath(), full, "http://dai-son.test/", b.Dir().CachePath()); err != nil {
		t.Fatal(err)
	}
	// The search index is the builder's, written after Hugo: the full
	// build gets a fresh one from the same sources.
	docs, problems := search.FromSource(filepath.Join(b.Dir().Root, "src"))
	syns, err := search.Synonyms(app)
	if len(problems) > 0 || err != nil {
		t.Fatal(problems, err)
	}
	if _, err := search.Build(docs, syns).Write(full); err != nil {
		t.Fatal(err)
	}
	live, _ := b.Dir().Current()
	if os.Getenv("KEEP_DIFF") != "" {
		exec.Command("cp", "-r", live, "/tmp/inc-live").Run()
		exec.Command("cp", "-r", full, "/tmp/inc-full").Run()
	}
	compareTrees(t, live, full)

	// An unpublished record makes a full build: its page goes.
	arts[1].Set("status", "draft")
	if err := app.Save(arts[1]); err != nil {
		t.Fatal(err)
	}
	if rep, err := b.Build("gỡ"); err != nil || rep.Incremental {
		t.Fatalf("removal: %+v %v", rep, err)
	}
	if _, err := os.Stat(filepath.Join(b.Dir().LivePath(), "tin-tuc", arts[1].GetString("slug"))); err == nil {
		t.Fatal("an unpublished article's page is still live")
	}
}

// demoBuilder returns a test app holding the demo content, and a builder of
// its site with the portal's real theme and cfg's other settings.
func demoBuilder(t *testing.T, cfg site.Config) (*tests.TestApp, *site.Builder) {
	t.Helper()
	app := recordstest.NewApp(t)
	if _, err := demo.Load(app); err != nil {
		t.Fatal(err)
	}
	cfg.Root, cfg.BaseURL, cfg.Sources = t.TempDir(), "http://dai-son.test/", portal.SiteFiles
	b := site.New(app, cfg)
	t.Cleanup(b.Close)
	return app, b
}

// compareTrees fails on any file (but gzipped copies) that differs between
// the two folders.
func compareTrees(t *testing.T, a, b string) {
	t.Helper()
	list := func(root string) map[string][]byte {
		m := map[string][]byte{}
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(p, ".gz") {
				return nil
			}
			rel, _ := filepath.Rel(root, p)
			m[rel], _ = os.ReadFile(p)
			return nil
		})
		return m
	}
	ma, mb := list(a), list(b)
	var diffs []string
	for p, x := range ma {
		if y, ok := mb[p]; !ok {
			diffs = append(diffs, "only incremental: "+p)
		} else if !bytes.Equal(x, y) {
			diffs = append(diffs, "differs: "+p)
		}
	}
	for p := range mb {
		if _, ok := ma[p]; !ok {
			diffs = append(diffs, "only full: "+p)
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		if len(diffs) > 20 {
			diffs = append(diffs[:20], "…")
		}
		t.Errorf("%d differences between the incremental and a full build:\n%s", len(diffs), strings.Join(diffs, "\n"))
	}
}
