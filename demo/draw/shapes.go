package draw

// The shapes the canvas fills, in output pixels.

import "math"

// rrect is an axis-aligned rectangle whose top corners are rounded with
// radius rt and bottom corners with radius rb (0 for square corners).
type rrect struct{ x0, y0, x1, y1, rt, rb float64 }

func (r rrect) bounds() (float64, float64, float64, float64) { return r.x0, r.y0, r.x1, r.y1 }

func (r rrect) span(y float64) (float64, float64, bool) {
	if y < r.y0 || y >= r.y1 {
		return 0, 0, false
	}
	half := math.Min(r.x1-r.x0, r.y1-r.y0) / 2
	inset := 0.0
	if rt := math.Min(r.rt, half); y < r.y0+rt {
		d := r.y0 + rt - y
		inset = rt - math.Sqrt(rt*rt-d*d)
	} else if rb := math.Min(r.rb, half); y > r.y1-rb {
		d := y - (r.y1 - rb)
		inset = rb - math.Sqrt(math.Max(0, rb*rb-d*d))
	}
	return r.x0 + inset, r.x1 - inset, true
}

// ellipse is an axis-aligned ellipse of centre (cx, cy) and radii rx, ry.
type ellipse struct{ cx, cy, rx, ry float64 }

func (e ellipse) bounds() (float64, float64, float64, float64) {
	return e.cx - e.rx, e.cy - e.ry, e.cx + e.rx, e.cy + e.ry
}

func (e ellipse) span(y float64) (float64, float64, bool) {
	d := (y - e.cy) / e.ry
	if d <= -1 || d >= 1 {
		return 0, 0, false
	}
	hw := e.rx * math.Sqrt(1-d*d)
	return e.cx - hw, e.cx + hw, true
}

// poly is a convex polygon.
type poly []point

type point struct{ x, y float64 }

func (p poly) bounds() (float64, float64, float64, float64) {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, q := range p {
		x0, y0 = math.Min(x0, q.x), math.Min(y0, q.y)
		x1, y1 = math.Max(x1, q.x), math.Max(y1, q.y)
	}
	return x0, y0, x1, y1
}

func (p poly) span(y float64) (float64, float64, bool) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, a := range p {
		b := p[(i+1)%len(p)]
		if (a.y <= y) == (b.y <= y) {
			continue // the edge does not cross the line
		}
		x := a.x + (y-a.y)*(b.x-a.x)/(b.y-a.y)
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return lo, hi, lo < hi
}

// capsule is a thick segment from a to b with round ends, of width w.
type capsule struct {
	a, b point
	w    float64
}

func (c capsule) bounds() (float64, float64, float64, float64) {
	r := c.w / 2
	return math.Min(c.a.x, c.b.x) - r, math.Min(c.a.y, c.b.y) - r, math.Max(c.a.x, c.b.x) + r, math.Max(c.a.y, c.b.y) + r
}

func (c capsule) inside(x, y float64) bool {
	dx, dy := c.b.x-c.a.x, c.b.y-c.a.y
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = math.Max(0, math.Min(1, ((x-c.a.x)*dx+(y-c.a.y)*dy)/l))
	}
	px, py := c.a.x+t*dx-x, c.a.y+t*dy-y
	return px*px+py*py <= c.w*c.w/4
}

// arc is the part of a ring (centre (cx, cy), mid radius r, width w)
// between angles a0 and a1 (radians, clockwise from the positive x axis,
// as y grows downwards), with square ends.
type arc struct{ cx, cy, r, w, a0, a1 float64 }

func (a arc) bounds() (float64, float64, float64, float64) {
	o := a.r + a.w/2
	return a.cx - o, a.cy - o, a.cx + o, a.cy + o
}

func (a arc) inside(x, y float64) bool {
	dx, dy := x-a.cx, y-a.cy
	d := math.Sqrt(dx*dx + dy*dy)
	if math.Abs(d-a.r) > a.w/2 {
		return false
	}
	if a.a1-a.a0 >= 2*math.Pi {
		return true
	}
	t := math.Atan2(dy, dx)
	for t < a.a0 {
		t += 2 * math.Pi
	}
	return t <= a.a1
}

// rotatedEllipse is an ellipse turned by angle (radians), as a polygon.
func rotatedEllipse(cx, cy, rx, ry, angle float64) poly {
	const n = 32
	p := make(poly, n)
	s, c := math.Sincos(angle)
	for i := range p {
		t := 2 * math.Pi * float64(i) / n
		x, y := rx*math.Cos(t), ry*math.Sin(t)
		p[i] = point{cx + x*c - y*s, cy + x*s + y*c}
	}
	return p
}
