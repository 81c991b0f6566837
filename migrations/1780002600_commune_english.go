package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"github.com/daison/portal/internal/commune"
)

// The commune's identity in English (the site's page /en/, Nghị định
// 42/2022/NĐ-CP): optional text fields beside the Vietnamese ones
// (commune.EnglishFields). The names and limits are this step's own: a
// later change to the list is a later step.
var communeEnglishFields = []struct {
	name string
	max  int
}{
	{"communeEn", 100}, {"ownerEn", 150}, {"aboutEn", 1000}, {"addressEn", 300},
	{"officeHoursEn", 300}, {"responsibleTitleEn", 150}, {"counterAddressEn", 300}, {"counterHoursEn", 300},
}

func init() {
	m.Register(func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(commune.Collection)
		if err != nil {
			return fmt.Errorf("find the commune collection: %w", err)
		}
		for _, f := range communeEnglishFields {
			c.Fields.Add(&core.TextField{Name: f.name, Max: f.max})
		}
		if err := app.Save(c); err != nil {
			return fmt.Errorf("add the commune's English fields: %w", err)
		}
		return nil
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(commune.Collection)
		if err != nil {
			return nil
		}
		for _, f := range communeEnglishFields {
			c.Fields.RemoveByName(f.name)
		}
		if err := app.Save(c); err != nil {
			return fmt.Errorf("remove the commune's English fields: %w", err)
		}
		return nil
	})
}
