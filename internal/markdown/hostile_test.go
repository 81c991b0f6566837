package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// hostileShape is a text on which goldmark v1.8.7 works much more than
// linearly (or builds a huge table), made about n bytes long.
type hostileShape struct {
	name string
	make func(n int) string
}

func repeat(unit string, n int) string { return strings.Repeat(unit, max(1, n/len(unit))) }

// cut returns the first n bytes of s at most.
func cut(s string, n int) string { return s[:min(len(s), n)] }

// lines repeats line (without its newline) on n bytes of lines.
func lines(line string, n int) string { return repeat(line+"\n", n) }

// hostileShapes are the slow shapes found by measuring goldmark v1.8.7
// (thread CPU time of Check on 100 KB, before OverLimit: from 0.1 s for
// "[a]" lines to 7 s for ">" nesting) and by the random search of
// FuzzCheck's amplified inputs.
var hostileShapes = []hostileShape{
	{"unclosed link addresses [](", func(n int) string { return repeat("[](", n) }},
	{"unclosed image addresses ![](", func(n int) string { return repeat("![](", n) }},
	{"unclosed <addresses> [](<", func(n int) string { return repeat("[](<", n) }},
	{"nested brackets [[[]]]", func(n int) string { return strings.Repeat("[", n/2) + strings.Repeat("]", n/2) }},
	{"nested brackets on lines", func(n int) string { return lines("[", n/2) + lines("]", n/2) }},
	{"shortcut links on lines", func(n int) string { return lines("[a]", n) }},
	{"link titles over lines", func(n int) string { return lines(`[a](b "`, n) }},
	{"footnote references on lines", func(n int) string { return lines("[^a]", n) }},
	{"reference definitions on lines", func(n int) string { return lines("[a]:", n) }},
	{"deep block quote", func(n int) string { return strings.Repeat(">", n) }},
	{"deep quotes and lists", func(n int) string { return repeat("> - ", n) }},
	{"deep ordered lists", func(n int) string { return repeat("1. ", n) }},
	{"deep indented lists", func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString(strings.Repeat("  ", i) + "- a\n")
		}
		return b.String()
	}},
	{"unmatched emphasis", func(n int) string { return repeat("_a ", n/2) + repeat("a* ", n/2) }},
	{"mixed emphasis (goldmark #555)", func(n int) string { return repeat("*a_b*c_d**e_f*g**h*i_j**", n) }},
	{"emphasis inside links", func(n int) string { return "*x " + repeat("a [**b](c) ", n) }},
	{"emphasis inside links, none before", func(n int) string { return repeat("a [**b](c) ", n) }},
	{"quote runs", func(n int) string { return strings.Repeat("'", n) }},
	{"double quote runs", func(n int) string { return strings.Repeat(`"`, n) }},
	{"tilde runs", func(n int) string { return "a" + strings.Repeat("~", n-1) }},
	{"unclosed code spans over lines", func(n int) string {
		var b strings.Builder
		for i := 1; i < 200; i++ {
			b.WriteString(strings.Repeat("`", i) + "a")
		}
		return b.String() + lines("a", n-b.Len())
	}},
	{"table of 500 columns", func(n int) string {
		return strings.Repeat("|a", 500) + "\n" + strings.Repeat("|-", 500) + "\n" + lines("|x", n-2000)
	}},
	{"escaped pipes in tables", func(n int) string { return "|a|\n|-|\n" + lines("|`\\|`|", n) }},
	{"tag-like <a", func(n int) string { return lines("<a b", n) }},
	{"many headings", func(n int) string { return lines("a\n=", n) }},
	{"one long definition, many references", func(n int) string {
		return repeat("]\n\n[^", n/2) + "]: " + repeat("www.'[^", n/2)
	}},
	{"escaped backticks", func(n int) string { return repeat("``|{<\\", n) }},
	{"addresses after dashes", func(n int) string { return repeat("-www.-", n) }},
	{"footnote labels on lines", func(n int) string { return "((" + lines("[^]:]:", n) }},
	{"emphasis inside links, '*' in addresses", func(n int) string { return "- [ ] =" + repeat("[^</a>__www.](?@*1) ", n) }},
	{"blank lines in deep lists", func(n int) string { return strings.Repeat("1. ", 30) + "a" + strings.Repeat("\n", n) }},
}

// article is a plain news article of about n bytes, as staff write them.
func article(n int) string {
	const part = "## Kết quả tháng %d\n\n" +
		"Trong tháng, Trung tâm Phục vụ hành chính công xã **Đại Sơn** đã tiếp nhận 1.245 hồ sơ, " +
		"trong đó 1.102 hồ sơ nộp trực tuyến qua [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn) " +
		"(đạt 88,5%%). Người dân được hướng dẫn _tận tình_ về cách dùng \"VNeID\" và thanh toán không dùng tiền mặt.\n\n" +
		"- Hồ sơ giải quyết đúng hạn: 99,2%%;\n- Hồ sơ trả kết quả qua bưu chính: 215;\n- Mức độ hài lòng: 97%%.\n\n" +
		"| Lĩnh vực | Số hồ sơ | Đúng hạn |\n|---|---:|---:|\n| Hộ tịch | 512 | 100%% |\n| Đất đai | 230 | 97%% |\n\n" +
		"> Cán bộ một cửa: \"Chúng tôi luôn sẵn sàng hỗ trợ bà con.\"\n\n"
	var b strings.Builder
	for i := 1; b.Len() < n; i++ {
		fmt.Fprintf(&b, part, i)
	}
	return b.String()
}

