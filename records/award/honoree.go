package award

import "github.com/pocketbase/pocketbase/core"

// An award names its honoree by their name and kind. The honoree's own
// package shows their awards (it imports this one), so the two fields
// are read here from the honoree's record.

// honoreeName is the name of h, an honoree's record.
func honoreeName(h *core.Record) string { return h.GetString("name") }

// honoreeKind is the kind (individual or collective) of h, an honoree's
// record.
func honoreeKind(h *core.Record) string { return h.GetString("kind") }
