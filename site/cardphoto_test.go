package site_test

import (
	"bytes"
	"github.com/daison/portal/internal/staffauth"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"
	"time"

	portal "github.com/daison/portal"
	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site"
	"github.com/daison/portal/site/cards"
)

// redPhoto is a JPEG all of one red.
func redPhoto(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 600, 400))
	for y := range 400 {
		for x := range 600 {
			img.Set(x, y, color.RGBA{210, 30, 30, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestShareCardsWithPhoto: an article's share card shows its cover on the
// right; an honoree's shows their portrait and says who they are (their
// newest award and its year, their position and unit): the card served is
// exactly the card drawn with that photo and that line.
func TestShareCardsWithPhoto(t *testing.T) {
	app := recordstest.NewApp(t)
	past := recordstest.Date(time.Now().Add(-time.Hour))
	unit := recordstest.Create(t, app, schema.Units, map[string]any{"name": "Văn phòng HĐND và UBND xã", "kind": "phong-chuyen-mon", "status": "published", "publishAt": past})
	art := withFiles(t, app, schema.Articles, map[string]any{"title": "Ngày hội chuyển đổi số", "category": "tin-hoat-dong", "status": "published", "publishAt": past}, "cover", redPhoto(t))
	h := withFiles(t, app, schema.Honorees, map[string]any{"name": "Nguyễn Thị Hoa", "kind": "ca-nhan", "position": "Công chức Tư pháp – Hộ tịch",
		"unit": unit.Id, "status": "published", "publishAt": past}, "photo", redPhoto(t))
	recordstest.Create(t, app, schema.Awards, map[string]any{"honoree": h.Id, "form": "giay-khen", "kind": "hang-nam", "year": 2026,
		"achievement": "Hoàn thành xuất sắc nhiệm vụ", "status": "published", "publishAt": past})

	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://dai-son.test/", Sources: portal.SiteFiles})
	t.Cleanup(b.Close)
	site.Register(app, b, staffauth.Require)
	serveSite(t, app, b)
	if st := b.Status(); st.Last == nil || !st.Last.OK() {
		t.Fatalf("build: %+v", st.Last)
	}
	live := b.Dir().LivePath()
	card, err := os.ReadFile(filepath.Join(live, "tin-tuc", art.GetString("slug"), "the-chia-se.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := jpeg.Decode(bytes.NewReader(card))
	if err != nil {
		t.Fatal(err)
	}
	if r, g, _, _ := img.At(1000, 300).RGBA(); r>>8 < 180 || g>>8 > 70 {
		t.Errorf("the article's card does not show its red cover on the right: (%d, %d)", r>>8, g>>8)
	}
	if r, g, bl, _ := img.At(300, 40).RGBA(); r>>8 < 230 || g>>8 < 230 || bl>>8 < 220 {
		t.Errorf("the card's text side is not paper white: (%d, %d, %d)", r>>8, g>>8, bl>>8)
	}

	stored := storedPath(t, app, h, h.GetString("photo"))
	photo := func() (image.Image, error) {
		f, err := os.ReadFile(stored)
		if err != nil {
			return nil, err
		}
		return jpeg.Decode(bytes.NewReader(f))
	}
	id, err := commune.Load(app)
	if err != nil {
		t.Fatal(err)
	}
	pal := commune.Palette[id.Colour]
	want, err := cards.Render(cards.Card{Kicker: "Vinh danh", Title: "Nguyễn Thị Hoa", Footer: id.SiteName, Mark: id.Mark, Brand: pal.Brand, BrandDark: pal.BrandDark,
		Subtitle: "Giấy khen của Chủ tịch UBND xã năm 2026 · Công chức Tư pháp – Hộ tịch, Văn phòng HĐND và UBND xã", Photo: photo})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(live, "vinh-danh", h.GetString("slug"), "the-chia-se.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the honoree's card is not the card with their portrait and who they are")
	}
}
