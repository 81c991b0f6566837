// Package quarter writes a quarter of a year the one way the portal shows
// it everywhere, as Vietnamese official documents do: the
// quarter in Roman numerals, "Quý III/2026".
//
// It is a leaf: it imports nothing of the portal's.
package quarter

import "strconv"

var roman = [...]string{"", "I", "II", "III", "IV"}

// Roman is the quarter q (1 to 4) in Roman numerals, or its number
// written plainly when it is not a quarter.
func Roman(q int) string {
	if q < 1 || q > 4 {
		return strconv.Itoa(q)
	}
	return roman[q]
}

// Label is "Quý III/2026".
func Label(q, year int) string {
	return "Quý " + Roman(q) + "/" + strconv.Itoa(year)
}
