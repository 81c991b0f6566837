package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/markdown"
)

// putJSON adds a data file, or a content file holding only front matter,
// as indented JSON.
func (x *exporter) putJSON(rel string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("encode %s: %w", rel, err)
	}
	x.t.Put(rel, append(b, '\n'))
	return nil
}

// write writes a record's page: index.md with the front matter as JSON and
// the Markdown body after it.
func (x *exporter) write(r *core.Record, p Page, body string) error {
	if x.shareErr != nil {
		return x.shareErr
	}
	b, err := Encode(p, body)
	if err != nil {
		return fmt.Errorf("%s %s: %w", r.Collection().Name, r.Id, err)
	}
	name := x.rel(r) + "/index.md"
	if x.t.Has(name) {
		return fmt.Errorf("two records of %s have the slug %q", r.Collection().Name, r.GetString("slug"))
	}
	x.t.Put(name, b)
	x.res.Pages[r.Collection().Name]++
	return x.redirects(r, p.Title)
}

// Encode returns a content file: the front matter as indented JSON (which
// Hugo reads and which no title can break out of), a blank line, and the
// body with Hugo shortcode openings neutralised.
func Encode(p Page, body string) ([]byte, error) {
	return encodeFrontMatter(p, body)
}

// encodeFrontMatter is Encode for any front matter.
func encodeFrontMatter(p any, body string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(p); err != nil {
		return nil, fmt.Errorf("encode front matter: %w", err)
	}
	buf.WriteByte('\n')
	if body != "" {
		buf.WriteString(neutralize(body))
		buf.WriteByte('\n')
	}
	return buf.Bytes(), nil
}

// zwsp is the zero-width space neutralize puts between "{{" and "<" or "%".
// The hooks refuse it in what staff type, so it cannot be forged.
const zwsp = "\u200B"

// neutralize keeps Hugo from reading a shortcode in Markdown that reaches a
// content file or .RenderString: "{{<" and "{{%" get an invisible zero-width
// space after the braces. The admin hooks already refuse such text; this
// guards records that bypassed them (imports, direct database edits).
func neutralize(s string) string {
	if !markdown.HasShortcode(s) {
		return s
	}
	s = strings.ReplaceAll(s, "{{<", "{{"+zwsp+"<")
	return strings.ReplaceAll(s, "{{%", "{{"+zwsp+"%")
}

func alt(given, fallback string) string {
	if strings.TrimSpace(given) != "" {
		return given
	}
	return fallback
}
