package markdown

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/internal/testbudget"
)

var dangerous = regexp.MustCompile(`(?i)<script|<[a-z][^>]*\son[a-z]+\s*=|(href|src)="\s*(javascript|vbscript|data):`)

// fuzzBudget bounds the processor time of checking, rendering and
// summarising one input repeated to the longest field's length: generous,
// so that a busy machine does not fail it, yet far below the seconds a
// quadratic parse of 100 KB takes.
const fuzzBudget = time.Second

// FuzzCheck: Check never panics, Markdown it lets through renders to HTML
// without scripts, event handlers or dangerous links and within a few
// times its length (longOutput, with room for the estimate), and no input costs
// more than fuzzBudget to check, render and summarise, even repeated to
// 100 KB (where work growing faster than the text shows).
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"Xã **Đại Sơn**", "<script>alert(1)</script>", "[x](javascript:alert(1))", "[x](&#106;avascript:1)",
		"![x](data:image/png;base64,AA==)", "<img src=x onerror=alert(1)>", "{{< x >}}", "```\n<b>\n```", "<!--more-->",
		"[a]: JAVASCRIPT:x\n\n[b][a]", "<https://dichvucong.gov.vn>", "| a |\n|---|\n| <i>x</i> |",
		"|a|a|a|a|a|a|a|a\n|:-|:-|:-|:-|:-|:-|:-|:-\n|\n|\n", "[a][r] [a][r] [a][r]\n\n[r]: /aaaaaaaaaaaaaaaa \"tttttttttt\"", "[a](/\\evil.example)",
		// Units of the shapes goldmark v1.8.7 parses slowly (hostileShapes).
		"[](", "![](", "[](<", "[", "]", "[\n", "]\n", "[a]\n", "[a](b \"\n", "[^a]\n", "[a]:\n", ">", "> - ", "1. ",
		"_a ", "a* ", "*a_b*c_d**e_f*g**h*i_j**", "a [**b](c) ", "'", "\"", "a~~", "`a\n", "|`\\|`|\n",
		"<a b\n", "a\n=\n", "_www.#", "!^!", "[^a]: ", "  - a\n", "]\n\n[^", "]:www.'[^", "``|{<\\", "-www.-", "[^]:]:\n", "[^</a>__www.](?@*1) ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		problems := Check(src)
		html, err := Render(src)
		if err != nil && !errors.Is(err, ErrOverLimit) {
			t.Fatal(err)
		}
		_ = Plain(src)
		if len(problems) == 0 && dangerous.MatchString(html) {
			t.Fatalf("Check passed %q but it renders %q", src, html)
		}
		if len(problems) == 0 && int64(len(html)) > 2*longOutput(len(src)) {
			t.Fatalf("Check passed %d bytes (%q) that render to %d", len(src), cut(src, 200), len(html))
		}
		if src == "" {
			return
		}
		big := cut(strings.Repeat(src, MaxLength/len(src)+1), MaxLength)
		if d := testbudget.CPUTime(func() {
			Check(big)
			_, _ = Render(big)
			Plain(big)
		}); d > fuzzBudget {
			t.Fatalf("%q repeated to %d bytes takes %v to check, render and summarise (estimated work %d, budget %d)",
				cut(src, 200), len(big), d, estimate(big), maxWork)
		}
	})
}
