package initiative

import (
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
	"github.com/daison/portal/records/award"
	"github.com/daison/portal/records/document"
	"github.com/daison/portal/records/record"
	"github.com/daison/portal/records/unit"
)

// Params are the params of a model or initiative
// (/mo-hinh-sang-kien/<slug>/).
type Params struct {
	record.Common
	Kind        record.Choice  `json:"kind"`
	Field       record.Choice  `json:"field"`
	Unit        *record.Ref    `json:"unit,omitempty"`
	Authors     string         `json:"authors,omitempty"`
	Honorees    []record.Ref   `json:"honorees,omitempty"`
	YearApplied int            `json:"yearApplied,omitempty"`
	Results     string         `json:"results,omitempty"` // Markdown
	Photos      []record.Image `json:"photos,omitempty"`
	Recognition *record.Choice `json:"recognition,omitempty"`
	Awards      []award.Entry  `json:"awards,omitempty"`
	Featured    bool           `json:"featured,omitempty"`
	// Attachments are the published documents it attaches.
	Attachments []document.Attachment `json:"attachments,omitempty"`
}

// export writes a page per published initiative (mô hình, sáng kiến).
func export(s record.Site) error {
	awarded := award.Shown(s).ByInitiative
	terms := s.Terms()
	for _, r := range s.Records(schema.Initiatives) {
		i := Of(r)
		b := s.Bundle(r)
		title := i.Title()
		params := Params{
			Common:      b.Common(title, record.Card{Photo: first(i.Photos())}),
			Kind:        record.ChoiceOf(vocab.InitiativeKinds, i.Kind()),
			Field:       record.ChoiceOf(vocab.InitiativeFields, i.Field()),
			Unit:        s.Ref(schema.Units, i.Unit()),
			Authors:     i.Authors(),
			Honorees:    s.Refs(schema.Honorees, i.Honorees()),
			YearApplied: i.YearApplied(),
			Results:     record.Neutralize(i.Results()),
			Recognition: record.OptChoice(vocab.RecognitionLevels, i.Recognition()),
			Awards:      awarded[r.Id],
			Featured:    i.Featured(),
		}
		params.Photos = b.Gallery(GalleryField, i.Photos(), i.Captions(), title)
		params.Attachments = document.Attachments(s, i.Attachments())
		body := b.BodyImages(i.BodyImages(), i.Body())
		p := record.NewPage(r, title, i.Summary(), body, &params.Common, &params)
		terms.Choice(&p, "sang-kien-loai", vocab.InitiativeKinds, params.Kind.Key)
		terms.Choice(&p, "sang-kien-linh-vuc", vocab.InitiativeFields, params.Field.Key)
		unit.Term(s, &p, "sang-kien-don-vi", i.Unit())
		if y := params.YearApplied; y > 0 {
			terms.Year(&p, "sang-kien-nam", y)
		}
		if err := b.Write(p, body); err != nil {
			return err
		}
	}
	return nil
}

// ByHonoree are the published initiatives naming each published honoree,
// by the honoree's id (made once per export).
func ByHonoree(s record.Site) map[string][]record.Ref {
	return s.Memo("initiatives by honoree", func() any {
		m := map[string][]record.Ref{}
		for _, r := range s.Records(schema.Initiatives) {
			ref := s.Ref(schema.Initiatives, r.Id)
			for _, hid := range Of(r).Honorees() {
				if s.Record(schema.Honorees, hid) != nil {
					m[hid] = append(m[hid], *ref)
				}
			}
		}
		return m
	}).(map[string][]record.Ref)
}

// first is the first of names, or "".
func first(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return names[0]
}
