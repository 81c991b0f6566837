package unit

import (
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/records/record"
)

// Unit is a unit's record (đơn vị), typed.
type Unit struct{ record.Public }

// Of returns r, a record of units, as a Unit.
func Of(r *core.Record) *Unit { return record.As[Unit](r) }

// Name is the unit's name.
func (u *Unit) Name() string { return u.GetString("name") }

// Kind is the unit's kind (vocab.UnitKinds).
func (u *Unit) Kind() string { return u.GetString("kind") }

// Description is what the unit does, in Markdown.
func (u *Unit) Description() string { return u.GetString("description") }
