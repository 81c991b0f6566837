package honoree

import "github.com/pocketbase/pocketbase/core"

// slugSource: an honoree's page is named after them.
func slugSource(_ core.App, r *core.Record) string { return Of(r).Name() }
