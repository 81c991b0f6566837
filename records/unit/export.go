package unit

import (
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
	"github.com/daison/portal/records/record"
)

// Params are the params of a unit's page (/don-vi/<slug>/).
type Params struct {
	record.Common
	Kind record.Choice `json:"kind"`
}

// export writes a page per published unit.
func export(s record.Site) error {
	for _, r := range s.Records(schema.Units) {
		u := Of(r)
		b := s.Bundle(r)
		params := Params{Common: b.Common(u.Name(), record.Card{}), Kind: record.ChoiceOf(vocab.UnitKinds, u.Kind())}
		p := record.NewPage(r, u.Name(), "", u.Description(), &params.Common, &params)
		if err := b.Write(p, u.Description()); err != nil {
			return err
		}
	}
	return nil
}

// Term puts page p under the term of the unit id in taxonomy, if the unit
// is published: its slug, titled by its name.
func Term(s record.Site, p *record.Page, taxonomy, id string) {
	r := s.Record(schema.Units, id)
	if r == nil {
		return
	}
	u := Of(r)
	s.Terms().Add(p, taxonomy, u.Slug(), record.TermPage{Title: u.Name()})
}
