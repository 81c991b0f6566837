package search

import (
	"fmt"
	"sort"
	"strings"
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

// Kind is a kind of record the portal publishes, with how to read a page of
// it (its front matter's params) into a Doc. Adding a kind is adding a
// Kind: its section, its label, and a mapper (or none, for the generic one:
// title, summary, body and every text param).
type Kind struct {
	Section string // the content section, also the URL's first segment
	Label   string // shown beside each result and in the filter
	Map     func(p page, d *Doc)
	Dated   bool // results show the page's date
}

// Kinds are the kinds of record search knows, in the order results of
// equal score come and filters are offered.
var Kinds = []Kind{
	{Section: "huong-dan", Label: "Hướng dẫn", Map: guide},
	{Section: "van-ban", Label: "Văn bản", Map: document, Dated: true},
	{Section: "tin-tuc", Label: "Tin tức", Map: article, Dated: true},
	{Section: "mo-hinh-sang-kien", Label: "Mô hình, sáng kiến", Map: initiative},
	{Section: "vinh-danh", Label: "Vinh danh", Map: honoree},
	{Section: "don-vi", Label: "Đơn vị", Map: unit},
}

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

func (p page) str(keys ...string) string { return str(p.params, keys...) }

// str follows keys through nested maps to a string ("" if absent).
func str(m map[string]any, keys ...string) string {
	var v any = m
	for _, k := range keys {
		mm, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = mm[k]
	}
	switch x := v.(type) {
	case string:
		return x
	case float64, int, int64:
		return fmt.Sprint(x)
	}
	return ""
}

// list returns the maps of a param that is a list of objects.
func (p page) list(key string) []map[string]any {
	var out []map[string]any
	if l, ok := p.params[key].([]any); ok {
		for _, v := range l {
			if m, ok := v.(map[string]any); ok {
				out = append(out, m)
			}
		}
	}
	return out
}

// strings returns a param that is a list of strings.
func (p page) strings(key string) []string {
	var out []string
	if l, ok := p.params[key].([]any); ok {
		for _, v := range l {
			if s, ok := v.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// join joins the non-empty texts with ". ".
func join(parts ...string) string {
	var keep []string
	for _, s := range parts {
		if s = strings.TrimSpace(s); s != "" {
			keep = append(keep, s)
		}
	}
	return strings.Join(keep, ". ")
}

func article(p page, d *Doc) {
	d.Summary = join(append([]string{d.Summary, p.str("category", "label"), p.str("unit", "title")}, p.strings("tags")...)...)
}

func guide(p page, d *Doc) {
	d.Summary = join(d.Summary, p.str("audience"), p.str("procedureCode"))
	parts := []string{d.Body}
	for _, s := range p.list("steps") {
		parts = append(parts, str(s, "title"), plain(str(s, "text")), str(s, "linkText"), str(s, "cost"))
	}
	parts = append(parts, plain(p.str("documents")), p.str("fee"), p.str("processingTime"), plain(p.str("offline")), plain(p.str("legalBasis")))
	d.Body = join(parts...)
}

func initiative(p page, d *Doc) {
	d.Summary = join(d.Summary, p.str("kind", "label"), p.str("field", "label"), p.str("unit", "title"), p.str("authors"))
	parts := []string{d.Body, plain(p.str("results"))}
	for _, h := range p.list("honorees") {
		parts = append(parts, str(h, "title"))
	}
	for _, a := range p.list("awards") {
		parts = append(parts, str(a, "form", "label")+" "+str(a, "year"), str(a, "achievement"))
	}
	d.Body = join(parts...)
}

func honoree(p page, d *Doc) {
	parts := []string{d.Summary, p.str("kind", "label"), p.str("position"), p.str("unit", "title")}
	body := []string{d.Body}
	for _, a := range p.list("awards") {
		parts = append(parts, str(a, "form", "label")+" "+str(a, "year"))
		body = append(body, str(a, "achievement"), str(a, "kind", "label"), str(a, "decisionNo"))
	}
	for _, i := range p.list("initiatives") {
		body = append(body, str(i, "title"))
	}
	d.Summary = join(parts...)
	d.Body = join(body...)
}

// document: a document's number and symbol, kind and issuer weigh as its
// summary (citizens type "105/KH-UBND" or "quyết định"); the rest as body.
func document(p page, d *Doc) {
	d.Summary = join(d.Summary, p.str("number"), p.str("kind", "label"), p.str("issuer"), p.str("signer"))
	for _, a := range p.list("awards") {
		d.Body = join(d.Body, str(a, "form", "label")+" "+str(a, "year"))
	}
}

func unit(p page, d *Doc) {
	d.Summary = join(d.Summary, p.str("kind", "label"))
}

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
			parts = append(parts, plain(s))
		}
	}
	d.Body = join(parts...)
}

// skipParam are the params every record page has that are no text.
var skipParam = map[string]bool{"id": true, "collection": true, "slug": true, "shortUrl": true, "qr": true, "qrUrl": true, "excerpt": true}
