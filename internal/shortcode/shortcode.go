// Package shortcode makes the codes of the portal's short links (/l/<code>/):
// short enough to type from a printed poster, from an alphabet without
// look-alike characters (no 0/o, 1/l/i).
package shortcode

import (
	"crypto/rand"
	"fmt"
	"regexp"
)

// Alphabet is the characters of a code: digits 2–9 and lower-case letters
// without i, l and o.
const Alphabet = "23456789abcdefghjkmnpqrstuvwxyz"

// Length of a new code: 31⁵ ≈ 28.6 million codes, for a few thousand
// records, so a clash is rare and simply retried.
const Length = 5

// Pattern is the form of a code, as a regular expression.
const Pattern = `^[2-9a-hjkmnp-z]{4,12}$`

var valid = regexp.MustCompile(Pattern)

// Valid reports whether s has the form of a code.
func Valid(s string) bool { return valid.MatchString(s) }

// New returns a random code.
func New() (string, error) {
	var b [Length]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("short code: %w", err)
	}
	out := make([]byte, Length)
	for i, v := range b {
		// 256 % 31 = 8: the first 8 letters are a little likelier; harmless
		// for codes that need only be distinct.
		out[i] = Alphabet[int(v)%len(Alphabet)]
	}
	return string(out), nil
}
