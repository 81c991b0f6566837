package commune

import (
	"strings"
	"testing"

	"github.com/daison/portal/internal/vocab"
)

func TestPaletteContrast(t *testing.T) {
	if len(PaletteOrder) != len(Palette) {
		t.Fatalf("PaletteOrder lists %d tokens, Palette has %d", len(PaletteOrder), len(Palette))
	}
	for _, tok := range PaletteOrder {
		c, ok := Palette[tok]
		if !ok {
			t.Fatalf("token %q not in Palette", tok)
		}
		for _, pair := range [][2]string{{"#ffffff", c.Brand}, {Accent, c.Brand}, {"#ffffff", c.BrandDark}, {Accent, c.BrandDark}} {
			if r := Contrast(pair[0], pair[1]); r < 4.5 {
				t.Errorf("%s: %s on %s is %.2f:1, under 4.5:1", tok, pair[0], pair[1], r)
			}
		}
	}
	if r := Contrast("#ffffff", "#ffffff"); r != 1 {
		t.Errorf("white on white = %v, want 1", r)
	}
	if r := Contrast("#000000", "#ffffff"); r < 20.9 || r > 21.1 {
		t.Errorf("black on white = %v, want 21", r)
	}
}

func TestWithDefaults(t *testing.T) {
	c := Identity{Commune: "xã Hòa Bình Mẫu", Colour: "khong-co"}.WithDefaults()
	if c.SiteName != "Cổng thông tin cải cách hành chính xã Hòa Bình Mẫu" || c.Owner != "Ủy ban nhân dân xã Hòa Bình Mẫu" {
		t.Errorf("defaults from the commune's name: %q, %q", c.SiteName, c.Owner)
	}
	if c.Colour != DefaultColour {
		t.Errorf("unknown colour kept: %q", c.Colour)
	}
	if got := c.OwnerUpper(); got != "UBND XÃ HÒA BÌNH MẪU" {
		t.Errorf("OwnerUpper = %q", got)
	}
}

func TestFormsInUse(t *testing.T) {
	all := len(vocab.AwardForms)
	for _, c := range []struct {
		name  string
		forms []string
		want  []string
	}{
		{"empty means all", nil, vocab.AwardForms.Keys()},
		{"one", []string{"giay-khen"}, []string{"giay-khen"}},
		{"vocabulary's order", []string{"bang-khen-thu-tuong", "giay-khen"}, []string{"giay-khen", "bang-khen-thu-tuong"}},
		{"only unknown means all", []string{"khong-co"}, vocab.AwardForms.Keys()},
	} {
		got := Identity{AwardForms: c.forms}.FormsInUse().Keys()
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s: FormsInUse = %v, want %v (of %d)", c.name, got, c.want, all)
		}
	}
	if bad := UnknownForms([]string{"giay-khen", "huan-chuong"}); len(bad) != 1 || bad[0] != "huan-chuong" {
		t.Errorf("UnknownForms = %v", bad)
	}
}
