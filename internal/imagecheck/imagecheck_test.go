package imagecheck_test

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"os"
	"runtime"
	"testing"

	"github.com/daison/portal/internal/imagecheck"
	"github.com/daison/portal/internal/imagecheck/imagetest"
)

// webpPhoto is a lossy WebP from golang.org/x/image's test data.
func webpPhoto(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/blue-purple-pink.lossy.webp")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func gifImage() []byte {
	var buf bytes.Buffer
	p := image.NewPaletted(image.Rect(0, 0, 40, 30), color.Palette{color.Black, color.White})
	_ = gif.Encode(&buf, p, nil)
	return buf.Bytes()
}

// TestValidImages: each format the portal decodes passes whole, with its
// size and format read from the bytes.
func TestValidImages(t *testing.T) {
	t.Parallel()
	photo := imagetest.Photo(64, 48)
	for _, c := range []struct {
		name, format string
		data         []byte
		w, h         int
	}{
		{"PNG", "png", imagetest.PNG(photo), 64, 48},
		{"JPEG", "jpeg", imagetest.JPEG(photo), 64, 48},
		{"GIF", "gif", gifImage(), 40, 30},
		{"WebP", "webp", webpPhoto(t), 0, 0},
	} {
		info, err := imagecheck.Check(c.data, imagecheck.Default)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if info.Format != c.format || (c.w > 0 && (info.Width != c.w || info.Height != c.h)) {
			t.Errorf("%s: got %+v", c.name, info)
		}
	}
}

