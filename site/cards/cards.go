// Package cards draws the share cards of the portal's pages: the 1200×630
// images that Zalo and Facebook show with a shared link, with the page's
// title in Be Vietnam Pro (a font that has every Vietnamese letter; Go's
// default font lacks ả, ơ, ư…) and the portal's identity. Cards are cached
// on disk by their content, so a build draws only new or changed ones.
package cards

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/daison/portal/internal/tmpfile"
)

// Size of a card: what Facebook and Zalo show best (1.91:1).
const (
	Width  = 1200
	Height = 630
)

// MaxBytes is the largest a card may be; JPEG at quality 85 of this simple
// picture stays far below.
const MaxBytes = 300 << 10

// version changes when the drawing changes, so cached cards are redrawn.
const version = "3"

//go:embed fonts/BeVietnamPro-Bold.ttf
var boldTTF []byte

//go:embed fonts/BeVietnamPro-Medium.ttf
var mediumTTF []byte

var (
	parsed     sync.Once
	bold, med  *opentype.Font
	errParsing error
)

func fonts() (*opentype.Font, *opentype.Font, error) {
	parsed.Do(func() {
		if bold, errParsing = opentype.Parse(boldTTF); errParsing != nil {
			return
		}
		med, errParsing = opentype.Parse(mediumTTF)
	})
	return bold, med, errParsing
}

// Card is what a share card shows.
type Card struct {
	Kicker string // the section, e.g. "Tin tức"
	Title  string // the page's title, wrapped on up to four lines
	Footer string // the site's name or address
	// Subtitle is one line under the title: who a person is (award,
	// year, unit). Optional.
	Subtitle string
	// Photo, if set, is the record's photo, drawn filling the card's right
	// part; PhotoKey names its version (the card's cache key includes it,
	// not the pixels).
	Photo    func() (image.Image, error)
	PhotoKey string
	// Mark is the emblem's short mark (the commune's, "HB"); Brand and
	// BrandDark the theme's colours ("#rrggbb"). Empty: a plain emblem
	// and the default red.
	Mark, Brand, BrandDark string
}

// The portal's colours (the theme's brand red by default and a warm paper
// white).
var (
	defaultBrand     = color.RGBA{0x9e, 0x1b, 0x1b, 0xff}
	defaultBrandDark = color.RGBA{0x6e, 0x12, 0x12, 0xff}
	gold             = color.RGBA{0xf2, 0xc1, 0x4e, 0xff}
	paper            = color.RGBA{0xfb, 0xf8, 0xf3, 0xff}
	ink              = color.RGBA{0x1b, 0x1b, 0x1b, 0xff}
	muted            = color.RGBA{0x50, 0x5a, 0x5f, 0xff}
)

// Render draws a card as a JPEG.
func Render(c Card) ([]byte, error) {
	fb, fm, err := fonts()
	if err != nil {
		return nil, fmt.Errorf("share card font: %w", err)
	}
	brand, brandDark := hexColour(c.Brand, defaultBrand), hexColour(c.BrandDark, defaultBrandDark)
	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	draw.Draw(img, img.Bounds(), &image.Uniform{paper}, image.Point{}, draw.Src)
	// A red band on the left with a gold rule, and a red rule at the bottom.
	fill(img, image.Rect(0, 0, 64, Height), brand)
	fill(img, image.Rect(64, 0, 72, Height), gold)
	fill(img, image.Rect(72, Height-18, Width, Height), brandDark)
	left := 128
	maxW := Width - left - 96
	if photoDrawn(img, c) {
		maxW = photoLeft - left - 40
	} else {
		// The emblem: a gold ring with the commune's mark.
		ring(img, 1088, 104, 54, 6, gold)
		disc(img, 1088, 104, 48, brand)
	}
	face := func(f *opentype.Font, size float64) font.Face {
		ff, _ := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
		return ff
	}
	if maxW == Width-left-96 {
		emblem := face(fb, 40)
		w := font.MeasureString(emblem, c.Mark).Ceil()
		text(img, emblem, gold, 1088-w/2, 118, c.Mark)
	}

	lay := layout{bold: func(size float64) font.Face { return face(fb, size) }, medium: func(size float64) font.Face { return face(fm, size) }, left: left, maxW: maxW, kickerW: maxW, brand: brand}
	if maxW == Width-left-96 {
		lay.kickerW = 1088 - 54 - 24 - left
	}
	for _, l := range lay.lines(c) {
		text(img, l.face, l.colour, l.x, l.y, l.text)
	}

	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		return nil, fmt.Errorf("encode share card: %w", err)
	}
	return buf.Bytes(), nil
}

