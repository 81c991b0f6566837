package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/schema"
)

// guideLibraryFields are the fields the guide library adds to guides: the
// legal basis and the day the facts were last checked (staff's to edit),
// and the library's own, set by the server only: which guide of the
// library a record adopts, the library version its text follows, a hash
// of that text as adopted (to tell staff's edits), and a newer version
// offered to staff.
var guideLibraryFields = []string{"legalBasis", "checked", "libraryId", "libraryVersion", "libraryHash", "libraryProposal"}

// The guide library (internal/guidelib) ships with the portal: each guide
// record may adopt one guide of it and follow its versions.
func init() {
	m.Register(func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(schema.Guides)
		if err != nil {
			return fmt.Errorf("guide library: %w", err)
		}
		c.Fields.Add(
			&core.TextField{Name: "legalBasis", Max: 3000},
			&core.DateField{Name: "checked", Min: minDate, Max: maxDate},
			&core.TextField{Name: "libraryId", Max: 80, Pattern: `^[a-z0-9]+(?:-[a-z0-9]+)*$`},
			&core.NumberField{Name: "libraryVersion", OnlyInt: true, Min: types.Pointer(0.0), Max: types.Pointer(1e6)},
			&core.TextField{Name: "libraryHash", Max: 64},
			&core.NumberField{Name: "libraryProposal", OnlyInt: true, Min: types.Pointer(0.0), Max: types.Pointer(1e6)},
		)
		c.AddIndex("idx_guides_libraryId", true, "libraryId", "libraryId != ''")
		if err := app.Save(c); err != nil {
			return fmt.Errorf("guide library fields: %w", err)
		}
		return nil
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(schema.Guides)
		if err != nil {
			return nil
		}
		c.RemoveIndex("idx_guides_libraryId")
		for _, f := range guideLibraryFields {
			c.Fields.RemoveByName(f)
		}
		if err := app.Save(c); err != nil {
			return fmt.Errorf("remove guide library fields: %w", err)
		}
		return nil
	})
}
