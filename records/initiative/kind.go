// Package initiative is the kind of public record of models and
// initiatives (mô hình, sáng kiến, giải pháp, cách làm hay): its
// descriptor, its typed record, and its page (/mo-hinh-sang-kien/<slug>/)
// with its photos, honorees and awards.
package initiative

import (
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/record"
)

// Kind describes initiatives. A unit's reporter proposes them for their
// own unit; only reviewers publish them.
var Kind = &record.Kind{
	Collection:   schema.Initiatives,
	Section:      "mo-hinh-sang-kien",
	Noun:         "mô hình, sáng kiến",
	Label:        "Mô hình, sáng kiến",
	TitleField:   "title",
	Texts:        map[string]check.Kind{"summary": check.MultiLine, "body": check.Markdown, "results": check.Markdown},
	SlugSource:   slugSource,
	SlugFallback: "mo-hinh-sang-kien",
	Validate:     validate,
	Linkable:     true,
	Editors:      []string{schema.RoleEditor, schema.RoleReviewer, schema.RoleUnitReporter},
	Publishers:   []string{schema.RoleReviewer},
	Images:       []record.ImageField{{Name: "photos", Label: "Ảnh"}, {Name: "bodyImages", Label: "Ảnh trong nội dung"}},
	Taxonomies: []record.Taxonomy{
		{Name: "sang-kien-loai", Title: "Mô hình, sáng kiến theo loại", URL: "/mo-hinh-sang-kien/loai/"},
		{Name: "sang-kien-linh-vuc", Title: "Mô hình, sáng kiến theo lĩnh vực", URL: "/mo-hinh-sang-kien/linh-vuc/"},
		{Name: "sang-kien-don-vi", Title: "Mô hình, sáng kiến theo đơn vị", URL: "/mo-hinh-sang-kien/don-vi/"},
		{Name: "sang-kien-nam", Title: "Mô hình, sáng kiến theo năm áp dụng", URL: "/mo-hinh-sang-kien/nam/"},
	},
	Ahead:  true,
	Search: &record.Search{Label: "Mô hình, sáng kiến", Rank: 4, Map: searchText},
	Export: export,
}
