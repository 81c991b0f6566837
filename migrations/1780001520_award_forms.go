package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/vocab"
)

// The award forms the commune uses: a choice among
// vocab.AwardForms kept with the commune's identity. Empty means every
// form, so portals set up before it (and the demo) keep working.
func init() {
	m.Register(func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(commune.Collection)
		if err != nil {
			return fmt.Errorf("find the commune collection: %w", err)
		}
		keys := vocab.AwardForms.Keys()
		c.Fields.Add(&core.SelectField{Name: "awardForms", Values: keys, MaxSelect: len(keys)})
		if err := app.Save(c); err != nil {
			return fmt.Errorf("add the commune's award forms: %w", err)
		}
		return nil
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(commune.Collection)
		if err != nil {
			return nil
		}
		c.Fields.RemoveByName("awardForms")
		if err := app.Save(c); err != nil {
			return fmt.Errorf("remove the commune's award forms: %w", err)
		}
		return nil
	})
}