func estimate(src string) int64 {
	var s scan
	s.run(src)
	return s.total()
}

// TestHostile10PathologicalMarkdownRefused: each slow shape, at the size
// of the longest field, is refused by OverLimit before anything parses it,
// with a Vietnamese reason, and is Check's only problem.
func TestHostile10PathologicalMarkdownRefused(t *testing.T) {
	for _, h := range hostileShapes {
		t.Run(h.name, func(t *testing.T) {
			src := cut(h.make(MaxLength), MaxLength)
			p := OverLimit(src)
			if p == "" {
				t.Fatalf("%d bytes of %s are not refused (estimated work %d, budget %d)", len(src), h.name, estimate(src), maxWork)
			}
			if !strings.Contains(strings.ToLower(string(p)), "dòng") || !strings.ContainsAny(string(p), "ăâđêôơư") {
				t.Errorf("the refusal does not say where, in Vietnamese: %s", p)
			}
			if got := Check(src); len(got) != 1 || got[0] != p {
				t.Errorf("Check = %q, want only %q", got, p)
			}
		})
	}
}

// TestHostile10WorkGrowsLikeGoldmark: the estimate counts work, not bytes:
// doubling a quadratic shape quadruples it, doubling an article only
// doubles it.
func TestHostile10WorkGrowsLikeGoldmark(t *testing.T) {
	for _, c := range []struct {
		name      string
		make      func(int) string
		min, max_ float64
	}{
		{"[](", func(n int) string { return repeat("[](", n) }, 3.5, 4.5},
		{"[[[]]]", func(n int) string { return strings.Repeat("[", n/2) + strings.Repeat("]", n/2) }, 3.5, 4.5},
		{"_a a*", func(n int) string { return repeat("_a ", n/2) + repeat("a* ", n/2) }, 3.5, 4.5},
		{"article", article, 1.7, 2.3},
	} {
		small, big := estimate(c.make(10_000)), estimate(c.make(20_000))
		if small == 0 {
			t.Fatalf("%s: no work estimated", c.name)
		}
		if r := float64(big) / float64(small); r < c.min || r > c.max_ {
			t.Errorf("%s: work %d at 10 KB, %d at 20 KB (×%.2f), want ×%.1f to ×%.1f", c.name, small, big, r, c.min, c.max_)
		}
	}
}

// TestHostile10LegitimateTextsPass: what staff write stays well within the
// limits, at the full length of a field.
func TestHostile10LegitimateTextsPass(t *testing.T) {
	var links, table, quotes, prose strings.Builder
	for i := 1; links.Len() < MaxLength-200; i++ {
		fmt.Fprintf(&links, "- [Quyết định số %d/QĐ-UBND về thủ tục **%d**](https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.00%d)\n", i, i, i)
	}
	table.WriteString("| STT | Thủ tục | Lĩnh vực | Mức độ | Phí | Thời hạn | Nơi nộp | Liên kết |\n|---:|---|---|:-:|---|---|---|---|\n")
	for i := 1; table.Len() < MaxLength-300; i++ {
		fmt.Fprintf(&table, "| %d | Đăng ký khai sinh | Hộ tịch | Toàn trình | Miễn phí | Trong ngày | Một cửa | [Nộp](https://dichvucong.gov.vn/%d) |\n", i, i)
	}
	for quotes.Len() < MaxLength-300 {
		quotes.WriteString(`Ông Nguyễn Văn A nói: "Tôi rất hài lòng, thủ tục nhanh 'như gió'." Bà B: "Cảm ơn cán bộ!" `)
	}
	// One long paragraph of half the field, pasted without blank lines,
	// with links, bold and italics on every line.
	for prose.Len() < MaxLength/2 {
		prose.WriteString("Xã **Đại Sơn** đẩy mạnh [cải cách hành chính](/ke-hoach/) và _chuyển đổi số_; người dân nộp hồ sơ tại `dichvucong.gov.vn`.\n")
	}
	for _, c := range []struct{ name, src string }{
		{"article", article(MaxLength - 1000)},
		{"list of links", links.String()},
		{"table", table.String()},
		{"quotations", quotes.String()},
		{"one long paragraph", prose.String()},
		{"nesting 32 deep", strings.Repeat(">", 31) + " - a"},
		{"exactly the longest field", strings.Repeat("ệ", MaxLength)},
	} {
		if p := OverLimit(c.src); p != "" {
			t.Errorf("%s (%d bytes) is refused: %s", c.name, len(c.src), p)
		}
		if w := estimate(c.src); w > maxWork/2 {
			t.Errorf("%s: estimated work %d, over half the budget %d", c.name, w, maxWork)
		}
	}
}

// TestHostile10LengthAndNesting: one character over the longest field, or
// one level of nesting too many, is refused with its reason.
func TestHostile10LengthAndNesting(t *testing.T) {
	if got := Check(strings.Repeat("ệ", MaxLength+1)); len(got) != 1 || got[0] != ProblemTooLong {
		t.Errorf("Check(%d characters) = %q", MaxLength+1, got)
	}
	deep := "Mở đầu\n\n" + strings.Repeat("> ", MaxNesting+1) + "a\n"
	p := OverLimit(deep)
	if !strings.HasPrefix(string(p), "Dòng 3 lồng nhau quá 32 cấp") {
		t.Errorf("OverLimit(33 quotes on line 3) = %q", p)
	}
	indented := strings.Repeat(" ", 4*(MaxNesting+1)) + "a"
	if OverLimit(indented) == "" {
		t.Errorf("a line indented %d columns is not refused", len(indented)-1)
	}
}
