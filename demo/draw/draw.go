// Package draw makes the demo content's illustrations: flat, text-free
// drawings in a calm palette (article covers, initiative photos, honoree
// portraits), each with an honest Vietnamese alt text, encoded as JPEG. It
// uses only the standard library and draws nothing at random: every detail
// comes from a generator seeded with a text (a record's title or name), so
// a picture is the same image, byte for byte, on every run.
package draw

import "fmt"

// Sizes of the pictures, in pixels.
const (
	CoverW, CoverH       = 1600, 900
	PhotoW, PhotoH       = 1200, 800
	PortraitW, PortraitH = 800, 800
)

// Motifs of the portraits, which the demo's data files do not name: an
// honoree's kind chooses.
const (
	motifPortrait = "portrait"
	motifGroup    = "group"
)

// Picture is one illustration to draw: its motif, size, colours (the hue of
// its background, in degrees) and the seed of its details. Two equal
// pictures are the same image.
type Picture struct {
	Motif string
	W, H  int
	Hue   float64
	Seed  string
	Alt   string // what it shows, in Vietnamese
}

// Cover is the cover of an article: motif (one of Motifs) in the colours
// of theme (its category), seeded by seed (its title).
func Cover(motif, theme, seed string) Picture {
	return Picture{Motif: motif, W: CoverW, H: CoverH, Hue: themeHue(theme), Seed: seed, Alt: motifs[motif].alt}
}

// Photo is a photo of an initiative: motif (one of Motifs) in the colours
// of theme (its field), seeded by seed.
func Photo(motif, theme, seed string) Picture {
	return Picture{Motif: motif, W: PhotoW, H: PhotoH, Hue: themeHue(theme), Seed: seed, Alt: motifs[motif].alt}
}

// Portrait is the portrait of an honoree, seeded by its name: a person, or
// a group for a collective, on a background hue the name chooses.
func Portrait(name string, collective bool) Picture {
	motif := motifPortrait
	if collective {
		motif = motifGroup
	}
	return Picture{Motif: motif, W: PortraitW, H: PortraitH,
		Hue:  portraitHues[newRNG("hue "+name).intn(len(portraitHues))],
		Seed: name, Alt: portraitAlt(name, collective)}
}

// IsMotif reports whether name is one of Motifs.
func IsMotif(name string) bool {
	_, ok := motifs[name]
	return ok
}

// JPEG draws the picture and encodes it as JPEG.
func (p Picture) JPEG() ([]byte, error) {
	var s scene
	switch p.Motif {
	case motifPortrait:
		s = drawPortrait
	case motifGroup:
		s = drawGroup
	default:
		m, ok := motifs[p.Motif]
		if !ok {
			return nil, fmt.Errorf("unknown motif %q", p.Motif)
		}
		s = m.draw
	}
	return render(s, p.W, p.H, p.Hue, p.Seed)
}

// themeHue is the background hue of an article category or initiative
// field, a calm blue for any other.
func themeHue(theme string) float64 {
	if h, ok := themeHues[theme]; ok {
		return h
	}
	return 210
}
