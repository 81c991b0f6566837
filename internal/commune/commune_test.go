package commune

import "testing"

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
