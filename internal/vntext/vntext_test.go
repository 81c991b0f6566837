package vntext

import (
	"slices"
	"testing"
)

func TestFold(t *testing.T) {
	cases := map[string]string{
		"Đại Sơn":          "dai son",
		"Giấy khen":        "giay khen",
		"KHAI SINH":        "khai sinh",
		"Đ":                "d",
		"Nguyễn Thị Hường": "nguyen thi huong",
		// NFD input folds the same as NFC.
		"Da\u0323i So\u031Bn": "dai son",
	}
	for in, want := range cases {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNFC(t *testing.T) {
	nfd := "Đa\u0323i So\u031Bn"
	if got := NFC(nfd); got != "Đại Sơn" {
		t.Fatalf("NFC(%q) = %q", nfd, got)
	}
}

func TestCheck(t *testing.T) {
	cases := []struct {
		in        string
		multiline bool
		want      Problem
	}{
		{"Đại Sơn", false, ""},
		{"dòng 1\ndòng 2", true, ""},
		{"dòng 1\ndòng 2", false, ProblemNewline},
		{"a\r\nBcc: x@y", false, ProblemNewline},
		{"ab\u200Bc", true, ProblemInvisible},
		{"abc\u202Egnp.exe", false, ProblemInvisible},
		{"a\x00b", true, ProblemControl},
		{"a\xffb", true, ProblemInvalidUTF8},
		{"cột\tcột", false, ""},
		{"Nguyễn Văn A\u2028Quản trị", false, ProblemNewline},
		{"đoạn 1\u2029đoạn 2", true, ""},
	}
	for _, c := range cases {
		if got := Check(c.in, c.multiline); got != c.want {
			t.Errorf("Check(%q, %v) = %q, want %q", c.in, c.multiline, got, c.want)
		}
	}
}

func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"Nguyễn Văn A": "Nguyễn Văn A",
		"Nguyễn Văn A\r\nQuản trị hệ thống":      "Nguyễn Văn A Quản trị hệ thống",
		" Lê\tThị\u2028B\u202e\x1b[31m C \u0085": "Lê Thị B [31m C",
		"Nguye\u0302\u0303n":                     "Nguyễn",
	} {
		if got := OneLine(in); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGroupDigits(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1.000", 20000: "20.000", 1234567: "1.234.567", -1234: "-1.234"} {
		if got := GroupDigits(n); got != want {
			t.Errorf("GroupDigits(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestCompare(t *testing.T) {
	// The Vietnamese alphabet, then tones, then numbers by value.
	want := []string{"An", "Ánh", "Ăn", "Âu", "Bình", "Dũng", "Đào", "Đoàn", "Ê-đê", "Hoàng", "Ô Chợ", "Ơn", "Tổ 2", "Tổ 10", "Ư", "Yến", "Zô"}
	got := slices.Clone(want)
	slices.Reverse(got)
	SortFunc(got, func(s string) string { return s })
	if !slices.Equal(got, want) {
		t.Fatalf("Vietnamese order:\n got %q\nwant %q", got, want)
	}
	if Compare("Đào", "Dương") <= 0 || Compare("dao", "Đào") >= 0 || Compare("Hà", "Hà") != 0 {
		t.Error("Compare disagrees with the alphabet")
	}
}
