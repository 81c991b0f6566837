package event

import (
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/records/record"
)

// Event is the record of a meeting of the movement, typed.
type Event struct{ record.Public }

// Of returns r, a record of events, as an Event.
func Of(r *core.Record) *Event { return record.As[Event](r) }

// Title is the event's name.
func (e *Event) Title() string { return e.GetString("title") }

// Date is the day it was held; the zero time when not set.
func (e *Event) Date() time.Time { return e.GetDateTime("date").Time() }

// Place is where it was held.
func (e *Event) Place() string { return e.GetString("place") }

// Summary is what was said and decided, in Markdown.
func (e *Event) Summary() string { return e.GetString("summary") }

// Photo is the stored file of its photo, if any.
func (e *Event) Photo() string { return e.GetString("photo") }

// PhotoAlt describes the photo for those who cannot see it.
func (e *Event) PhotoAlt() string { return e.GetString("photoAlt") }
