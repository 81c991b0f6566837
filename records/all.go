// Package records holds the kinds of public record the portal publishes,
// one folder each, and the one list of them (All) that the admin side's
// hooks, the site's export, its search index and ahead lane, and the back
// office's meta.json iterate. It sits below admin and site: a kind's folder
// imports internal/ and PocketBase, never admin/ or site/.
//
// # Adding a kind
//
// A new kind of public record, say events ("Sự kiện", /su-kien/), touches
// these places and nothing else:
//
//  1. its migration, migrations/<timestamp>_events.go: the collection with
//     the fields every public record has (slug, status, publishAt, created,
//     updated, and for a linkable kind shortCode and oldSlugs), its own
//     fields and the API rules of its roles; the name as a constant in
//     internal/schema (schema.Events), which the migration and the
//     descriptor share;
//  2. its folder, records/event:
//     - kind.go, the descriptor (record.Kind): collection, section
//     ("su-kien"), nouns and labels, the kinds of its text fields, its
//     slug's source and fallback, linkable or not, the roles that edit and
//     publish it, its image fields and taxonomies, the search's label and
//     rank, and the functions below;
//     - event.go, the typed record (Event, Of): one method per field,
//     over record.Public;
//     - validate.go, its own rules (Kind.Validate, Kind.Files), if any
//     beyond those every public record keeps (records/validate.go);
//     - export.go, the mapper (Kind.Export): its params and the page of
//     each published record, written through record.Site and
//     record.Bundle;
//     - search.go, what the search index reads of its pages (Kind.Search);
//  3. the list below: its Kind in All, after the kinds it refers to;
//  4. its templates under themes/daison/layouts (the section's list and
//     the page, an item partial), its taxonomies in hugo.toml, and its
//     section's hand-written content/su-kien/_index.md;
//  5. the back office's form of it (admin/backoffice/ui/assets/js/
//     collections.js: labels and widgets of its fields); the section's
//     address comes from meta.json.
//
// The admin hooks (validation, slugs, short links, history, audit, the
// rebuild after a change), the export's driver, the search, the ahead lane
// and meta.json take it from All.
package records

import (
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/records/article"
	"github.com/daison/portal/records/award"
	"github.com/daison/portal/records/document"
	"github.com/daison/portal/records/guide"
	"github.com/daison/portal/records/honoree"
	"github.com/daison/portal/records/indicator"
	"github.com/daison/portal/records/initiative"
	"github.com/daison/portal/records/record"
	"github.com/daison/portal/records/unit"
)

// All are the kinds of public record, in dependency order: a kind comes
// after those its records refer to (an initiative names honorees, an
// award an initiative), so that what refers to others is removed first
// going backwards. Of linkable kinds, the one earlier here keeps a short
// code two records were given at the same instant.
var All = []*record.Kind{
	unit.Kind,
	document.Kind,
	honoree.Kind,
	article.Kind,
	initiative.Kind,
	award.Kind,
	guide.Kind,
	indicator.Kind,
}

// ByCollection is the kind stored in the collection name, or nil.
func ByCollection(name string) *record.Kind {
	for _, k := range All {
		if k.Collection == name {
			return k
		}
	}
	return nil
}

// BySection is the kind whose pages live in section, or nil.
func BySection(section string) *record.Kind {
	for _, k := range All {
		if k.Section != "" && k.Section == section {
			return k
		}
	}
	return nil
}

// Collections are the collections of the public kinds, in All's order:
// what citizens read and the static site is built from. A change to any of
// them calls for a rebuild.
func Collections() []string {
	out := make([]string, len(All))
	for i, k := range All {
		out[i] = k.Collection
	}
	return out
}

// Linkable are the collections of the linkable kinds, in All's order.
func Linkable() []string {
	var out []string
	for _, k := range All {
		if k.Linkable {
			out = append(out, k.Collection)
		}
	}
	return out
}

// IsPublic reports whether name is the collection of a public kind.
func IsPublic(name string) bool { return ByCollection(name) != nil }

// IsLinkable reports whether name is the collection of a linkable kind.
func IsLinkable(name string) bool {
	k := ByCollection(name)
	return k != nil && k.Linkable
}

// Sections maps the collection of each kind with pages to its section.
func Sections() map[string]string {
	m := map[string]string{}
	for _, k := range All {
		if k.HasPages() {
			m[k.Collection] = k.Section
		}
	}
	return m
}

// Taxonomies are the taxonomies of every kind, in All's order.
func Taxonomies() []record.Taxonomy {
	var out []record.Taxonomy
	for _, k := range All {
		out = append(out, k.Taxonomies...)
	}
	return out
}

// TextKind is the kind of text of a collection's field: as its kind says
// for a public collection, as internal/check says for the others.
func TextKind(collection, field string) check.Kind {
	if k := ByCollection(collection); k != nil {
		return k.TextKind(field)
	}
	return check.KindOf(collection, field)
}

// Noun names one record of a public collection in a sentence ("bài
// viết"), or "" for another collection.
func Noun(collection string) string {
	if k := ByCollection(collection); k != nil {
		return k.Noun
	}
	return ""
}

// ImageLabel names an image field of the public kinds as the back office's
// forms do ("Ảnh bìa"), or "" for another field.
func ImageLabel(field string) string {
	for _, k := range All {
		if l := k.ImageLabel(field); l != "" {
			return l
		}
	}
	return ""
}
