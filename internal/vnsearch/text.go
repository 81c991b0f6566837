// Package vnsearch matches what people type in Vietnamese against the
// portal's texts: it splits text into words, folds each to a key (no
// diacritics, đ → d, lower case, the i/y spellings of ký/kí, lý/lí, quy/qui
// made one), reads telex leftovers ("ddawng kys"), forgives one wrong
// letter, matches the last word typed as a prefix, and ranks exact
// diacritics above folded ones and titles above summaries above bodies.
//
// The public site's search scripts (themes/daison/assets/js/search-text.js
// and search-index.js) implement the same rules on the index this package
// builds (site/search writes it in shards); scripts/sitetest runs the same
// table of queries through both. A change to the rules here must be made there too.
package vnsearch

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/daison/portal/internal/vntext"
)

// Token is one word of a text: its lower-case form with diacritics (NFC),
// its key, and where it is in the text (byte offsets).
type Token struct {
	Text       string
	Key        string
	Start, End int
}

// Tokens splits s (normalised to NFC first: offsets refer to NFC text) into
// words: runs of letters, combining marks and digits. Words with characters
// outside the Basic Multilingual Plane are left out (the browser's script
// compares strings by UTF-16 units; keys must sort the same there).
func Tokens(s string) []Token {
	s = vntext.NFC(s)
	var out []Token
	start := -1
	astral := false
	flush := func(end int) {
		if start >= 0 && !astral {
			text := strings.ToLower(s[start:end])
			if k := Key(text); k != "" {
				out = append(out, Token{Text: text, Key: k, Start: start, End: end})
			}
		}
		start, astral = -1, false
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			if r > 0xFFFF {
				astral = true
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	return out
}

// Key is the folded form of one word: lower case, no diacritics, đ → d,
// and a final y after consonants written i ("ký" and "kí" both "ki",
// "quy" and "qui" both "qui"; "huy", "thuy" and "y" stay).
func Key(word string) string {
	k := fold(word)
	n := len(k)
	if n >= 2 && k[n-1] == 'y' && onsets[k[:n-1]] {
		k = k[:n-1] + "i"
	}
	return k
}

// onsets are the initial consonants after which y and i are two spellings
// of one sound.
var onsets = map[string]bool{
	"b": true, "c": true, "ch": true, "d": true, "g": true, "gh": true, "h": true, "k": true, "kh": true,
	"l": true, "m": true, "n": true, "ng": true, "nh": true, "p": true, "ph": true, "qu": true, "r": true,
	"s": true, "t": true, "th": true, "tr": true, "v": true, "x": true,
}

// HasMarks reports whether a word (lower case) carries diacritics or đ:
// typed that way, it asks for those exact diacritics first.
func HasMarks(word string) bool {
	return fold(word) != word
}

// fold is vntext.Fold for a word in NFC, a letter at a time: building an
// index folds every word of every page, and vntext.Fold's normalisation
// chain costs ten times more. Each letter's fold is remembered (a few
// hundred letters in practice).
func fold(word string) string {
	ascii := true
	for i := 0; i < len(word); i++ {
		if word[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(word)
	}
	var b strings.Builder
	b.Grow(len(word))
	for _, r := range word {
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(unicode.ToLower(r))
		case unicode.Is(unicode.Mn, r):
		default:
			b.WriteString(foldRune(r))
		}
	}
	return b.String()
}

var (
	foldMu    sync.RWMutex
	foldRunes = map[rune]string{}
)

func foldRune(r rune) string {
	foldMu.RLock()
	f, ok := foldRunes[r]
	foldMu.RUnlock()
	if ok {
		return f
	}
	f = vntext.Fold(string(r))
	foldMu.Lock()
	if len(foldRunes) < 1<<16 {
		foldRunes[r] = f
	}
	foldMu.Unlock()
	return f
}

// Telex reads a key typed with a telex keyboard left off: "ddawngf" is
// "dang", "kys" "ki", "hoon" "hon". It returns "" when k has nothing of
// telex.
func Telex(k string) string {
	s := k
	if strings.HasPrefix(s, "dd") {
		s = s[1:]
	}
	for _, p := range [][2]string{{"uow", "uo"}, {"aa", "a"}, {"aw", "a"}, {"ee", "e"}, {"oo", "o"}, {"ow", "o"}, {"uw", "u"}} {
		s = strings.ReplaceAll(s, p[0], p[1])
	}
	if n := len(s); n >= 2 && strings.IndexByte("sfrxj", s[n-1]) >= 0 && strings.ContainsAny(s[:n-1], "aeiouy") {
		s = s[:n-1]
	}
	s = Key(s)
	if s == k {
		return ""
	}
	return s
}

// Within1 reports whether a and b differ by one edit: one letter changed,
// added, removed, or two neighbours swapped. Equal keys are not within 1.
func Within1(a, b string) bool {
	if d := len(a) - len(b); d > 4 || d < -4 {
		return false // more than one letter apart, whatever their encoding
	}
	x, y := []rune(a), []rune(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	switch len(y) - len(x) {
	case 0:
		diff := -1
		for i := range x {
			if x[i] != y[i] {
				if diff >= 0 {
					// a second difference: only a swap of the two
					return diff == i-1 && x[diff] == y[i] && x[i] == y[diff] && string(x[i+1:]) == string(y[i+1:])
				}
				diff = i
			}
		}
		return diff >= 0
	case 1:
		i := 0
		for i < len(x) && x[i] == y[i] {
			i++
		}
		return string(x[i:]) == string(y[i+1:])
	}
	return false
}
