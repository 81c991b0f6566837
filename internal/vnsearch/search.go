package vnsearch

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Match qualities (tenths): how well a vocabulary key answers a word typed.
const (
	qExact  = 10 // the key itself
	qTelex  = 9  // the key once telex leftovers are read
	qPrefix = 6  // a longer key starting with the last word typed
	qTypo   = 5  // one letter off
)

// Accent factors (tenths): a word typed with diacritics finds the same
// diacritics first, well above a word that only folds to it.
const (
	aSame  = 10
	aOther = 4
)

// Word factors (tenths): a common word ("của", "hơn", "và", "các", "một")
// counts little alone; a word typed without diacritics that folds to one
// ("hon" is "hôn" and "hơn") finds its other readings first.
const (
	wWord = 10
	wStop = 2
)

// StopForms are the common words (lower case, NFC) that count little
// alone: in "ket hon" the "hơn" (more) of "nhanh hơn" is not the "hôn" of
// "kết hôn". A pair of two of them counts little too.
var StopForms = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`của và các một hơn là có được cho để với trong những này khi thì mà đã sẽ
		đang không nhiều rất cũng như từ tại theo về đến ra vào lên hay hoặc nếu vì nên bị do còn chỉ ở mỗi
		đó đây thế nào gì ai bao sao nơi lại rồi vẫn nữa chưa cùng trên dưới sau trước qua bằng`) {
		StopForms[w] = true
	}
}

// formWeight is a variant's word factor.
func formWeight(form string) int {
	if StopForms[form] {
		return wStop
	}
	return wWord
}

// pairWeight is a pair variant's word factor: little only when both words
// are common ones.
func pairWeight(form string) int {
	a, b, _ := strings.Cut(form, " ")
	if StopForms[a] && StopForms[b] {
		return wStop
	}
	return wWord
}

// BoostNone is a document's boost (tenths, Index.Boost) unless its kind
// has another: a guide answers a procedure before the news mentioning it.
const BoostNone = 10

// Hits below the best one's score divided by cutoff are dropped: words
// scattered over a page do not lengthen the list below a phrase.
const cutoff = 40

// weakPart: a best hit under the score of a query whose every word and
// pair stands in a title, divided by weakPart, is a weak answer; so is a
// best hit holding fewer than half the pairs of words typed side by side.
const weakPart = 16

// adjacentPair is what each pair of words typed side by side and found
// side by side multiplies a document's score by (plus one).
const adjacentPair = 7

// minLoose is the shortest word a synonym's phrase matches one letter off.
const minLoose = 4

// Limits of a query: words read, keys a prefix expands to.
const (
	MaxTerms    = 10
	maxPrefixes = 50
)

// Hit is a document found and its score.
type Hit struct {
	Doc   int
	Score int
}

// Result is what a query found, best first, and the keys it matched (to
// highlight them).
type Result struct {
	Hits []Hit
	Keys []string
	// Weak is true when nothing, or only something far from the words
	// typed, was found: the page then offers the national portal and the
	// hotline.
	Weak bool
}

type term struct{ text, key string }

type alternative struct {
	terms  []term
	weight int
}

// Query returns the words of a query, at most MaxTerms.
func Query(q string) []Token {
	ts := Tokens(q)
	if len(ts) > MaxTerms {
		ts = ts[:MaxTerms]
	}
	return ts
}

