package migrations

import (
	"fmt"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"github.com/daison/portal/internal/schema"
)

// Reminders and notices for IT too: a superuser may be the addressee of a
// reminder and of an in-app notice (the site's builds failing for long), in
// place of a staff member. Each names exactly one of them.
func init() {
	m.Register(func(app core.App) error {
		su, err := app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
		if err != nil {
			return fmt.Errorf("build alerts: %w", err)
		}
		for _, name := range []string{schema.Reminders, schema.Notices} {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				return fmt.Errorf("build alerts: %w", err)
			}
			c.Fields.Add(&core.RelationField{Name: "superuser", CollectionId: su.Id, MaxSelect: 1, CascadeDelete: true})
			if f, ok := c.Fields.GetByName("staff").(*core.RelationField); ok {
				f.Required = false
			}
			if err := app.Save(c); err != nil {
				return fmt.Errorf("build alerts: %s: %w", name, err)
			}
		}
		return nil
	}, func(app core.App) error {
		for _, name := range []string{schema.Notices, schema.Reminders} {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				return fmt.Errorf("build alerts down: %w", err)
			}
			// What was addressed to IT goes with the field.
			if _, err := app.DB().Delete(c.Name, dbx.NewExp("coalesce(superuser, '') != ''")).Execute(); err != nil {
				return fmt.Errorf("build alerts down: %s: %w", name, err)
			}
			c.Fields.RemoveByName("superuser")
			if f, ok := c.Fields.GetByName("staff").(*core.RelationField); ok && name == schema.Notices {
				f.Required = true
			}
			if err := app.Save(c); err != nil {
				return fmt.Errorf("build alerts down: %s: %w", name, err)
			}
		}
		return nil
	})
}
