// Package markdown renders and checks the Markdown staff type, with the same
// goldmark settings Hugo uses for the site (hugo.toml, [markup.goldmark]):
// CommonMark plus tables, strikethrough, linkify, task lists, definition
// lists, footnotes and typographic quotes; raw HTML is never rendered.
package markdown

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"html"
	"net/url"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// md is configured as Hugo v0.165's default goldmark, which hugo.toml keeps;
// in particular the renderer is not "unsafe", so raw HTML is dropped.
var md = goldmark.New(
	goldmark.WithExtensions(
		extension.Table,
		extension.Strikethrough,
		extension.NewLinkify(extension.WithLinkifyAllowedProtocols([]string{"http:", "https:", "mailto:"})),
		extension.TaskList,
		extension.DefinitionList,
		extension.Footnote,
		extension.Typographer,
	),
	goldmark.WithParserOptions(
		parser.WithAutoHeadingID(),
		parser.WithAttribute(),
	),
)

// ErrOverLimit is the error of Render for a text over the limits of what
// is parsed (OverLimit).
var ErrOverLimit = errors.New("markdown: the text is over the limits of what is parsed")

// Render returns src as HTML, as the site would show it (without Hugo's
// render hooks). The back office uses it for its live preview. A text over
// the limits is not rendered: the error wraps ErrOverLimit.
func Render(src string) (string, error) {
	if p := OverLimit(src); p != "" {
		return "", fmt.Errorf("render markdown: %w (%s)", ErrOverLimit, p)
	}
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		return "", fmt.Errorf("render markdown: %w", err)
	}
	return buf.String(), nil
}

// Problem is one reason a Markdown text is refused, in Vietnamese.
type Problem string

// Problems reported by Check.
const (
	ProblemRawHTML    Problem = "Nội dung có mã HTML, không được phép. Hãy dùng cú pháp Markdown (ví dụ **chữ đậm**, [liên kết](https://…))."
	ProblemBadLink    Problem = "Nội dung có liên kết không an toàn (javascript:, data:, vbscript:, file:…). Chỉ dùng liên kết http, https, mailto hoặc tel."
	ProblemShortcode  Problem = "Nội dung có cú pháp {{< >}} hoặc {{% %}} dành cho mã của trang web, không được phép."
	ProblemLongOutput Problem = "Nội dung khi hiển thị thành trang web sẽ dài gấp nhiều lần chữ đã gõ: một bảng có quá nhiều ô trống (mỗi dòng ngắn hơn dòng tiêu đề vẫn được thêm đủ ô cho mọi cột), hoặc một địa chỉ dài được dùng lại quá nhiều lần qua [nhãn]. Hãy bớt các cột không dùng hoặc điền đủ ô, tách thành nhiều bảng nhỏ, hoặc rút ngắn địa chỉ."
	ProblemOtherHost  Problem = "Nội dung có liên kết trông như đường dẫn trong trang nhưng trình duyệt sẽ mở sang trang web khác (bắt đầu bằng // hoặc có dấu \\, kể cả khi viết thành %5C, &#92; hay xen dấu cách). Đường dẫn trong trang viết bắt đầu bằng một dấu / (ví dụ /tin-tuc/); liên kết sang trang web khác viết đầy đủ, bắt đầu bằng https://."
)

// Check returns the problems of src, each once, in the order met: raw HTML
// (inline or block), links and images whose address is not http(s), mailto,
// tel or a path on the site, addresses without a scheme that a browser
// reads as another host (OtherHost), HTML many times longer than the text
// (longOutput), and Hugo shortcode delimiters. An empty result
// means src may be stored. A text over the limits (OverLimit) is not parsed:
// its only problems are that one and shortcode delimiters.
func Check(src string) []Problem {
	var found []Problem
	if p := OverLimit(src); p != "" {
		found = append(found, p)
		if HasShortcode(src) {
			found = append(found, ProblemShortcode)
		}
		return found
	}
	add := func(p Problem) {
		for _, q := range found {
			if q == p {
				return
			}
		}
		found = append(found, p)
	}
	if HasShortcode(src) {
		add(ProblemShortcode)
	}
	// Links by reference share their definition's address: each address is
	// read once.
	checked := map[string]Problem{}
	link := func(url []byte) {
		p, ok := checked[string(url)]
		if !ok {
			switch {
			case !SafeURL(string(url)):
				p = ProblemBadLink
			case OtherHost(string(url)):
				p = ProblemOtherHost
			}
			checked[string(url)] = p
		}
		if p != "" {
			add(p)
		}
	}
	source := []byte(src)
	doc := md.Parser().Parse(text.NewReader(source))
	out := int64(len(src)) // an estimate of the HTML's length
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML, *ast.HTMLBlock:
			add(ProblemRawHTML)
		case *ast.Link:
			link(n.Destination)
			out += int64(len(n.Destination) + len(n.Title))
		case *ast.Image:
			link(n.Destination)
			out += int64(len(n.Destination) + len(n.Title))
		case *ast.AutoLink:
			link(n.URL(source))
		case *extast.TableCell:
			out += cellBytes
			if n.Alignment != extast.AlignNone {
				out += alignBytes
			}
		}
		return ast.WalkContinue, nil
	})
	if out > longOutput(len(src)) {
		add(ProblemLongOutput)
	}
	return found
}

