package site_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/site"
)

// TestRenderAheadMatchesFull: the pages of saved records rendered ahead in
// a small site, and served before the next build, are byte for byte the
// pages the build then makes, for each kind of record page; the build
// clears the overlay; an unpublished record leaves the overlay at once. The
// lane's first run (articles) starts from the last build's sources.
func TestRenderAheadMatchesFull(t *testing.T) {
	app, b := demoBuilder(t, site.Config{RenderAheadPages: 1})
	if _, err := b.Build("đầu"); err != nil {
		t.Fatal(err)
	}

	var ahead map[string]string // HTML pages of the last overlay, by path
	b.OnAhead(func(overlay string) {
		ahead = map[string]string{}
		_ = filepath.WalkDir(overlay, func(p string, d fs.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, ".html") {
				body, _ := os.ReadFile(p)
				rel, _ := filepath.Rel(overlay, p)
				ahead[filepath.ToSlash(rel)] = string(body)
			}
			return err
		})
		// Served at once, before the full build.
		cur, _ := b.Dir().CurrentOverlay()
		if cur != overlay {
			t.Errorf("overlay %s not live (live overlay %q)", overlay, cur)
		}
	})

	cases := []struct {
		collection, section, field, value string
	}{
		{schema.Articles, "tin-tuc", "title", "Bài đã sửa: hội nghị về VNeID"},
		{schema.Guides, "huong-dan", "title", "Hướng dẫn đã sửa: đăng ký khai sinh"},
		{schema.Initiatives, "mo-hinh-sang-kien", "title", "Sáng kiến đã sửa: một cửa không giấy"},
		{schema.Honorees, "vinh-danh", "name", "Nguyễn Văn Sửa"},
	}
	for _, c := range cases {
		recs, err := app.FindRecordsByFilter(c.collection, `status = "published"`, "-publishAt", 1, 0)
		if err != nil || len(recs) == 0 {
			t.Fatalf("%s: no published record: %v", c.collection, err)
		}
		r := recs[0]
		r.Set(c.field, c.value)
		if err := app.Save(r); err != nil {
			t.Fatalf("%s: %v", c.collection, err)
		}
		ahead = nil
		n, took, err := b.RenderAhead()
		if err != nil || n == 0 || ahead == nil {
			t.Fatalf("%s: nothing rendered ahead: %d, %v", c.collection, n, err)
		}
		start := time.Now()
		if _, err := b.Build("sửa"); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d page(s) live ahead in %s; the build then took %s", c.collection, n, took.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
		if cur, _ := b.Dir().CurrentOverlay(); cur != "" {
			t.Errorf("%s: the overlay outlived the build that includes it", c.collection)
		}
		page := c.section + "/" + r.GetString("slug") + "/index.html"
		if !strings.Contains(ahead[page], c.value) {
			t.Errorf("%s: %s rendered ahead without the change", c.collection, page)
		}
		for p, body := range ahead {
			full, err := os.ReadFile(filepath.Join(b.Dir().LivePath(), filepath.FromSlash(p)))
			if err != nil {
				t.Errorf("%s: %s rendered ahead but not in the full build", c.collection, p)
				continue
			}
			if string(full) != body {
				t.Errorf("%s: %s differs from the full build's:\n%s", c.collection, p, firstDiff(body, string(full)))
			}
		}
	}

	if n, _, err := b.RenderAhead(); err != nil || n != 0 {
		t.Fatalf("nothing saved since the build, yet %d page(s) rendered ahead: %v", n, err)
	}

	// Saved, then unpublished before the next build: out of the overlay.
	arts, err := app.FindRecordsByFilter(schema.Articles, `status = "published"`, "-publishAt", 1, 0)
	if err != nil || len(arts) == 0 {
		t.Fatal(err)
	}
	a := arts[0]
	a.Set("title", "Bài sắp bị gỡ")
	if err := app.Save(a); err != nil {
		t.Fatal(err)
	}
	if n, _, err := b.RenderAhead(); err != nil || n == 0 {
		t.Fatalf("edit before unpublishing: %d, %v", n, err)
	}
	a.Set("status", "draft")
	if err := app.Save(a); err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.RenderAhead(); err != nil {
		t.Fatal(err)
	}
	cur, _ := b.Dir().CurrentOverlay()
	if _, err := os.Stat(filepath.Join(cur, "tin-tuc", a.GetString("slug"))); cur == "" || err == nil {
		t.Errorf("the unpublished article is still in the overlay %q", cur)
	}

	// A restart does not serve the overlay an earlier run left.
	again := site.New(app, site.Config{Root: b.Dir().Root, BaseURL: "http://dai-son.test/", RenderAheadPages: 1})
	t.Cleanup(again.Close)
	again.DropOldOverlay()
	if cur, _ := b.Dir().CurrentOverlay(); cur != "" {
		t.Errorf("an earlier run's overlay is still served after a restart: %s", cur)
	}
}

// firstDiff shows where a and b first differ.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-120)
	return "ahead: …" + a[from:min(len(a), i+120)] + "…\nfull:  …" + b[from:min(len(b), i+120)] + "…"
}