// layout places a card's text: every line fits maxW from left.
type layout struct {
	bold, medium func(size float64) font.Face
	left, maxW   int
	// kickerW is the kicker's width: short of the emblem when it is drawn.
	kickerW int
	brand   color.RGBA
}

// line is one line of a card's text, drawn from (x, y) on its baseline.
type line struct {
	text   string
	face   font.Face
	colour color.Color
	x, y   int
}

// lines lays out the kicker, the title, the subtitle (up to two lines) and
// the footer, each cut with "…" where it does not fit.
func (l layout) lines(c Card) []line {
	var out []line
	kicker := l.medium(30)
	out = append(out, line{ellipsize(kicker, strings.ToUpper(c.Kicker), l.kickerW), kicker, l.brand, l.left, 112})

	// The subtitle (an award's line) on one or two lines above the footer,
	// smaller when it needs them.
	top, bottom := 150, Height-110
	if c.Subtitle != "" {
		sub := l.medium(32)
		subs := wrap(sub, c.Subtitle, l.maxW)
		if len(subs) > 1 {
			sub = l.medium(28)
			subs = wrap(sub, c.Subtitle, l.maxW)
			// "award · position, unit": the award whole on the first line.
			if award, who, ok := strings.Cut(c.Subtitle, " · "); ok && font.MeasureString(sub, award).Ceil() <= l.maxW {
				subs = []string{award, ellipsize(sub, who, l.maxW)}
			}
		}
		if len(subs) > 2 {
			subs = append(subs[:1], ellipsize(sub, strings.Join(subs[1:], " "), l.maxW))
		}
		y := Height - 118 - (len(subs)-1)*36
		bottom = y - 48
		for _, s := range subs {
			out = append(out, line{s, sub, l.brand, l.left, y})
			y += 36
		}
	}

	// The title: the largest size at which it fits the space between the
	// kicker and the subtitle or footer, centred in it; cut with "…" at the
	// smallest.
	var titles []string
	var tf font.Face
	var size float64
	fits := func() bool { return len(titles) <= 4 && float64(len(titles))*size*1.22 <= float64(bottom-top) }
	for _, size = range []float64{68, 60, 54, 48, 42, 38} {
		tf = l.bold(size)
		titles = wrap(tf, c.Title, l.maxW)
		if fits() {
			break
		}
	}
	for !fits() && len(titles) > 1 {
		titles = titles[:len(titles)-1]
		titles[len(titles)-1] = ellipsize(tf, titles[len(titles)-1]+" …", l.maxW)
	}
	lineH := size * 1.22
	y := float64(top) + (float64(bottom-top)-float64(len(titles))*lineH)/2 + size
	for _, t := range titles {
		out = append(out, line{t, tf, ink, l.left, int(y)})
		y += lineH
	}

	foot := l.medium(28)
	out = append(out, line{ellipsize(foot, c.Footer, l.maxW), foot, muted, l.left, Height - 58})
	return out
}

func fill(img *image.RGBA, r image.Rectangle, c color.Color) {
	draw.Draw(img, r, &image.Uniform{c}, image.Point{}, draw.Src)
}

// disc draws a filled circle, its edge smoothed over one pixel.
func disc(img *image.RGBA, cx, cy, r int, c color.RGBA) {
	for y := cy - r - 1; y <= cy+r+1; y++ {
		for x := cx - r - 1; x <= cx+r+1; x++ {
			d := dist(x, y, cx, cy)
			blend(img, x, y, c, clamp(float64(r)+0.5-d))
		}
	}
}

// ring draws a circle's outline of the given thickness.
func ring(img *image.RGBA, cx, cy, r, thick int, c color.RGBA) {
	for y := cy - r - 1; y <= cy+r+1; y++ {
		for x := cx - r - 1; x <= cx+r+1; x++ {
			d := dist(x, y, cx, cy)
			a := clamp(float64(r)+0.5-d) * clamp(d-float64(r-thick)+0.5)
			blend(img, x, y, c, a)
		}
	}
}

func dist(x, y, cx, cy int) float64 {
	dx, dy := float64(x-cx), float64(y-cy)
	return sqrt(dx*dx + dy*dy)
}

func sqrt(v float64) float64 {
	// Newton's method is plenty for pixel distances.
	if v == 0 {
		return 0
	}
	z := v / 2
	for i := 0; i < 20; i++ {
		z -= (z*z - v) / (2 * z)
	}
	return z
}

func clamp(v float64) float64 {
	switch {
	case v < 0:
		return 0
	case v > 1:
		return 1
	}
	return v
}

