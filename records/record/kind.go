// Package record is what every kind of public record shares: the
// descriptor a kind declares (Kind), the typed wrapper its records build on
// (Public), the front matter its pages are written with (Page, Common…),
// the page-writing API its mappers call (Site, Bundle), and what the
// search index reads of a page (Fields, Text). Each kind's folder
// (records/<kind>) fills these in; records.All lists the kinds. It imports
// nothing of the portal above internal/.
package record

import (
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
)

// Kind describes one kind of public record: where its records are stored,
// where their pages live, what the hooks check of them, and how the export
// and the search index read them.
type Kind struct {
	// Collection is the PocketBase collection of its records, which a
	// migration creates (the first kinds' names are in internal/schema; a
	// kind may declare its own in its folder).
	Collection string
	// Section is the content section of its pages, also the first segment
	// of their URLs ("tin-tuc"); empty for a kind whose records have no page
	// of their own (awards, indicators).
	Section string
	// Noun names one record in a sentence ("bài viết").
	Noun string
	// Label names the section: on share cards and beside a record's name
	// in messages ("Tin tức").
	Label string
	// TitleField names a record ("title", "name"); empty when none does.
	TitleField string

	// Texts are the text fields that are not single-line plain text, with
	// their kind of text (check.Text's rules).
	Texts map[string]check.Kind
	// SlugSource is the text a record's slug is made from when staff leave
	// it empty; SlugFallback names the page when that text makes no slug
	// (a title of emoji or punctuation).
	SlugSource   func(app core.App, r *core.Record) string
	SlugFallback string
	// Linkable kinds have short links (/l/<code>/) and keep their old
	// slugs, so that shared links and printed QR codes keep working after
	// a rename.
	Linkable bool
	// Validate checks what is the kind's own on every save, after the
	// rules every public record keeps (texts, slug, links), adding its
	// problems to errs beside their fields.
	Validate func(app core.App, r *core.Record, errs validation.Errors)
	// Files are the kind's own rules for the content of a file field's
	// uploads (a document's file is read whole), by field: an error
	// refuses the file; data is nil for a file larger than the field
	// takes. The admin side runs them with the other checks of uploads.
	Files map[string]func(data []byte, name string) error

	// Editors are the staff roles that create and change its records;
	// Publishers those that publish them (the collection's API rules).
	Editors, Publishers []string

	// Images are its image fields: the export checks each stored image
	// whole before a page uses it.
	Images []ImageField
	// Taxonomies are the ways to browse its section, each with a page of
	// terms.
	Taxonomies []Taxonomy
	// Export writes the pages (and data files) of its published records.
	Export func(s Site) error
	// Visible reports whether a published record shows on the site (nil:
	// all do); an award shows only with its honoree.
	Visible func(s Site, r *core.Record) bool
	// Ahead is true when its pages can be rendered ahead of a full build:
	// their templates look up nothing but indexes and hand-written pages.
	Ahead bool
	// Search reads its pages into the search index; nil for a kind with no
	// pages.
	Search *Search

	// Form is its form in the back office, for a kind whose form is not
	// written in the back office's collections.js.
	Form *Form
	// Sample returns the fields of a record that may be saved and
	// published (n makes its names unique), for the tests that go through
	// every kind (the role matrix); nil for the kinds the tests' fixture
	// knows.
	Sample func(n int) map[string]any
}

// ImageField is an image field of a kind, with its label in the back
// office's forms (for messages to staff).
type ImageField struct {
	Name, Label string
}

// Search is how the search index reads a kind's pages.
type Search struct {
	// Label is shown beside each result and in the filter ("Tin tức").
	Label string
	// Rank orders the kinds: results of equal score, and the filters.
	Rank int
	// Dated results show their page's date.
	Dated bool
	// Map adds a page's params to its text (nil: every text param as
	// body).
	Map func(p Fields, t *Text)
}

// HasPages reports whether the kind's records have pages of their own.
func (k *Kind) HasPages() bool { return k.Section != "" }

// PageURL is the site-relative URL of the page of its record with slug.
func (k *Kind) PageURL(slug string) string { return "/" + k.Section + "/" + slug + "/" }

// Title names a record of the kind: its title or name.
func (k *Kind) Title(r *core.Record) string {
	if k.TitleField == "" {
		return ""
	}
	return r.GetString(k.TitleField)
}

// TextKind is the kind of text of a field (single-line unless Texts says
// otherwise).
func (k *Kind) TextKind(field string) check.Kind { return k.Texts[field] }

// ImageLabel is the back office's label of an image field, or "".
func (k *Kind) ImageLabel(field string) string {
	for _, f := range k.Images {
		if f.Name == field {
			return f.Label
		}
	}
	return ""
}
