package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/shortcode"
)

// Short links and old slugs: articles, initiatives, honorees and
// guides get a permanent short code (/l/<code>/) and keep the slugs they had,
// so printed QR codes and shared links survive a rename.
func init() {
	collections := []string{schema.Articles, schema.Initiatives, schema.Honorees, schema.Guides}
	m.Register(func(app core.App) error {
		for _, name := range collections {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				return fmt.Errorf("find %s: %w", name, err)
			}
			c.Fields.Add(
				&core.TextField{Name: "shortCode", Max: 12, Pattern: shortcode.Pattern},
				&core.JSONField{Name: "oldSlugs", MaxSize: 5000},
			)
			c.AddIndex("idx_"+name+"_shortCode", true, "shortCode", "shortCode != ''")
			if err := app.Save(c); err != nil {
				return fmt.Errorf("add short links to %s: %w", name, err)
			}
			// Records made before this migration get their code now.
			records, err := app.FindAllRecords(name)
			if err != nil {
				return err
			}
			for _, r := range records {
				if r.GetString("shortCode") != "" {
					continue
				}
				code, err := shortcode.New()
				if err != nil {
					return err
				}
				r.Set("shortCode", code)
				if err := app.SaveNoValidate(r); err != nil {
					return fmt.Errorf("give %s %s a short code: %w", name, r.Id, err)
				}
			}
		}
		return nil
	}, func(app core.App) error {
		for _, name := range collections {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				continue
			}
			c.RemoveIndex("idx_" + name + "_shortCode")
			c.Fields.RemoveByName("shortCode")
			c.Fields.RemoveByName("oldSlugs")
			if err := app.Save(c); err != nil {
				return err
			}
		}
		return nil
	})
}
