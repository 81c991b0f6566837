package markdown

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestHostileLinksToOtherHosts: a link written as a path of the site that
// a browser opens on another host ("\" read as "/", "//host", the
// characters browsers drop, entities and %-escapes decoded) is refused,
// in links, images and reference definitions; paths, anchors, relative
// links and links that name their scheme pass.
func TestHostileLinksToOtherHosts(t *testing.T) {
	for _, src := range []string{
		`[a](/\evil.example)`, `[a](\\\\evil.example)`, `[a](/%5Cevil.example)`, `[a](/%5cevil.example)`,
		`[a](/%5C%5Cevil.example)`, `[a](/&#92;evil.example)`, `[a](/&#x5C;evil.example)`, `[a](//evil.example)`,
		`[a](///evil.example)`, "[a](</\t/evil.example>)", `[a](< //evil.example>)`,
		`[a](%2F%2Fevil.example)`, `[a](/.%2F%5Cevil.example/)`, `[a](/tin-tuc/..\..\evil.example)`,
		`![x](/\evil.example/a.png)`, "[a][r]\n\n[r]: /\\evil.example", `[a](<\evil.example>)`,
		`[a](/\\evil.example "tiêu đề")`, "[a](\x01//evil.example)",
	} {
		if got := Check(src); !slices.Contains(got, ProblemOtherHost) {
			t.Errorf("Check(%q) = %q, want the other-host problem", src, got)
		}
	}
	for _, src := range []string{
		"[a](/ke-hoach/)", "[a](#muc-1)", "[a](tin-tuc/a/)", "[a](../tin-tuc/)", "[a](/tim-kiem/?q=a\\\\b)",
		"[a](https://dichvucong.gov.vn//p/x)", "[a](https://evil.example/)", "[a](mailto:ubnd@daison.gov.vn)",
		"[a](/van-ban/#quyet-dinh)", "<https://vneid.gov.vn>",
	} {
		if got := Check(src); len(got) != 0 {
			t.Errorf("Check(%q) = %q, want none", src, got)
		}
	}
}

// TestHostileLongOutput: a text whose HTML would be hundreds of times
// longer than it (a 2.8 KB table of 500 aligned columns over rows of "|",
// 770 KB of HTML; 8.8 KB of reference links to one 1.8 KB definition,
// 1.8 MB) is refused with a Vietnamese reason; what staff write (a long
// table of typed cells, an article, a table with some short rows) passes,
// and renders within the bound.
func TestHostileLongOutput(t *testing.T) {
	for name, src := range map[string]string{
		"table":       strings.Repeat("|a", 500) + "\n" + strings.Repeat("|:-", 500) + "\n" + strings.Repeat("|\n", 150),
		"plain table": strings.Repeat("|a", 500) + "\n" + strings.Repeat("|-", 500) + "\n" + strings.Repeat("|\n", 250),
		"references":  strings.Repeat("[a][r] ", 1000) + "\n\n[r]: https://x.example/" + strings.Repeat("a", 900) + " \"" + strings.Repeat("t", 900) + "\"\n",
	} {
		if got := Check(src); !slices.Contains(got, ProblemLongOutput) {
			t.Errorf("%s (%d bytes): Check = %q", name, len(src), got)
		}
	}
	var table strings.Builder
	table.WriteString("| STT | Thủ tục | Lĩnh vực | Phí | Ghi chú |\n|---:|---|:-:|---|---|\n")
	for i := 1; table.Len() < MaxLength-300; i++ {
		if i%3 == 0 {
			fmt.Fprintf(&table, "| %d | Chứng thực |\n", i) // a short row
			continue
		}
		fmt.Fprintf(&table, "| %d | Đăng ký khai sinh | Hộ tịch | Miễn phí | [Nộp](https://dichvucong.gov.vn/%d) |\n", i, i)
	}
	for name, src := range map[string]string{"table": table.String(), "article": article(MaxLength - 1000)} {
		if got := Check(src); len(got) != 0 {
			t.Errorf("%s: Check = %q", name, got)
		}
		html, err := Render(src)
		if err != nil || int64(len(html)) > longOutput(len(src)) {
			t.Errorf("%s: %d bytes render to %d (%v)", name, len(src), len(html), err)
		}
	}
}
