package honoree

import (
	"strconv"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
	"github.com/daison/portal/records/award"
	"github.com/daison/portal/records/initiative"
	"github.com/daison/portal/records/record"
	"github.com/daison/portal/records/unit"
)

// Params are the params of an honoree's profile (/vinh-danh/<slug>/).
type Params struct {
	record.Common
	Kind        record.Choice `json:"kind"`
	Position    string        `json:"position,omitempty"`
	Unit        *record.Ref   `json:"unit,omitempty"`
	Photo       *record.Image `json:"photo,omitempty"`
	Awards      []award.Entry `json:"awards"` // newest first
	Initiatives []record.Ref  `json:"initiatives,omitempty"`
}

// export writes a page per published honoree, with their awards and the
// initiatives that name them.
func export(s record.Site) error {
	awarded := award.Shown(s).ByHonoree
	named := initiative.ByHonoree(s)
	terms := s.Terms()
	for _, r := range s.Records(schema.Honorees) {
		h := Of(r)
		b := s.Bundle(r)
		name := h.Name()
		awards := awarded[r.Id]
		if awards == nil {
			awards = []award.Entry{}
		}
		params := Params{
			Common:      b.Common(name, record.Card{Subtitle: personLine(s, h, awards), Photo: h.Photo()}),
			Kind:        record.ChoiceOf(vocab.HonoreeKinds, h.Kind()),
			Position:    h.Position(),
			Unit:        s.Ref(schema.Units, h.Unit()),
			Awards:      awards,
			Initiatives: named[r.Id],
		}
		params.Photo = b.Image("photo", h.Photo(), "anh", record.Alt(h.PhotoAlt(), "Ảnh "+name))
		p := record.NewPage(r, name, "", h.Story(), &params.Common, &params)
		terms.Choice(&p, "vinh-danh-doi-tuong", vocab.HonoreeKinds, params.Kind.Key)
		unit.Term(s, &p, "vinh-danh-don-vi", h.Unit())
		for _, a := range params.Awards {
			terms.Year(&p, "vinh-danh-nam", a.Year)
			terms.Choice(&p, "vinh-danh-hinh-thuc", vocab.AwardForms, a.Form.Key)
			terms.Choice(&p, "vinh-danh-loai", vocab.AwardKinds, a.Kind.Key)
		}
		if params.Position != "" {
			summary := params.Position
			if params.Unit != nil {
				summary += ", " + params.Unit.Title
			}
			p.Summary = summary
			if h.Story() == "" {
				p.Description = summary
			}
		}
		if err := b.Write(p, h.Story()); err != nil {
			return err
		}
	}
	return nil
}

// personLine says who an honoree is on their share card: their newest
// award with its year, and their unit ("Giấy khen của Chủ tịch UBND xã năm
// 2026 · Văn phòng HĐND và UBND xã").
func personLine(s record.Site, h *Honoree, awards []award.Entry) string {
	line := ""
	if len(awards) > 0 {
		line = awards[0].Form.Label + " năm " + strconv.Itoa(awards[0].Year)
	}
	where := h.Position()
	if u := s.Record(schema.Units, h.Unit()); u != nil {
		if where != "" {
			where += ", "
		}
		where += unit.Of(u).Name()
	}
	switch {
	case line == "":
		return where
	case where == "":
		return line
	}
	return line + " · " + where
}
