package imagecheck

import (
	"bytes"
	"fmt"
	"image"
	"slices"

	"github.com/disintegration/imaging"
)

// JPEGQuality is the quality photos are stored at once re-encoded: no
// difference a reader sees on a page, a third of the size of quality 100.
const JPEGQuality = 85

// NeedsRewrite reports whether a photo must be stored re-encoded: its long
// side is over maxSide, or it carries metadata or an EXIF orientation, which
// only a new file drops or applies.
func (i Info) NeedsRewrite(maxSide int) bool {
	return i.IsImage() && (max(i.Width, i.Height) > maxSide || i.Metadata || i.Orientation != 1)
}

// Upright returns img shrunk so that its long side is at most maxSide (it is
// never enlarged) and then turned as its EXIF orientation says. Shrinking
// first keeps the turn on the small image; the long side is the same either
// way.
func Upright(img image.Image, orientation, maxSide int) image.Image {
	b := img.Bounds()
	switch {
	case b.Dx() >= b.Dy() && b.Dx() > maxSide:
		img = imaging.Resize(img, maxSide, 0, imaging.CatmullRom)
	case b.Dy() > b.Dx() && b.Dy() > maxSide:
		img = imaging.Resize(img, 0, maxSide, imaging.CatmullRom)
	}
	switch orientation {
	case 2:
		return imaging.FlipH(img)
	case 3:
		return imaging.Rotate180(img)
	case 4:
		return imaging.FlipV(img)
	case 5:
		return imaging.Transpose(img)
	case 6:
		return imaging.Rotate270(img)
	case 7:
		return imaging.Transverse(img)
	case 8:
		return imaging.Rotate90(img)
	}
	return img
}

// Target is the format a rewritten photo is stored in, of those allowed
// (MIME types; none means any): JPEG and PNG keep theirs; WebP and GIF,
// which the portal cannot write, become JPEG when opaque and PNG when they
// have transparency. It is empty when no format fits.
func Target(info Info, img image.Image, allowed []string) string {
	ok := func(mime string) bool { return len(allowed) == 0 || slices.Contains(allowed, mime) }
	opaque := false
	if o, has := img.(interface{ Opaque() bool }); has {
		opaque = o.Opaque()
	}
	switch {
	case info.Format == "jpeg" || info.Format == "png":
		return info.Format
	case opaque && ok("image/jpeg"):
		return "jpeg"
	case ok("image/png"):
		return "png"
	}
	return ""
}

// Encode writes img as format ("jpeg", at JPEGQuality, or "png"), with no
// metadata.
func Encode(img image.Image, format string) ([]byte, error) {
	var f imaging.Format
	switch format {
	case "jpeg":
		f = imaging.JPEG
	case "png":
		f = imaging.PNG
	default:
		return nil, fmt.Errorf("encode image: format %q not written", format)
	}
	var buf bytes.Buffer
	if err := imaging.Encode(&buf, img, f, imaging.JPEGQuality(JPEGQuality)); err != nil {
		return nil, fmt.Errorf("encode image as %s: %w", format, err)
	}
	return buf.Bytes(), nil
}
