package markdown

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	cases := []struct {
		name string
		src  string
		want []Problem
	}{
		{"plain", "Xã **Đại Sơn** [cổng](https://dichvucong.gov.vn) và <https://vneid.gov.vn>.", nil},
		{"relative link", "[Kế hoạch](/ke-hoach/) và [mục](#muc-1) và [gọi](tel:0240000000)", nil},
		{"script tag", "Xin chào <script>alert(1)</script>", []Problem{ProblemRawHTML}},
		{"html block", "<div onclick=\"x()\">a</div>\n", []Problem{ProblemRawHTML}},
		{"img onerror", "<img src=x onerror=alert(1)>", []Problem{ProblemRawHTML}},
		{"comment", "<!--more-->", []Problem{ProblemRawHTML}},
		{"javascript link", "[bấm](javascript:alert(1))", []Problem{ProblemBadLink}},
		{"upper case", "[bấm](JaVaScRiPt:alert(1))", []Problem{ProblemBadLink}},
		{"entity encoded", "[bấm](&#106;avascript:alert(1))", []Problem{ProblemBadLink}},
		{"hex entity", "[bấm](&#x6A;avascript&#x3A;alert(1))", []Problem{ProblemBadLink}},
		{"percent encoded", "[bấm](javascript%3Aalert(1))", []Problem{ProblemBadLink}},
		{"tab inside", "[bấm](<java\tscript:alert(1)>)", []Problem{ProblemBadLink}},
		{"data image", "![x](data:image/svg+xml;base64,PHN2Zz4=)", []Problem{ProblemBadLink}},
		{"vbscript", "[x](vbscript:msgbox)", []Problem{ProblemBadLink}},
		{"autolink", "<javascript:alert(1)>", []Problem{ProblemBadLink}},
		{"reference link", "[x][a]\n\n[a]: javascript:alert(1)", []Problem{ProblemBadLink}},
		{"shortcode", "{{< param title >}}", []Problem{ProblemShortcode}},
		{"shortcode markup", "{{% foo %}}", []Problem{ProblemShortcode}},
		{"several", "<b>x</b> [y](javascript:z) <i>w</i>", []Problem{ProblemRawHTML, ProblemBadLink}},
		{"code is text", "`<script>` và\n\n```\n<b>ok</b>\n```\n", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Check(c.src)
			if strings.Join(toStrings(got), "|") != strings.Join(toStrings(c.want), "|") {
				t.Fatalf("Check(%q) = %q, want %q", c.src, got, c.want)
			}
		})
	}
}

func toStrings(ps []Problem) []string {
	var s []string
	for _, p := range ps {
		s = append(s, string(p))
	}
	return s
}

func TestRenderDropsRawHTML(t *testing.T) {
	out, err := Render("a <script>alert(1)</script> [x](javascript:alert(1))\n\n<div>b</div>\n")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "<script") || strings.Contains(out, "<div") || strings.Contains(out, "javascript:") {
		t.Fatalf("unsafe output: %s", out)
	}
	if !strings.Contains(out, "<!-- raw HTML omitted -->") {
		t.Fatalf("want raw HTML omitted marker, got %s", out)
	}
}

func TestRenderTable(t *testing.T) {
	out, err := Render("| a | b |\n|---|---|\n| 1 | 2 |\n")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "<table>") {
		t.Fatalf("no table: %s", out)
	}
}

func TestPlainAndExcerpt(t *testing.T) {
	src := "## Tiêu đề\n\nXã **Đại Sơn** triển khai [Cổng dịch vụ công](https://dichvucong.gov.vn).\n\n- một\n- hai\n"
	if got, want := Plain(src), "Tiêu đề Xã Đại Sơn triển khai Cổng dịch vụ công. một hai"; got != want {
		t.Fatalf("Plain = %q, want %q", got, want)
	}
	if got, want := Excerpt(src, 25), "Tiêu đề Xã Đại Sơn triển…"; got != want {
		t.Fatalf("Excerpt = %q, want %q", got, want)
	}
	if got := Truncate("ngắn", 10); got != "ngắn" {
		t.Fatalf("Truncate short = %q", got)
	}
}

func TestPlainDecodesEntities(t *testing.T) {
	if got, want := Plain(`Gọi là "một cửa" &amp; liên thông`), "Gọi là “một cửa” & liên thông"; got != want {
		t.Fatalf("Plain = %q, want %q", got, want)
	}
}
