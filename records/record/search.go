package record

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/daison/portal/internal/markdown"
)

// Fields are a page's front matter as the search index reads it: its
// params (under "params"), as decoded from the content file.
type Fields struct {
	Params map[string]any
}

// Text is what search finds of a page, by weight: its summary (plain
// text: the summary, then keywords) above its body.
type Text struct {
	Summary string
	Body    string
}

// Str follows keys through the params' nested maps to a string ("" if
// absent).
func (p Fields) Str(keys ...string) string { return Str(p.Params, keys...) }

// Str follows keys through nested maps to a string ("" if absent).
func Str(m map[string]any, keys ...string) string {
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

// List returns the maps of a param that is a list of objects.
func (p Fields) List(key string) []map[string]any {
	var out []map[string]any
	if l, ok := p.Params[key].([]any); ok {
		for _, v := range l {
			if m, ok := v.(map[string]any); ok {
				out = append(out, m)
			}
		}
	}
	return out
}

// Strings returns a param that is a list of strings.
func (p Fields) Strings(key string) []string {
	var out []string
	if l, ok := p.Params[key].([]any); ok {
		for _, v := range l {
			if s, ok := v.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// Join joins the non-empty texts with ". ".
func Join(parts ...string) string {
	var keep []string
	for _, s := range parts {
		if s = strings.TrimSpace(s); s != "" {
			keep = append(keep, s)
		}
	}
	return strings.Join(keep, ". ")
}

// shortcode matches a Hugo shortcode in hand-written content.
var shortcode = regexp.MustCompile(`\{\{[<%].*?[%>]\}\}`)

// Plain is the text of Markdown, without its syntax or shortcodes.
func Plain(md string) string {
	if md == "" {
		return ""
	}
	return markdown.Plain(shortcode.ReplaceAllString(md, " "))
}
