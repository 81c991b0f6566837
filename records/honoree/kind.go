// Package honoree is the kind of public record of the people and
// collectives the movement honours (gương điển hình): its descriptor, its
// typed record, and each one's profile (/vinh-danh/<slug>/) with their
// awards and the initiatives that name them.
package honoree

import (
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/record"
)

// Kind describes honorees.
var Kind = &record.Kind{
	Collection:   schema.Honorees,
	Section:      "vinh-danh",
	Noun:         "gương điển hình",
	Label:        "Vinh danh",
	TitleField:   "name",
	Texts:        map[string]check.Kind{"story": check.Markdown},
	SlugSource:   slugSource,
	SlugFallback: "guong-dien-hinh",
	Linkable:     true,
	Editors:      []string{schema.RoleReviewer},
	Publishers:   []string{schema.RoleReviewer},
	Images:       []record.ImageField{{Name: "photo", Label: "Ảnh"}},
	Taxonomies: []record.Taxonomy{
		{Name: "vinh-danh-doi-tuong", Title: "Vinh danh theo đối tượng", URL: "/vinh-danh/doi-tuong/"},
		{Name: "vinh-danh-nam", Title: "Vinh danh theo năm", URL: "/vinh-danh/nam/"},
		{Name: "vinh-danh-don-vi", Title: "Vinh danh theo đơn vị", URL: "/vinh-danh/don-vi/"},
		{Name: "vinh-danh-hinh-thuc", Title: "Vinh danh theo hình thức khen thưởng", URL: "/vinh-danh/hinh-thuc/"},
		{Name: "vinh-danh-loai", Title: "Vinh danh theo loại khen thưởng", URL: "/vinh-danh/loai/"},
	},
	Ahead:  true,
	Search: &record.Search{Label: "Vinh danh", Rank: 5, Map: searchText},
	Export: export,
}
