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
