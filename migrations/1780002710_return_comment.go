package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"github.com/daison/portal/internal/schema"
)

// returnable are the collections whose records sent for review may be
// returned to their author with a comment.
var returnable = []string{schema.Articles, schema.Guides, schema.Documents}

// An article, guide or document sent for review may be returned to draft
// with a comment for its author (as a nomination is): the comment, who
// returned it and when. Hidden: the server sets them (POST
// /api/portal/return/…) and shows them to staff only.
func init() {
	m.Register(func(app core.App) error {
		for _, name := range returnable {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				return fmt.Errorf("return comment: %w", err)
			}
			c.Fields.Add(
				&core.TextField{Name: "returnComment", Max: 2000, Hidden: true},
				&core.TextField{Name: "returnedBy", Max: 300, Hidden: true},
				&core.DateField{Name: "returnedAt", Hidden: true},
			)
			if err := app.Save(c); err != nil {
				return fmt.Errorf("return comment fields of %s: %w", name, err)
			}
		}
		return nil
	}, func(app core.App) error {
		for _, name := range returnable {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				continue
			}
			for _, f := range []string{"returnComment", "returnedBy", "returnedAt"} {
				c.Fields.RemoveByName(f)
			}
			if err := app.Save(c); err != nil {
				return fmt.Errorf("drop the return comment fields of %s: %w", name, err)
			}
		}
		return nil
	})
}
