package draw

// Portraits of honorees: neutral silhouettes, with no face.

import (
	"image/color"
	"math"
)

// portraitHues are the calm background hues portraits are given.
var portraitHues = []float64{205, 170, 32, 225, 150, 12, 190, 260, 45}

// silhouette draws a head-and-shoulders silhouette: a head of radius head
// whose centre is at (x, y), on shoulders w wide reaching down to bottom,
// the head and neck in tone and the clothes in shirt with a V neck.
func silhouette(p *pen, x, y, head, w, bottom float64, tone, shirt color.NRGBA) {
	top := y + head*1.42
	neck := head * 0.44
	p.rect(x-neck, y, x+neck, top+head*0.2, 0, tone)
	p.rect2(x-w/2, top, x+w/2, bottom, w*0.36, 0, shirt)
	p.poly(tone, x-neck, top-1, x+neck, top-1, x, top+head*0.5)
	p.ellipse(x, y, head*0.84, head, tone)
}

// shirtColours are the sober colours a portrait's clothes are given.
var shirtColours = []color.NRGBA{
	hsl(212, 0.45, 0.36), // navy
	hsl(188, 0.35, 0.36), // teal
	hsl(354, 0.36, 0.40), // burgundy
	hsl(150, 0.26, 0.36), // green
	hsl(26, 0.32, 0.40),  // brown
	hsl(222, 0.22, 0.48), // slate blue
	hsl(200, 0.30, 0.50), // steel blue
}

// grey is the colour of silhouettes: a slate grey barely tinted by the
// background.
func grey(pal palette) color.NRGBA {
	return mix(hex(0x6b7a8a), pal.tone, 0.2)
}

// drawPortrait draws the portrait of a person: a silhouette on a soft
// background, in colours the generator chooses.
func drawPortrait(p *pen, pal palette, r *rng) {
	p.background(pal, math.Pi/2, spot{0, 450, 380, alpha(pal.paper, 0.5), false})
	tone := mix(grey(pal), pal.ink, r.between(0.3, 0.45))
	shirt := shirtColours[r.intn(len(shirtColours))]
	silhouette(p, 0, 345, 168, 700, 960, tone, shirt)
}

// drawGroup draws the portrait of a collective: five silhouettes in two
// rows.
func drawGroup(p *pen, pal palette, r *rng) {
	p.background(pal, math.Pi/2, spot{0, 480, 390, alpha(pal.paper, 0.5), false})
	shirts := shirtColours
	o := r.intn(len(shirts))
	for i, x := range []float64{-150, 150} {
		tone := mix(grey(pal), pal.ink, 0.45+0.05*float64(i))
		silhouette(p, x, 300, 72, 260, 960, tone, mix(shirts[(o+i)%len(shirts)], pal.ink, 0.12))
	}
	for i, x := range []float64{-290, 0, 290} {
		tone := mix(grey(pal), pal.ink, 0.3+0.05*float64(i))
		silhouette(p, x, 450, 84, 300, 960, tone, mix(shirts[(o+2+i)%len(shirts)], pal.paper, 0.08))
	}
}

// portraitAlt is the alt text of an honoree's picture.
func portraitAlt(name string, collective bool) string {
	if collective {
		return "Ảnh minh họa tập thể " + name
	}
	return "Ảnh minh họa chân dung " + name
}
