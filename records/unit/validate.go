package unit

import "github.com/pocketbase/pocketbase/core"

// slugSource: a unit's page is named after the unit.
func slugSource(_ core.App, r *core.Record) string { return Of(r).Name() }
