package event

import (
	"time"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/record"
)

// Params are the params of an event's page (/su-kien/<slug>/).
type Params struct {
	record.Common
	Place string        `json:"place,omitempty"`
	Photo *record.Image `json:"photo,omitempty"`
}

// export writes a page per published event, dated the day it was held
// (its lists are in that order), its summary as the page's text.
func export(s record.Site) error {
	for _, r := range s.Records(Collection) {
		e := Of(r)
		b := s.Bundle(r)
		title := e.Title()
		params := Params{Common: b.Common(title, record.Card{Subtitle: e.Place(), Photo: e.Photo()}), Place: e.Place()}
		params.Photo = b.Image("photo", e.Photo(), "anh", record.Alt(e.PhotoAlt(), title))
		p := record.NewPage(r, title, "", e.Summary(), &params.Common, &params)
		if d := e.Date(); !d.IsZero() {
			p.Date = d.In(schema.Vietnam).Format(time.RFC3339)
		}
		if err := b.Write(p, e.Summary()); err != nil {
			return err
		}
	}
	return nil
}
