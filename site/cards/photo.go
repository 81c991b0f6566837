package cards

import (
	"image"
	"image/draw"

	"github.com/disintegration/imaging"
)

// photoLeft is where a card's photo starts: it fills the right part of
// the card, above the bottom rule, cropped to fit.
const photoLeft = 760

// photoDrawn draws the card's photo, if it has one that loads, and reports
// whether it did: a photo that fails to load leaves the card as it is
// without one.
func photoDrawn(img *image.RGBA, c Card) bool {
	if c.Photo == nil {
		return false
	}
	p, err := c.Photo()
	if err != nil || p == nil || p.Bounds().Empty() {
		return false
	}
	r := image.Rect(photoLeft, 0, Width, Height-18)
	fit := imaging.Fill(p, r.Dx(), r.Dy(), imaging.Center, imaging.Lanczos)
	draw.Draw(img, r, fit, image.Point{}, draw.Src)
	fill(img, image.Rect(photoLeft-8, 0, photoLeft, Height-18), gold)
	return true
}
