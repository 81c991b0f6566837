package demo

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/demo/draw"
	"github.com/daison/portal/internal/schema"
)

// maxImageBytes is the largest an illustration may be: small enough for a
// page to load fast (PocketBase itself accepts up to 5 MB).
const maxImageBytes = 250 << 10

// checkImages checks the illustrations Load saved with the published
// records: how many records have them, that each file is a JPEG of the
// right size within maxImageBytes, and that alt texts are Vietnamese.
func checkImages(t *testing.T, app core.App, published map[string][]*core.Record) {
	files, err := app.NewFilesystem()
	if err != nil {
		t.Fatal(err)
	}
	defer files.Close()
	read := func(r *core.Record, name string) []byte {
		t.Helper()
		f, err := files.GetReader(r.BaseFilesPath() + "/" + name)
		if err != nil {
			t.Fatalf("%s %q: open %s: %v", r.Collection().Name, r.GetString("slug"), name, err)
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}

	articles := published[schema.Articles]
	covers := 0
	for _, r := range articles {
		name, file, alt := r.GetString("slug"), r.GetString("cover"), r.GetString("coverAlt")
		if file == "" {
			if alt != "" {
				t.Errorf("article %q has a coverAlt but no cover", name)
			}
			continue
		}
		covers++
		checkJPEG(t, "cover of article "+name, read(r, file), draw.CoverW, draw.CoverH)
		if !strings.HasPrefix(alt, "Hình minh họa: ") || !vietnamese(alt) || len([]rune(alt)) > 160 {
			t.Errorf("article %q: coverAlt %q is not a short Vietnamese description", name, alt)
		}
	}
	// About two thirds of the published articles have a cover.
	if n := len(articles); covers*5 < n*3 || covers*4 > n*3 {
		t.Errorf("%d of %d published articles have a cover, want about two thirds (60 to 75 per cent)", covers, n)
	}

	initiatives := published[schema.Initiatives]
	withPhotos := 0
	for _, r := range initiatives {
		name, photos := r.GetString("slug"), r.GetStringSlice("photos")
		if len(photos) == 0 {
			continue
		}
		withPhotos++
		if len(photos) > 3 {
			t.Errorf("initiative %q has %d photos, want 1 to 3", name, len(photos))
		}
		for i, f := range photos {
			checkJPEG(t, fmt.Sprintf("photo %d of initiative %s", i+1, name), read(r, f), draw.PhotoW, draw.PhotoH)
		}
	}
	if n := len(initiatives); withPhotos*5 < n*2 || withPhotos*5 > n*3 {
		t.Errorf("%d of %d published initiatives have photos, want about half (40 to 60 per cent)", withPhotos, n)
	}

	without := 0
	kinds := map[string]int{}
	for _, r := range published[schema.Honorees] {
		name, file, alt := r.GetString("name"), r.GetString("photo"), r.GetString("photoAlt")
		if file == "" {
			without++
			if alt != "" {
				t.Errorf("honoree %q has a photoAlt but no photo", name)
			}
			continue
		}
		kinds[r.GetString("kind")]++
		checkJPEG(t, "portrait of "+name, read(r, file), draw.PortraitW, draw.PortraitH)
		want := "Ảnh minh họa chân dung " + name
		if r.GetString("kind") == "tap-the" {
			want = "Ảnh minh họa tập thể " + name
		}
		if alt != want {
			t.Errorf("honoree %q: photoAlt %q, want %q", name, alt, want)
		}
	}
	if without < 2 || without > 3 {
		t.Errorf("%d published honorees have no photo, want 2 or 3", without)
	}
	if kinds["ca-nhan"] == 0 || kinds["tap-the"] == 0 {
		t.Errorf("portraits by honoree kind: %v; want both persons and collectives", kinds)
	}
	t.Logf("%d covers, %d initiatives with photos, %d portraits", covers, withPhotos, kinds["ca-nhan"]+kinds["tap-the"])
}

// checkJPEG checks that b is a JPEG image of w×h pixels within
// maxImageBytes.
func checkJPEG(t *testing.T, what string, b []byte, w, h int) {
	t.Helper()
	if len(b) > maxImageBytes {
		t.Errorf("%s: %d bytes, want at most %d", what, len(b), maxImageBytes)
	}
	if ct := http.DetectContentType(b); ct != "image/jpeg" {
		t.Errorf("%s: content type %s, want image/jpeg", what, ct)
	}
	img, err := jpeg.Decode(bytes.NewReader(b))
	if err != nil {
		t.Errorf("%s: %v", what, err)
		return
	}
	if got := img.Bounds(); got != image.Rect(0, 0, w, h) {
		t.Errorf("%s: size %v, want %d×%d", what, got.Size(), w, h)
	}
}

// vietnamese reports whether s has a letter only Vietnamese uses among
// Latin scripts (ă, â, đ, ê, ô, ơ, ư or a tone mark).
func vietnamese(s string) bool {
	for _, r := range strings.ToLower(s) {
		if strings.ContainsRune("ăâđêôơư", r) || r >= 0x1EA0 && r <= 0x1EF9 {
			return true
		}
	}
	return false
}

// TestMotifs draws every motif at both sizes it may be used at, and checks
// that each drawing is a JPEG within maxImageBytes, the same on every run
// and different for another seed.
//
// With DEMO_IMAGES set to a folder, it also writes the drawings there, to
// look at: DEMO_IMAGES=/tmp/motifs go test ./demo -run TestMotifs.
func TestMotifs(t *testing.T) {
	for _, name := range draw.Motifs() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if alt := draw.Cover(name, "", "").Alt; !strings.HasPrefix(alt, "Hình minh họa: ") || !vietnamese(alt) {
				t.Errorf("alt %q is not a Vietnamese description", alt)
			}
			cover := draw.Picture{Motif: name, W: draw.CoverW, H: draw.CoverH, Hue: 210, Seed: "a"}
			a, err := cover.JPEG()
			if err != nil {
				t.Fatal(err)
			}
			checkJPEG(t, name, a, draw.CoverW, draw.CoverH)
			if again, _ := cover.JPEG(); !bytes.Equal(a, again) {
				t.Error("two drawings with the same seed differ")
			}
			b, _ := draw.Picture{Motif: name, W: draw.PhotoW, H: draw.PhotoH, Hue: 150, Seed: "b"}.JPEG()
			checkJPEG(t, name, b, draw.PhotoW, draw.PhotoH)
			if dir := os.Getenv("DEMO_IMAGES"); dir != "" {
				os.WriteFile(filepath.Join(dir, name+".jpg"), a, 0o644)
				os.WriteFile(filepath.Join(dir, name+"-photo.jpg"), b, 0o644)
			}
		})
	}
	for _, collective := range []bool{false, true} {
		p := draw.Portrait("", collective)
		motif := p.Motif
		t.Run(motif, func(t *testing.T) {
			t.Parallel()
			p.Hue, p.Seed = 205, "Nguyễn Văn A"
			a, err := p.JPEG()
			if err != nil {
				t.Fatal(err)
			}
			checkJPEG(t, motif, a, draw.PortraitW, draw.PortraitH)
			p.Seed = "Trần Thị B"
			if b, _ := p.JPEG(); bytes.Equal(a, b) {
				t.Error("portraits of two names are the same")
			}
			if dir := os.Getenv("DEMO_IMAGES"); dir != "" {
				os.WriteFile(filepath.Join(dir, motif+".jpg"), a, 0o644)
			}
		})
	}
}

