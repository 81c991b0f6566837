package search

import (
	"sort"
	"strings"

	"github.com/daison/portal/records"
	"github.com/daison/portal/records/record"
)

// Doc is one page as search sees it: what kind of record it is, where it
// lives, and its text by field (title above summary above body).
type Doc struct {
	Kind    string `json:"kind"` // a Kinds key, or OtherKind
	URL     string `json:"url"`
	Title   string `json:"title"`
	Summary string `json:"summary"` // plain text: summary, then keywords
	Body    string `json:"body"`    // plain text
	Date    string `json:"date,omitempty"`
	// Short is what a result shows under its title when no words of the
	// body match (the JavaScript shows only this): the page's summary,
	// cut short.
	Short string `json:"short"`

	sortDate int64 // the page's date (Unix seconds), for Sort
}

// Kind is a kind of record the portal publishes (records.All), as search
// reads its pages: its section, its label, and how its front matter's
// params add to a page's text (nil: the generic way, every text param as
// body). A kind is searched by giving its descriptor a record.Search.
type Kind struct {
	Section string // the content section, also the URL's first segment
	Label   string // shown beside each result and in the filter
	Map     func(p record.Fields, t *record.Text)
	Dated   bool // results show the page's date
}

// Kinds are the kinds of record search knows, in the order results of
// equal score come and filters are offered (their Search.Rank).
var Kinds = func() []Kind {
	var ks []*record.Kind
	for _, k := range records.All {
		if k.Search != nil && k.HasPages() {
			ks = append(ks, k)
		}
	}
	sort.SliceStable(ks, func(i, j int) bool { return ks[i].Search.Rank < ks[j].Search.Rank })
	out := make([]Kind, len(ks))
	for i, k := range ks {
		out[i] = Kind{Section: k.Section, Label: k.Search.Label, Map: k.Search.Map, Dated: k.Search.Dated}
	}
	return out
}()

// OtherKind is the kind of the hand-written pages (the plan, the
// indicators…).
const OtherKind = "trang"

// otherLabel is OtherKind's label.
const otherLabel = "Trang thông tin"

// KindLabel is the label of a kind's key.
func KindLabel(key string) string {
	for _, k := range Kinds {
		if k.Section == key {
			return k.Label
		}
	}
	return otherLabel
}

// kindOrder is where a kind comes among Kinds (OtherKind last).
func kindOrder(key string) int {
	for i, k := range Kinds {
		if k.Section == key {
			return i
		}
	}
	return len(Kinds)
}

// page is a content file's front matter and body.
type page struct {
	fm     map[string]any
	params map[string]any
	body   string // plain text
}

// str follows keys through nested maps to a string ("" if absent).
func str(m map[string]any, keys ...string) string { return record.Str(m, keys...) }

// generic reads a kind without a mapper: its title, summary and body, and
// every text param (a document's number, issuer, field…) as body.
func generic(p page, d *Doc) {
	keys := make([]string, 0, len(p.params))
	for k := range p.params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := []string{d.Body}
	for _, k := range keys {
		if s, ok := p.params[k].(string); ok && !skipParam[k] && !strings.HasPrefix(s, "/") && !strings.Contains(s, "://") {
			parts = append(parts, record.Plain(s))
		}
	}
	d.Body = record.Join(parts...)
}

// skipParam are the params every record page has that are no text.
var skipParam = map[string]bool{"id": true, "collection": true, "slug": true, "shortUrl": true, "qr": true, "qrUrl": true, "excerpt": true}
