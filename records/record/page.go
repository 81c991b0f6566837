package record

import (
	"encoding/json"
	"sort"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/markdown"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// This file and each kind's params are the contract between the export and
// the theme: the front matter of each exported page. Hugo reads the
// top-level keys it knows (title, date, lastmod, summary, description,
// weight, aliases); everything else is under "params" and reached in
// templates as .Params.<key>, keys lower-cased by Hugo
// (.Params.decisiondate). Markdown kept in params (an initiative's results,
// a guide's documents…) is rendered with .RenderString; the page's own body
// is the record's main Markdown (article body, honoree story, initiative
// body, guide introduction, unit description).

// Page is the front matter of an exported page.
type Page struct {
	Title       string   `json:"title"`
	Date        string   `json:"date,omitempty"`    // publishAt, RFC 3339
	Lastmod     string   `json:"lastmod,omitempty"` // updated, RFC 3339
	Summary     string   `json:"summary,omitempty"` // plain text
	Description string   `json:"description"`       // plain text for <meta>, never empty
	Weight      int      `json:"weight,omitempty"`
	Aliases     []string `json:"aliases,omitempty"`
	// Build keeps a bundle's files (original photos) unpublished unless the
	// theme links them (.Permalink publishes a resource).
	Build  *BuildOptions `json:"build,omitempty"`
	Params any           `json:"params"`
	// Terms are the page's taxonomy terms, written as top-level keys
	// (Hugo's way): taxonomy name → term slugs. See Taxonomy.
	Terms map[string][]string `json:"-"`
}

// MarshalJSON writes the page's fields, then its taxonomy terms as
// top-level keys in name order.
func (p Page) MarshalJSON() ([]byte, error) {
	type plain Page
	b, err := json.Marshal(plain(p))
	if err != nil || len(p.Terms) == 0 {
		return b, err
	}
	names := make([]string, 0, len(p.Terms))
	for n := range p.Terms {
		names = append(names, n)
	}
	sort.Strings(names)
	out := append([]byte(nil), b[:len(b)-1]...)
	for _, n := range names {
		k, _ := json.Marshal(n)
		v, err := json.Marshal(p.Terms[n])
		if err != nil {
			return nil, err
		}
		out = append(out, ',')
		out = append(out, k...)
		out = append(out, ':')
		out = append(out, v...)
	}
	return append(out, '}'), nil
}

// BuildOptions are Hugo's per-page build options.
type BuildOptions struct {
	PublishResources bool `json:"publishResources"`
}

// Choice is a value of a select field: the stable key (also a URL segment)
// and the Vietnamese label.
type Choice struct {
	Key   string `json:"key"`
	Label string `json:"label"`
}

// ChoiceOf is key of the list l with its label.
func ChoiceOf(l vocab.List, key string) Choice {
	return Choice{Key: key, Label: l.Label(key)}
}

// OptChoice is ChoiceOf, or nil when key is empty.
func OptChoice(l vocab.List, key string) *Choice {
	if key == "" {
		return nil
	}
	c := ChoiceOf(l, key)
	return &c
}

// Ref links to another exported page.
type Ref struct {
	Title string `json:"title"`
	URL   string `json:"url"` // site-relative, e.g. /don-vi/van-phong/
}

// Image is an image file copied into the page's bundle, for Hugo's image
// processing (.Resources.Get .Params.cover.src).
type Image struct {
	Src string `json:"src"` // file name inside the bundle
	Alt string `json:"alt"` // text alternative, never empty
	// Caption is shown under a gallery's photo, if given.
	Caption string `json:"caption,omitempty"`
}

// Common are the params every record page has.
type Common struct {
	ID         string `json:"id"`         // PocketBase record id
	Collection string `json:"collection"` // PocketBase collection name
	Slug       string `json:"slug"`
	// ShortURL is the record's permanent short link, site-relative
	// ("/l/k7m2x/"); it redirects to the page whatever its slug becomes.
	// Empty for records without one (units).
	ShortURL string `json:"shortUrl,omitempty"`
	// QR is the bundle's QR code image (qr.svg) for the record's poster,
	// encoding QRURL: the record's short link (or, without one, the page's
	// full URL) tagged ?nguon=qr. Empty for
	// records without a poster.
	QR    string `json:"qr,omitempty"`
	QRURL string `json:"qrUrl,omitempty"`
	// Card is the record's share card in the bundle (the-chia-se.jpg,
	// 1200×630), for og:image; the site's default card is /the-chia-se.jpg.
	Card *Image `json:"card,omitempty"`
	// Excerpt is the start of the record's main text as plain text (at
	// most 300 characters), for the search index.
	Excerpt string `json:"excerpt,omitempty"`
}

// NewPage fills the front matter every record page has: its title, dates
// (in the commune's time), summary and description (the summary, else the
// start of the body, else the title); c, the params' Common part, gets the
// body's excerpt.
func NewPage(r *core.Record, title, summary, body string, c *Common, params any) Page {
	desc := summary
	if desc == "" {
		desc = markdown.Excerpt(body, 160)
	}
	if desc == "" {
		desc = title
	}
	if c != nil && body != "" {
		c.Excerpt = markdown.Excerpt(body, 300)
	}
	pub := Wrap(r).PublishAt()
	return Page{
		Build:       &BuildOptions{PublishResources: false},
		Title:       title,
		Date:        pub.In(schema.Vietnam).Format(time.RFC3339),
		Lastmod:     Lastmod(r).In(schema.Vietnam).Format(time.RFC3339),
		Summary:     summary,
		Description: markdown.Truncate(desc, 300),
		Params:      params,
	}
}

// Lastmod is when a record's page really changed: its last save if that
// came after it was published and after the save that created it, else
// its publishing time. A record never edited since it was made (imported,
// loaded as demo data, saved once and scheduled) shows no "Cập nhật".
func Lastmod(r *core.Record) time.Time {
	p := Wrap(r)
	published, updated, created := p.PublishAt(), p.Updated(), p.Created()
	if updated.Sub(created) < time.Minute || !updated.After(published) {
		return published
	}
	return updated
}

// Alt is given, or fallback when given is blank.
func Alt(given, fallback string) string {
	if strings.TrimSpace(given) != "" {
		return given
	}
	return fallback
}

// zwsp is the zero-width space Neutralize puts between "{{" and "<" or "%".
// The hooks refuse it in what staff type, so it cannot be forged.
const zwsp = "\u200B"

// Neutralize keeps Hugo from reading a shortcode in Markdown that reaches a
// content file or .RenderString: "{{<" and "{{%" get an invisible zero-width
// space after the braces. The hooks already refuse such text; this guards
// records that bypassed them (imports, direct database edits).
func Neutralize(s string) string {
	if !markdown.HasShortcode(s) {
		return s
	}
	s = strings.ReplaceAll(s, "{{<", "{{"+zwsp+"<")
	return strings.ReplaceAll(s, "{{%", "{{"+zwsp+"%")
}
