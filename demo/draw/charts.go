package draw

// Scenes of figures: bar and line charts with ring charts.

import (
	"image/color"
	"math"
)

// chartPanel draws the card a chart is drawn on, with its title bar and
// grid, and returns the y of its base line.
func chartPanel(p *pen, pal palette, x0, y0, x1, y1 float64) float64 {
	p.shadow(x0, y0, x1, y1, 22, pal)
	p.rect(x0, y0, x1, y1, 22, pal.paper)
	p.rect(x0+40, y0+40, x0+220, y0+58, 9, mix(pal.line, pal.ink, 0.2))
	base := y1 - 60
	for i := range 4 {
		y := base - float64(i+1)*100
		p.rect(x0+40, y, x1-40, y+3, 0, alpha(pal.line, 0.7))
	}
	p.rect(x0+40, base, x1-40, base+5, 2, pal.line)
	return base
}

// ringChart draws a ring chart of a share between 0 and 1.
func ringChart(p *pen, pal palette, cx, cy, R, share float64) {
	p.circle(cx, cy, R+40, alpha(pal.paper, 0.75))
	p.ring(cx, cy, R-4, 44, alpha(pal.line, 0.9))
	p.arc(cx, cy, R-4, 44, -math.Pi/2, -math.Pi/2+2*math.Pi*share, pal.main)
}

func drawChart(p *pen, pal palette, r *rng) {
	backdrop(p, pal, r, 800)
	x0 := -500.0
	base := chartPanel(p, pal, x0, 160, 200, 740)
	v := r.between(0.3, 0.42)
	var tops []float64
	for i := range 6 {
		x := x0 + 80 + float64(i)*98
		h := v * 420
		col := mix(pal.main, pal.light, 0.35)
		if i == 5 {
			col = pal.main
		}
		p.rect2(x, base-h, x+58, base, 8, 0, col)
		tops = append(tops, x+29, base-h-40)
		v = math.Min(0.98, v+r.between(0.06, 0.14))
	}
	p.polyline(8, pal.gold, tops...)
	for i := 0; i < len(tops); i += 2 {
		p.circle(tops[i], tops[i+1], 13, pal.gold)
		p.circle(tops[i], tops[i+1], 6, pal.paper)
	}
	// A ring chart and three progress bars beside the panel.
	ringChart(p, pal, 410, 330, 130, r.between(0.72, 0.96))
	for i := range 3 {
		y := 560 + float64(i)*62
		p.rect(280, y, 540, y+24, 12, alpha(pal.paper, 0.9))
		p.rect(280, y, 280+260*r.between(0.55, 0.95), y+24, 12, []color.NRGBA{pal.main, pal.tone, pal.accent}[i])
	}
}

func drawTrend(p *pen, pal palette, r *rng) {
	backdrop(p, pal, r, 800)
	x0, x1 := -180.0, 520.0
	base := chartPanel(p, pal, x0, 160, x1, 740)
	// The area under a rising line, then the line.
	const n = 7
	var pts []float64
	v := r.between(0.12, 0.22)
	for i := range n {
		x := x0 + 70 + float64(i)*(x1-x0-140)/(n-1)
		pts = append(pts, x, base-v*400)
		v = math.Min(0.95, v+r.between(0.02, 0.15))
	}
	for i := 0; i+3 < len(pts); i += 2 {
		p.poly(alpha(pal.light, 0.55), pts[i], base, pts[i], pts[i+1], pts[i+2], pts[i+3], pts[i+2], base)
	}
	p.polyline(8, pal.main, pts...)
	for i := 0; i+1 < len(pts); i += 2 {
		p.circle(pts[i], pts[i+1], 12, pal.main)
		p.circle(pts[i], pts[i+1], 5, pal.paper)
	}
	last := len(pts) - 2
	p.circle(pts[last], pts[last+1], 22, pal.gold)
	p.circle(pts[last], pts[last+1], 10, pal.paper)
	// A ring chart and two figure cards beside the panel.
	ringChart(p, pal, -420, 300, 120, r.between(0.62, 0.9))
	for i, col := range []color.NRGBA{pal.main, hsl(145, 0.42, 0.42)} {
		y := 500 + float64(i)*120
		p.shadow(-560, y, -280, y+92, 16, pal)
		p.rect(-560, y, -280, y+92, 16, pal.paper)
		p.circle(-510, y+46, 26, col)
		p.rect(-468, y+26, -330, y+42, 8, mix(pal.line, pal.ink, 0.25))
		p.rect(-468, y+56, -380, y+68, 6, pal.line)
	}
}
