package draw

import (
	"image/color"
	"math"
)

// pen draws on a canvas in design units: a stage 900 units high whose x = 0
// is the canvas's vertical centre line, so that x runs over ±800 on a 16:9
// canvas, ±675 on a 3:2 one and ±450 on a square one. Subjects keep within
// ±520, which a 4:3 crop of a 16:9 cover still shows.
type pen struct {
	c     *canvas
	u, ox float64 // pixels per unit, and the x of the centre line in pixels
}

func (p *pen) pt(x, y float64) point { return point{p.ox + x*p.u, y * p.u} }

// rect fills a rectangle with corners rounded with radius r.
func (p *pen) rect(x0, y0, x1, y1, r float64, col color.NRGBA) {
	p.rect2(x0, y0, x1, y1, r, r, col)
}

// rect2 fills a rectangle whose top corners have radius rt and bottom
// corners radius rb.
func (p *pen) rect2(x0, y0, x1, y1, rt, rb float64, col color.NRGBA) {
	a, b := p.pt(x0, y0), p.pt(x1, y1)
	p.c.fill(rrect{a.x, a.y, b.x, b.y, rt * p.u, rb * p.u}, col)
}

// shadow fills the soft drop shadow of a rounded rectangle.
func (p *pen) shadow(x0, y0, x1, y1, r float64, pal palette) {
	p.rect(x0+10, y0+14, x1+10, y1+14, r, alpha(pal.ink, 0.10))
}

func (p *pen) circle(cx, cy, r float64, col color.NRGBA) { p.ellipse(cx, cy, r, r, col) }

func (p *pen) ellipse(cx, cy, rx, ry float64, col color.NRGBA) {
	c := p.pt(cx, cy)
	p.c.fill(ellipse{c.x, c.y, rx * p.u, ry * p.u}, col)
}

// oval fills an ellipse turned by angle (radians).
func (p *pen) oval(cx, cy, rx, ry, angle float64, col color.NRGBA) {
	c := p.pt(cx, cy)
	p.c.fill(rotatedEllipse(c.x, c.y, rx*p.u, ry*p.u, angle), col)
}

// poly fills the convex polygon x0, y0, x1, y1, ….
func (p *pen) poly(col color.NRGBA, xy ...float64) {
	pts := make(poly, 0, len(xy)/2)
	for i := 0; i+1 < len(xy); i += 2 {
		pts = append(pts, p.pt(xy[i], xy[i+1]))
	}
	p.c.fill(pts, col)
}

// quad fills a w×h rectangle centred on (cx, cy) and turned by angle.
func (p *pen) quad(cx, cy, w, h, angle float64, col color.NRGBA) {
	s, c := math.Sincos(angle)
	xy := make([]float64, 0, 8)
	for _, d := range [][2]float64{{-1, -1}, {1, -1}, {1, 1}, {-1, 1}} {
		x, y := d[0]*w/2, d[1]*h/2
		xy = append(xy, cx+x*c-y*s, cy+x*s+y*c)
	}
	p.poly(col, xy...)
}

// line strokes a segment of width w with round ends.
func (p *pen) line(x0, y0, x1, y1, w float64, col color.NRGBA) {
	p.c.fill(capsule{p.pt(x0, y0), p.pt(x1, y1), w * p.u}, col)
}

// polyline strokes the segments x0, y0, x1, y1, … (opaque colours only:
// the joints are painted twice).
func (p *pen) polyline(w float64, col color.NRGBA, xy ...float64) {
	for i := 0; i+3 < len(xy); i += 2 {
		p.line(xy[i], xy[i+1], xy[i+2], xy[i+3], w, col)
	}
}

// arc strokes the arc of radius r, width w, from angle a0 to a1 (radians,
// clockwise from 3 o'clock).
func (p *pen) arc(cx, cy, r, w, a0, a1 float64, col color.NRGBA) {
	c := p.pt(cx, cy)
	p.c.fill(arc{c.x, c.y, r * p.u, w * p.u, a0, a1}, col)
}

