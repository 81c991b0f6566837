package article

import (
	"slices"
	"sync"
	"time"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/slug"
	"github.com/daison/portal/internal/vocab"
	"github.com/daison/portal/records/document"
	"github.com/daison/portal/records/record"
)

// Params are the params of a news article's page (/tin-tuc/<slug>/).
type Params struct {
	record.Common
	Category record.Choice `json:"category"`
	Unit     *record.Ref   `json:"unit,omitempty"`
	Tags     []string      `json:"tags,omitempty"`
	Cover    *record.Image `json:"cover,omitempty"`
	Featured bool          `json:"featured,omitempty"`
	// Gallery are the article's photos with their captions.
	Gallery []record.Image `json:"gallery,omitempty"`
	// Attachments are the published documents it attaches.
	Attachments []document.Attachment `json:"attachments,omitempty"`
	// Related are the articles to read next (keywords shared, then the
	// newest of the category).
	Related []Related `json:"related,omitempty"`
}

// export writes a page per published article, with its related articles
// and its keywords as terms.
func export(s record.Site) error {
	recs := s.Records(schema.Articles)
	infos := make([]articleInfo, 0, len(recs))
	for _, r := range recs {
		a := Of(r)
		date := a.PublishAt().In(schema.Vietnam)
		ref := s.Ref(schema.Articles, r.Id)
		infos = append(infos, articleInfo{
			id: r.Id, category: a.Category(), tags: tagSlugs(a.Tags()), date: date,
			ref: Related{Title: ref.Title, URL: ref.URL, Date: date.Format(time.RFC3339)},
		})
	}
	related := relatedArticles(infos)
	terms := s.Terms()
	for _, r := range recs {
		a := Of(r)
		b := s.Bundle(r)
		title := a.Title()
		tags := a.Tags()
		params := Params{
			Common:   b.Common(title, record.Card{Photo: a.Cover()}),
			Category: record.ChoiceOf(vocab.ArticleCategories, a.Category()),
			Unit:     s.Ref(schema.Units, a.Unit()),
			Tags:     tags,
			Featured: a.Featured(),
			Related:  related[r.Id],
		}
		params.Cover = b.Image("cover", a.Cover(), "cover", record.Alt(a.CoverAlt(), title))
		params.Gallery = b.Gallery(GalleryField, a.Gallery(), a.Captions(), title)
		params.Attachments = document.Attachments(s, a.Attachments())
		body := b.BodyImages(a.BodyImages(), a.Body())
		p := record.NewPage(r, title, a.Summary(), body, &params.Common, &params)
		terms.Choice(&p, "tin-tuc-chuyen-muc", vocab.ArticleCategories, params.Category.Key)
		for _, tag := range tags {
			if ts := tagSlug(tag); ts != "" {
				terms.Add(&p, "tin-tuc-tu-khoa", ts, record.TermPage{Title: tag})
			}
		}
		if err := b.Write(p, body); err != nil {
			return err
		}
	}
	return nil
}

// tagSlug is a keyword's term: its slug, never a reserved segment ("trang"
// would be the keyword list's pagination).
// Keywords repeat across thousands of articles, so their slugs are
// remembered.
func tagSlug(tag string) string {
	if ts, ok := tagSlugMemo.Load(tag); ok {
		return ts.(string)
	}
	ts := slug.Make(tag)
	if ts != "" && slug.Reserved(ts) {
		ts = slug.WithSuffix(ts, 2)
	}
	tagSlugMemo.Store(tag, ts)
	return ts
}

// tagSlugMemo maps keywords to their slugs (a keyword's slug never
// changes; the commune's keywords are a few thousand at most).
var tagSlugMemo sync.Map

// tagSlugs are the terms of an article's keywords.
func tagSlugs(tags []string) []string {
	var out []string
	for _, t := range tags {
		if ts := tagSlug(t); ts != "" && !slices.Contains(out, ts) {
			out = append(out, ts)
		}
	}
	return out
}
