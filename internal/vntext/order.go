package vntext

import (
	"slices"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// collators hands out Vietnamese collators: one collate.Collator must not
// be used by two goroutines at once.
var collators = sync.Pool{New: func() any {
	return collate.New(language.Vietnamese, collate.Numeric)
}}

// Compare orders a and b as a Vietnamese list is ordered: by the
// alphabet's letters (a, ă, â, b, c, d, đ, e, ê, … ơ, p … ư, v, x, y),
// then by tone marks, then by case, with numbers by value ("Tổ 2" before
// "Tổ 10"). It returns -1, 0 or +1. The database sorts text by its bytes,
// which puts "Đoàn" after "Z" and "Ấp" after "Ô"; the back office's
// browsers sort with Intl.Collator('vi'), which agrees.
func Compare(a, b string) int {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	return c.CompareString(a, b)
}

// SortFunc sorts items in Vietnamese order of the text key gives each
// (Compare), keeping the order of equal ones.
func SortFunc[T any](items []T, key func(T) string) {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	slices.SortStableFunc(items, func(x, y T) int { return c.CompareString(key(x), key(y)) })
}
