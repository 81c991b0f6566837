package initiative

import (
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/records/record"
)

// Initiative is the record of a model or initiative, typed.
type Initiative struct{ record.Public }

// Of returns r, a record of initiatives, as an Initiative.
func Of(r *core.Record) *Initiative { return record.As[Initiative](r) }

// Title is the initiative's title.
func (i *Initiative) Title() string { return i.GetString("title") }

// Kind is model, initiative, solution or good practice
// (vocab.InitiativeKinds).
func (i *Initiative) Kind() string { return i.GetString("kind") }

// Field is the area of reform it belongs to (vocab.InitiativeFields).
func (i *Initiative) Field() string { return i.GetString("field") }

// Unit is the id of its unit, or "".
func (i *Initiative) Unit() string { return i.GetString("unit") }

// Authors names who made it.
func (i *Initiative) Authors() string { return i.GetString("authors") }

// Honorees are the ids of the honorees it names.
func (i *Initiative) Honorees() []string { return i.GetStringSlice("honorees") }

// YearApplied is the year it was first applied, or 0.
func (i *Initiative) YearApplied() int { return i.GetInt("yearApplied") }

// Summary is its summary, in plain text.
func (i *Initiative) Summary() string { return i.GetString("summary") }

// Body is its description, in Markdown.
func (i *Initiative) Body() string { return i.GetString("body") }

// BodyImages are the stored names of the photos its text shows.
func (i *Initiative) BodyImages() []string { return i.GetStringSlice("bodyImages") }

// Results are what it achieved, in Markdown.
func (i *Initiative) Results() string { return i.GetString("results") }

// Photos are the stored names of the photos of its gallery.
func (i *Initiative) Photos() []string { return i.GetStringSlice(GalleryField) }

// GalleryField is the initiatives' gallery field.
const GalleryField = "photos"

// Captions are the gallery's captions, by stored photo name.
func (i *Initiative) Captions() map[string]string { return record.Captions(i.Record) }

// Recognition is the level that recognised it (vocab.RecognitionLevels),
// or "".
func (i *Initiative) Recognition() string { return i.GetString("recognition") }

// Attachments are the ids of the documents it attaches.
func (i *Initiative) Attachments() []string { return i.GetStringSlice("attachments") }

// Featured initiatives show on the home page.
func (i *Initiative) Featured() bool { return i.GetBool("featured") }
