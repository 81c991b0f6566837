package feedback

import (
	"testing"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/markdown"
)

// FuzzQuoteMarkdown: any multi-line plain text the rules accept (a
// citizen's message) quotes into Markdown that markdown.Check accepts, so a
// proposal always becomes an initiative.
func FuzzQuoteMarkdown(f *testing.F) {
	for _, s := range []string{
		"giá < 5.000đ", "<script>alert(1)</script>", "[x](javascript:alert(1))", "<https://evil.example>",
		"# tiêu đề\n---\n1. một\n- hai\n=====", "&lt;b&gt; | a | b |", "a\r\nb\rc", "    thụt lề", "{{ .Title }}", "\\<b>",
		"![x](data:text/html,x)", "[x]: javascript:alert(1)", "www.example.com a@b.vn", "`<b>`", "<!-- c -->", "<?php ?>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s, p := check.Text(check.MultiLine, s)
		if p != nil || len(s) > 5000 {
			return
		}
		if ps := markdown.Check(quoteMarkdown(s)); len(ps) > 0 {
			t.Fatalf("quoteMarkdown(%q) = %q is refused: %v", s, quoteMarkdown(s), ps)
		}
	})
}
