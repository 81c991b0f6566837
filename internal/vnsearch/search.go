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
// diacritics first.
const (
	aSame  = 10
	aOther = 7
)

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
	for _, s := range ix.Synonyms {
		from := Tokens(s.From)
		to := Tokens(s.To)
		if len(from) == 0 || len(to) == 0 {
			continue
		}
		if i := indexKeys(qt, from); i >= 0 {
			ts := append(append(toTerms(qt[:i]), toTerms(to)...), toTerms(qt[i+len(from):])...)
			alts = append(alts, alternative{terms: ts, weight: 9})
		}
	}
	var scores map[int]int
	var keys map[int]bool
	for stage := 1; stage <= 2; stage++ {
		scores, keys = map[int]int{}, map[int]bool{}
		for _, a := range alts {
			for d, s := range ix.match(a.terms, stage, keys) {
				if v := s * a.weight; v > scores[d] {
					scores[d] = v
				}
			}
		}
		if len(scores) > 0 {
			break
		}
	}
	res := Result{Hits: make([]Hit, 0, len(scores))}
	for d, s := range scores {
		res.Hits = append(res.Hits, Hit{Doc: d, Score: s})
	}
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

func toTerms(ts []Token) []term {
	out := make([]term, len(ts))
	for i, t := range ts {
		out[i] = term{t.Text, t.Key}
	}
	return out
}

// indexKeys is where the keys of phrase start in q's, or -1.
func indexKeys(q, phrase []Token) int {
	for i := 0; i+len(phrase) <= len(q); i++ {
		ok := true
		for j := range phrase {
			if q[i+j].Key != phrase[j].Key {
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
// each term counts its best expansion's quality × accent × field weight,
// and each pair of terms typed side by side that a field holds side by
// side counts as a term more. Of a query of several words, a document
// holding no pair side by side (words scattered over the page) counts a
// quarter; a document whose title holds every term counts half again.
// keys gathers the vocabulary keys that matched.
func (ix *Index) match(terms []term, stage int, keys map[int]bool) map[int]int {
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
				for _, p := range v.Postings {
					d := int(p.Doc)
					if acc != nil {
						if _, ok := acc[d]; !ok {
							continue
						}
					}
					hit = true
					if s := e.q * a * fieldWeight(p.Mask); s > per[d] {
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
	adj := map[int]bool{}
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
			for _, p := range v.Postings {
				d := int(p.Doc)
				if _, ok := acc[d]; !ok {
					continue
				}
				adj[d] = true
				if s := qExact * f * fieldWeight(p.Mask); s > bonus[d] {
					bonus[d] = s
				}
			}
		}
		for d, s := range bonus {
			acc[d] += s
		}
	}
	for d, s := range acc {
		if len(terms) == 1 || adj[d] {
			s *= 4
		}
		if inTitle[d] {
			acc[d] = s * 3
		} else {
			acc[d] = s * 2
		}
	}
	return acc
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
