package commune

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/pocketbase/pocketbase/core"
)

// Record returns the identity's record, or nil when the portal has none yet
// (not set up) or the collection does not exist.
func Record(app core.App) (*core.Record, error) {
	if _, err := app.FindCachedCollectionByNameOrId(Collection); err != nil {
		return nil, nil
	}
	recs, err := app.FindRecordsByFilter(Collection, "", "created", 1, 0)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil
		}
		return nil, fmt.Errorf("read the commune's identity: %w", err)
	}
	if len(recs) == 0 {
		return nil, nil
	}
	return recs[0], nil
}

// Load returns the commune's identity with defaults filled in (Neutral when
// the portal is not set up yet).
func Load(app core.App) (Identity, error) {
	r, err := Record(app)
	if err != nil {
		return Neutral, err
	}
	if r == nil {
		return Neutral, nil
	}
	return FromRecord(r), nil
}

// FromRecord reads an identity from its record, defaults filled in.
func FromRecord(r *core.Record) Identity {
	c := FromGetter(r.GetString, r.GetBool("demo"))
	c.AwardForms = r.GetStringSlice("awardForms")
	return c.WithDefaults()
}