// TestNotAnImage: what is not an image by its bytes is left to the field's
// own rules, whatever its name claims.
func TestNotAnImage(t *testing.T) {
	t.Parallel()
	for _, data := range [][]byte{
		[]byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"),
		[]byte("<!doctype html><html><body><script>alert(1)</script></body></html>"),
		[]byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`),
	} {
		info, err := imagecheck.Check(data, imagecheck.Default)
		if err != nil || info.IsImage() {
			t.Errorf("%.20q: %+v, %v", data, info, err)
		}
	}
}

// TestBombRefusedFromHeader: a 20,000 × 20,000 PNG (400 MB of pixels in
// half a megabyte) is refused from its header, without decoding.
func TestBombRefusedFromHeader(t *testing.T) {
	t.Parallel()
	bomb := imagetest.BlackPNG(20_000, 20_000)
	if len(bomb) > 1<<20 {
		t.Fatalf("bomb of %d bytes, want under 1 MB", len(bomb))
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	info, err := imagecheck.Check(bomb, imagecheck.Default)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, imagecheck.ErrTooLarge) || info.Width != 20_000 || info.Height != 20_000 {
		t.Fatalf("bomb: %+v, %v", info, err)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
		t.Errorf("refusing the bomb allocated %d bytes", n)
	}
	// Within the pixel count but over a side.
	if _, err := imagecheck.Inspect(imagetest.BlackPNG(12_000, 10), imagecheck.Default); !errors.Is(err, imagecheck.ErrTooLarge) {
		t.Errorf("12,000-pixel side: %v", err)
	}
	// A 50 Mpx phone photo's size is over the cap; 40 Mpx is not.
	if _, err := imagecheck.Inspect(imagetest.BlackPNG(8160, 6120), imagecheck.Default); !errors.Is(err, imagecheck.ErrTooLarge) {
		t.Errorf("8160 × 6120: %v", err)
	}
	if _, err := imagecheck.Inspect(imagetest.BlackPNG(8000, 5000), imagecheck.Default); err != nil {
		t.Errorf("8000 × 5000: %v", err)
	}
}

// TestCorruptData: a valid header over damaged or missing data passes
// Inspect (the old header-only check) and fails Check.
func TestCorruptData(t *testing.T) {
	t.Parallel()
	photo := imagetest.Photo(200, 150)
	for name, data := range map[string][]byte{
		"PNG with a broken zlib stream": imagetest.BreakPNGData(imagetest.PNG(photo)),
		"truncated PNG":                 imagetest.Truncate(imagetest.PNG(photo)),
		"truncated JPEG":                imagetest.Truncate(imagetest.JPEG(photo)),
		"truncated WebP":                imagetest.Truncate(webpPhoto(t)),
	} {
		if _, err := imagecheck.Inspect(data, imagecheck.Default); err != nil {
			t.Errorf("%s: header refused (%v); the test wants a valid header", name, err)
		}
		if _, err := imagecheck.Check(data, imagecheck.Default); !errors.Is(err, imagecheck.ErrCorrupt) {
			t.Errorf("%s: %v, want ErrCorrupt", name, err)
		}
	}
}

// TestOrientation: each EXIF orientation turns the stored picture upright
// (its red quarter, stored top-left, lands where the tag says) and is found
// with the metadata beside it.
func TestOrientation(t *testing.T) {
	t.Parallel()
	stored := imagetest.JPEG(imagetest.Photo(300, 200))
	// Where the stored top-left corner shows, by orientation.
	corner := map[uint16]image.Point{1: {0, 0}, 2: {1, 0}, 3: {1, 1}, 4: {0, 1}, 5: {0, 0}, 6: {1, 0}, 7: {1, 1}, 8: {0, 1}}
	for o := uint16(1); o <= 8; o++ {
		data := imagetest.WithEXIF(stored, o, "GPS 21.0278 N 105.8342 E")
		info, err := imagecheck.Inspect(data, imagecheck.Default)
		if err != nil || int(info.Orientation) != int(o) || !info.Metadata || !info.NeedsRewrite(2400) {
			t.Fatalf("orientation %d: %+v, %v", o, info, err)
		}
		img, err := imagecheck.Decode(data, info)
		if err != nil {
			t.Fatal(err)
		}
		up := imagecheck.Upright(img, info.Orientation, 2400)
		w, h := up.Bounds().Dx(), up.Bounds().Dy()
		if (o >= 5) != (w == 200 && h == 300) {
			t.Errorf("orientation %d: %d × %d", o, w, h)
		}
		c := corner[o]
		r, g, b, _ := up.At(c.X*(w-1)+(1-2*c.X)*w/8, c.Y*(h-1)+(1-2*c.Y)*h/8).RGBA()
		if r>>8 < 180 || g>>8 > 80 || b>>8 > 80 {
			t.Errorf("orientation %d: corner %v is not red (%d, %d, %d)", o, c, r>>8, g>>8, b>>8)
		}
	}
	// No EXIF: upright, nothing to drop.
	if info, _ := imagecheck.Inspect(stored, imagecheck.Default); info.Orientation != 1 || info.Metadata || info.NeedsRewrite(2400) {
		t.Errorf("plain JPEG: %+v", info)
	}
}

// TestShrink: the long side comes down to the cap, the ratio kept; smaller
// pictures keep their size.
func TestShrink(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ w, h, wantW, wantH int }{
		{4000, 3000, 2400, 1800},
		{1000, 3000, 800, 2400},
		{2400, 100, 2400, 100},
		{640, 480, 640, 480},
	} {
		up := imagecheck.Upright(image.NewGray(image.Rect(0, 0, c.w, c.h)), 1, 2400)
		if b := up.Bounds(); b.Dx() != c.wantW || b.Dy() != c.wantH {
			t.Errorf("%d × %d: %d × %d, want %d × %d", c.w, c.h, b.Dx(), b.Dy(), c.wantW, c.wantH)
		}
	}
}

// TestTarget: a rewritten photo keeps JPEG or PNG; WebP, which the portal
// cannot write, becomes what the field allows.
func TestTarget(t *testing.T) {
	t.Parallel()
	photos := []string{"image/jpeg", "image/png", "image/webp"}
	opaque := imagetest.Photo(4, 4)
	clear := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	for _, c := range []struct {
		format  string
		img     image.Image
		allowed []string
		want    string
	}{
		{"jpeg", opaque, photos, "jpeg"},
		{"png", clear, photos, "png"},
		{"webp", opaque, photos, "jpeg"},
		{"webp", clear, photos, "png"},
		{"webp", opaque, []string{"image/png", "image/webp"}, "png"},
		{"webp", opaque, []string{"image/webp"}, ""},
	} {
		if got := imagecheck.Target(imagecheck.Info{Format: c.format}, c.img, c.allowed); got != c.want {
			t.Errorf("%s to %v: %q, want %q", c.format, c.allowed, got, c.want)
		}
	}
}

// BenchmarkPhotoUpload is what an upload of a 12 Mpx phone photo costs:
// check, decode, shrink to 2,400 pixels, encode.
func BenchmarkPhotoUpload(b *testing.B) {
	data := imagetest.JPEG(imagetest.Photo(4000, 3000))
	b.ReportAllocs()
	for b.Loop() {
		info, err := imagecheck.Inspect(data, imagecheck.Default)
		if err != nil {
			b.Fatal(err)
		}
		img, err := imagecheck.Decode(data, info)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := imagecheck.Encode(imagecheck.Upright(img, info.Orientation, 2400), "jpeg"); err != nil {
			b.Fatal(err)
		}
	}
}
