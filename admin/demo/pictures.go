package demo

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
)

// Motifs of the portraits, which the TOML files do not name: an honoree's
// kind chooses.
const (
	motifPortrait = "portrait"
	motifGroup    = "group"
)

// picture is one illustration to draw: its motif, size, colours (the hue of
// its background) and the seed of its details. Two equal pictures are the
// same image.
type picture struct {
	motif string
	w, h  int
	hue   float64
	seed  string
	alt   string // what it shows, in Vietnamese
}

// draw renders the picture as JPEG.
func (p picture) draw() ([]byte, error) {
	var s scene
	switch p.motif {
	case motifPortrait:
		s = drawPortrait
	case motifGroup:
		s = drawGroup
	default:
		m, ok := motifs[p.motif]
		if !ok {
			return nil, fmt.Errorf("unknown motif %q", p.motif)
		}
		s = m.draw
	}
	return render(s, p.w, p.h, p.hue, p.seed)
}

// themeHue is the background hue of an article category or initiative
// field, a calm blue for any other.
func themeHue(theme string) float64 {
	if h, ok := themeHues[theme]; ok {
		return h
	}
	return 210
}

// coverOf is the cover of an article that has one, seeded by its title.
func coverOf(a articleData) picture {
	return picture{motif: a.Cover, w: coverW, h: coverH, hue: themeHue(a.Category),
		seed: a.Title, alt: motifs[a.Cover].alt}
}

// photosOf are the photos of an initiative, seeded by its title and rank.
func photosOf(in initiativeData) []picture {
	pics := make([]picture, len(in.Photos))
	for i, m := range in.Photos {
		pics[i] = picture{motif: m, w: photoW, h: photoH, hue: themeHue(in.Field),
			seed: fmt.Sprintf("%s #%d", in.Title, i+1), alt: motifs[m].alt}
	}
	return pics
}

// portraitOf is the portrait of an honoree, seeded by its name: a person, or
// a group for a collective, on a background hue the name chooses.
func portraitOf(h honoreeData) picture {
	collective := h.Kind == "tap-the"
	motif := motifPortrait
	if collective {
		motif = motifGroup
	}
	return picture{motif: motif, w: portraitW, h: portraitH,
		hue:  portraitHues[newRNG("hue "+h.Name).intn(len(portraitHues))],
		seed: h.Name, alt: portraitAlt(h.Name, collective)}
}

// pictures lists the illustrations set asks for, in the order they will be
// saved, and checks that each motif exists.
func pictures(set *dataset) ([]picture, error) {
	var pics []picture
	unknown := func(label, m string) error {
		return fmt.Errorf("demo: %s: unknown illustration %q (one of %s)", label, m, strings.Join(motifNames(), ", "))
	}
	for _, h := range set.Honorees {
		if h.Photo {
			pics = append(pics, portraitOf(h))
		}
	}
	for _, in := range set.Initiatives {
		for _, m := range in.Photos {
			if _, ok := motifs[m]; !ok {
				return nil, unknown(fmt.Sprintf("initiative %q", in.Key), m)
			}
		}
		pics = append(pics, photosOf(in)...)
	}
	for _, a := range set.Articles {
		if a.Cover == "" {
			continue
		}
		if _, ok := motifs[a.Cover]; !ok {
			return nil, unknown(fmt.Sprintf("article %q", a.Title), a.Cover)
		}
		pics = append(pics, coverOf(a))
	}
	return pics, nil
}

// errStopped is the error of a drawing not made because Load had ended.
var errStopped = errors.New("demo: drawing stopped")

// studio draws pictures in the background, on as many goroutines as Go
// runs at once, in the order they were given.
type studio struct {
	drawings map[picture]*drawing // not written after startDrawing
	done     chan struct{}        // closed by stop
}

// drawing is a picture being drawn: data and err are set when ready is
// closed.
type drawing struct {
	ready chan struct{}
	data  []byte
	err   error
}

// startDrawing starts drawing pics.
func startDrawing(pics []picture) *studio {
	s := &studio{drawings: map[picture]*drawing{}, done: make(chan struct{})}
	queue := make(chan picture, len(pics))
	for _, p := range pics {
		if _, dup := s.drawings[p]; !dup {
			s.drawings[p] = &drawing{ready: make(chan struct{})}
			queue <- p
		}
	}
	close(queue)
	for range min(runtime.GOMAXPROCS(0), len(s.drawings)) {
		go func() {
			for p := range queue {
				d := s.drawings[p]
				select {
				case <-s.done:
					d.err = errStopped
				default:
					d.data, d.err = p.draw()
				}
				close(d.ready)
			}
		}()
	}
	return s
}

// get waits for pic and returns it, or draws it now if it was not asked
// for.
func (s *studio) get(pic picture) ([]byte, error) {
	d, ok := s.drawings[pic]
	if !ok {
		return pic.draw()
	}
	<-d.ready
	return d.data, d.err
}

// stop drops the drawings not yet started.
func (s *studio) stop() { close(s.done) }
