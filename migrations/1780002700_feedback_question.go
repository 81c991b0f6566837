package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"github.com/daison/portal/internal/schema"
)

// Staff edit a citizen's question before publishing it on "Hỏi – đáp"
// (spelling, a name to leave out): the edited text is "question", shown
// on the site in place of the message; the citizen's own words (message)
// are never changed.
func init() {
	m.Register(func(app core.App) error {
		fb, err := app.FindCollectionByNameOrId(schema.Feedback)
		if err != nil {
			return fmt.Errorf("feedback question: %w", err)
		}
		fb.Fields.Add(&core.TextField{Name: "question", Max: 5000})
		if err := app.Save(fb); err != nil {
			return fmt.Errorf("feedback question field: %w", err)
		}
		return nil
	}, func(app core.App) error {
		fb, err := app.FindCollectionByNameOrId(schema.Feedback)
		if err != nil {
			return nil
		}
		fb.Fields.RemoveByName("question")
		if err := app.Save(fb); err != nil {
			return fmt.Errorf("drop the feedback question field: %w", err)
		}
		return nil
	})
}
