// Package article is the kind of public record of news articles (tin
// tức): its descriptor, its typed record, the rules of its keywords and
// gallery, and its page (/tin-tuc/<slug>/) with the articles to read next.
package article

import (
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/record"
)

// Kind describes articles.
var Kind = &record.Kind{
	Collection:   schema.Articles,
	Section:      "tin-tuc",
	Noun:         "bài viết",
	Label:        "Tin tức",
	TitleField:   "title",
	Texts:        map[string]check.Kind{"summary": check.MultiLine, "body": check.Markdown},
	SlugSource:   slugSource,
	SlugFallback: "bai-viet",
	Validate:     validate,
	Linkable:     true,
	Editors:      []string{schema.RoleEditor, schema.RoleReviewer},
	Publishers:   []string{schema.RoleEditor, schema.RoleReviewer},
	Images: []record.ImageField{
		{Name: "cover", Label: "Ảnh bìa"}, {Name: "gallery", Label: "Ảnh"}, {Name: "bodyImages", Label: "Ảnh trong nội dung"},
	},
	Taxonomies: []record.Taxonomy{
		{Name: "tin-tuc-chuyen-muc", Title: "Tin tức theo chuyên mục", URL: "/tin-tuc/chuyen-muc/"},
		{Name: "tin-tuc-tu-khoa", Title: "Tin tức theo từ khóa", URL: "/tin-tuc/tu-khoa/"},
	},
	Ahead:  true,
	Search: &record.Search{Label: "Tin tức", Rank: 3, Dated: true, Map: searchText},
	Export: export,
}