// The HTML of a Markdown text is about as long as the text, but for two
// things written out again and again from a few bytes: a table's cells
// (short rows are filled up with empty ones, each "<td></td>", and with
// ` style="text-align:left"` in an aligned column: a header of 500 columns
// over 150 rows of "|" is 2.8 KB of Markdown and 770 KB of HTML), and the
// address and title of a reference link's definition, copied into each
// link that names it (8.8 KB of "[a][r]" and one definition of 1.8 KB made
// 1.8 MB). Check adds those to the text's length and refuses a text whose
// HTML would be longer than longOutput.
const (
	cellBytes  = int64(len("<td></td>"))
	alignBytes = int64(len(` style="text-align:right"`))
)

// longOutput is the longest HTML Check lets a text of n bytes make: eight
// times the text (articles make 1.6 times, tables of typed cells 2 to 4),
// and 32 KB more for short texts.
func longOutput(n int) int64 { return 8*int64(n) + 32<<10 }

// HasShortcode reports whether s holds a Hugo shortcode opening ("{{<" or
// "{{%"), which Hugo would execute if it reached a content file as it is.
func HasShortcode(s string) bool {
	return strings.Contains(s, "{{<") || strings.Contains(s, "{{%")
}

// SafeURL reports whether a link address may appear on the site: http,
// https, mailto and tel URLs, and scheme-less references (paths, anchors).
// Entity- and percent-encoded, mixed-case and space-padded schemes are
// decoded before the check, as a browser would.
func SafeURL(raw string) bool {
	s := asBrowserReads(raw)
	colon := strings.IndexByte(s, ':')
	if colon < 0 {
		return true
	}
	// A colon after the first '/', '?' or '#' is part of a path, not a scheme.
	if i := strings.IndexAny(s, "/?#"); i >= 0 && i < colon {
		return true
	}
	switch strings.ToLower(s[:colon]) {
	case "http", "https", "mailto", "tel":
		return true
	}
	return false
}

// OtherHost reports whether a link address without a scheme, which reads
// as a path on the site, leads a browser to another host: it starts with
// "//" (a reference relative to the scheme only), or its path holds a
// backslash, which browsers take for "/" ("/\evil.example",
// "\\evil.example"). The address is read as SafeURL reads it: entities
// and percent-escapes decoded ("/%5Cevil", "/&#92;evil"), and the
// characters browsers drop (tabs, line breaks, spaces: "/\t/evil") left
// out. A link to another site must say so, with http:// or https://.
func OtherHost(raw string) bool {
	s := asBrowserReads(raw)
	if i := strings.IndexAny(s, ":/?#"); i >= 0 && s[i] == ':' {
		return false // a scheme: SafeURL's to judge
	}
	path, _, _ := strings.Cut(s, "?")
	path, _, _ = strings.Cut(path, "#")
	return strings.HasPrefix(s, "//") || strings.ContainsRune(path, '\\')
}

// asBrowserReads decodes a link address as a browser would read it:
// character references and percent-escapes decoded, ASCII control
// characters and spaces (which browsers drop from a scheme and strip
// around an address) left out.
func asBrowserReads(raw string) string {
	s := html.UnescapeString(raw)
	if u, err := url.PathUnescape(s); err == nil {
		s = u
	}
	return strings.Map(func(r rune) rune {
		if r <= 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

// Plain returns the text of src without Markdown syntax, white space
// collapsed: what a summary or a search index needs. A text over the
// limits (which Check refuses, so that no record holds one) is not parsed:
// it comes back as it is, white space collapsed.
func Plain(src string) string {
	if OverLimit(src) != "" {
		return strings.Join(strings.Fields(src), " ")
	}
	source := []byte(src)
	doc := md.Parser().Parse(text.NewReader(source))
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				b.WriteByte(' ')
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Segment.Value(source))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					b.Write(t.Segment.Value(source))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.Write(seg.Value(source))
			}
		case *ast.AutoLink:
			b.Write(n.Label(source))
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	// Entities (typed by staff, or the typographer's curly quotes) become
	// the characters they stand for.
	return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
}

// Excerpt returns at most max runes of the plain text of src, cut at a word
// boundary and ended with "…" when cut: a description that never stops in
// the middle of a word.
//
// Results are remembered (by a hash of src): a build exports every record
// each time, and parsing ten thousand bodies again costs a second.
func Excerpt(src string, max int) string {
	key := excerptKey{sha256.Sum256([]byte(src)), max}
	excerpts.Lock()
	e, ok := excerpts.m[key]
	excerpts.Unlock()
	if ok {
		return e
	}
	e = Truncate(Plain(src), max)
	excerpts.Lock()
	if len(excerpts.m) >= maxExcerpts {
		clear(excerpts.m)
	}
	excerpts.m[key] = e
	excerpts.Unlock()
	return e
}

type excerptKey struct {
	sum [sha256.Size]byte
	max int
}

// maxExcerpts bounds the remembered excerpts (a few hundred bytes each):
// two per record of a large commune's site.
const maxExcerpts = 100_000

var excerpts = struct {
	sync.Mutex
	m map[excerptKey]string
}{m: map[excerptKey]string{}}

// Truncate cuts s to at most max runes at a word boundary, adding "…" when it
// had to cut.
func Truncate(s string, max int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= max {
		return string(r)
	}
	cut := max - 1
	for cut > 0 && r[cut] != ' ' {
		cut--
	}
	if cut == 0 {
		cut = max - 1
	}
	return strings.TrimRight(string(r[:cut]), " ,;:.–-") + "…"
}