// ring strokes a whole circle.
func (p *pen) ring(cx, cy, r, w float64, col color.NRGBA) {
	p.arc(cx, cy, r, w, 0, 2*math.Pi, col)
}

// background fills the canvas with pal's gradient, in direction angle,
// and spots given in design units.
func (p *pen) background(pal palette, angle float64, spots ...spot) {
	for i, l := range spots {
		c := p.pt(l.x, l.y)
		spots[i] = spot{c.x, c.y, l.r * p.u, l.col, l.soft}
	}
	p.c.background(pal.bg0, pal.bg1, angle, spots...)
}

// star fills a five-pointed star of outer radius R, one point up.
func (p *pen) star(cx, cy, R float64, col color.NRGBA) {
	in := R * 0.382
	var outer, inner [5]point
	for i := range 5 {
		a := -math.Pi/2 + float64(i)*2*math.Pi/5
		outer[i] = point{cx + R*math.Cos(a), cy + R*math.Sin(a)}
		b := a + math.Pi/5
		inner[i] = point{cx + in*math.Cos(b), cy + in*math.Sin(b)}
	}
	pent := make([]float64, 0, 10)
	for i := range 5 {
		pent = append(pent, inner[i].x, inner[i].y)
		prev := inner[(i+4)%5]
		p.poly(col, outer[i].x, outer[i].y, inner[i].x, inner[i].y, prev.x, prev.y)
	}
	p.poly(col, pent...)
}

// check strokes a tick mark centred on (cx, cy), s wide.
func (p *pen) check(cx, cy, s, w float64, col color.NRGBA) {
	p.polyline(w, col, cx-s/2, cy, cx-s/8, cy+s*0.35, cx+s/2, cy-s*0.35)
}

// textLines fills n grey bars standing for lines of text in the box
// x0…x1 from y, gap apart; the last line is shorter.
func (p *pen) textLines(x0, x1, y, gap float64, n int, col color.NRGBA, r *rng) {
	for i := range n {
		w := (x1 - x0) * r.between(0.78, 1)
		if i == n-1 {
			w = (x1 - x0) * r.between(0.35, 0.6)
		}
		p.rect(x0, y+float64(i)*gap, x0+w, y+float64(i)*gap+gap*0.42, gap*0.21, col)
	}
}

// figure draws a standing person, feet at (x, base), h tall: head, torso
// and legs in flat colours.
func (p *pen) figure(x, base, h float64, shirt, trousers color.NRGBA, pal palette) {
	head := h * 0.105
	top := base - h
	legTop := base - h*0.44
	p.rect2(x-h*0.12, legTop-h*0.02, x-h*0.015, base, h*0.03, h*0.025, trousers)
	p.rect2(x+h*0.015, legTop-h*0.02, x+h*0.12, base, h*0.03, h*0.025, trousers)
	p.bust(x, top, head, h*0.33, legTop-(top+head*2.15), shirt, pal)
}

// bust draws a head of radius head whose top is at y, on shoulders w wide
// and a torso body tall.
func (p *pen) bust(x, y, head, w, body float64, shirt color.NRGBA, pal palette) {
	cy := y + head
	neckTop := cy + head*0.6
	p.rect(x-head*0.38, neckTop, x+head*0.38, neckTop+head*0.9, 0, mix(pal.skin, pal.ink, 0.12))
	torsoTop := cy + head*1.15
	p.rect2(x-w/2, torsoTop, x+w/2, torsoTop+body, w*0.32, w*0.06, shirt)
	p.poly(mix(shirt, pal.paper, 0.75), x-head*0.42, torsoTop, x+head*0.42, torsoTop, x, torsoTop+head*0.7)
	// Hair: a disc behind the face, a little higher, and a fringe.
	p.circle(x, cy-head*0.12, head*1.02, pal.hair)
	p.ellipse(x, cy+head*0.06, head*0.9, head*0.94, pal.skin)
	p.oval(x+head*0.25, cy-head*0.62, head*0.62, head*0.3, 0.35, pal.hair)
}
