package draw

import (
	"image/color"
	"math"
)

// themeHues are the background hues (degrees) of each article category and
// initiative field: warm sand for the movement's news, blues for notices
// and reform tasks, teal and mint for indicators and initiatives.
var themeHues = map[string]float64{
	"tin-hoat-dong":              36,
	"thong-bao":                  208,
	"trach-nhiem-nguoi-dung-dau": 28,
	"bo-chi-so":                  172,
	"nhiem-vu-cai-cach":          218,
	"tuyen-truyen":               24,
	"giai-phap-sang-kien":        150,
	"can-bo-cong-chuc":           228,
	"thu-tuc-hanh-chinh":         205,
	"chuyen-doi-so":              190,
	"to-chuc-bo-may":             32,
	"cong-vu":                    228,
	"tai-chinh-cong":             160,
	"the-che":                    30,
}

// palette are the colours of one illustration.
type palette struct {
	bg0, bg1 color.NRGBA // the background gradient
	blob     color.NRGBA // large soft shapes on the background
	floor    color.NRGBA // the ground the objects stand on
	main     color.NRGBA // the portal's blue: screens, charts, uniforms
	light    color.NRGBA // a pale tint of main
	tone     color.NRGBA // a mid colour of the theme's hue
	accent   color.NRGBA // the portal's red: roofs, flags, stamps
	gold     color.NRGBA
	paper    color.NRGBA
	line     color.NRGBA // grey bars standing for lines of text
	ink      color.NRGBA // the darkest details
	green    color.NRGBA // plants
	skin     color.NRGBA // faces, in one neutral warm tone
	hair     color.NRGBA
}

// newPalette returns the palette of a theme hue, nudged a little by r.
func newPalette(hue float64, r *rng) palette {
	h := hue + r.between(-6, 6)
	return palette{
		bg0:    hsl(h, 0.42, 0.955),
		bg1:    hsl(h+10, 0.36, 0.885),
		blob:   hsl(h, 0.34, 0.83),
		floor:  hsl(h+8, 0.22, 0.80),
		main:   hsl(212+r.between(-4, 4), 0.56, 0.36),
		light:  hsl(210, 0.55, 0.80),
		tone:   hsl(h, 0.32, 0.58),
		accent: hex(0xb0282a),
		gold:   hex(0xf0b93f),
		paper:  hex(0xfffdf8),
		line:   hex(0xd5dbe2),
		ink:    hex(0x2b3a4a),
		green:  hsl(138, 0.30, 0.46),
		skin:   hsl(26, 0.42, 0.74),
		hair:   hex(0x33302e),
	}
}

// hsl returns an opaque colour from hue (degrees), saturation and lightness
// (0–1).
func hsl(h, s, l float64) color.NRGBA {
	h = math.Mod(math.Mod(h, 360)+360, 360) / 360
	q := l * (1 + s)
	if l >= 0.5 {
		q = l + s - l*s
	}
	p := 2*l - q
	channel := func(t float64) uint8 {
		t = math.Mod(t+1, 1)
		var v float64
		switch {
		case t < 1.0/6:
			v = p + (q-p)*6*t
		case t < 1.0/2:
			v = q
		case t < 2.0/3:
			v = p + (q-p)*(2.0/3-t)*6
		default:
			v = p
		}
		return uint8(math.Round(math.Max(0, math.Min(1, v)) * 255))
	}
	return color.NRGBA{channel(h + 1.0/3), channel(h), channel(h - 1.0/3), 255}
}

// hex returns the opaque colour #rrggbb.
func hex(v uint32) color.NRGBA {
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
}

// alpha returns col with opacity a (0–1).
func alpha(col color.NRGBA, a float64) color.NRGBA {
	col.A = uint8(math.Round(a * 255))
	return col
}

// mix returns the colour t of the way from a to b.
func mix(a, b color.NRGBA, t float64) color.NRGBA {
	return color.NRGBA{lerp8(a.R, b.R, t), lerp8(a.G, b.G, t), lerp8(a.B, b.B, t), lerp8(a.A, b.A, t)}
}

func lerp8(a, b uint8, t float64) uint8 {
	return uint8(math.Round(lerp(a, b, t)))
}

func lerp(a, b uint8, t float64) float64 {
	return float64(a) + (float64(b)-float64(a))*math.Max(0, math.Min(1, t))
}

func clampInt(v, lo, hi int) int {
	return max(lo, min(v, hi))
}
