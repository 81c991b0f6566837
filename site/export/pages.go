package export

import (
	"encoding/json"
	"sort"
)

// This file is the contract between the export and the theme: the front
// matter of each exported page. Hugo reads the top-level keys it knows
// (title, date, lastmod, summary, description, weight, aliases); everything
// else is under "params" and reached in templates as .Params.<key>, keys
// lower-cased by Hugo (.Params.decisiondate). Markdown kept in params (an
// initiative's results, a guide's documents…) is rendered with .RenderString;
// the page's own body is the record's main Markdown (article body, honoree
// story, initiative body, guide introduction, unit description).

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
	// (Hugo's way): taxonomy name → term slugs. See Taxonomies.
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

// Taxonomy is a way to browse a section: its terms have their own list
// pages at URL + term + "/" (e.g. /vinh-danh/nam/2026/). hugo.toml declares
// each (taxonomies, permalinks.taxonomy, permalinks.term); the export writes
// a page for the taxonomy and each term, with its Vietnamese title.
type Taxonomy struct {
	Name  string // Hugo's name, also the front matter key
	Title string // the list of terms' title
	URL   string // where the list of terms lives
}

// Taxonomies are the portal's taxonomies, in the order the theme offers
// them.
var Taxonomies = []Taxonomy{
	{"tin-tuc-chuyen-muc", "Tin tức theo chuyên mục", "/tin-tuc/chuyen-muc/"},
	{"tin-tuc-tu-khoa", "Tin tức theo từ khóa", "/tin-tuc/tu-khoa/"},
	{"sang-kien-loai", "Mô hình, sáng kiến theo loại", "/mo-hinh-sang-kien/loai/"},
	{"sang-kien-linh-vuc", "Mô hình, sáng kiến theo lĩnh vực", "/mo-hinh-sang-kien/linh-vuc/"},
	{"sang-kien-don-vi", "Mô hình, sáng kiến theo đơn vị", "/mo-hinh-sang-kien/don-vi/"},
	{"sang-kien-nam", "Mô hình, sáng kiến theo năm áp dụng", "/mo-hinh-sang-kien/nam/"},
	{"vinh-danh-doi-tuong", "Vinh danh theo đối tượng", "/vinh-danh/doi-tuong/"},
	{"vinh-danh-nam", "Vinh danh theo năm", "/vinh-danh/nam/"},
	{"vinh-danh-don-vi", "Vinh danh theo đơn vị", "/vinh-danh/don-vi/"},
	{"vinh-danh-hinh-thuc", "Vinh danh theo hình thức khen thưởng", "/vinh-danh/hinh-thuc/"},
	{"vinh-danh-loai", "Vinh danh theo loại khen thưởng", "/vinh-danh/loai/"},
	{"van-ban-loai", "Văn bản theo loại", "/van-ban/loai/"},
	{"van-ban-nam", "Văn bản theo năm ban hành", "/van-ban/nam/"},
}

// TermPage is the front matter of a taxonomy's or a term's list page.
type TermPage struct {
	Title       string `json:"title"`
	Slug        string `json:"slug,omitempty"` // the term, so the URL keeps it (not the urlized title)
	Description string `json:"description"`
	Weight      int    `json:"weight,omitempty"` // order among the terms
	// The taxonomy a term belongs to, for the term page's breadcrumbs and
	// title without asking Hugo for its parent page (which would make the
	// term depend on every page of the taxonomy).
	TaxonomyTitle string `json:"taxonomyTitle,omitempty"`
	TaxonomyURL   string `json:"taxonomyUrl,omitempty"`
	// Siblings: the taxonomy has few terms (2 to 24), and the term page
	// lists the others.
	Siblings bool `json:"siblings,omitempty"`
}