func TestUnknownMotifIsRefused(t *testing.T) {
	app := admintest.NewApp(t, nil)
	_, err := load(app, fstest.MapFS{"data/x.toml": {Data: []byte(`
[[articles]]
title = "Bài viết"
category = "thong-bao"
cover = "phao-hoa"
date = 2026-07-01
`)}})
	if err == nil || !strings.Contains(err.Error(), `unknown illustration "phao-hoa"`) {
		t.Fatalf("load with an unknown motif = %v, want an unknown illustration error", err)
	}
}

// TestFailedLoadLeavesNoFiles: when Load fails after saving records with
// images, their files go with the rolled back records.
func TestFailedLoadLeavesNoFiles(t *testing.T) {
	app := admintest.NewApp(t, nil)
	_, err := load(app, fstest.MapFS{"data/x.toml": {Data: []byte(`
[[honorees]]
key = "h"
name = "Người A"
kind = "ca-nhan"
photo = true
date = 2026-07-01

[[articles]]
title = "Bài có ảnh"
category = "thong-bao"
cover = "qr"
date = 2026-07-01

[[articles]]
title = "Bài viết"
category = "thong-bao"
unit = "khong-co"
date = 2026-07-01
`)}})
	if err == nil || !strings.Contains(err.Error(), `unknown unit key "khong-co"`) {
		t.Fatalf("load = %v, want an unknown unit key error", err)
	}
	storage := filepath.Join(app.DataDir(), "storage")
	filepath.WalkDir(storage, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			t.Errorf("a failed load left %s behind", path)
		}
		return nil
	})
}

func BenchmarkCover(b *testing.B) {
	p := draw.Picture{Motif: "building", W: draw.CoverW, H: draw.CoverH, Hue: 36, Seed: "x"}
	for range b.N {
		p.JPEG()
	}
}

func BenchmarkPortrait(b *testing.B) {
	p := draw.Portrait("", false)
	p.Hue, p.Seed = 36, "x"
	for range b.N {
		p.JPEG()
	}
}
