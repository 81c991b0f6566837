package draw

// This file holds a tiny vector painter for the demo's illustrations: flat
// shapes (rectangles with rounded corners, circles, ellipses, convex
// polygons, thick lines and arcs) filled in plain colours over a soft
// gradient, then encoded as JPEG. It uses only the standard library, and
// draws nothing at random: every choice comes from a seeded generator, so a
// record's image is the same, byte for byte, on every run.
//
// Shapes are drawn on a canvas supersampled ss× in each direction, each
// pixel of the supersampled image being in a shape or not (no coverage
// computation); shrinking it with a box filter gives the edges their
// anti-aliasing.

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math"
)

// ss is the supersampling factor: shapes are drawn at ss× the output size.
const ss = 2

// jpegQuality is the quality the illustrations are encoded at.
const jpegQuality = 82

// canvas is a supersampled RGBA image that shapes are filled on. Its
// coordinates, as given to shapes, are those of the output image, in
// pixels.
type canvas struct {
	img  *image.RGBA // ss× the output size
	w, h int         // the output size
}

func newCanvas(w, h int) *canvas {
	return &canvas{img: image.NewRGBA(image.Rect(0, 0, w*ss, h*ss)), w: w, h: h}
}

// shape is a region of the plane, in output pixels.
type shape interface {
	// bounds is a rectangle that holds the shape.
	bounds() (x0, y0, x1, y1 float64)
}

// spanner is a convex shape: on a horizontal line it covers one interval
// [x0, x1), or nothing.
type spanner interface {
	shape
	span(y float64) (x0, x1 float64, ok bool)
}

// insider is any shape that can tell whether a point is in it.
type insider interface {
	shape
	inside(x, y float64) bool
}

// fill paints shape s in colour col (blended by its alpha).
func (c *canvas) fill(s shape, col color.NRGBA) {
	if col.A == 0 {
		return
	}
	bx0, by0, bx1, by1 := s.bounds()
	W, H := c.w*ss, c.h*ss
	iy0 := clampInt(int(math.Floor(by0*ss)), 0, H)
	iy1 := clampInt(int(math.Ceil(by1*ss)), 0, H)
	ix0 := clampInt(int(math.Floor(bx0*ss)), 0, W)
	ix1 := clampInt(int(math.Ceil(bx1*ss)), 0, W)
	sp, convex := s.(spanner)
	in, _ := s.(insider)
	for iy := iy0; iy < iy1; iy++ {
		y := (float64(iy) + 0.5) / ss
		row := c.img.Pix[iy*c.img.Stride:]
		if convex {
			a, b, ok := sp.span(y)
			if !ok {
				continue
			}
			// The pixels whose centres lie in [a, b).
			from := clampInt(int(math.Ceil(a*ss-0.5)), ix0, ix1)
			to := clampInt(int(math.Ceil(b*ss-0.5)), ix0, ix1)
			for ix := from; ix < to; ix++ {
				blend(row[ix*4:ix*4+4], col)
			}
			continue
		}
		for ix := ix0; ix < ix1; ix++ {
			if in.inside((float64(ix)+0.5)/ss, y) {
				blend(row[ix*4:ix*4+4], col)
			}
		}
	}
}

// blend paints an RGBA pixel with col over it.
func blend(p []uint8, col color.NRGBA) {
	if col.A == 255 {
		p[0], p[1], p[2], p[3] = col.R, col.G, col.B, 255
		return
	}
	a := uint32(col.A)
	b := 255 - a
	p[0] = uint8((uint32(col.R)*a + uint32(p[0])*b + 127) / 255)
	p[1] = uint8((uint32(col.G)*a + uint32(p[1])*b + 127) / 255)
	p[2] = uint8((uint32(col.B)*a + uint32(p[2])*b + 127) / 255)
	p[3] = 255
}

// spot is a disc of colour col and radius r centred on (x, y), in output
// pixels, painted over the background: with a crisp (anti-aliased) edge, or,
// if soft, as a light whose opacity fades from col.A at the centre to
// nothing at the edge.
type spot struct {
	x, y, r float64
	col     color.NRGBA
	soft    bool
}

