// Package password refuses passwords that are easy to guess: the most
// common ones (a small list kept beside this file, Vietnamese favourites
// included), a character repeated, a short group repeated, runs such as
// 123456…, abcdef… or qwerty…, and the account's own email or name. It is
// the one rule for staff and superusers, used by the record hook that
// guards their accounts and by "portal staff upsert"; the reasons are in
// Vietnamese, ready to show beside the field.
package password

import (
	_ "embed"
	"errors"
	"strconv"
	"strings"
	"unicode"

	"github.com/daison/portal/internal/vntext"
)

//go:embed common.txt
var commonText string

// common holds the list's passwords in the form they are compared in.
var common = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(commonText, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m[compact(vntext.Fold(line))] = true
	}
	return m
}()

//lint:file-ignore ST1005 the errors are the Vietnamese sentences shown to the person choosing a password

// Reasons a password is refused: the sentences the person choosing it
// reads.
var (
	ErrRepeated = errors.New("Mật khẩu chỉ lặp lại một ký tự hoặc một nhóm ký tự ngắn, rất dễ đoán.")
	ErrSequence = errors.New("Mật khẩu là một dãy ký tự liên tiếp (như 123456…, abcdef…, qwerty…), rất dễ đoán.")
	ErrCommon   = errors.New("Mật khẩu này nằm trong danh sách mật khẩu phổ biến mà kẻ gian thường thử đầu tiên.")
	ErrPersonal = errors.New("Mật khẩu không được dựa trên email hay họ tên của chính tài khoản.")
)

// Advice follows a refusal: what to choose instead.
const Advice = "Hãy chọn một cụm từ dài, ví dụ ba, bốn từ không liên quan đến nhau."

// sequences are runs a password must not be a piece of (forwards or
// backwards): digits, the alphabet and the rows and columns of keyboards.
var sequences = []string{
	"01234567890123456789",
	"abcdefghijklmnopqrstuvwxyz",
	"qwertyuiopasdfghjklzxcvbnm",
	"azertyuiopqsdfghjklmwxcvbn",
	"qwertzuiopasdfghjklyxcvbnm",
	"1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
	"qazwsxedcrfvtgbyhnujmikolp",
	"1q2w3e4r5t6y7u8i9o0p",
	"q1w2e3r4t5y6u7i8o9p0",
	"a1b2c3d4e5f6g7h8i9j0",
	"1a2b3c4d5e6f7g8h9i0j",
	"!@#$%^&*()",
	"147258369",
	"159357",
	"753951",
}

// Check returns why pw is too easy to guess, or nil. personal are the
// account's own words (its email, its name): a password made of them,
// with or without digits and signs around, is refused.
func Check(pw string, personal ...string) error {
	folded := vntext.Fold(pw)
	all := compact(folded)
	if repeated(folded) || (all != "" && repeated(all)) || distinct(folded) < 4 {
		return ErrRepeated
	}
	if sequence(strings.ToLower(pw)) || sequence(all) || countingUp(all) {
		return ErrSequence
	}
	core := coreWord(folded)
	if common[all] || (len(core) >= 3 && common[core]) {
		return ErrCommon
	}
	for _, word := range personal {
		if personalMatch(all, core, word) {
			return ErrPersonal
		}
	}
	return nil
}

// compact keeps the letters and digits of s.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// leet undoes the usual disguises of letters inside a word.
var leet = strings.NewReplacer("@", "a", "4", "a", "$", "s", "5", "s", "0", "o", "1", "i", "!", "i", "3", "e", "7", "t", "|", "l")

// coreWord is s without the digits and signs around it, with disguised
// letters read as letters: "P@ssw0rd2026!" → "password".
func coreWord(s string) string {
	trimmed := strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return compact(leet.Replace(trimmed))
}

// repeated tells whether s is one short group (up to four characters)
// repeated, the last time possibly in part: "aaaaaaaaaa", "abcabcabca".
func repeated(s string) bool {
	r := []rune(s)
	for k := 1; k <= 4 && 2*k <= len(r); k++ {
		ok := true
		for i := k; i < len(r) && ok; i++ {
			ok = r[i] == r[i%k]
		}
		if ok {
			return true
		}
	}
	return false
}

// distinct counts the different characters of s.
func distinct(s string) int {
	seen := map[rune]bool{}
	for _, r := range s {
		seen[r] = true
	}
	return len(seen)
}

// sequence tells whether s (four characters or more) is a piece of one of
// the sequences, forwards or backwards.
func sequence(s string) bool {
	if len([]rune(s)) < 4 {
		return false
	}
	for _, seq := range sequences {
		if strings.Contains(seq, s) || strings.Contains(reverse(seq), s) {
			return true
		}
	}
	return false
}

// countingUp tells whether s is whole numbers counted up or down from
// some start: "12345678910", "910111213", "10987654321".
func countingUp(s string) bool {
	if len(s) < 4 || strings.TrimFunc(s, unicode.IsDigit) != "" {
		return false
	}
	for width := 1; width <= 4 && width < len(s); width++ {
		start, err := strconv.Atoi(s[:width])
		if err != nil {
			continue
		}
		for _, step := range []int{1, -1} {
			var b strings.Builder
			for n := start; b.Len() < len(s) && n >= 0; n += step {
				b.WriteString(strconv.Itoa(n))
			}
			if b.String() == s {
				return true
			}
		}
	}
	return false
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// personalMatch tells whether a password (all its letters and digits, and
// its core word) is made of word: an email (whole, or the part before @)
// or a name (whole, in either order, or one of its words).
func personalMatch(all, core, word string) bool {
	word = vntext.Fold(strings.TrimSpace(word))
	if word == "" {
		return false
	}
	var forms []string
	if local, _, ok := strings.Cut(word, "@"); ok {
		forms = append(forms, compact(word), compact(local))
	} else {
		parts := strings.Fields(word)
		forms = append(forms, compact(word))
		rev := make([]string, len(parts))
		for i, p := range parts {
			rev[len(parts)-1-i] = p
			forms = append(forms, compact(p))
		}
		forms = append(forms, compact(strings.Join(rev, "")))
	}
	for _, f := range forms {
		if len(f) >= 3 && (all == f || core == f) {
			return true
		}
	}
	return false
}
