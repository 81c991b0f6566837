package slug

import (
	"strings"
	"testing"
)

func TestMake(t *testing.T) {
	cases := map[string]string{
		"Đại Sơn":                 "dai-son",
		"Kiểm tra Đại Sơn":        "kiem-tra-dai-son",
		"  Giấy khen năm 2026!  ": "giay-khen-nam-2026",
		"Hướng dẫn “nộp hồ sơ” trực tuyến": "huong-dan-nop-ho-so-truc-tuyen",
		"Ứng dụng VNeID — mức độ 2":        "ung-dung-vneid-muc-do-2",
		"Tổ dân phố số 3 / thôn Đông":      "to-dan-pho-so-3-thon-dong",
		"../../etc/passwd":                 "etc-passwd",
		"snake_case__name":                 "snake-case-name",
		"Da\u0323i So\u031Bn":              "dai-son", // NFD
		"🎉":                                "",
		"":                                 "",
		"Nguyễn Thị Hường – Trung tâm Phục vụ HCC xã": "nguyen-thi-huong-trung-tam-phuc-vu-hcc-xa",
	}
	for in, want := range cases {
		if got := Make(in); got != want {
			t.Errorf("Make(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMakeCutsAtWordBoundary(t *testing.T) {
	title := strings.Repeat("cải cách hành chính ", 20)
	got := Make(title)
	if len(got) > MaxLen || !Valid(got) {
		t.Fatalf("Make(long) = %q (%d bytes), want a valid slug ≤ %d", got, len(got), MaxLen)
	}
	if strings.HasSuffix(got, "-") || strings.HasSuffix(got, "-c") {
		t.Fatalf("Make(long) cut mid-word: %q", got)
	}
}

func TestValid(t *testing.T) {
	good := []string{"dai-son", "a", "2026", "giay-khen-2026"}
	bad := []string{"", "Dai-son", "dai_son", "dai--son", "-dai", "dai-", "đại", "../x", "%2e%2e", "a/b", "a b", "a\x00b", strings.Repeat("a", MaxLen+1)}
	for _, s := range good {
		if !Valid(s) {
			t.Errorf("Valid(%q) = false", s)
		}
	}
	for _, s := range bad {
		if Valid(s) {
			t.Errorf("Valid(%q) = true", s)
		}
	}
}

func TestWithSuffix(t *testing.T) {
	if got := WithSuffix("dai-son", 2); got != "dai-son-2" {
		t.Fatalf("got %q", got)
	}
	long := strings.Repeat("a", MaxLen)
	if got := WithSuffix(long, 12); len(got) != MaxLen || !strings.HasSuffix(got, "-12") || !Valid(got) {
		t.Fatalf("got %q", got)
	}
}

func TestReserved(t *testing.T) {
	for _, s := range []string{"trang", "nam", "qr", "chuyen-muc"} {
		if !Reserved(s) {
			t.Errorf("Reserved(%q) = false", s)
		}
	}
	if Reserved("dai-son") {
		t.Error("Reserved(dai-son) = true")
	}
}
