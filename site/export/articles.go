package export

import (
	"slices"
	"sync"
	"time"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/slug"
	"github.com/daison/portal/internal/vocab"
)

// articles writes a page per published article, with its related articles
// and its keywords as terms.
func (x *exporter) articles() error {
	infos := make([]articleInfo, 0, len(x.recs[schema.Articles]))
	for _, r := range x.recs[schema.Articles] {
		var tags []string
		_ = r.UnmarshalJSONField("tags", &tags)
		date := r.GetDateTime("publishAt").Time().In(Vietnam)
		infos = append(infos, articleInfo{
			id: r.Id, category: r.GetString("category"), tags: tagSlugs(tags), date: date,
			ref: Related{Title: r.GetString("title"), URL: pageURL(schema.Articles, r.GetString("slug")), Date: date.Format(time.RFC3339)},
		})
	}
	related := relatedArticles(infos)
	for _, r := range x.recs[schema.Articles] {
		title := r.GetString("title")
		var tags []string
		_ = r.UnmarshalJSONField("tags", &tags)
		params := ArticleParams{
			Common:   x.common(r, title),
			Category: choice(vocab.ArticleCategories, r.GetString("category")),
			Unit:     x.ref(schema.Units, r.GetString("unit")),
			Tags:     tags,
			Featured: r.GetBool("featured"),
			Related:  related[r.Id],
		}
		params.Cover = x.copyImage(r, "cover", r.GetString("cover"), x.rel(r), "cover", alt(r.GetString("coverAlt"), title))
		params.Gallery = x.gallery(r, "gallery", x.rel(r), title)
		params.Attachments = x.attachments(r)
		body := x.bodyImages(r, x.rel(r), r.GetString("body"))
		p := x.page(r, title, r.GetString("summary"), body, &params)
		p.Terms = map[string][]string{}
		x.addChoice(p.Terms, "tin-tuc-chuyen-muc", vocab.ArticleCategories, params.Category.Key)
		for _, tag := range tags {
			if ts := tagSlug(tag); ts != "" {
				x.addTerm(p.Terms, "tin-tuc-tu-khoa", ts, TermPage{Title: tag})
			}
		}
		if err := x.write(r, p, body); err != nil {
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
