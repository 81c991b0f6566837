package password

import (
	"errors"
	"testing"
)

// TestHostile14TrivialPasswords: the passwords the hostile tester set on
// staff accounts, and their kin, are refused with the right reason; long
// passphrases, including the test suites' own, pass.
func TestHostile14TrivialPasswords(t *testing.T) {
	for _, c := range []struct {
		pw       string
		personal []string
		want     error
	}{
		{"aaaaaaaaaa", nil, ErrRepeated},
		{"1111111111", nil, ErrRepeated},
		{"..........", nil, ErrRepeated},
		{"ĐĐĐĐĐĐĐĐĐĐ", nil, ErrRepeated},
		{"abcabcabcabc", nil, ErrRepeated},
		{"1212121212", nil, ErrRepeated},
		{"aabbaabbaab", nil, ErrRepeated},
		{"1234567890", nil, ErrSequence},
		{"0987654321", nil, ErrSequence},
		{"12345678910", nil, ErrSequence},
		{"91011121314", nil, ErrSequence},
		{"abcdefghijk", nil, ErrSequence},
		{"QWERTYUIOP", nil, ErrSequence},
		{"poiuytrewq", nil, ErrSequence},
		{"1qaz2wsx3edc", nil, ErrSequence},
		{"matkhau123", nil, ErrCommon},
		{"MatKhau@2026", nil, ErrCommon},
		{"mật khẩu 123", nil, ErrCommon},
		{"abc@12345", nil, ErrCommon},
		{"daison123", nil, ErrCommon},
		{"Đại Sơn 2026!", nil, ErrCommon},
		{"P@ssw0rd2026", nil, ErrCommon},
		{"iloveyou!!!", nil, ErrCommon},
		{"anhyeuem1994", nil, ErrCommon},
		{"123456789a", nil, ErrCommon},
		{"lannguyen2026", []string{"lan.nguyen@daison.gov.vn", "Nguyễn Thị Lan"}, ErrPersonal},
		{"Nguyen Thi Lan 1", []string{"lan@daison.gov.vn", "Nguyễn Thị Lan"}, ErrPersonal},
		{"lanthinguyen", []string{"lan@daison.gov.vn", "Nguyễn Thị Lan"}, ErrPersonal},
		{"lan@daison.gov.vn", []string{"lan@daison.gov.vn", "Nguyễn Thị Lan"}, ErrPersonal},

		{"mat-khau-nhan-vien-1", []string{"editor@daison.test", "Cán bộ editor"}, nil},
		{"mat-khau-tham-dinh-1", []string{"thamdinh@daison.test", "Lê Văn Thẩm Định"}, nil},
		{"mật khẩu đủ dài", []string{"lan@daison.gov.vn", "Nguyễn Thị Lan"}, nil},
		{"sitetest-password-2026", nil, nil},
		{"ngựa ô chạy qua cầu tre", nil, nil},
		{"Tr4u-v4ng-d0ng-lua", nil, nil},
	} {
		err := Check(c.pw, c.personal...)
		if !errors.Is(err, c.want) {
			t.Errorf("Check(%q) = %v, want %v", c.pw, err, c.want)
		}
	}
}

// TestListIsLoaded: the embedded list is read, its entries normalised.
func TestListIsLoaded(t *testing.T) {
	if len(common) < 300 {
		t.Fatalf("%d common passwords loaded, want some hundreds", len(common))
	}
	for _, w := range []string{"matkhau123", "12345678910", "abc12345", "daison123", "password"} {
		if !common[w] {
			t.Errorf("%q is not in the list", w)
		}
	}
}

// FuzzCheck: the check never panics and refuses every password made of
// one character repeated.
func FuzzCheck(f *testing.F) {
	f.Add("mat-khau-nhan-vien-1", "a@b.c")
	f.Add("ĐĐĐĐĐĐĐĐĐĐ", "")
	f.Add("\xff\xfe", "Nguyễn")
	f.Fuzz(func(t *testing.T, pw, personal string) {
		_ = Check(pw, personal)
		if pw != "" {
			r := []rune(pw)[0]
			s := string([]rune{r, r, r, r, r, r, r, r, r, r})
			if Check(s) == nil {
				t.Errorf("%q accepted", s)
			}
		}
	})
}
