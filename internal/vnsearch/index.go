package vnsearch

import (
	"sort"
	"strings"

	"github.com/daison/portal/internal/vntext"
)

// Fields of a document, as bits of a posting's mask.
const (
	Title   uint8 = 1
	Summary uint8 = 2 // the summary and the keywords a record is filed under
	Body    uint8 = 4
)

// fieldWeight is what a word found in a mask's fields is worth: a title
// counts four times a body, a summary twice.
func fieldWeight(mask uint8) int {
	w := 0
	if mask&Title != 0 {
		w += 4
	}
	if mask&Summary != 0 {
		w += 2
	}
	if mask&Body != 0 {
		w++
	}
	return w
}

// Posting says that a word is in a document, and in which fields.
type Posting struct {
	Doc  uint32
	Mask uint8
}

// Variant is one way a key is written with its diacritics ("đăng", "dang",
// "đắng" all have the key "dang"), and the documents that write it so, in
// document order.
type Variant struct {
	Form     string
	Postings []Posting
}

// Synonym makes a query that holds From search for To as well ("sổ đỏ" →
// "giấy chứng nhận quyền sử dụng đất").
type Synonym struct {
	From, To string
}

// Index is the searchable form of a set of documents, numbered from 0 in
// the order they were added: the keys in byte order and each key's
// variants, and the pairs of words that stand side by side ("ket hon":
// "kết hôn"), which tell a phrase from words scattered over a page.
type Index struct {
	Vocab    []string
	Terms    [][]Variant
	Pairs    map[string][]Variant // "key key" → variants "form form"
	N        int
	Synonyms []Synonym
	// Boost is each document's boost in tenths; missing or 0 is
	// BoostNone.
	Boost []int
}

// Builder collects the words of documents into an Index.
type Builder struct {
	words map[string]map[string]map[uint32]uint8 // key → form → doc → mask
	pairs map[string]map[string]map[uint32]uint8
	n     int
}

// NewBuilder returns an empty builder.
func NewBuilder() *Builder {
	return &Builder{words: map[string]map[string]map[uint32]uint8{}, pairs: map[string]map[string]map[uint32]uint8{}}
}

func put(m map[string]map[string]map[uint32]uint8, key, form string, doc uint32, field uint8) {
	forms := m[key]
	if forms == nil {
		forms = map[string]map[uint32]uint8{}
		m[key] = forms
	}
	docs := forms[form]
	if docs == nil {
		docs = map[uint32]uint8{}
		forms[form] = docs
	}
	docs[doc] |= field
}

// Add indexes text as field of document doc (0, 1, 2… in order). Two
// words make a pair when only spaces stand between them.
func (b *Builder) Add(doc int, field uint8, text string) {
	if doc >= b.n {
		b.n = doc + 1
	}
	text = vntext.NFC(text)
	ts := Tokens(text)
	for i, t := range ts {
		put(b.words, t.Key, t.Text, uint32(doc), field)
		if i > 0 && strings.TrimSpace(text[ts[i-1].End:t.Start]) == "" {
			put(b.pairs, ts[i-1].Key+" "+t.Key, ts[i-1].Text+" "+t.Text, uint32(doc), field)
		}
	}
}

// variants turns a key's forms into variants, in form order, postings in
// document order.
func variants(forms map[string]map[uint32]uint8) []Variant {
	names := make([]string, 0, len(forms))
	for f := range forms {
		names = append(names, f)
	}
	sort.Strings(names)
	vs := make([]Variant, 0, len(names))
	for _, f := range names {
		docs := forms[f]
		ps := make([]Posting, 0, len(docs))
		for d, m := range docs {
			ps = append(ps, Posting{Doc: d, Mask: m})
		}
		sort.Slice(ps, func(i, j int) bool { return ps[i].Doc < ps[j].Doc })
		vs = append(vs, Variant{Form: f, Postings: ps})
	}
	return vs
}

// Index returns the index of what was added, with the synonyms to apply
// to queries.
func (b *Builder) Index(synonyms []Synonym) *Index {
	ix := &Index{N: b.n, Synonyms: synonyms}
	for k := range b.words {
		ix.Vocab = append(ix.Vocab, k)
	}
	sort.Strings(ix.Vocab)
	ix.Terms = make([][]Variant, len(ix.Vocab))
	for i, k := range ix.Vocab {
		ix.Terms[i] = variants(b.words[k])
	}
	ix.Pairs = make(map[string][]Variant, len(b.pairs))
	for k, forms := range b.pairs {
		ix.Pairs[k] = variants(forms)
	}
	return ix
}

// find returns the position of key in the vocabulary, or where it would
// be, and whether it is there.
func (ix *Index) find(key string) (int, bool) {
	i := sort.SearchStrings(ix.Vocab, key)
	return i, i < len(ix.Vocab) && ix.Vocab[i] == key
}
