// Package imagecheck decides whether the bytes of an uploaded file are an
// image the portal can safely decode: the real type is sniffed from the
// bytes (never the name or the claimed MIME type), the size is read from the
// header and held against pixel caps before anything is decoded, and then
// the whole image is decoded, so that a file whose header is valid but whose
// data is not is found on upload, not in a later build or thumbnail. It also
// turns an accepted photo upright and shrinks it for the site (shrink.go).
//
// It is a leaf: it imports nothing of the portal's.
package imagecheck

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"

	"github.com/gabriel-vasile/mimetype"
	"golang.org/x/image/webp"
)

// Limits are the caps an image must keep before it is decoded.
type Limits struct {
	// MaxPixels is the largest width × height.
	MaxPixels int
	// MaxSide is the largest width or height.
	MaxSide int
	// MaxScans is the most scans a JPEG may have; 0 means
	// DefaultMaxScans.
	MaxScans int
	// MaxPasses is the most passes over a JPEG's blocks its scans may
	// make together (jpegscans.go); 0 means DefaultMaxPasses.
	MaxPasses int
}

func (l Limits) maxScans() int  { return cmp.Or(l.MaxScans, DefaultMaxScans) }
func (l Limits) maxPasses() int { return cmp.Or(l.MaxPasses, DefaultMaxPasses) }

// Default are the portal's caps. Phones take 12–24 million pixels by
// default (4000 × 3000, 5712 × 4284); their 48–200 Mpx modes are opt-in and
// their files are meant to be shrunk. 40 Mpx keeps every normal photo and
// scan (an A4 page at 600 dpi is 35 Mpx) while one decode stays near 160 MB
// (4 bytes a pixel); 10,000 pixels a side keeps ordinary panoramas and
// refuses strips made to exhaust memory along one side.
var Default = Limits{MaxPixels: 40_000_000, MaxSide: 10_000, MaxScans: DefaultMaxScans, MaxPasses: DefaultMaxPasses}

// Errors of Inspect and Decode; test for them with errors.Is.
var (
	// ErrTooLarge: the header asks for more pixels, or a longer side,
	// than the limits allow.
	ErrTooLarge = errors.New("image too large")
	// ErrCorrupt: the file says it is an image but does not decode.
	ErrCorrupt = errors.New("image data corrupt")
	// ErrTooComplex: a JPEG has more scans, or its scans more passes over
	// the image, than the limits allow: more than any encoder writes.
	ErrTooComplex = errors.New("image too costly to decode")
	// ErrTooSlow: decoding took longer than MaxDecodeTime, or the caller
	// gave up (its context ended).
	ErrTooSlow = errors.New("image decoding stopped")
)

// Info is what Inspect learnt of a file.
type Info struct {
	// MIME is the type sniffed from the bytes, e.g. "image/png" or
	// "application/pdf".
	MIME string
	// Format is "jpeg", "png", "gif" or "webp" for an image of a format
	// the portal's decoders (thumbnails, site build) read, and empty for
	// any other file: such files are never decoded on the server.
	Format string
	// Width and Height are the stored size in pixels, before orientation.
	Width, Height int
	// Orientation is the EXIF orientation of a JPEG (1 to 8); 1, upright,
	// when there is none.
	Orientation int
	// Metadata is set when a JPEG carries EXIF, XMP, IPTC or a comment:
	// where a phone writes the place (GPS) and time a photo was taken.
	Metadata bool
	// Scans and Passes are a JPEG's scans and the passes over its blocks
	// they make together, as far as Inspect counted them (it stops past
	// the limits).
	Scans, Passes int
}

// IsImage reports whether the file is an image the portal decodes.
func (i Info) IsImage() bool { return i.Format != "" }

type codec struct {
	config func(io.Reader) (image.Config, error)
	decode func(io.Reader) (image.Image, error)
}

// codecs by sniffed MIME type: the only formats anything in the portal
// decodes (PocketBase's thumbnails take PNG, JPEG, GIF and WebP).
var codecs = map[string]struct {
	format string
	codec
}{
	"image/png":  {"png", codec{png.DecodeConfig, png.Decode}},
	"image/apng": {"png", codec{png.DecodeConfig, png.Decode}},
	"image/jpeg": {"jpeg", codec{jpeg.DecodeConfig, jpeg.Decode}},
	"image/gif":  {"gif", codec{gif.DecodeConfig, gif.Decode}},
	"image/webp": {"webp", codec{webp.DecodeConfig, webp.Decode}},
}

// Inspect sniffs data and, for an image, reads its header and holds its size
// against lim, and a JPEG's scans against their limits. It decodes no
// pixels: its cost does not grow with the image. A file that is not an
// image comes back with an empty Format and no error.
func Inspect(data []byte, lim Limits) (Info, error) {
	info, err := inspectHead(data, lim)
	if err != nil || info.Format != "jpeg" {
		return info, err
	}
	return info, checkJPEGWork(bytes.NewReader(data), &info, lim)
}

