package search

import (
	"bytes"
	"html/template"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/daison/portal/internal/vnsearch"
	"github.com/daison/portal/internal/vntext"
)

// MaxResults is how many results a page shows.
const MaxResults = 50

// Marks in the search page as Hugo writes it (minified: attribute quotes
// may be gone).
var (
	slotMark   = regexp.MustCompile(`<div[^>]*\bid="?tim-kiem-may-chu"?[^>]*></div>`)
	noscript   = regexp.MustCompile(`(?s)<noscript><div class="?search-nojs.*?</noscript>`)
	queryInput = regexp.MustCompile(`<input[^>]*\bname="?q"?`)
	weakBox    = regexp.MustCompile(`(<aside[^>]*\bid="?tim-kiem-yeu"?[^>]*?)\s+hidden(\s|>)`)
)

// Render writes the results of q (of kind, if one is given) into the
// search page: the box holds the query, the slot the results, and the
// note that search needs JavaScript (true of a static host) goes.
func Render(page []byte, set *Set, q, kind string) []byte {
	out := noscript.ReplaceAll(page, nil)
	if q != "" {
		if loc := queryInput.FindIndex(out); loc != nil {
			v := ` value="` + template.HTMLEscapeString(q) + `"`
			out = append(out[:loc[1]:loc[1]], append([]byte(v), out[loc[1]:]...)...)
		}
	}
	var block bytes.Buffer
	v := results(set, q, kind)
	if v.Weak {
		// The page's box of other ways to find it: the national
		// portal and the hotlines.
		out = weakBox.ReplaceAll(out, []byte("$1$2"))
	}
	if err := resultsTmpl.Execute(&block, v); err != nil {
		block.Reset()
		block.WriteString(`<div class="search-server" id="tim-kiem-may-chu"><p class="search-status">Không hiển thị được kết quả tìm kiếm. Hãy thử lại sau.</p></div>`)
	}
	if loc := slotMark.FindIndex(out); loc != nil {
		out = append(out[:loc[0]:loc[0]], append(block.Bytes(), out[loc[1]:]...)...)
	}
	return out
}

// view is what the results template shows.
type view struct {
	Query, Kind string
	Status      string
	Kinds       []kindLink
	Items       []item
	None        bool
	Guides      []item
	Weak        bool // the best result is far from the words typed
}

type kindLink struct {
	Label   string
	Count   int
	Href    string
	Current bool
}

type item struct {
	Title   template.HTML
	URL     string
	Meta    string
	Snippet template.HTML
}

// results runs the query and lays out what the page shows.
func results(set *Set, q, kind string) view {
	v := view{Query: q, Kind: kind}
	if q == "" {
		return v
	}
	res := set.Index.Search(q)
	v.Weak = res.Weak
	keys := map[string]bool{}
	for _, k := range res.Keys {
		keys[k] = true
	}
	counts := map[string]int{}
	var hits []vnsearch.Hit
	for _, h := range res.Hits {
		d := set.Docs[h.Doc]
		counts[d.Kind]++
		if kind == "" || d.Kind == kind {
			hits = append(hits, h)
		}
	}
	if len(res.Hits) > 0 {
		base := Path + "?q=" + url.QueryEscape(q)
		v.Kinds = append(v.Kinds, kindLink{Label: "Tất cả", Count: len(res.Hits), Href: base, Current: kind == ""})
		for _, k := range kindList() {
			if n := counts[k[0]]; n > 0 {
				v.Kinds = append(v.Kinds, kindLink{Label: k[1], Count: n, Href: base + "&loai=" + url.QueryEscape(k[0]), Current: kind == k[0]})
			}
		}
	}
	switch {
	case len(hits) == 0:
		v.None = true
		v.Status = "Không tìm thấy kết quả cho “" + q + "”."
		if len(res.Hits) > 0 {
			v.Status = "Không có kết quả loại này cho “" + q + "”; hãy chọn loại khác ở trên."
		}
		for _, d := range set.Docs {
			if d.Kind == "huong-dan" && len(v.Guides) < 6 {
				v.Guides = append(v.Guides, item{Title: template.HTML(template.HTMLEscapeString(d.Title)), URL: d.URL})
			}
		}
	case len(hits) > MaxResults:
		v.Status = "Tìm thấy " + num(len(hits)) + " kết quả cho “" + q + "”; dưới đây là " + strconv.Itoa(MaxResults) + " kết quả phù hợp nhất."
		hits = hits[:MaxResults]
	default:
		v.Status = "Tìm thấy " + num(len(hits)) + " kết quả cho “" + q + "”."
	}
	for _, h := range hits {
		d := set.Docs[h.Doc]
		meta := KindLabel(d.Kind)
		if d.Date != "" {
			meta += " · " + d.Date
		}
		v.Items = append(v.Items, item{Title: Highlight(d.Title, keys), URL: d.URL, Meta: meta, Snippet: snippet(d, keys, vnsearch.Query(q))})
	}
	return v
}

