package honoree

import (
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/records/record"
)

// Honoree is the record of a person or collective the movement honours,
// typed.
type Honoree struct{ record.Public }

// Of returns r, a record of honorees, as an Honoree.
func Of(r *core.Record) *Honoree { return record.As[Honoree](r) }

// Name is the person's or collective's name.
func (h *Honoree) Name() string { return h.GetString("name") }

// Kind is individual or collective (vocab.HonoreeKinds).
func (h *Honoree) Kind() string { return h.GetString("kind") }

// IsCollective reports whether the honoree is a collective (tập thể).
func (h *Honoree) IsCollective() bool { return h.Kind() == Collective }

// Collective is the kind of a collective honoree.
const Collective = "tap-the"

// Position is the person's position.
func (h *Honoree) Position() string { return h.GetString("position") }

// Unit is the id of the honoree's unit, or "".
func (h *Honoree) Unit() string { return h.GetString("unit") }

// Photo is the stored name of the portrait, or ""; PhotoAlt its text
// alternative.
func (h *Honoree) Photo() string { return h.GetString("photo") }

// PhotoAlt is the portrait's text alternative.
func (h *Honoree) PhotoAlt() string { return h.GetString("photoAlt") }

// Story is the honoree's story, in Markdown.
func (h *Honoree) Story() string { return h.GetString("story") }
