package commune

import (
	"math"
	"strconv"
)

// Colour is a theme colour of the palette: the brand colour (header bar,
// current page, charts) and its darker shade (hover, borders).
type Colour struct {
	Label            string
	Brand, BrandDark string
}

// DefaultColour is the palette's first token.
const DefaultColour = "do"

// Accent is the theme's fixed gold, written on the brand colour (the mark).
const Accent = "#f2c14e"

// Palette holds the colours a commune may choose, each checked (see
// Contrast and the package's test) to keep at least 4.5:1 for white and
// the accent on the brand colour, and the brand colour on white.
var Palette = map[string]Colour{
	"do":         {"Đỏ son", "#9e1b1b", "#6e1212"},
	"xanh-duong": {"Xanh dương đậm", "#17386b", "#0e2447"},
	"xanh-la":    {"Xanh lá đậm", "#1d5231", "#12361f"},
	"nau":        {"Nâu đất", "#6b3a1c", "#4a2712"},
	"tim":        {"Tím than", "#4a2670", "#31184c"},
}

// PaletteOrder lists Palette's tokens in the order the setup shows them.
var PaletteOrder = []string{"do", "xanh-duong", "xanh-la", "nau", "tim"}

// Contrast is the WCAG 2 contrast ratio of two colours written "#rrggbb".
func Contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(hex string) float64 {
	if len(hex) != 7 || hex[0] != '#' {
		return 0
	}
	ch := func(s string) float64 {
		v, _ := strconv.ParseUint(s, 16, 8)
		c := float64(v) / 255
		if c <= 0.03928 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(hex[1:3]) + 0.7152*ch(hex[3:5]) + 0.0722*ch(hex[5:7])
}
