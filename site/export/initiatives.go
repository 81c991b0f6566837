package export

import (
	"strconv"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// initiatives writes a page per published initiative (mô hình, sáng kiến).
func (x *exporter) initiatives() error {
	for _, r := range x.recs[schema.Initiatives] {
		title := r.GetString("title")
		params := InitiativeParams{
			Common:      x.common(r, title),
			Kind:        choice(vocab.InitiativeKinds, r.GetString("kind")),
			Field:       choice(vocab.InitiativeFields, r.GetString("field")),
			Unit:        x.ref(schema.Units, r.GetString("unit")),
			Authors:     r.GetString("authors"),
			Honorees:    x.refs(schema.Honorees, r.GetStringSlice("honorees")),
			YearApplied: r.GetInt("yearApplied"),
			Results:     neutralize(r.GetString("results")),
			Recognition: optChoice(vocab.RecognitionLevels, r.GetString("recognition")),
			Awards:      x.awardsByInitiative[r.Id],
			Featured:    r.GetBool("featured"),
		}
		dir := x.rel(r)
		params.Photos = x.gallery(r, "photos", dir, title)
		params.Attachments = x.attachments(r)
		body := x.bodyImages(r, dir, r.GetString("body"))
		p := x.page(r, title, r.GetString("summary"), body, &params)
		p.Terms = map[string][]string{}
		x.addChoice(p.Terms, "sang-kien-loai", vocab.InitiativeKinds, params.Kind.Key)
		x.addChoice(p.Terms, "sang-kien-linh-vuc", vocab.InitiativeFields, params.Field.Key)
		x.addUnit(p.Terms, "sang-kien-don-vi", r.GetString("unit"))
		if y := params.YearApplied; y > 0 {
			x.addTerm(p.Terms, "sang-kien-nam", strconv.Itoa(y), TermPage{Title: "Năm " + strconv.Itoa(y), Weight: 3000 - y})
		}
		if err := x.write(r, p, body); err != nil {
			return err
		}
	}
	return nil
}
