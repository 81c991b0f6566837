package export_test

import (
	"bytes"
	"github.com/daison/portal/records/record"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gohugoio/hugo/parser/pageparser"

	"github.com/daison/portal/site/export"
)

// FuzzEncode: whatever the title, summary and body, Hugo reads the content
// file back with the same title and summary, and sees no shortcode in it.
func FuzzEncode(f *testing.F) {
	f.Add("Đại Sơn", "", "Nội dung")
	f.Add("---", "+++", "---\ntitle: giả\n---")
	f.Add(`{"title":"x"}`, `\"`, "}{")
	f.Add("{{< x >}}", "{{% y %}}", "a {{< param title >}} b")
	f.Add("a\nb", "\u2028", "\x00")
	f.Fuzz(func(t *testing.T, title, summary, body string) {
		if !utf8.ValidString(title) || !utf8.ValidString(summary) || !utf8.ValidString(body) {
			t.Skip() // the admin hooks refuse invalid UTF-8 before export
		}
		b, err := export.Encode(record.Page{Title: title, Summary: summary, Description: "x", Params: map[string]any{}}, body)
		if err != nil {
			t.Fatal(err)
		}
		cf, err := pageparser.ParseFrontMatterAndContent(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("Hugo cannot parse %q: %v", b, err)
		}
		if got, _ := cf.FrontMatter["title"].(string); got != title {
			t.Fatalf("title %q came back as %q", title, got)
		}
		if summary != "" {
			if got, _ := cf.FrontMatter["summary"].(string); got != summary {
				t.Fatalf("summary %q came back as %q", summary, got)
			}
		}
		if pageparser.HasShortcode(string(cf.Content)) && strings.Contains(string(cf.Content), "{{<") {
			t.Fatalf("a shortcode reaches Hugo: %q", cf.Content)
		}
	})
}
