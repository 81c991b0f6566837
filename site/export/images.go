package export

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/daison/portal/internal/imagecheck"
)

// A record's image goes to Hugo only once it has been decoded whole here:
// a file whose header is valid but whose data is not (a PNG with a broken
// zlib stream) passes a header check, and Hugo's image processing would
// fail on it, and with it the whole build. An image that does not decode,
// is too large or is missing is left out of its page (the page still goes
// live) and named to staff as a Problem.

// imageLimits are those uploads keep (imagecheck.Default): an image
// stored before they were checked, or by other means, is held to them too.
// The size is read from the header before anything is decoded.
var imageLimits = imagecheck.Default

// maxImageBytes bounds what is read of one stored image.
const maxImageBytes = 64 << 20

// imageExts are the image types the site serves, by extension of the stored
// file (PocketBase has checked the content's type on upload).
var imageExts = map[string]string{".jpg": ".jpg", ".jpeg": ".jpg", ".png": ".png", ".webp": ".webp"}

// Why an image is left out.
const (
	badCorrupt = "hong"      // does not decode
	badTooBig  = "qua-lon"   // more pixels, or a longer side, than imageLimits
	badMissing = "khong-co"  // not in the storage (never cached: it may come back)
	badHugo    = "hugo-loi"  // decodes here, but Hugo failed on it
	badRead    = "khong-doc" // could not be read (never cached)
)

// ImageChecks remembers which stored images decode, by storage key, size
// and modification time, so that a build decodes only new or changed
// files. Builds and the ahead lane share one; it is safe for concurrent
// use. The zero value is not usable: see NewImageChecks.
type ImageChecks struct {
	path string // the file that keeps the verdicts ("" none)

	mu    sync.Mutex
	seen  map[string]imageVerdict
	used  map[string]time.Time // when each key was last looked up
	dirty bool

	decoding pixelBudget // bounds the memory of concurrent decodes
}

// imageVerdict is what a check found of one version of a stored file.
type imageVerdict struct {
	Size   int64  `json:"size"`
	Mod    int64  `json:"mod"` // modification time, Unix nanoseconds
	Bad    string `json:"bad,omitempty"`
	Width  int    `json:"w,omitempty"`
	Height int    `json:"h,omitempty"`
}

// NewImageChecks returns the checks kept in the file at path (none read
// or written if path is ""); a missing or damaged file starts empty.
func NewImageChecks(path string) *ImageChecks {
	c := &ImageChecks{path: path, seen: map[string]imageVerdict{}, used: map[string]time.Time{}}
	c.decoding.left = imageLimits.MaxPixels
	c.decoding.cond = sync.NewCond(&c.decoding.mu)
	if path != "" {
		if b, err := os.ReadFile(path); err == nil {
			_ = json.Unmarshal(b, &c.seen)
			if c.seen == nil {
				c.seen = map[string]imageVerdict{}
			}
		}
	}
	now := time.Now()
	for k := range c.seen {
		c.used[k] = now
	}
	return c
}

// forgetAfter is how long a verdict no export looked up is kept: its
// record was unpublished, or its file replaced.
const forgetAfter = 7 * 24 * time.Hour

// Save writes the verdicts to the file, but those no export looked up for
// a week.
func (c *ImageChecks) Save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, at := range c.used {
		if time.Since(at) > forgetAfter {
			delete(c.seen, k)
			delete(c.used, k)
			c.dirty = true
		}
	}
	if c.path == "" || !c.dirty {
		return nil
	}
	b, err := json.Marshal(c.seen)
	if err != nil {
		return fmt.Errorf("encode image checks: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(c.path), 0o755); err != nil {
		return fmt.Errorf("save image checks: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(c.path), ".image-checks-*")
	if err != nil {
		return fmt.Errorf("save image checks: %w", err)
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("save image checks: %w", err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("save image checks: %w", err)
	}
	if err := os.Rename(tmp.Name(), c.path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("save image checks: %w", err)
	}
	c.dirty = false
	return nil
}

// MarkBroken records that Hugo failed on the stored files named by keys
// (in their current versions), so that the next exports leave them out.
// It returns how many were not marked so before.
func (c *ImageChecks) MarkBroken(keys ...string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, k := range keys {
		if v, ok := c.seen[k]; ok && v.Bad == "" {
			v.Bad = badHugo
			c.seen[k] = v
			c.dirty = true
			n++
		}
	}
	return n
}

func (c *ImageChecks) lookup(key string, size, mod int64) (imageVerdict, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.used[key] = time.Now()
	v, ok := c.seen[key]
	return v, ok && v.Size == size && v.Mod == mod
}

func (c *ImageChecks) store(key string, v imageVerdict) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen[key], c.used[key], c.dirty = v, time.Now(), true
}

// pixelBudget lets decodes run concurrently while the pixels being decoded
// stay within imageLimits.MaxPixels: one huge photo at a time, many small ones.
type pixelBudget struct {
	mu   sync.Mutex
	cond *sync.Cond
	left int
}

func (p *pixelBudget) take(n int) {
	n = min(n, imageLimits.MaxPixels)
	p.mu.Lock()
	for p.left < n {
		p.cond.Wait()
	}
	p.left -= n
	p.mu.Unlock()
}

func (p *pixelBudget) give(n int) {
	n = min(n, imageLimits.MaxPixels)
	p.mu.Lock()
	p.left += n
	p.mu.Unlock()
	p.cond.Broadcast()
}

// storedImage is the check of one stored image of an exported record.
type storedImage struct {
	version string // the stored file's name, size and time: the copy's version
	bad     string // why it is left out, or ""
	width   int
	height  int
}

// checkImageData decodes an image's bytes whole, within the limits.
func checkImageData(data []byte, budget *pixelBudget) imageVerdict {
	if len(data) > maxImageBytes {
		return imageVerdict{Bad: badTooBig}
	}
	info, err := imagecheck.Inspect(data, imageLimits)
	v := imageVerdict{Width: info.Width, Height: info.Height}
	switch {
	case errors.Is(err, imagecheck.ErrTooLarge):
		v.Bad = badTooBig
		return v
	case err != nil || !info.IsImage():
		v.Bad = badCorrupt
		return v
	}
	px := info.Width * info.Height
	budget.take(px)
	defer budget.give(px)
	if _, err := imagecheck.Decode(data, info); err != nil {
		v.Bad = badCorrupt
	}
	return v
}

// ImagesIn returns the storage keys of the record images written whose
// site paths msg names (Hugo names the image it failed on:
// "filter /tin-tuc/<slug>/cover.png: zlib: invalid header").
func (r Result) ImagesIn(msg string) []string {
	var keys []string
	for p, key := range r.Images {
		if strings.Contains(msg, p) {
			keys = append(keys, key)
		}
	}
	sort.Strings(keys)
	return keys
}
