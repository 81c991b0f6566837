package imagecheck_test

import (
	"errors"
	"image"
	"testing"
	"time"

	"github.com/daison/portal/internal/imagecheck"
	"github.com/daison/portal/internal/imagecheck/imagetest"
	"github.com/daison/portal/internal/testbudget"
)

// fuzzLimits are small caps, so that a decode past them shows in the
// memory the check takes.
var fuzzLimits = imagecheck.Limits{MaxPixels: 1 << 20, MaxSide: 4096}

// fuzzBudget bounds the processor time of inspecting and decoding one
// input at fuzzLimits: generous, so that a busy machine does not fail it,
// yet far below what a JPEG of unbounded scans costs at a million pixels.
const fuzzBudget = time.Second

// FuzzCheck: no file, however made, panics the check, takes more memory
// than the caps allow (about 32 bytes a pixel, the most a decoder needs:
// progressive JPEG coefficients or 16-bit PNG) or more than fuzzBudget of
// processor time, or shrinks and encodes badly once accepted.
func FuzzCheck(f *testing.F) {
	photo := imagetest.Photo(48, 32)
	jpg := imagetest.JPEG(photo)
	pngs := imagetest.PNG(photo)
	for _, seed := range [][]byte{
		pngs, jpg, gifImage(), webpPhoto(f),
		imagetest.WithEXIF(jpg, 6, "GPS"),
		imagetest.BreakPNGData(pngs), imagetest.Truncate(pngs), imagetest.Truncate(jpg),
		imagetest.BlackPNG(1100, 1000), imagetest.BlackPNG(4097, 1),
		imagetest.ManyScanJPEG(1000, 1000, 20), imagetest.ManyScanJPEG(64, 64, 500),
		[]byte("%PDF-1.7\n"), {},
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var (
			info imagecheck.Info
			img  image.Image
			err  error
		)
		cpu, n := testbudget.Measure(func() {
			info, err = imagecheck.Inspect(data, fuzzLimits)
			if err == nil && info.IsImage() {
				img, err = imagecheck.Decode(data, info)
			}
		})
		limit := 32*uint64(fuzzLimits.MaxPixels) + 64*uint64(len(data)) + 8<<20
		if n > limit {
			t.Fatalf("checking %d bytes (%+v) allocated %d bytes, over %d", len(data), info, n, limit)
		}
		if cpu > fuzzBudget {
			t.Fatalf("checking %d bytes (%+v) took %v of processor time, over %v", len(data), info, cpu, fuzzBudget)
		}
		if err != nil {
			if !errors.Is(err, imagecheck.ErrCorrupt) && !errors.Is(err, imagecheck.ErrTooLarge) && !errors.Is(err, imagecheck.ErrTooComplex) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		if !info.IsImage() {
			return
		}
		if info.Width > fuzzLimits.MaxSide || info.Height > fuzzLimits.MaxSide || info.Orientation < 1 || info.Orientation > 8 {
			t.Fatalf("accepted %+v", info)
		}
		// What upload does with an accepted photo.
		up := imagecheck.Upright(img, info.Orientation, 64)
		if b := up.Bounds(); max(b.Dx(), b.Dy()) > 64 || b.Dx() < 1 || b.Dy() < 1 {
			t.Fatalf("%+v shrunk to %v", info, b)
		}
		format := imagecheck.Target(info, up, nil)
		out, err := imagecheck.Encode(up, format)
		if err != nil {
			t.Fatalf("encode %+v as %s: %v", info, format, err)
		}
		if again, err := imagecheck.Check(out, fuzzLimits); err != nil || again.Format != format {
			t.Fatalf("rewritten %s does not check: %+v, %v", format, again, err)
		}
	})
}
