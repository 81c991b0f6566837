package export_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site/export"
)

func photo(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), uint8(x ^ y), 0xff})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func articleWithCover(t testing.TB, app core.App, title string, cover []byte) *core.Record {
	t.Helper()
	c, err := app.FindCollectionByNameOrId(schema.Articles)
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(c)
	r.Load(map[string]any{"title": title, "category": "thong-bao", "status": "published", "publishAt": recordstest.Date(now.Add(-time.Hour))})
	f, _ := filesystem.NewFileFromBytes(cover, "anh.jpg")
	r.Set("cover", f)
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestImageChecksKeepVerdicts: a stored image is decoded once per version
// (its size and time), and the verdict outlives the process in its file.
// A file changed in place under the same size and time is taken as
// checked; touched, it is checked again.
func TestImageChecksKeepVerdicts(t *testing.T) {
	app := recordstest.NewApp(t)
	a := articleWithCover(t, app, "Bài có ảnh", photo(t, 40, 30))
	stored := filepath.Join(app.DataDir(), "storage", filepath.FromSlash(a.BaseFilesPath()), a.GetString("cover"))
	checks := filepath.Join(t.TempDir(), "checks.json")
	root := t.TempDir()
	run := func() export.Result {
		t.Helper()
		images := export.NewImageChecks(checks) // as a new process would
		res, err := export.Run(app, root, export.Options{Now: now, Images: images})
		if err != nil {
			t.Fatal(err)
		}
		if err := images.Save(); err != nil {
			t.Fatal(err)
		}
		return res
	}
	if res := run(); len(res.Problems) != 0 {
		t.Fatalf("a good cover: %+v", res.Problems)
	}
	if _, err := os.Stat(checks); err != nil {
		t.Fatal("the verdicts were not saved")
	}

	// Same size and time, other bytes: the kept verdict holds.
	st, _ := os.Stat(stored)
	good, _ := os.ReadFile(stored)
	broken := append(append([]byte(nil), good[:len(good)/2]...), make([]byte, len(good)-len(good)/2)...)
	if err := os.WriteFile(stored, broken, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(stored, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	if res := run(); len(res.Problems) != 0 {
		t.Fatalf("an unchanged file (size, time) was decoded again: %+v", res.Problems)
	}

	// Touched: checked again, and left out.
	later := st.ModTime().Add(time.Second)
	if err := os.Chtimes(stored, later, later); err != nil {
		t.Fatal(err)
	}
	res := run()
	if len(res.Problems) != 1 || res.Problems[0].ID != a.Id {
		t.Fatalf("a changed file was not checked again: %+v", res.Problems)
	}
	if _, err := os.Stat(filepath.Join(root, "content", "tin-tuc", a.GetString("slug"), "cover.jpg")); err == nil {
		t.Fatal("the broken cover is still in the page's bundle")
	}
}
