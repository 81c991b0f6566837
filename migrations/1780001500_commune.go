package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/commune"
)

// The commune's identity: one record of names, contacts, colour
// and plan that the site, the cards, the posters, the mails and the
// printed lists read (internal/commune). Staff read it; reviewers (and IT)
// change it; nobody deletes it. The public sees it only through the site's
// export, which writes its public fields. "demo" and "demoIds" are the
// server's: which records the demo loaded, so that "portal demo clear"
// removes those and only those.
func init() {
	m.Register(func(app core.App) error {
		c := core.NewBaseCollection(commune.Collection)
		c.ListRule = types.Pointer(staffAuth)
		c.ViewRule = types.Pointer(staffAuth)
		c.CreateRule = types.Pointer(isReviewer)
		c.UpdateRule = types.Pointer(isReviewer)
		for _, f := range commune.Fields {
			c.Fields.Add(&core.TextField{Name: f.Name, Max: f.Max})
		}
		c.Fields.Add(
			&core.SelectField{Name: "colour", Values: commune.PaletteOrder, MaxSelect: 1},
			&core.TextField{Name: "planText", Max: commune.PlanTextMax},
			&core.FileField{Name: "planFile", MaxSelect: 1, MaxSize: commune.PlanFileMax, MimeTypes: []string{"application/pdf"}},
			&core.BoolField{Name: "demo"},
			&core.JSONField{Name: "demoIds", MaxSize: 2 << 20, Hidden: true},
			&core.AutodateField{Name: "created", OnCreate: true},
			&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
		)
		if err := app.Save(c); err != nil {
			return fmt.Errorf("create the commune collection: %w", err)
		}
		return nil
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(commune.Collection)
		if err != nil {
			return nil
		}
		if err := app.Delete(c); err != nil {
			return fmt.Errorf("delete the commune collection: %w", err)
		}
		return nil
	})
}
