// Package admin is the PocketBase side of the portal: the collections (as Go
// migrations in admin/migrations), their API rules, and the record hooks that
// keep what staff save clean (NFC text, safe Markdown, unique slugs) and tell
// the site when a public record changed.
package admin

import (
	"fmt"
	"strconv"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/vocab"
)

// Public collections: what citizens read, and what the static site is built
// from. A change to any of them calls for a rebuild.
const (
	Units       = "units"
	Articles    = "articles"
	Initiatives = "initiatives"
	Honorees    = "honorees"
	Awards      = "awards"
	Guides      = "guides"
	Indicators  = "indicators"
)

// PublicCollections lists the public collections in dependency order (a
// collection comes after those it refers to).
var PublicCollections = []string{Units, Honorees, Articles, Initiatives, Awards, Guides, Indicators}

// IsPublic reports whether name is a public collection.
func IsPublic(name string) bool {
	for _, c := range PublicCollections {
		if c == name {
			return true
		}
	}
	return false
}

// textKind says what a text field may hold.
type textKind int

const (
	kindSingleLine textKind = iota // titles, names, codes: one line
	kindMultiLine                  // plain paragraphs: summaries, achievements
	kindMarkdown                   // Markdown, checked for raw HTML and unsafe links
)

// textFields gives, for each collection, the kind of each of its text
// fields; fields not listed are single-line. The rule of each kind is
// cleanText's.
var textFields = map[string]map[string]textKind{
	Units:       {"description": kindMarkdown},
	Honorees:    {"story": kindMarkdown},
	Articles:    {"summary": kindMultiLine, "body": kindMarkdown},
	Initiatives: {"summary": kindMultiLine, "body": kindMarkdown, "results": kindMarkdown},
	Awards:      {"achievement": kindMultiLine},
	Guides:      {"summary": kindMultiLine, "body": kindMarkdown, "documents": kindMarkdown, "offline": kindMarkdown},
	Indicators:  {"note": kindMultiLine},
	Nominations: {"achievements": kindMultiLine, "comment": kindMultiLine},
	UnitReports: {"summary": kindMarkdown},
	Feedback:    {"message": kindMultiLine, "answer": kindMultiLine},
}

func kindOf(collection, field string) textKind {
	return textFields[collection][field]
}

// fallbackSlugs name a record's page when its title yields no slug at all
// (a title of emoji or punctuation).
var fallbackSlugs = map[string]string{
	Units:       "don-vi",
	Articles:    "bai-viet",
	Initiatives: "mo-hinh-sang-kien",
	Honorees:    "guong-dien-hinh",
	Awards:      "khen-thuong",
	Guides:      "huong-dan",
	Indicators:  "chi-so",
}

// slugSource returns the text a record's slug is made from when staff leave
// the slug empty: its title or name, or for records without one, a
// description of what it is.
func slugSource(app core.App, r *core.Record) (string, error) {
	switch r.Collection().Name {
	case Articles, Initiatives, Guides:
		return r.GetString("title"), nil
	case Units, Honorees:
		return r.GetString("name"), nil
	case Indicators:
		return fmt.Sprintf("%s %d quy %d", r.GetString("metric"), r.GetInt("year"), r.GetInt("quarter")), nil
	case Awards:
		name := ""
		if id := r.GetString("honoree"); id != "" {
			h, err := app.FindRecordById(Honorees, id)
			if err == nil {
				name = h.GetString("name")
			}
		}
		return name + " " + strconv.Itoa(r.GetInt("year")) + " " + vocab.AwardKinds.Label(r.GetString("kind")), nil
	}
	return "", fmt.Errorf("no slug source for collection %q", r.Collection().Name)
}