// InspectHeadBytes is how much of a file InspectReader keeps in memory:
// headers come first, a JPEG's after at most a few metadata segments.
const InspectHeadBytes = 1 << 20

// InspectReader is Inspect for a file read from r (a stored file, which
// may be large): it keeps its first InspectHeadBytes for the header, and
// reads the rest of a JPEG through the count of its scans.
func InspectReader(r io.Reader, lim Limits) (Info, error) {
	head, err := io.ReadAll(io.LimitReader(r, InspectHeadBytes))
	if err != nil {
		return Info{}, fmt.Errorf("read the image: %w", err)
	}
	info, err := inspectHead(head, lim)
	if err != nil || info.Format != "jpeg" {
		return info, err
	}
	return info, checkJPEGWork(io.MultiReader(bytes.NewReader(head), r), &info, lim)
}

// inspectHead is Inspect without the count of a JPEG's scans: what the
// head of the file tells.
func inspectHead(data []byte, lim Limits) (Info, error) {
	info := Info{MIME: mimetype.Detect(data).String(), Orientation: 1}
	c, ok := codecs[info.MIME]
	if !ok {
		return info, nil
	}
	info.Format = c.format
	cfg, err := safely(func() (image.Config, error) { return c.config(bytes.NewReader(data)) })
	if err != nil {
		return info, fmt.Errorf("%w: %s header: %w", ErrCorrupt, info.Format, err)
	}
	info.Width, info.Height = cfg.Width, cfg.Height
	if info.Width <= 0 || info.Height <= 0 {
		return info, fmt.Errorf("%w: %s of %d × %d pixels", ErrCorrupt, info.Format, info.Width, info.Height)
	}
	if info.Width > lim.MaxSide || info.Height > lim.MaxSide ||
		int64(info.Width)*int64(info.Height) > int64(lim.MaxPixels) {
		return info, fmt.Errorf("%w: %s of %d × %d pixels", ErrTooLarge, info.Format, info.Width, info.Height)
	}
	if info.Format == "jpeg" {
		info.Orientation, info.Metadata = jpegMeta(data)
	}
	return info, nil
}

// checkJPEGWork counts the scans of the JPEG in r into info and holds them
// against lim.
func checkJPEGWork(r io.Reader, info *Info, lim Limits) error {
	cost, err := jpegWork(r, lim.maxScans(), lim.maxPasses())
	info.Scans, info.Passes = cost.scans, int(cost.passes())
	switch {
	case err != nil:
		return fmt.Errorf("%w: %w", ErrCorrupt, err)
	case info.Scans > lim.maxScans():
		return fmt.Errorf("%w: a JPEG of more than %d scans", ErrTooComplex, lim.maxScans())
	case info.Passes > lim.maxPasses():
		return fmt.Errorf("%w: a JPEG whose scans make more than %d passes", ErrTooComplex, lim.maxPasses())
	}
	return nil
}

// Decode decodes the whole image Inspect accepted (info is its answer):
// truncated or damaged data, or pixels that disagree with the header, give
// ErrCorrupt. Its memory is bounded by the header's size and its work by
// the scans, which Inspect checked; it stops after MaxDecodeTime
// (ErrTooSlow).
func Decode(data []byte, info Info) (image.Image, error) {
	return DecodeContext(context.Background(), data, info)
}

// DecodeContext is Decode that also stops, with ErrTooSlow, when ctx ends.
func DecodeContext(ctx context.Context, data []byte, info Info) (image.Image, error) {
	c, ok := codecs[info.MIME]
	if !ok {
		return nil, fmt.Errorf("decode %s: not an image the portal decodes", info.MIME)
	}
	ctx, cancel := context.WithTimeout(ctx, MaxDecodeTime)
	defer cancel()
	r := newStoppableReader(ctx, data)
	defer r.close()
	img, err := safely(func() (image.Image, error) { return c.decode(r) })
	if err != nil && r.stopped() {
		return nil, fmt.Errorf("%w: %s: %w", ErrTooSlow, info.Format, context.Cause(ctx))
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s data: %w", ErrCorrupt, info.Format, err)
	}
	if b := img.Bounds(); b.Dx() != info.Width || b.Dy() != info.Height {
		return nil, fmt.Errorf("%w: %s header says %d × %d, data %d × %d",
			ErrCorrupt, info.Format, info.Width, info.Height, b.Dx(), b.Dy())
	}
	return img, nil
}

// Check is Inspect then Decode: it reports whether data is either not an
// image, or an image within lim that decodes whole.
func Check(data []byte, lim Limits) (Info, error) {
	info, err := Inspect(data, lim)
	if err != nil || !info.IsImage() {
		return info, err
	}
	_, err = Decode(data, info)
	return info, err
}

// safely runs f, turning a panic in a decoder into an error: a decoder bug
// met by a hostile file must refuse the file, not stop the server.
func safely[T any](f func() (T, error)) (v T, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("decoder failed: %v", p)
		}
	}()
	return f()
}
