package draw

// Scenes of places: the commune's office, the village loudspeakers.
// Each scene keeps its subject within x = ±520 and y = 100…800.

import "math"

func drawBuilding(p *pen, pal palette, r *rng) {
	const ground = 770
	backdrop(p, pal, r, ground)
	tree(p, pal, r, -560, ground, r.between(300, 380))
	tree(p, pal, r, 560, ground, r.between(300, 380))
	wall := hsl(40, 0.55, 0.93)
	roof := pal.accent
	// Main block and roof.
	p.rect(-370, 440, 370, ground, 0, wall)
	p.poly(roof, -410, 450, 410, 450, 340, 350, -340, 350)
	p.rect(-410, 442, 410, 456, 4, mix(roof, pal.ink, 0.3))
	// Windows, two floors.
	for _, y := range []float64{485, 610} {
		for _, x := range []float64{-320, -245, -170, 170, 245, 320} {
			p.rect(x-26, y, x+26, y+80, 6, mix(pal.light, pal.main, 0.2))
			p.rect(x-26, y+36, x+26, y+42, 0, wall)
		}
	}
	// Portico with columns and pediment.
	p.rect(-125, 380, 125, ground, 0, hsl(40, 0.5, 0.965))
	p.poly(mix(roof, pal.ink, 0.15), -150, 390, 150, 390, 0, 290)
	p.rect(-150, 386, 150, 400, 3, mix(roof, pal.ink, 0.35))
	p.circle(0, 352, 22, pal.gold)
	for _, x := range []float64{-100, -52, 52, 100} {
		p.rect(x-11, 405, x+11, 742, 4, pal.paper)
		p.rect(x+5, 405, x+11, 742, 0, alpha(pal.ink, 0.07))
	}
	p.rect(-34, 560, 34, 742, 34, mix(pal.main, pal.ink, 0.25))
	// Steps.
	p.rect(-160, 742, 160, 756, 2, hsl(40, 0.12, 0.84))
	p.rect(-185, 756, 185, ground, 2, hsl(40, 0.12, 0.78))
	// Flag on the roof: red, with a yellow star, 2:3.
	p.line(0, 292, 0, 150, 6, pal.ink)
	p.rect(3, 152, 108, 222, 0, hex(0xda251d))
	p.star(55, 187, 24, hex(0xffdd00))
}

func drawLoudspeaker(p *pen, pal palette, r *rng) {
	const horizon = 620
	backdrop(p, pal, r, 900)
	// Roofs of the village on the horizon, then rice fields.
	for i := range 7 {
		x := -760 + float64(i)*240 + r.between(-30, 30)
		w := r.between(90, 130)
		p.rect(x-w/2, horizon-60, x+w/2, horizon, 0, hsl(38, 0.35, 0.86))
		p.poly(hsl(10, 0.45, 0.55), x-w/2-14, horizon-56, x+w/2+14, horizon-56, x+w/3, horizon-100, x-w/3, horizon-100)
	}
	for i := range 6 {
		y := horizon + float64(i*i)*9 + float64(i)*18
		p.rect(-2000, y, 2000, 900, 0, hsl(95+float64(i%2)*12, 0.36, 0.62-float64(i)*0.03))
	}
	// The pole, its crossbar and two pairs of horn speakers.
	metal := hsl(210, 0.12, 0.72)
	rim := hsl(210, 0.14, 0.45)
	p.rect(-14, 180, 14, 800, 6, pal.ink)
	for _, level := range []struct{ y, l float64 }{{250, 1}, {420, 0.82}} {
		y, l := level.y, level.l
		p.rect(-90, y-8, 90, y+8, 4, pal.ink)
		for side := -1.0; side <= 1; side += 2 {
			near, far := side*70, side*(70+190*l)
			p.poly(metal, near, y-20*l, near, y+20*l, far, y+80*l, far, y-80*l)
			p.rect(near-side*30-12, y-24*l, near-side*30+12, y+24*l, 6, rim)
			p.ellipse(far, y, 16*l, 80*l, rim)
			p.ellipse(far+side*3, y, 9*l, 66*l, mix(rim, pal.ink, 0.4))
			for k := 1; k <= 3; k++ {
				a0 := -math.Pi / 5
				if side < 0 {
					a0 = math.Pi - math.Pi/5
				}
				p.arc(far, y, float64(k)*44*l+40*l, 10*l, a0, a0+2*math.Pi/5, alpha(pal.main, 0.75-0.18*float64(k)))
			}
		}
	}
}
