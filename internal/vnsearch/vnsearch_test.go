package vnsearch

import (
	"slices"
	"strings"
	"testing"

	"github.com/daison/portal/internal/vntext"
)

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"Ký": "ki", "kí": "ki", "lý": "li", "LÍ": "li", "quy": "qui", "qui": "qui", "mỹ": "mi",
		"huy": "huy", "thủy": "thuy", "thuỷ": "thuy", "y": "y", "ý": "y", "Đại": "dai", "Sơn": "son",
		"nguyễn": "nguyen", "VNeID": "vneid",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTelex(t *testing.T) {
	for in, want := range map[string]string{
		"ddawng": "dang", "kys": "ki", "hoon": "hon", "keets": "ket", "ddaij": "dai", "nguyeenx": "nguyen",
		"dang": "", "son": "", "tuwf": "tu",
	} {
		if got := Telex(in); got != want {
			t.Errorf("Telex(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWithin1(t *testing.T) {
	yes := [][2]string{{"khai", "khaii"}, {"chung", "chug"}, {"vneid", "vnied"}, {"dang", "dnag"}, {"sinh", "xinh"}, {"đăng", "đang"}}
	no := [][2]string{{"khai", "khai"}, {"khai", "kha"[:2]}, {"dang", "gnad"}, {"sinh", "sihn2"}, {"abc", "cba"}}
	for _, p := range yes {
		if !Within1(p[0], p[1]) {
			t.Errorf("Within1(%q, %q) = false", p[0], p[1])
		}
	}
	for _, p := range no {
		if Within1(p[0], p[1]) {
			t.Errorf("Within1(%q, %q) = true", p[0], p[1])
		}
	}
}

func TestTokens(t *testing.T) {
	s := "Đăng ký (kết hôn), 20/11 — Đa\u0323i"
	var got []string
	nfc := "Đăng ký (kết hôn), 20/11 — Đại"
	for _, tk := range Tokens(s) {
		got = append(got, tk.Text+"="+tk.Key+"="+nfc[tk.Start:tk.End])
	}
	want := []string{"đăng=dang=Đăng", "ký=ki=ký", "kết=ket=kết", "hôn=hon=hôn", "20=20=20", "11=11=11", "đại=dai=Đại"}
	if !slices.Equal(got, want) {
		t.Errorf("Tokens = %v", got)
	}
}

// docs of a small index: titles, summaries, bodies.
var docs = [][3]string{
	{"Đăng ký kết hôn", "Hướng dẫn", "Hồ sơ đăng ký kết hôn trực tuyến."},     // 0
	{"Kẹt xe giờ tan tầm", "", "Kẹt xe hơn mọi ngày; hôn lễ dời lại."},        // 1
	{"Giấy chứng nhận quyền sử dụng đất", "", "Cấp lần đầu giấy chứng nhận."}, // 2
	{"Ket hon", "", "Trang viết không dấu."},                                  // 3
	{"Tin tức", "", "Bài có nói đến kết hôn ở thân bài, và khai sinh."},       // 4
	{"Thủ tục khai sinh", "Ký giấy khai sinh", "Đăng kí khai sinh cho trẻ."},  // 5
}

func index() *Index {
	b := NewBuilder()
	for i, d := range docs {
		b.Add(i, Title, d[0])
		b.Add(i, Summary, d[1])
		b.Add(i, Body, d[2])
	}
	return b.Index([]Synonym{{From: "sổ đỏ", To: "giấy chứng nhận quyền sử dụng đất"}})
}

func order(ix *Index, q string) []int {
	var out []int
	for _, h := range ix.Search(q).Hits {
		out = append(out, h.Doc)
	}
	return out
}

func TestSearch(t *testing.T) {
	ix := index()
	cases := []struct {
		q     string
		first int
		none  []int // documents that must not be found
	}{
		{"kết hôn", 0, []int{2, 5}},      // exact diacritics first
		{"ket hon", 0, []int{2}},         // folded: titles of 0 and 3 equal, 0 first by order
		{"hôn kết", 0, []int{2}},         // word order
		{"so do", 2, nil},                // the synonym
		{"dang ki khai sinh", 5, nil},    // i for y
		{"ddawng kys khai sinh", 5, nil}, // telex
		{"khai si", 5, nil},              // prefix
		{"khaii sinh", 5, nil},           // one letter more
		{"chứng nhân quyền sử dụng", 2, nil},
	}
	for _, c := range cases {
		got := order(ix, c.q)
		if len(got) == 0 || got[0] != c.first {
			t.Errorf("%q: %v, want %d first", c.q, got, c.first)
		}
		for _, d := range c.none {
			if slices.Contains(got, d) {
				t.Errorf("%q finds %d: %v", c.q, d, got)
			}
		}
	}
	// Exact diacritics rank above folded ones: "kết hôn" puts 0 (kết
	// hôn) before 3 (ket hon), "ket hon" ranks them by order only.
	if got := order(ix, "kết hôn"); slices.Index(got, 0) > slices.Index(got, 3) {
		t.Errorf("kết hôn: %v", got)
	}
	if got := order(ix, "Ket hon"); len(got) < 2 || got[0] != 0 {
		t.Errorf("Ket hon: %v", got)
	}
	// Words scattered over a page (1: "kẹt" in its title, "hôn" in its
	// body) come after the phrase in a body (4).
	if got := order(ix, "ket hon"); slices.Index(got, 1) < slices.Index(got, 4) {
		t.Errorf("ket hon: scattered words before a phrase: %v", got)
	}
	if r := ix.Search("xyzzy"); len(r.Hits) != 0 {
		t.Errorf("xyzzy: %v", r.Hits)
	}
	if r := ix.Search("  ,,, "); len(r.Hits) != 0 {
		t.Errorf("punctuation: %v", r.Hits)
	}
}

// FuzzSearch: any query (and any text indexed) is searched without a
// panic, and the words' offsets always cut the NFC text at its words.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"kết hôn", "ddawng kys", "\u0301\u0301", "a\u200Bb", "𝔘 x", "ǅ İ", "qu y", strings.Repeat("a ", 50)} {
		f.Add(s)
	}
	ix := index()
	f.Fuzz(func(t *testing.T, q string) {
		nfc := vntext.NFC(q)
		for _, tk := range Tokens(q) {
			if tk.Start < 0 || tk.End > len(nfc) || tk.Start >= tk.End || tk.Key == "" {
				t.Fatalf("%q: token %+v", q, tk)
			}
		}
		_ = ix.Search(q)
		b := NewBuilder()
		b.Add(0, Title, q)
		_ = b.Index(nil).Search(q)
	})
}

// fold agrees with vntext.Fold on NFC words.
func TestFoldAgrees(t *testing.T) {
	for _, w := range []string{"Đại", "Sơn", "nguyễn", "thuỷ", "ǅ", "İstanbul", "ÀÉÎÕÜ", "naïve", "ß", "Ωμέγα", "中文", "a\u0301b"} {
		w = vntext.NFC(w)
		if got, want := fold(w), vntext.Fold(w); got != want {
			t.Errorf("fold(%q) = %q, vntext.Fold %q", w, got, want)
		}
	}
}
