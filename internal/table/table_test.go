package table

import "testing"

// TestHostile05CSVCells: the cells a spreadsheet would read as a formula get
// a leading quote; numbers and ordinary text stay as they are.
func TestHostile05CSVCells(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://evil.example","x")`: `'=HYPERLINK("http://evil.example","x")`,
		"+cmd|' /C calc'!A0":                    "'+cmd|' /C calc'!A0",
		"-2+3+cmd|' /C calc'!A0":                "'-2+3+cmd|' /C calc'!A0",
		"@SUM(1+1)":                             "'@SUM(1+1)",
		"\t=1+1":                                "'\t=1+1",
		"\r=1+1":                                "'\r=1+1",
		"  =1+1":                                "'  =1+1",
		"+84 912 345 678":                       "'+84 912 345 678",
		"-":                                     "'-",
		"12":                                    "12",
		"-5":                                    "-5",
		"+84912345678":                          "+84912345678",
		"97,5":                                  "97,5",
		"":                                      "",
		"Nguyễn Thị Mai":                        "Nguyễn Thị Mai",
		"1545/QĐ-UBND":                          "1545/QĐ-UBND",
		"a=1":                                   "a=1",
	} {
		if got := csvCell(in); got != want {
			t.Errorf("csvCell(%q) = %q, want %q", in, got, want)
		}
	}
}
