package imagetest

import (
	"bytes"
	"image"
	"testing"

	_ "image/jpeg" // the formats a served photo comes in
	_ "image/png"

	_ "golang.org/x/image/webp"
)

// CheckPhone decodes a stored or served copy of PhoneJPEG: portrait (the
// phone held upright), of w × h if given, red in its top right quarter and
// not its top left, without EXIF or the GPS position, at most 1,600 pixels
// long.
func CheckPhone(t testing.TB, what string, data []byte, w, h int) {
	t.Helper()
	if bytes.Contains(data, []byte("Exif\x00")) || bytes.Contains(data, GPSLatitude) {
		t.Errorf("%s keeps its EXIF or GPS position", what)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	bd := img.Bounds()
	if bd.Dx() >= bd.Dy() || (w > 0 && (bd.Dx() != w || bd.Dy() != h)) || max(bd.Dx(), bd.Dy()) > 1600 {
		t.Errorf("%s is %d × %d, want upright (portrait) %d × %d at most 1,600 long", what, bd.Dx(), bd.Dy(), w, h)
	}
	red := func(x, y int) bool {
		r, g, _, _ := img.At(x, y).RGBA()
		return r>>8 > 170 && g>>8 < 90
	}
	if !red(bd.Dx()*7/8, bd.Dy()/8) || red(bd.Dx()/8, bd.Dy()/8) {
		t.Errorf("%s is not upright: the red quarter is not top right", what)
	}
}
