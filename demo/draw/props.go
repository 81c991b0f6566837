package draw

// Props the scenes share: the backdrop, plants and trees, a QR-like
// pattern, speech bubbles.

import (
	"image/color"
	"math"
)

// backdrop paints the background all scenes share: a soft gradient, large
// pale discs placed by r, a light behind the subject (and more spots, if
// given), and the floor from y = ground down.
func backdrop(p *pen, pal palette, r *rng, ground float64, more ...spot) {
	angle := r.between(0.35, 0.9)
	var spots []spot
	for i := range 3 {
		side := float64(1 - 2*(i%2))
		spots = append(spots, spot{side * r.between(380, 760), r.between(60, 520), r.between(120, 260), alpha(pal.blob, 0.45), false})
	}
	spots = append(spots, spot{r.between(-200, 200), 300, 620, alpha(hex(0xffffff), 0.35), true})
	p.background(pal, angle, append(spots, more...)...)
	if ground < 900 {
		p.rect(-2000, ground, 2000, 900, 0, pal.floor)
		p.rect(-2000, ground, 2000, ground+6, 0, alpha(pal.ink, 0.06))
	}
}

// plant draws a potted plant standing at (x, base), h tall.
func plant(p *pen, pal palette, r *rng, x, base, h float64) {
	pot := h * 0.3
	for i := range 5 {
		a := -math.Pi/2 + (float64(i)-2)*0.42 + r.between(-0.1, 0.1)
		l := h * r.between(0.30, 0.42)
		cx, cy := x+math.Cos(a)*l*0.9, base-pot+math.Sin(a)*l*0.9
		p.oval(cx, cy, l*0.62, l*0.2, a, mix(pal.green, pal.ink, float64(i%2)*0.18))
	}
	p.poly(mix(pal.accent, pal.gold, 0.55), x-pot*0.6, base-pot, x+pot*0.6, base-pot, x+pot*0.45, base, x-pot*0.45, base)
}

// tree draws a round tree standing at (x, base), h tall.
func tree(p *pen, pal palette, r *rng, x, base, h float64) {
	p.rect(x-h*0.04, base-h*0.5, x+h*0.04, base, h*0.02, mix(pal.tone, pal.ink, 0.45))
	for i := range 4 {
		dx := (float64(i) - 1.5) * h * 0.14
		p.circle(x+dx+r.between(-8, 8), base-h*0.62-r.between(0, h*0.18), h*r.between(0.2, 0.26), mix(pal.green, pal.bg0, 0.12*float64(i%2)))
	}
}

// qrCode draws a QR-like pattern (finder squares, timing lines and modules
// chosen by r; it encodes nothing) in the square x, y, size.
func qrCode(p *pen, pal palette, r *rng, x, y, size float64) {
	const n = 21
	m := size / n
	dark := func(i, j int) {
		p.rect(x+float64(i)*m, y+float64(j)*m, x+float64(i+1)*m+0.4, y+float64(j+1)*m+0.4, 0, pal.ink)
	}
	finder := func(i0, j0 int) bool {
		return i0 < 8 && j0 < 8 || i0 >= n-8 && j0 < 8 || i0 < 8 && j0 >= n-8
	}
	for j := range n {
		for i := range n {
			switch {
			case finder(i, j):
			case i == 6 || j == 6:
				if (i+j)%2 == 0 {
					dark(i, j)
				}
			case r.chance(0.48):
				dark(i, j)
			}
		}
	}
	for _, c := range [][2]int{{0, 0}, {n - 7, 0}, {0, n - 7}} {
		fx, fy := x+float64(c[0])*m, y+float64(c[1])*m
		p.rect(fx, fy, fx+7*m, fy+7*m, m*0.6, pal.ink)
		p.rect(fx+m, fy+m, fx+6*m, fy+6*m, m*0.3, pal.paper)
		p.rect(fx+2*m, fy+2*m, fx+5*m, fy+5*m, m*0.4, pal.ink)
	}
}

// speech draws an empty speech bubble with three dots, its tail at (tx, ty).
func speech(p *pen, pal palette, x0, y0, x1, y1, tx, ty float64, fill, dots color.NRGBA) {
	mid := (x0 + x1) / 2
	p.poly(fill, mid-30, y1-2, mid+10, y1-2, tx, ty)
	p.rect(x0, y0, x1, y1, (y1-y0)/2, fill)
	for i := -1; i <= 1; i++ {
		p.circle(mid+float64(i)*(y1-y0)*0.42, (y0+y1)/2, (y1-y0)*0.1, dots)
	}
}
