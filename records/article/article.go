package article

import (
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/records/record"
)

// Article is a news article's record, typed.
type Article struct{ record.Public }

// Of returns r, a record of articles, as an Article.
func Of(r *core.Record) *Article { return record.As[Article](r) }

// Title is the article's title.
func (a *Article) Title() string { return a.GetString("title") }

// Summary is its summary, in plain text.
func (a *Article) Summary() string { return a.GetString("summary") }

// Body is its text, in Markdown.
func (a *Article) Body() string { return a.GetString("body") }

// BodyImages are the stored names of the photos its text shows.
func (a *Article) BodyImages() []string { return a.GetStringSlice("bodyImages") }

// Category is its category (vocab.ArticleCategories).
func (a *Article) Category() string { return a.GetString("category") }

// Tags are its keywords.
func (a *Article) Tags() []string {
	var tags []string
	_ = a.UnmarshalJSONField(TagsField, &tags)
	return tags
}

// TagsField is the articles' keywords field.
const TagsField = "tags"

// Cover is the stored name of its cover photo, or ""; CoverAlt the
// photo's text alternative.
func (a *Article) Cover() string { return a.GetString("cover") }

// CoverAlt is the cover's text alternative.
func (a *Article) CoverAlt() string { return a.GetString("coverAlt") }

// Gallery are the stored names of the photos of its gallery.
func (a *Article) Gallery() []string { return a.GetStringSlice(GalleryField) }

// GalleryField is the articles' gallery field.
const GalleryField = "gallery"

// Captions are the gallery's captions, by stored photo name.
func (a *Article) Captions() map[string]string { return record.Captions(a.Record) }

// Attachments are the ids of the documents it attaches.
func (a *Article) Attachments() []string { return a.GetStringSlice("attachments") }

// Unit is the id of the unit that wrote it, or "".
func (a *Article) Unit() string { return a.GetString("unit") }

// Featured articles show on the home page.
func (a *Article) Featured() bool { return a.GetBool("featured") }