// num writes n the Vietnamese way (1.234).
func num(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// Highlight escapes text and marks the words whose keys are in keys.
func Highlight(text string, keys map[string]bool) template.HTML {
	text = vntext.NFC(text)
	var b strings.Builder
	at := 0
	for _, t := range vnsearch.Tokens(text) {
		if !keys[t.Key] {
			continue
		}
		b.WriteString(template.HTMLEscapeString(text[at:t.Start]))
		b.WriteString("<mark>")
		b.WriteString(template.HTMLEscapeString(text[t.Start:t.End]))
		b.WriteString("</mark>")
		at = t.End
	}
	b.WriteString(template.HTMLEscapeString(text[at:]))
	return template.HTML(b.String())
}

// snippetRunes is about how long a snippet is.
const snippetRunes = 220

// snippet is the part of a document's summary or body around what
// matched best, marked: the longest run of the words typed side by side
// (the summary's before the body's), else the first word matched that is
// not a common one, else the first word matched.
func snippet(d Doc, keys map[string]bool, typed []vnsearch.Token) template.HTML {
	texts := []string{vntext.NFC(d.Short), vntext.NFC(d.Body)}
	bestLen, bestText, bestAt := 0, "", -1
	for _, text := range texts {
		ts := vnsearch.Tokens(text)
		for i := range ts {
			n := phraseAt(ts[i:], typed)
			if n > bestLen {
				bestLen, bestText, bestAt = n, text, ts[i].Start
			}
		}
	}
	if bestLen >= 2 {
		return Highlight(around(bestText, bestAt), keys)
	}
	for _, common := range []bool{false, true} {
		for _, text := range texts {
			for _, t := range vnsearch.Tokens(text) {
				if keys[t.Key] && (common || !vnsearch.StopForms[t.Text]) {
					return Highlight(around(text, t.Start), keys)
				}
			}
		}
	}
	return Highlight(around(texts[0], 0), keys)
}

// phraseAt is how many words typed, in order and side by side, ts starts
// with (from any word typed).
func phraseAt(ts, typed []vnsearch.Token) int {
	best := 0
	for j := range typed {
		n := 0
		for n < len(ts) && j+n < len(typed) && ts[n].Key == typed[j+n].Key {
			n++
		}
		best = max(best, n)
	}
	return best
}

// around cuts about snippetRunes of text around byte offset at, at word
// boundaries, with "…" where cut.
func around(text string, at int) string {
	r := []rune(text)
	pos := len([]rune(text[:at]))
	start := max(0, pos-snippetRunes/3)
	for start > 0 && r[start-1] != ' ' {
		start--
	}
	end := min(len(r), start+snippetRunes)
	for end < len(r) && r[end] != ' ' && end-start < snippetRunes+30 {
		end++
	}
	s := strings.TrimSpace(string(r[start:end]))
	if start > 0 {
		s = "…" + s
	}
	if end < len(r) {
		s += "…"
	}
	return s
}

var resultsTmpl = template.Must(template.New("results").Parse(`<div class="search-server" id="tim-kiem-may-chu">
{{- if .Query }}
<p class="search-status" role="status">{{ .Status }}</p>
{{- with .Kinds }}
<nav class="search-kinds" aria-label="Lọc kết quả theo loại"><ul>
{{- range . }}<li><a href="{{ .Href }}"{{ if .Current }} aria-current="page"{{ end }}>{{ .Label }} ({{ .Count }})</a></li>{{ end -}}
</ul></nav>
{{- end }}
{{- with .Items }}
<ol class="search-list">
{{- range . }}
<li class="search-item"><h2 class="item-title"><a href="{{ .URL }}">{{ .Title }}</a></h2><p class="item-meta">{{ .Meta }}</p><p class="item-summary">{{ .Snippet }}</p></li>
{{- end }}
</ol>
{{- end }}
{{- if .None }}
<div class="search-none">
<p>Gợi ý: kiểm tra lại chính tả, gõ ít từ hơn, hoặc dùng từ khác (ví dụ “khai sinh”, “VNeID”, “giấy khen”).</p>
{{- with .Guides }}
<p>Các hướng dẫn dịch vụ công trực tuyến được tìm đọc nhiều:</p>
<ul>{{ range . }}<li><a href="{{ .URL }}">{{ .Title }}</a></li>{{ end }}</ul>
{{- end }}
<p>Không tìm thấy điều bạn cần? <a href="/lien-he/">Liên hệ với chúng tôi</a> hoặc <a href="/gop-y/">gửi câu hỏi, góp ý</a>.</p>
</div>
{{- end }}
{{- end }}
</div>`))
