package export

import (
	"github.com/daison/portal/records"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/markdown"
	"github.com/daison/portal/internal/vocab"
)

// pageURL is the site-relative URL of a record's page.
func pageURL(collection, slug string) string {
	return "/" + Sections[collection] + "/" + slug + "/"
}

func choice(l vocab.List, key string) Choice {
	return Choice{Key: key, Label: l.Label(key)}
}

func optChoice(l vocab.List, key string) *Choice {
	if key == "" {
		return nil
	}
	c := choice(l, key)
	return &c
}

// page fills the front matter every record page has.
func (x *exporter) page(r *core.Record, title, summary, body string, params any) Page {
	desc := summary
	if desc == "" {
		desc = markdown.Excerpt(body, 160)
	}
	if desc == "" {
		desc = title
	}
	if c := commonOf(params); c != nil && body != "" {
		c.Excerpt = markdown.Excerpt(body, 300)
	}
	return Page{
		Build:       &BuildOptions{PublishResources: false},
		Title:       title,
		Date:        r.GetDateTime("publishAt").Time().In(Vietnam).Format(time.RFC3339),
		Lastmod:     lastmod(r).In(Vietnam).Format(time.RFC3339),
		Summary:     summary,
		Description: markdown.Truncate(desc, 300),
		Params:      params,
	}
}

// lastmod is when a record's page really changed: its last save if that
// came after it was published and after the save that created it, else
// its publishing time. A record never edited since it was made (imported,
// loaded as demo data, saved once and scheduled) shows no "Cập nhật".
func lastmod(r *core.Record) time.Time {
	published := r.GetDateTime("publishAt").Time()
	updated := r.GetDateTime("updated").Time()
	created := r.GetDateTime("created").Time()
	if updated.Sub(created) < time.Minute || !updated.After(published) {
		return published
	}
	return updated
}

// commonOf returns the Common part of a page's params.
func commonOf(params any) *Common {
	switch p := params.(type) {
	case *ArticleParams:
		return &p.Common
	case *InitiativeParams:
		return &p.Common
	case *HonoreeParams:
		return &p.Common
	case *GuideParams:
		return &p.Common
	case *UnitParams:
		return &p.Common
	case *DocumentParams:
		return &p.Common
	}
	return nil
}

// common returns the params every record page has, read from r alone.
func common(r *core.Record) Common {
	c := Common{ID: r.Id, Collection: r.Collection().Name, Slug: r.GetString("slug")}
	if code := r.GetString("shortCode"); code != "" {
		c.ShortURL = "/l/" + code + "/"
	}
	return c
}

// common returns the common params of a record's page, with its QR code and
// share card asked for. A failure to write the QR code is kept for write to
// report.
func (x *exporter) common(r *core.Record, title string) Common {
	c := common(r)
	if records.IsLinkable(r.Collection().Name) {
		// Only a short link that leads here (planLinks).
		c.ShortURL = x.shortURL(r)
	}
	if err := x.share(r, &c, title); err != nil && x.shareErr == nil {
		x.shareErr = err
	}
	return c
}

// rel is the page bundle folder of a record, relative to the source root.
func (x *exporter) rel(r *core.Record) string {
	return "content/" + Sections[r.Collection().Name] + "/" + r.GetString("slug")
}
