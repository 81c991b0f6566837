package export

import (
	"strconv"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// honorees writes a page per published honoree, with their awards and the
// initiatives that name them.
func (x *exporter) honorees() error {
	for _, r := range x.recs[schema.Honorees] {
		name := r.GetString("name")
		params := HonoreeParams{
			Common:      x.common(r, name),
			Kind:        choice(vocab.HonoreeKinds, r.GetString("kind")),
			Position:    r.GetString("position"),
			Unit:        x.ref(schema.Units, r.GetString("unit")),
			Awards:      x.awardsByHonoree[r.Id],
			Initiatives: x.initiativesBy[r.Id],
		}
		if params.Awards == nil {
			params.Awards = []Award{}
		}
		dir := x.rel(r)
		params.Photo = x.copyImage(r, "photo", r.GetString("photo"), dir, "anh", alt(r.GetString("photoAlt"), "Ảnh "+name))
		p := x.page(r, name, "", r.GetString("story"), &params)
		p.Terms = map[string][]string{}
		x.addChoice(p.Terms, "vinh-danh-doi-tuong", vocab.HonoreeKinds, params.Kind.Key)
		x.addUnit(p.Terms, "vinh-danh-don-vi", r.GetString("unit"))
		for _, a := range params.Awards {
			x.addTerm(p.Terms, "vinh-danh-nam", strconv.Itoa(a.Year), TermPage{Title: "Năm " + strconv.Itoa(a.Year), Weight: 3000 - a.Year})
			x.addChoice(p.Terms, "vinh-danh-hinh-thuc", vocab.AwardForms, a.Form.Key)
			x.addChoice(p.Terms, "vinh-danh-loai", vocab.AwardKinds, a.Kind.Key)
		}
		if params.Position != "" {
			summary := params.Position
			if params.Unit != nil {
				summary += ", " + params.Unit.Title
			}
			p.Summary = summary
			if r.GetString("story") == "" {
				p.Description = summary
			}
		}
		if err := x.write(r, p, r.GetString("story")); err != nil {
			return err
		}
	}
	return nil
}
