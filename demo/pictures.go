package demo

import (
	"errors"
	"fmt"
	"runtime"
	"strings"

	"github.com/daison/portal/demo/draw"
)

// coverOf is the cover of an article that has one, in the colours of its
// category, seeded by its title.
func coverOf(a articleData) draw.Picture {
	return draw.Cover(a.Cover, a.Category, a.Title)
}

// photosOf are the photos of an initiative, in the colours of its field,
// seeded by its title and rank.
func photosOf(in initiativeData) []draw.Picture {
	pics := make([]draw.Picture, len(in.Photos))
	for i, m := range in.Photos {
		pics[i] = draw.Photo(m, in.Field, fmt.Sprintf("%s #%d", in.Title, i+1))
	}
	return pics
}

// portraitOf is the portrait of an honoree: a person, or a group for a
// collective.
func portraitOf(h honoreeData) draw.Picture {
	return draw.Portrait(h.Name, h.Kind == "tap-the")
}

// pictures lists the illustrations set asks for, in the order they will be
// saved, and checks that each motif exists.
func pictures(set *dataset) ([]draw.Picture, error) {
	var pics []draw.Picture
	unknown := func(label, m string) error {
		return fmt.Errorf("demo: %s: unknown illustration %q (one of %s)", label, m, strings.Join(draw.Motifs(), ", "))
	}
	for _, h := range set.Honorees {
		if h.Photo {
			pics = append(pics, portraitOf(h))
		}
	}
	for _, in := range set.Initiatives {
		for _, m := range in.Photos {
			if !draw.IsMotif(m) {
				return nil, unknown(fmt.Sprintf("initiative %q", in.Key), m)
			}
		}
		pics = append(pics, photosOf(in)...)
	}
	for _, a := range set.Articles {
		if a.Cover == "" {
			continue
		}
		if !draw.IsMotif(a.Cover) {
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
	drawings map[draw.Picture]*drawing // not written after startDrawing
	done     chan struct{}             // closed by stop
}

// drawing is a picture being drawn: data and err are set when ready is
// closed.
type drawing struct {
	ready chan struct{}
	data  []byte
	err   error
}

// startDrawing starts drawing pics.
func startDrawing(pics []draw.Picture) *studio {
	s := &studio{drawings: map[draw.Picture]*drawing{}, done: make(chan struct{})}
	queue := make(chan draw.Picture, len(pics))
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
					d.data, d.err = p.JPEG()
				}
				close(d.ready)
			}
		}()
	}
	return s
}

// get waits for pic and returns it, or draws it now if it was not asked
// for.
func (s *studio) get(pic draw.Picture) ([]byte, error) {
	d, ok := s.drawings[pic]
	if !ok {
		return pic.JPEG()
	}
	<-d.ready
	return d.data, d.err
}

// stop drops the drawings not yet started.
func (s *studio) stop() { close(s.done) }