func blend(img *image.RGBA, x, y int, c color.RGBA, a float64) {
	if a <= 0 || !(image.Point{x, y}.In(img.Rect)) {
		return
	}
	o := img.RGBAAt(x, y)
	mix := func(p, q uint8) uint8 { return uint8(float64(p)*(1-a) + float64(q)*a + 0.5) }
	img.SetRGBA(x, y, color.RGBA{mix(o.R, c.R), mix(o.G, c.G), mix(o.B, c.B), 0xff})
}

func text(img *image.RGBA, f font.Face, c color.Color, x, y int, s string) {
	d := &font.Drawer{Dst: img, Src: &image.Uniform{c}, Face: f, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

// wrap breaks s into lines no wider than maxW, at spaces.
func wrap(f font.Face, s string, maxW int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if font.MeasureString(f, try).Ceil() <= maxW {
			cur = try
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
		}
		// A word wider than a line (an address, a number) is cut.
		for font.MeasureString(f, w).Ceil() > maxW {
			r := []rune(w)
			n := len(r) - 1
			for n > 1 && font.MeasureString(f, string(r[:n])).Ceil() > maxW {
				n--
			}
			lines = append(lines, string(r[:n]))
			w = string(r[n:])
		}
		cur = w
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// ellipsize returns s when it fits maxW, else s shortened (at a space
// when it can) and ended with "…".
func ellipsize(f font.Face, s string, maxW int) string {
	s = strings.Join(strings.Fields(s), " ")
	if font.MeasureString(f, s).Ceil() <= maxW {
		return s
	}
	s = strings.TrimSuffix(s, " …")
	words := strings.Fields(s)
	for len(words) > 1 {
		words = words[:len(words)-1]
		if t := strings.Join(words, " ") + "…"; font.MeasureString(f, t).Ceil() <= maxW {
			return t
		}
	}
	r := []rune(s)
	for n := len(r) - 1; n > 0; n-- {
		if t := string(r[:n]) + "…"; font.MeasureString(f, t).Ceil() <= maxW {
			return t
		}
	}
	return "…"
}

// Cache keeps rendered cards in a folder, named by a hash of what they
// show, so that a card is drawn once for each title.
type Cache struct {
	Dir string
}

// Key names what a card shows (and how it is drawn): equal keys, equal
// cards.
func (k Cache) Key(c Card) string {
	sum := sha256.Sum256([]byte(version + "\x00" + c.Kicker + "\x00" + c.Title + "\x00" + c.Footer +
		"\x00" + c.Mark + "\x00" + c.Brand + "\x00" + c.BrandDark + "\x00" + c.Subtitle + "\x00" + c.PhotoKey))
	return hex.EncodeToString(sum[:12])
}

// Get returns the path of the card for c, drawing it if it is not cached,
// or if the cached file is not a whole card (a damaged disk, a file
// written over): Hugo reads each card's size from its header, and one
// unreadable card would fail the whole build.
func (k Cache) Get(c Card) (string, error) {
	name := filepath.Join(k.Dir, k.Key(c)+".jpg")
	if cached(name) {
		return name, nil
	}
	b, err := Render(c)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(k.Dir, 0o755); err != nil {
		return "", fmt.Errorf("share card cache: %w", err)
	}
	// Published: with the mode of any new file of the site's builds.
	tmp, err := tmpfile.Create(k.Dir, ".card-")
	if err != nil {
		return "", fmt.Errorf("share card cache: %w", err)
	}

	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", fmt.Errorf("share card cache: %w", err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("share card cache: %w", err)
	}
	return name, nil
}

// cached reports whether name is a card: a JPEG of the cards' size, with
// its end marker. Only its header and end are read, so that checking every
// card of a build stays cheap.
func cached(name string) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() < minBytes {
		return false
	}
	end := make([]byte, 2)
	if _, err := f.ReadAt(end, st.Size()-2); err != nil || end[0] != 0xff || end[1] != 0xd9 {
		return false
	}
	cfg, err := jpeg.DecodeConfig(f)
	return err == nil && cfg.Width == Width && cfg.Height == Height
}

// minBytes is less than the smallest card drawn (no title: about 20 KB).
const minBytes = 8 << 10

// hexColour reads "#rrggbb", or gives def.
func hexColour(s string, def color.RGBA) color.RGBA {
	var r, g, b uint8
	if len(s) != 7 || s[0] != '#' {
		return def
	}
	if _, err := fmt.Sscanf(s[1:], "%02x%02x%02x", &r, &g, &b); err != nil {
		return def
	}
	return color.RGBA{r, g, b, 0xff}
}
