package export_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site/export"
)

func TestTreeApply(t *testing.T) {
	root := t.TempDir()
	made := 0
	build := func(files map[string]string) (w, r []string) {
		tr := export.NewTree()
		for p, c := range files {
			tr.Put(p, []byte(c))
		}
		tr.PutMade("x/qr.svg", "v1", func() ([]byte, error) { made++; return []byte("qr"), nil })
		w, r, err := tr.Apply(root, ".m.json")
		if err != nil {
			t.Fatal(err)
		}
		return w, r
	}
	w, _ := build(map[string]string{"a/b.md": "1", "c.md": "2"})
	if len(w) != 3 || made != 1 {
		t.Fatalf("first apply wrote %v (made %d)", w, made)
	}
	w, r := build(map[string]string{"a/b.md": "1", "c.md": "2"})
	if len(w)+len(r) != 0 || made != 1 {
		t.Fatalf("unchanged apply wrote %v removed %v (made %d)", w, r, made)
	}
	w, r = build(map[string]string{"a/b.md": "changed"})
	if strings.Join(w, ",") != "a/b.md" || strings.Join(r, ",") != "c.md" {
		t.Fatalf("wrote %v removed %v", w, r)
	}
	if _, err := os.Stat(filepath.Join(root, "c.md")); err == nil {
		t.Fatal("a file no longer wanted is still there")
	}
	// A file removed behind the tree's back is written again.
	os.Remove(filepath.Join(root, "a/b.md"))
	if w, _ := build(map[string]string{"a/b.md": "changed"}); strings.Join(w, ",") != "a/b.md" {
		t.Fatalf("a missing file was not rewritten: %v", w)
	}
	// Files not of this tree are left alone.
	os.WriteFile(filepath.Join(root, "mine.md"), []byte("x"), 0o644)
	build(map[string]string{"a/b.md": "changed"})
	if _, err := os.Stat(filepath.Join(root, "mine.md")); err != nil {
		t.Fatal("another's file was removed")
	}
}

// TestExportIncremental: exporting again after no change writes nothing;
// after a one-record change, only what shows that record; an unpublished
// record's files go.
func TestExportIncremental(t *testing.T) {
	app := recordstest.NewApp(t)
	past := recordstest.Date(now.Add(-time.Hour))
	var arts []string
	for i := 0; i < 20; i++ {
		r := recordstest.Create(t, app, schema.Articles, map[string]any{"title": "Tin số " + strings.Repeat("i", i+1), "category": "thong-bao", "status": "published", "publishAt": past, "tags": []string{"VNeID"}})
		arts = append(arts, r.Id)
	}
	root := t.TempDir()
	opts := export.Options{Now: now, BaseURL: "https://x.vn/"}
	first, err := export.Run(app, root, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Written) < 40 {
		t.Fatalf("first export wrote %d files", len(first.Written))
	}
	again, err := export.Run(app, root, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Written)+len(again.Removed) != 0 {
		t.Fatalf("an unchanged export wrote %v and removed %v", again.Written, again.Removed)
	}
	r, _ := app.FindRecordById(schema.Articles, arts[3])
	r.Set("body", "Nội dung mới.")
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
	one, err := export.Run(app, root, opts)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(one.Written, ",") != "content/tin-tuc/"+r.GetString("slug")+"/index.md" || len(one.Removed) != 0 {
		t.Fatalf("a body edit wrote %v, removed %v", one.Written, one.Removed)
	}
	r.Set("status", "draft")
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
	gone, err := export.Run(app, root, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(gone.Removed) != 3 { // index.md, qr.svg and its short link
		t.Fatalf("unpublishing removed %v", gone.Removed)
	}
	if _, err := os.Stat(filepath.Join(root, "content", "tin-tuc", r.GetString("slug"))); err == nil {
		t.Fatal("the unpublished record's folder is still there")
	}
}
