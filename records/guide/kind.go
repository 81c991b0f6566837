// Package guide is the kind of public record of step-by-step guides to
// online public services (hướng dẫn): its descriptor, its typed record, the
// rules of its steps, and its page (/huong-dan/<slug>/) with the steps
// numbered.
package guide

import (
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/record"
)

// Kind describes guides.
var Kind = &record.Kind{
	Collection: schema.Guides,
	Section:    "huong-dan",
	Noun:       "hướng dẫn",
	Label:      "Hướng dẫn dịch vụ công",
	TitleField: "title",
	Texts: map[string]check.Kind{
		"summary": check.MultiLine, "body": check.Markdown, "documents": check.Markdown, "offline": check.Markdown,
		"legalBasis": check.Markdown,
	},
	SlugSource:   slugSource,
	SlugFallback: "huong-dan",
	Validate:     validate,
	Linkable:     true,
	Editors:      []string{schema.RoleEditor, schema.RoleReviewer},
	Publishers:   []string{schema.RoleEditor, schema.RoleReviewer},
	Ahead:        true,
	Search:       &record.Search{Label: "Hướng dẫn", Rank: 1, Map: searchText},
	Export:       export,
}
