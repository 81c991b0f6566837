// Package records holds the kinds of public record the portal publishes,
// one folder each, and the one list of them (All) that the admin side's
// hooks, the site's export, its search index and ahead lane, and the back
// office's meta.json iterate. It sits below admin and site: a kind's folder
// imports internal/ and PocketBase, never admin/ or site/.
//
// # Adding a kind
//
// A new kind of public record touches these places and nothing else
// (records/event, the meetings at /su-kien/, is the example):
//
//  1. its migration, migrations/<timestamp>_<name>.go: the collection with
//     the fields every public record has (publicCollection: slug, status,
//     publishAt, created, updated; for a linkable kind shortCode and
//     oldSlugs; the hidden updatedBy, statusBy, statusAt), its own fields,
//     the API rules of its roles and its editors' right to its history;
//     its name is the kind's (event.Collection);
//  2. its folder, records/<name>:
//     - kind.go, the descriptor (record.Kind): collection, section, nouns
//     and labels, the kinds of its text fields, its slug's source and
//     fallback, linkable or not, the roles that edit and publish it, its
//     image fields and taxonomies, the search's label and rank, its form
//     in the back office (Kind.Form), a sample record for the tests that
//     go through every kind (Kind.Sample), and the functions below;
//     - <name>.go, the typed record (Of): one method per field, over
//     record.Public;
//     - validate.go, its own rules (Kind.Validate, Kind.Files), if any
//     beyond those every public record keeps (records/validate.go);
//     - export.go, the mapper (Kind.Export): its params and the page of
//     each published record, written through record.Site and
//     record.Bundle;
//     - search.go, what the search index reads of its pages (Kind.Search);
//  3. the list below: its Kind in All, after the kinds it refers to;
//  4. its files in the theme (themes/daison), as layouts/section.html
//     says: the page (layouts/<section>/page.html), its item in lists
//     (_partials/item/<section>.html), its list settings
//     (data/lists/<section>.toml), its strings (i18n/<section>/vi.toml),
//     its section's title and introduction (content/<section>/_index.md),
//     its taxonomies in hugo.toml if it has any, and an entry in the main
//     menu if it should have one.
//
// The admin hooks (validation, slugs, short links, history, audit, the
// rebuild after a change), the export's driver, the search, the ahead lane,
// the back office (its menu, list, form and the roles' actions, from
// meta.json) and the tests that go through every kind take it from All.
package records

import (
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/records/article"
	"github.com/daison/portal/records/award"
	"github.com/daison/portal/records/document"
	"github.com/daison/portal/records/event"
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
	event.Kind,
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
