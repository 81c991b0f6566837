// Package document is the kind of public record of official documents
// (văn bản: plans, decisions, notices, reports and forms, each with its
// signed file): its descriptor, its typed record, the rules of its number
// and file, and its page (/van-ban/<slug>/) with the file to download.
package document

import (
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/record"
)

// Kind describes documents.
var Kind = &record.Kind{
	Collection:   schema.Documents,
	Section:      "van-ban",
	Noun:         "văn bản",
	Label:        "Văn bản",
	TitleField:   "title",
	Texts:        map[string]check.Kind{"summary": check.MultiLine},
	SlugSource:   slugSource,
	SlugFallback: "van-ban",
	Validate:     validate,
	Files:        map[string]func([]byte, string) error{FileField: checkFile},
	Editors:      []string{schema.RoleEditor, schema.RoleReviewer},
	Publishers:   []string{schema.RoleEditor, schema.RoleReviewer},
	Taxonomies: []record.Taxonomy{
		{Name: "van-ban-loai", Title: "Văn bản theo loại", URL: "/van-ban/loai/"},
		{Name: "van-ban-nam", Title: "Văn bản theo năm ban hành", URL: "/van-ban/nam/"},
	},
	Search: &record.Search{Label: "Văn bản", Rank: 2, Dated: true, Map: searchText},
	Export: export,
}
