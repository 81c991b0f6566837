package migrations

import (
	"fmt"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// reporterWithoutUnit is how the rules named a unit's reporter before this
// migration: any staff member of that role, with a unit or not. A reporter whose
// account has no unit then matched "unit = @request.auth.unit" wherever a
// record's unit was empty too. isReporter now requires the unit.
const reporterWithoutUnit = `(` + staffAuth + ` && @request.auth.role = "unitReporter")`

// A unit's reporter without a unit sees and files nothing: every API
// rule of every collection that names the reporter role the old way gets
// the new isReporter, which requires a unit. Databases made after this
// change already have it; for them this changes nothing.
func init() {
	m.Register(func(app core.App) error {
		return replaceInRules(app, reporterWithoutUnit, isReporter)
	}, func(app core.App) error {
		return replaceInRules(app, isReporter, reporterWithoutUnit)
	})
}

// replaceInRules replaces old with new in the five API rules of every
// collection and saves those that changed.
func replaceInRules(app core.App, old, new string) error {
	all, err := app.FindAllCollections()
	if err != nil {
		return fmt.Errorf("list collections: %w", err)
	}
	for _, c := range all {
		changed := false
		for _, rule := range []**string{&c.ListRule, &c.ViewRule, &c.CreateRule, &c.UpdateRule, &c.DeleteRule} {
			if *rule == nil || !strings.Contains(**rule, old) {
				continue
			}
			v := strings.ReplaceAll(**rule, old, new)
			*rule = &v
			changed = true
		}
		if !changed {
			continue
		}
		if err := app.Save(c); err != nil {
			return fmt.Errorf("rules of %s: %w", c.Name, err)
		}
	}
	return nil
}
