// Package vntext holds the small text rules the portal keeps for Vietnamese:
// text is stored in Unicode NFC, searched with diacritics folded, and checked
// for characters that have no place in what staff or citizens type.
package vntext

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode normalisation form C, the form every stored text
// takes: "Đại Sơn" typed on a keyboard that sends combining marks (NFD) is
// stored the same as one that sends precomposed letters.
func NFC(s string) string {
	return norm.NFC.String(s)
}

// Fold returns s lower-cased with every diacritic removed and đ/Đ turned into
// d, so that "Giấy khen Đại Sơn" and "giay khen dai son" compare equal. It is
// the key search and slugs are built on.
func Fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	out = strings.Map(func(r rune) rune {
		switch r {
		case 'đ', 'Đ':
			return 'd'
		}
		return unicode.ToLower(r)
	}, out)
	return out
}

// Problem names what is wrong with a piece of text, in Vietnamese, ready to be
// shown beside the field. The zero value means nothing is wrong.
type Problem string

// Problems found by Check.
const (
	ProblemInvalidUTF8 Problem = "Văn bản chứa ký tự không hợp lệ (không phải UTF-8)."
	ProblemInvisible   Problem = "Văn bản chứa ký tự ẩn (ký tự độ rộng bằng 0 hoặc ký tự đảo chiều văn bản); hãy gõ lại đoạn vừa dán."
	ProblemControl     Problem = "Văn bản chứa ký tự điều khiển không hợp lệ."
	ProblemNewline     Problem = "Trường này chỉ được có một dòng."
)

// Check reports the first problem of s as stored text: invalid UTF-8, NUL and
// other control characters, zero-width and bidirectional override characters
// (which make text look other than it is). multiline allows line breaks and
// tabs; single-line fields (titles, names, contacts) do not allow them.
func Check(s string, multiline bool) Problem {
	if !utf8.ValidString(s) {
		return ProblemInvalidUTF8
	}
	for _, r := range s {
		switch {
		case r == '\u2028' || r == '\u2029': // line and paragraph separators
			if !multiline {
				return ProblemNewline
			}
		case r == '\n' || r == '\r' || r == '\t':
			if !multiline {
				if r == '\t' {
					continue
				}
				return ProblemNewline
			}
		case isInvisible(r):
			return ProblemInvisible
		case unicode.IsControl(r):
			return ProblemControl
		}
	}
	return ""
}

// isInvisible reports the format characters that hide or reorder text:
// zero-width spaces and joiners, the byte order mark, and the bidirectional
// embeddings, overrides and isolates.
func isInvisible(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F: // zero-width space, ZWNJ, ZWJ, LRM, RLM
		return true
	case r >= 0x202A && r <= 0x202E: // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= 0x2060 && r <= 0x2064: // word joiner, invisible operators
		return true
	case r >= 0x2066 && r <= 0x2069: // isolates
		return true
	case r == 0xFEFF, r == 0x00AD, r == 0x180E:
		return true
	}
	return false
}

// Clean returns s in NFC with surrounding white space removed; it is what
// every text field is stored as.
func Clean(s string) string {
	return strings.TrimSpace(NFC(s))
}

// OneLine returns s as one line to show inside another text (a label in
// the audit log, a stamp): NFC, each run of white space, line breaks,
// control and invisible characters one space, trimmed. Text checked as
// single-line (Check) holds none but spaces and tabs; a value stored
// before it was checked may.
func OneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || isInvisible(r) {
			return ' '
		}
		return r
	}, NFC(s))
	return strings.Join(strings.Fields(s), " ")
}

// GroupDigits writes n with dots between thousands, as Vietnamese does:
// 20.000.
func GroupDigits(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}
