package cards

import (
	"bytes"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
)

func TestRender(t *testing.T) {
	for _, title := range []string{
		"Ngắn",
		"Hướng dẫn tạo và kích hoạt tài khoản định danh điện tử mức độ 2 trên ứng dụng VNeID",
		strings.Repeat("Cải cách thủ tục hành chính ở xã Đại Sơn ", 12),
	} {
		b, err := Render(Card{Kicker: "Hướng dẫn dịch vụ công", Title: title, Footer: "caicach.daison.gov.vn"})
		if err != nil {
			t.Fatal(err)
		}
		img, err := jpeg.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if s := img.Bounds().Size(); s.X != Width || s.Y != Height {
			t.Errorf("card is %v, want %dx%d", s, Width, Height)
		}
		if len(b) > MaxBytes {
			t.Errorf("card of %q is %d bytes, over %d", title, len(b), MaxBytes)
		}
	}
	if os.Getenv("PORTAL_ARTIFACTS") != "" {
		b, _ := Render(Card{Kicker: "Vinh danh", Title: "Nguyễn Thị Hường – Trung tâm Phục vụ hành chính công: ứng dụng mã QR tra cứu hồ sơ", Footer: "Cải cách hành chính xã Đại Sơn"})
		_ = os.MkdirAll(filepath.Join(os.Getenv("PORTAL_ARTIFACTS"), "cards"), 0o755)
		_ = os.WriteFile(filepath.Join(os.Getenv("PORTAL_ARTIFACTS"), "cards", "the-chia-se.jpg"), b, 0o644)
	}
}

func TestCache(t *testing.T) {
	k := Cache{Dir: t.TempDir()}
	c := Card{Kicker: "Tin tức", Title: "Đại Sơn", Footer: "x"}
	p1, err := k.Get(c)
	if err != nil {
		t.Fatal(err)
	}
	st1, _ := os.Stat(p1)
	time.Sleep(10 * time.Millisecond)
	p2, err := k.Get(c)
	if err != nil {
		t.Fatal(err)
	}
	st2, _ := os.Stat(p2)
	if p1 != p2 || !st1.ModTime().Equal(st2.ModTime()) {
		t.Fatal("a cached card was drawn again")
	}
	p3, _ := k.Get(Card{Kicker: "Tin tức", Title: "Đại Sơn mới", Footer: "x"})
	if p3 == p1 {
		t.Fatal("a new title reused the old card")
	}
}

// TestHostile02DamagedCard: a cached card that is not a whole card (written
// over, cut short) is drawn again rather than handed to Hugo, which reads
// every card's header and would fail the whole build on one.
func TestHostile02DamagedCard(t *testing.T) {
	k := Cache{Dir: t.TempDir()}
	c := Card{Kicker: "Tin tức", Title: "Đại Sơn", Footer: "x"}
	p, err := k.Get(c)
	if err != nil {
		t.Fatal(err)
	}
	whole, _ := os.ReadFile(p)
	for name, bad := range map[string][]byte{
		"garbage": []byte("không phải ảnh"),
		"cut":     whole[:len(whole)/2],
		"no end":  append(append([]byte(nil), whole[:len(whole)-2]...), 0, 0),
	} {
		if err := os.WriteFile(p, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := k.Get(c)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(got)
		if _, err := jpeg.Decode(bytes.NewReader(b)); err != nil || !bytes.Equal(b, whole) {
			t.Errorf("%s: the damaged card was kept (%v)", name, err)
		}
	}
}

func BenchmarkRender(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Render(Card{Kicker: "Tin tức", Title: "Xã Đại Sơn ra mắt Tổ công nghệ số cộng đồng tại 12 thôn", Footer: "caicach.daison.gov.vn"}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLayoutFits lays out cards whose every text is too long (a long
// award line, a word longer than a line, a long kicker and footer), with
// and without a photo: every line stays inside the card's text column and
// above its bottom rule, and an honoree's award is whole on the
// subtitle's first line (who they are on the second, cut if need be).
func TestLayoutFits(t *testing.T) {
	fb, fm, err := fonts()
	if err != nil {
		t.Fatal(err)
	}
	face := func(f *opentype.Font) func(float64) font.Face {
		return func(size float64) font.Face {
			ff, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
			if err != nil {
				t.Fatal(err)
			}
			return ff
		}
	}
	award := "Giấy khen của Chủ tịch UBND xã năm 2026 · Trưởng thôn Tân Lập, Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"
	for _, c := range []Card{
		{Kicker: "Vinh danh", Title: "Lê Thị A", Subtitle: award, Footer: "caicach.example.gov.vn"},
		{Kicker: strings.Repeat("Mô hình, sáng kiến ", 6), Title: strings.Repeat("Ư", 80), Subtitle: strings.Repeat("Bằngkhen", 30), Footer: strings.Repeat("dai-son.", 30) + "gov.vn"},
		{Kicker: "Tin tức", Title: strings.Repeat("Cải cách thủ tục hành chính ", 20), Subtitle: award + " " + award, Footer: "x"},
	} {
		for _, maxW := range []int{Width - 128 - 96, photoLeft - 128 - 40} {
			lay := layout{bold: face(fb), medium: face(fm), left: 128, maxW: maxW, kickerW: maxW - 100, brand: defaultBrand}
			lines := lay.lines(c)
			var sub []string
			for i, l := range lines {
				w := font.MeasureString(l.face, l.text).Ceil()
				limit := maxW
				if i == 0 {
					limit = lay.kickerW
				}
				if l.x+w > l.x+limit || l.y > Height-18 || l.y < 40 || l.text == "" {
					t.Errorf("maxW %d: line %q is %d px wide at y %d (limit %d)", maxW, l.text, w, l.y, limit)
				}
				if l.colour == defaultBrand && i > 0 {
					sub = append(sub, l.text)
				}
			}
			if c.Subtitle == award && (len(sub) != 2 || sub[0] != "Giấy khen của Chủ tịch UBND xã năm 2026") {
				t.Errorf("maxW %d: the award is not whole on the subtitle's first line: %q", maxW, sub)
			}
		}
	}
}
