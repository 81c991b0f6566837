package record

import (
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// Site is the export as a kind's mapper sees it: the records the public
// may see, links to their pages, and the writers of pages and data files.
// A mapper (Kind.Export) reads its kind's records from it and writes each
// page through a Bundle; site/export implements it and runs the kinds'
// mappers in records.All's order.
type Site interface {
	// Now is the time the export sees: what is published by then shows.
	Now() time.Time
	// Records are the published records of a collection, newest first.
	Records(collection string) []*core.Record
	// Record is a published record of collection, or nil.
	Record(collection, id string) *core.Record
	// Ref links to a published record's page, or is nil when the record is
	// not published (or id is empty): the site never links to what it
	// does not show.
	Ref(collection, id string) *Ref
	// Refs are the links to those of ids that are published.
	Refs(collection string, ids []string) []Ref
	// Memo returns what make makes, made once per export (an index over a
	// kind's records that other kinds' pages read).
	Memo(key string, make func() any) any
	// Terms are the taxonomy terms the pages use.
	Terms() *Terms
	// Bundle is the writer of the page bundle of r, a published record of
	// a kind with pages.
	Bundle(r *core.Record) Bundle
	// Data writes a data file (data/<name>.json) as indented JSON.
	Data(rel string, v any) error
	// Problem tells staff of something of a record left out of the site.
	Problem(p Problem)
}

// Bundle writes one record's page bundle: its index.md and the files
// beside it (images, a document's file, the QR code and the share card),
// and the redirects from its other addresses.
type Bundle interface {
	// Common returns the params every record page has, with its short
	// link, and for a linkable record its QR code and share card (card
	// says what the card shows besides the title).
	Common(title string, card Card) Common
	// Image copies a stored image of field into the bundle as base plus
	// its extension, or returns nil when there is none or it cannot go
	// live (staff are then told).
	Image(field, stored, base, alt string) *Image
	// Gallery copies the photos of a gallery field (anh-1.jpg, anh-2.jpg…)
	// with their captions, each caption also the photo's text
	// alternative.
	Gallery(field string, photos []string, captions map[string]string, title string) []Image
	// BodyImages copies the photos uploaded for the record's text under
	// their stored names and returns body with the address of any photo
	// the copy renamed (.jpeg → .jpg) changed.
	BodyImages(photos []string, body string) string
	// File copies a stored file (not an image) into the bundle as name
	// and returns its size; an error when it is not in the storage.
	File(stored, name string) (int64, error)
	// Write writes the page: index.md with the front matter and body.
	Write(p Page, body string) error
}

// Card is what a record's share card shows besides its title and section.
type Card struct {
	Subtitle string
	// Photo is the stored file of the photo shown, if any.
	Photo string
}

// Problem is something of a record the export left out of the site (the
// record's page still goes live), told to staff on the dashboard so that
// they can fix it. Message is a whole Vietnamese sentence; it names no
// server path.
type Problem struct {
	Collection string `json:"collection,omitempty"` // PocketBase collection; "" for the site as a whole
	ID         string `json:"id,omitempty"`         // the record's id
	Title      string `json:"title,omitempty"`      // the record's title or name
	Field      string `json:"field,omitempty"`      // the field whose file was left out
	File       string `json:"file,omitempty"`       // the stored file's name
	Message    string `json:"message"`
}