// Search finds the documents holding every word of q, or a synonym's
// words in place of its phrase. Words match by key (diacritics folded, i/y
// one), the last also as a prefix; a word not in the vocabulary matches
// its telex reading or keys one letter off. Only when nothing is found are
// keys one letter off tried for every word.
func (ix *Index) Search(q string) Result {
	qt := Query(q)
	if len(qt) == 0 {
		return Result{}
	}
	alts := []alternative{{terms: toTerms(qt), weight: 10}}
	if rest := withoutFillers(qt); len(rest) > 0 && len(rest) < len(qt) {
		alts = append(alts, alternative{terms: toTerms(rest), weight: 8})
	}
	for _, s := range ix.Synonyms {
		from := Tokens(s.From)
		to := Tokens(s.To)
		if len(from) == 0 || len(to) == 0 {
			continue
		}
		i, w := indexKeys(qt, from, false), 9
		if i < 0 {
			i, w = indexKeys(qt, from, true), 7
		}
		if i >= 0 {
			ts := append(append(toTerms(qt[:i]), toTerms(to)...), toTerms(qt[i+len(from):])...)
			alts = append(alts, alternative{terms: ts, weight: w})
		}
	}
	var scores map[int]int
	var keys, phrase map[int]bool
	for stage := 1; stage <= 2; stage++ {
		scores, keys, phrase = map[int]int{}, map[int]bool{}, map[int]bool{}
		for _, a := range alts {
			m, adj := ix.match(a.terms, stage, keys)
			for d, s := range m {
				if v := s * a.weight; v > scores[d] {
					scores[d] = v
				}
				if len(a.terms) == 1 || adj[d] >= len(a.terms)/2 {
					phrase[d] = true
				}
			}
		}
		if len(scores) > 0 {
			break
		}
	}
	best, bestDoc := 0, -1
	for d, s := range scores {
		s *= ix.boost(d)
		scores[d] = s
		if s > best || s == best && d < bestDoc {
			best, bestDoc = s, d
		}
	}
	res := Result{Hits: make([]Hit, 0, len(scores))}
	for d, s := range scores {
		if s >= best/cutoff {
			res.Hits = append(res.Hits, Hit{Doc: d, Score: s})
		}
	}
	// The score of every word and pair typed exactly in a title, side by
	// side (match's rules), in the query as typed, of a document without
	// boost.
	n := len(qt)
	adjacent := 4
	if n > 1 {
		adjacent = 1 + adjacentPair*(n-1)
	}
	ideal := (2*n - 1) * qExact * aSame * wWord * fieldWeight(Title) * adjacent * 3 * 10 * BoostNone
	res.Weak = best < ideal/weakPart || !phrase[bestDoc]
	sort.Slice(res.Hits, func(i, j int) bool {
		a, b := res.Hits[i], res.Hits[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return a.Doc < b.Doc
	})
	for i := range keys {
		res.Keys = append(res.Keys, ix.Vocab[i])
	}
	sort.Strings(res.Keys)
	return res
}

// Fillers are the words of a question around what is asked ("thủ tục kết
// hôn", "xin lại giấy khai sinh", "làm căn cước ở đâu"), as keys: a query
// holding some is also searched without them, a little below.
var Fillers = [][]string{{"thu", "tuc"}, {"huong", "dan"}, {"the", "nao"}, {"o", "dau"}, {"lam"}, {"xin"},
	{"lai"}, {"cach"}, {"can"}, {"gi"}, {"muon"}, {"toi"}}

// withoutFillers is q without its fillers.
func withoutFillers(q []Token) []Token {
	var out []Token
	for i := 0; i < len(q); {
		n := 0
		for _, f := range Fillers {
			if i+len(f) <= len(q) && n == 0 {
				ok := true
				for j := range f {
					ok = ok && q[i+j].Key == f[j]
				}
				if ok {
					n = len(f)
				}
			}
		}
		if n == 0 {
			out = append(out, q[i])
			n = 1
		}
		i += n
	}
	return out
}

func toTerms(ts []Token) []term {
	out := make([]term, len(ts))
	for i, t := range ts {
		out[i] = term{t.Text, t.Key}
	}
	return out
}

// indexKeys is where the keys of phrase start in q's, or -1. Loosely,
// a word of at least minLoose letters may be one letter off ("vnied" for
// "vneid").
func indexKeys(q, phrase []Token, loose bool) int {
	for i := 0; i+len(phrase) <= len(q); i++ {
		ok := true
		for j := range phrase {
			a, b := q[i+j].Key, phrase[j].Key
			if a != b && (!loose || len(a) < minLoose || !Within1(a, b)) {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

type expansion struct{ at, q int }

// expand lists the vocabulary keys that answer a word.
func (ix *Index) expand(t term, last bool, stage int) []expansion {
	var out []expansion
	seen := map[int]bool{}
	add := func(i, q int) {
		if !seen[i] {
			seen[i] = true
			out = append(out, expansion{i, q})
		}
	}
	i, found := ix.find(t.key)
	if found {
		add(i, qExact)
	} else if tx := Telex(t.key); tx != "" {
		if j, ok := ix.find(tx); ok {
			add(j, qTelex)
		}
	}
	if last && len(t.key) >= 2 {
		n := 0
		for j := i; j < len(ix.Vocab) && n < maxPrefixes && strings.HasPrefix(ix.Vocab[j], t.key); j++ {
			if j != i || !found {
				add(j, qPrefix)
				n++
			}
		}
	}
	if (len(out) == 0 || stage == 2) && utf8.RuneCountInString(t.key) >= 3 {
		for j, k := range ix.Vocab {
			if Within1(t.key, k) {
				add(j, qTypo)
			}
		}
	}
	return out
}

// match scores the documents holding every term (or an expansion of it):
// each term counts its best expansion's quality × accent × word factor ×
// field weight,
// and each pair of terms typed side by side that a field holds side by
// side counts as a term more. Of a query of several words, a document
// counts 1 + adjacentPair × the pairs it holds side by side: words
// scattered over a page count an eighth of a phrase; a document whose
// title holds every term counts half again.
// keys gathers the vocabulary keys that matched.
func (ix *Index) match(terms []term, stage int, keys map[int]bool) (map[int]int, map[int]int) {
	var acc map[int]int
	var inTitle map[int]bool
	for ti, t := range terms {
		marks := HasMarks(t.text)
		per := map[int]int{}
		title := map[int]bool{}
		for _, e := range ix.expand(t, ti == len(terms)-1, stage) {
			hit := false
			for _, v := range ix.Terms[e.at] {
				a := aSame
				if marks && v.Form != t.text {
					a = aOther
				}
				w := formWeight(v.Form)
				for _, p := range v.Postings {
					d := int(p.Doc)
					if acc != nil {
						if _, ok := acc[d]; !ok {
							continue
						}
					}
					hit = true
					if s := e.q * a * w * fieldWeight(p.Mask); s > per[d] {
						per[d] = s
					}
					if p.Mask&Title != 0 {
						title[d] = true
					}
				}
			}
			if hit {
				keys[e.at] = true
			}
		}
		if acc == nil {
			acc, inTitle = per, title
			continue
		}
		next := make(map[int]int, len(per))
		for d, s := range per {
			next[d] = acc[d] + s
			if !title[d] {
				delete(inTitle, d)
			}
		}
		acc = next
	}
	adj := map[int]int{}
	for ti := 0; ti+1 < len(terms); ti++ {
		a, b := ix.resolve(terms[ti]), ix.resolve(terms[ti+1])
		if a == "" || b == "" {
			continue
		}
		typed := terms[ti].text + " " + terms[ti+1].text
		marks := HasMarks(typed)
		bonus := map[int]int{}
		for _, v := range ix.Pairs[a+" "+b] {
			f := aSame
			if marks && v.Form != typed {
				f = aOther
			}
			w := pairWeight(v.Form)
			for _, p := range v.Postings {
				d := int(p.Doc)
				if _, ok := acc[d]; !ok {
					continue
				}
				if _, ok := bonus[d]; !ok {
					adj[d]++
				}
				if s := qExact * f * w * fieldWeight(p.Mask); s > bonus[d] {
					bonus[d] = s
				}
			}
		}
		for d, s := range bonus {
			acc[d] += s
		}
	}
	for d, s := range acc {
		if len(terms) == 1 {
			s *= 4
		} else {
			s *= 1 + adjacentPair*adj[d]
		}
		if inTitle[d] {
			acc[d] = s * 3
		} else {
			acc[d] = s * 2
		}
	}
	return acc, adj
}

// boost is document d's boost (tenths).
func (ix *Index) boost(d int) int {
	if d < len(ix.Boost) && ix.Boost[d] > 0 {
		return ix.Boost[d]
	}
	return BoostNone
}

// resolve is the key a term stands for in pairs: its own, or its telex
// reading, if the vocabulary has it; "" if neither.
func (ix *Index) resolve(t term) string {
	if _, ok := ix.find(t.key); ok {
		return t.key
	}
	if tx := Telex(t.key); tx != "" {
		if _, ok := ix.find(tx); ok {
			return tx
		}
	}
	return ""
}
