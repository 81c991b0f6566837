package export

import (
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// units writes a page per published unit (đơn vị).
func (x *exporter) units() error {
	for _, r := range x.recs[schema.Units] {
		p := x.page(r, r.GetString("name"), "", r.GetString("description"), &UnitParams{
			Common: common(r),
			Kind:   choice(vocab.UnitKinds, r.GetString("kind")),
		})
		if err := x.write(r, p, r.GetString("description")); err != nil {
			return err
		}
	}
	return nil
}
