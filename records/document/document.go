package document

import (
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/records/record"
)

// Document is an official document's record (văn bản), typed.
type Document struct{ record.Public }

// Of returns r, a record of documents, as a Document.
func Of(r *core.Record) *Document { return record.As[Document](r) }

// Title is the document's title (trích yếu).
func (d *Document) Title() string { return d.GetString("title") }

// Number is its number and symbol ("105/KH-UBND").
func (d *Document) Number() string { return d.GetString("number") }

// SetNumber changes its number and symbol.
func (d *Document) SetNumber(n string) { d.Set("number", n) }

// Kind is its kind (vocab.DocumentKinds).
func (d *Document) Kind() string { return d.GetString("kind") }

// Summary is what it says, in plain text.
func (d *Document) Summary() string { return d.GetString("summary") }

// IssuedOn is the day it was issued; the zero time when not set.
func (d *Document) IssuedOn() time.Time { return d.GetDateTime("issuedOn").Time() }

// Issuer is the body that issued it; Signer who signed it.
func (d *Document) Issuer() string { return d.GetString("issuer") }

// Signer is who signed it.
func (d *Document) Signer() string { return d.GetString("signer") }

// File is the stored name of its file, or "".
func (d *Document) File() string { return d.GetString(FileField) }

// HasFile reports whether it has a file, stored or being uploaded.
func (d *Document) HasFile() bool {
	return len(d.GetStringSlice(FileField)) > 0 || len(d.GetUnsavedFiles(FileField)) > 0
}

// MovementPlan marks the movement's signed plan, which the plan's page
// links to.
func (d *Document) MovementPlan() bool { return d.GetBool("movementPlan") }

// FileField is the documents' file field.
const FileField = "file"
