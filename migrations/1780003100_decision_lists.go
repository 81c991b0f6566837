package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"github.com/daison/portal/internal/commune"
)

// decisionListFields are the commune's lists a printed decision on awards
// reads: its legal grounds ("Căn cứ …") and its "Nơi nhận", one a line;
// empty means the defaults of internal/commune.
var decisionListFields = []string{"decisionBases", "decisionRecipients"}

// The decision's legal grounds and recipients, editable per commune.
func init() {
	m.Register(func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(commune.Collection)
		if err != nil {
			return fmt.Errorf("decision lists: %w", err)
		}
		for _, f := range decisionListFields {
			c.Fields.Add(&core.TextField{Name: f, Max: commune.DecisionLinesMax})
		}
		if err := app.Save(c); err != nil {
			return fmt.Errorf("decision lists of the commune: %w", err)
		}
		return nil
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(commune.Collection)
		if err != nil {
			return nil
		}
		for _, f := range decisionListFields {
			c.Fields.RemoveByName(f)
		}
		if err := app.Save(c); err != nil {
			return fmt.Errorf("drop the decision lists of the commune: %w", err)
		}
		return nil
	})
}
