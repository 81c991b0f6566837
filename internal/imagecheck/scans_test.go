package imagecheck_test

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/daison/portal/internal/imagecheck"
	"github.com/daison/portal/internal/imagecheck/imagetest"
	"github.com/daison/portal/internal/testbudget"
)

// TestManyScansRefused: a progressive JPEG of thousands of empty scans
// (229 KB just under the pixel cap, a minute and a half of image/jpeg's
// time) is refused from its markers, before anything is decoded, and so is
// a small one of more scans than any encoder writes; progressive files as
// libjpeg writes them pass whole. (Not parallel: it measures the memory
// the refusal takes.)
func TestManyScansRefused(t *testing.T) {
	many := imagetest.ManyScanJPEG(6320, 6320, 1935)
	if len(many) > 230_000 {
		t.Fatalf("the many-scan JPEG has %d bytes, want about 229 KB", len(many))
	}
	var (
		info imagecheck.Info
		err  error
	)
	cpu, alloc := testbudget.Measure(func() { info, err = imagecheck.Inspect(many, imagecheck.Default) })
	if !errors.Is(err, imagecheck.ErrTooComplex) || info.Width != 6320 || info.Passes <= imagecheck.DefaultMaxPasses {
		t.Fatalf("229 KB of %d scans: %+v, %v", 1935, info, err)
	}
	t.Logf("refused in %v of processor time, %d bytes allocated", cpu, alloc)
	if alloc > 1<<20 {
		t.Errorf("refusing it allocated %d bytes", alloc)
	}
	if _, err := imagecheck.Check(many, imagecheck.Default); !errors.Is(err, imagecheck.ErrTooComplex) {
		t.Errorf("Check: %v", err)
	}

	// Colour, where a scan of one component is a fraction of a pass: the
	// count of scans is the limit.
	if info, err := imagecheck.Inspect(imagetest.ManyScanJPEG(64, 64, 101), imagecheck.Limits{MaxPixels: 1 << 20, MaxSide: 4096, MaxPasses: 1000}); !errors.Is(err, imagecheck.ErrTooComplex) || info.Scans != 101 {
		t.Errorf("101 scans: %+v, %v", info, err)
	}
	if _, err := imagecheck.Check(imagetest.ManyScanJPEG(64, 64, imagecheck.DefaultMaxPasses), imagecheck.Default); err != nil {
		t.Errorf("%d scans of one component: %v", imagecheck.DefaultMaxPasses, err)
	}

	for _, name := range []string{"libjpeg-progressive-420.jpg", "libjpeg-progressive-444.jpg", "libjpeg-progressive-grey.jpg"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		info, err := imagecheck.Check(data, imagecheck.Default)
		if err != nil || info.Scans < 6 || info.Width != 96 {
			t.Errorf("%s: %+v, %v", name, info, err)
		}
	}
}

// TestDecodeStops: a decode stops when its context ends, in the middle of
// a 40-megapixel JPEG within the limits (a second or more of work), and
// the call returns ErrTooSlow instead of running on.
func TestDecodeStops(t *testing.T) {
	t.Parallel()
	data := imagetest.ManyScanJPEG(6320, 6320, imagecheck.DefaultMaxPasses)
	info, err := imagecheck.Inspect(data, imagecheck.Default)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if _, err := imagecheck.DecodeContext(ctx, data, info); !errors.Is(err, imagecheck.ErrTooSlow) {
		t.Fatalf("decode past its deadline: %v", err)
	}
	done, stop := context.WithCancel(context.Background())
	stop()
	if _, err := imagecheck.DecodeContext(done, imagetest.PNG(imagetest.Photo(64, 48)), imagecheck.Info{MIME: "image/png", Format: "png", Width: 64, Height: 48}); !errors.Is(err, imagecheck.ErrTooSlow) {
		t.Errorf("decode for a caller gone: %v", err)
	}
}
