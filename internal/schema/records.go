package schema

import (
	"encoding/json"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// JSONValue returns the raw JSON of a record's JSON field, whatever Go value
// it was set with.
func JSONValue(r *core.Record, field string) []byte {
	switch v := r.Get(field).(type) {
	case nil:
		return nil
	case types.JSONRaw:
		return v
	default:
		b, _ := json.Marshal(v)
		return b
	}
}

// OldSlugs returns the slugs a linkable record had before its current one.
func OldSlugs(r *core.Record) []string {
	var slugs []string
	if raw := JSONValue(r, "oldSlugs"); len(raw) > 0 {
		_ = json.Unmarshal(raw, &slugs)
	}
	return slugs
}