// RedirectPage is the front matter of a page that sends the browser on to a
// record's page from another of its addresses (params.target, the page's
// path without its final slash, for site.GetPage).
type RedirectPage struct {
	Title   string            `json:"title"`
	URL     string            `json:"url,omitempty"`
	Type    string            `json:"type,omitempty"`
	Build   map[string]string `json:"build"`
	Sitemap map[string]bool   `json:"sitemap"`
	Params  map[string]string `json:"params,omitempty"`
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
	// Caption is shown under a gallery's photo (issue 13), if given.
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

// ArticleParams are the params of a news article (/tin-tuc/<slug>/).
type ArticleParams struct {
	Common
	Category Choice   `json:"category"`
	Unit     *Ref     `json:"unit,omitempty"`
	Tags     []string `json:"tags,omitempty"`
	Cover    *Image   `json:"cover,omitempty"`
	Featured bool     `json:"featured,omitempty"`
	// Gallery are the article's photos with their captions.
	Gallery []Image `json:"gallery,omitempty"`
	// Attachments are the published documents it attaches.
	Attachments []Attachment `json:"attachments,omitempty"`
	// Related are the articles to read next (keywords shared, then the
	// newest of the category).
	Related []Related `json:"related,omitempty"`
}

// Award is one commendation, as shown on its honoree's and its initiative's
// pages.
type Award struct {
	Form         Choice  `json:"form"`
	Kind         Choice  `json:"kind"`
	Year         int     `json:"year"`
	DecisionNo   string  `json:"decisionNo,omitempty"`
	DecisionDate string  `json:"decisionDate,omitempty"` // dd/mm/yyyy
	Signer       string  `json:"signer,omitempty"`
	Achievement  string  `json:"achievement"`
	Honoree      *Ref    `json:"honoree,omitempty"`
	HonoreeKind  *Choice `json:"honoreeKind,omitempty"`
	Initiative   *Ref    `json:"initiative,omitempty"`
	// Decision is the published document (văn bản) of the decision.
	Decision *Ref `json:"decision,omitempty"`
}

// HonoreeParams are the params of an honoree's profile (/vinh-danh/<slug>/).
type HonoreeParams struct {
	Common
	Kind        Choice  `json:"kind"`
	Position    string  `json:"position,omitempty"`
	Unit        *Ref    `json:"unit,omitempty"`
	Photo       *Image  `json:"photo,omitempty"`
	Awards      []Award `json:"awards"` // newest first
	Initiatives []Ref   `json:"initiatives,omitempty"`
}

// InitiativeParams are the params of a model or initiative
// (/mo-hinh-sang-kien/<slug>/).
type InitiativeParams struct {
	Common
	Kind        Choice  `json:"kind"`
	Field       Choice  `json:"field"`
	Unit        *Ref    `json:"unit,omitempty"`
	Authors     string  `json:"authors,omitempty"`
	Honorees    []Ref   `json:"honorees,omitempty"`
	YearApplied int     `json:"yearApplied,omitempty"`
	Results     string  `json:"results,omitempty"` // Markdown
	Photos      []Image `json:"photos,omitempty"`
	Recognition *Choice `json:"recognition,omitempty"`
	Awards      []Award `json:"awards,omitempty"`
	Featured    bool    `json:"featured,omitempty"`
	// Attachments are the published documents it attaches.
	Attachments []Attachment `json:"attachments,omitempty"`
}

// GuideStep is one step of a guide. Number counts the steps that stand on
// their own; a step with Logic "and" or "or" shares the number of the step
// before it and shows the word instead.
type GuideStep struct {
	Number   int    `json:"number"`
	Logic    Choice `json:"logic"`
	Title    string `json:"title"`
	Text     string `json:"text,omitempty"` // Markdown
	Link     string `json:"link,omitempty"`
	LinkText string `json:"linkText,omitempty"`
	Cost     string `json:"cost,omitempty"`
}

// GuideParams are the params of an online public service guide
// (/huong-dan/<slug>/).
type GuideParams struct {
	Common
	Audience       string      `json:"audience,omitempty"`
	ProcedureCode  string      `json:"procedureCode,omitempty"`
	PortalLink     string      `json:"portalLink,omitempty"`
	Documents      string      `json:"documents,omitempty"` // Markdown
	Fee            string      `json:"fee,omitempty"`
	ProcessingTime string      `json:"processingTime,omitempty"`
	Offline        string      `json:"offline,omitempty"`    // Markdown
	LegalBasis     string      `json:"legalBasis,omitempty"` // Markdown
	Checked        string      `json:"checked,omitempty"`    // dd/mm/yyyy: facts last checked
	Steps          []GuideStep `json:"steps"`
	Featured       bool        `json:"featured,omitempty"`
}

// UnitParams are the params of a unit's page (/don-vi/<slug>/).
type UnitParams struct {
	Common
	Kind Choice `json:"kind"`
}

// Indicators is data/indicators.json: each metric's values over time.
type Indicators struct {
	Metrics []Metric `json:"metrics"`
}

// Metric is one reform indicator and its values, oldest first.
type Metric struct {
	Key            string  `json:"key"`
	Label          string  `json:"label"`
	Unit           string  `json:"unit"`           // "%"
	HigherIsBetter bool    `json:"higherIsBetter"` // all current metrics: true
	Points         []Point `json:"points"`
}

// Point is one quarter's value of a metric. Target is absent when none was
// set (the database keeps 0 for "no target").
type Point struct {
	Year    int      `json:"year"`
	Quarter int      `json:"quarter"`
	Period  string   `json:"period"` // "Quý I/2026" (internal/quarter)
	Value   float64  `json:"value"`
	Target  *float64 `json:"target,omitempty"`
	Note    string   `json:"note,omitempty"`
}

// Stats is data/stats.json: counts of what the site shows, for the public
// statistics page (charts with their tables). Each list is in a stable
// order: years ascending, choices in vocabulary order, units by name.
type Stats struct {
	AwardsByYear        []Count `json:"awardsByYear"`
	AwardsByUnit        []Count `json:"awardsByUnit"`
	AwardsByForm        []Count `json:"awardsByForm"`
	AwardsByKind        []Count `json:"awardsByKind"`
	AwardsByHonoreeKind []Count `json:"awardsByHonoreeKind"`
	InitiativesByField  []Count `json:"initiativesByField"`
	InitiativesByKind   []Count `json:"initiativesByKind"`
	InitiativesByYear   []Count `json:"initiativesByYear"`
	TotalAwards         int     `json:"totalAwards"`
	TotalInitiatives    int     `json:"totalInitiatives"`
	TotalHonorees       int     `json:"totalHonorees"`
}

// Count is one bar of a chart: a label, its count, and the page listing
// what was counted, if there is one.
type Count struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Count int    `json:"count"`
	URL   string `json:"url,omitempty"`
}