// background fills the whole canvas with a linear gradient from c0 to c1 in
// the direction angle (radians, 0 is left to right, π/2 top to bottom), and
// spots over it, in order. Spots being round, their edges are smoothed
// exactly, so the background is computed once for each output pixel.
func (c *canvas) background(c0, c1 color.NRGBA, angle float64, spots ...spot) {
	dx, dy := math.Cos(angle), math.Sin(angle)
	// Project the four corners to find the gradient's extent.
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range [][2]float64{{0, 0}, {float64(c.w), 0}, {0, float64(c.h)}, {float64(c.w), float64(c.h)}} {
		t := p[0]*dx + p[1]*dy
		lo, hi = math.Min(lo, t), math.Max(hi, t)
	}
	// The gradient's colours at lutSize steps, and each soft spot's opacity
	// by squared distance (a fraction of r²): a smoothstep of the distance.
	const lutSize = 1024
	var grad [lutSize + 1][3]float64
	for i := range grad {
		t := float64(i) / lutSize
		grad[i] = [3]float64{lerp(c0.R, c1.R, t), lerp(c0.G, c1.G, t), lerp(c0.B, c1.B, t)}
	}
	fade := make([][lutSize]float64, len(spots))
	for j, l := range spots {
		for i := range fade[j] {
			f := 1 - math.Sqrt(float64(i)/lutSize)
			if !l.soft {
				f = 1
			}
			fade[j][i] = float64(l.col.A) / 255 * f * f * (3 - 2*f)
		}
	}
	k := lutSize / (hi - lo)
	wide := c.w * ss * 4
	row := make([][3]float64, c.w) // one row of output pixels
	for y := 0; y < c.h; y++ {
		fy := float64(y) + 0.5
		t := (0.5*dx+fy*dy-lo)*k + 0.5
		for x := range row {
			row[x] = grad[clampInt(int(t), 0, lutSize)]
			t += dx * k
		}
		// Each spot, over the pixels of the row it reaches.
		for j, l := range spots {
			ey := fy - l.y
			reach := l.r + 0.5
			if ey*ey >= reach*reach {
				continue
			}
			half := math.Sqrt(reach*reach - ey*ey)
			from, to := clampInt(int(l.x-half), 0, c.w), clampInt(int(l.x+half)+1, 0, c.w)
			for x := from; x < to; x++ {
				ex := float64(x) + 0.5 - l.x
				d2 := ex*ex + ey*ey
				var a float64
				switch {
				case l.soft:
					i := int(d2 / (l.r * l.r) * lutSize)
					if i >= lutSize {
						continue
					}
					a = fade[j][i]
				case d2 >= reach*reach:
					continue
				case d2 <= (l.r-0.5)*(l.r-0.5):
					a = fade[j][0]
				default: // on the edge: the part of the pixel covered
					a = fade[j][0] * (reach - math.Sqrt(d2))
				}
				p := &row[x]
				p[0] += (float64(l.col.R) - p[0]) * a
				p[1] += (float64(l.col.G) - p[1]) * a
				p[2] += (float64(l.col.B) - p[2]) * a
			}
		}
		first := c.img.Pix[y*ss*c.img.Stride : y*ss*c.img.Stride+wide]
		for x, p := range row {
			px := first[x*ss*4 : (x+1)*ss*4 : (x+1)*ss*4]
			r, g, b := uint8(p[0]+0.5), uint8(p[1]+0.5), uint8(p[2]+0.5)
			for sx := 0; sx < ss*4; sx += 4 {
				px[sx], px[sx+1], px[sx+2], px[sx+3] = r, g, b, 255
			}
		}
		for sy := 1; sy < ss; sy++ {
			copy(c.img.Pix[(y*ss+sy)*c.img.Stride:], first)
		}
	}
}

// image returns the canvas at its output size: each pixel is the mean of
// the ss×ss pixels it stands for.
func (c *canvas) image() *image.RGBA {
	out := image.NewRGBA(image.Rect(0, 0, c.w, c.h))
	const n = ss * ss
	src, stride := c.img.Pix, c.img.Stride
	var sum [3]uint32
	for y := 0; y < c.h; y++ {
		o := out.Pix[y*out.Stride : y*out.Stride+c.w*4]
		for x := 0; x < c.w; x++ {
			sum = [3]uint32{}
			for sy := 0; sy < ss; sy++ {
				i := (y*ss+sy)*stride + x*ss*4
				p := src[i : i+ss*4 : i+ss*4]
				for sx := 0; sx < ss*4; sx += 4 {
					sum[0] += uint32(p[sx])
					sum[1] += uint32(p[sx+1])
					sum[2] += uint32(p[sx+2])
				}
			}
			q := o[x*4 : x*4+4 : x*4+4]
			q[0], q[1], q[2], q[3] = uint8((sum[0]+n/2)/n), uint8((sum[1]+n/2)/n), uint8((sum[2]+n/2)/n), 255
		}
	}
	return out
}

// jpeg encodes the canvas, at its output size, as a JPEG file.
func (c *canvas) jpeg() ([]byte, error) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, c.image(), &jpeg.Options{Quality: jpegQuality}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
