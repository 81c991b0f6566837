package site_test

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	_ "golang.org/x/image/webp"

	portal "github.com/daison/portal"
	"github.com/daison/portal/admin"
	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/site"
)

// phoneJPEG is a photo as a phone stores it: 4032 × 3024 pixels of noisy
// detail at quality 98 (about 12 MB), stored sideways with EXIF orientation
// 6 (the phone was held upright) and a GPS position in its EXIF. Its top
// left quarter, as stored, is red: upright, that is the top right.
func phoneJPEG(t *testing.T) []byte {
	t.Helper()
	const w, h = 4032, 3024
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(13, 2026))
	for y := range h {
		for x := range w {
			n, m := uint8(rng.IntN(100)), uint8(rng.IntN(130))
			c := color.NRGBA{n, uint8(120 + int(m)), uint8(60 + int(n)), 255}
			if x < w/2 && y < h/2 {
				c = color.NRGBA{200 + n/3, n / 4, n / 4, 255}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 98}); err != nil {
		t.Fatal(err)
	}
	j := buf.Bytes()
	seg := phoneEXIF()
	var out bytes.Buffer
	out.Write(j[:2]) // SOI
	out.Write([]byte{0xFF, 0xE1})
	_ = binary.Write(&out, binary.BigEndian, uint16(len(seg)+2))
	out.Write(seg)
	out.Write(j[2:])
	return out.Bytes()
}

// gpsLatitude is the latitude's first rational as the EXIF holds it
// (21/1 degrees): what must not reach the public.
var gpsLatitude = []byte{0, 0, 0, 21, 0, 0, 0, 1}

// phoneEXIF is an APP1 EXIF segment with an orientation of 6 and a GPS
// directory (latitude 21° 1' 40" N, longitude 105° 50' 3" E).
func phoneEXIF() []byte {
	var t bytes.Buffer
	be := func(v any) { _ = binary.Write(&t, binary.BigEndian, v) }
	t.WriteString("MM\x00\x2a")
	be(uint32(8))
	// IFD0 at 8: Orientation, GPSInfo pointer.
	be(uint16(2))
	be(uint16(0x0112))
	be(uint16(3))
	be(uint32(1))
	be(uint16(6))
	be(uint16(0))
	gps := uint32(8 + 2 + 2*12 + 4)
	be(uint16(0x8825))
	be(uint16(4))
	be(uint32(1))
	be(gps)
	be(uint32(0))
	// GPS IFD: four entries, the rationals after it.
	data := gps + 2 + 4*12 + 4
	be(uint16(4))
	be(uint16(1)) // GPSLatitudeRef "N"
	be(uint16(2))
	be(uint32(2))
	t.Write([]byte{'N', 0, 0, 0})
	be(uint16(2)) // GPSLatitude
	be(uint16(5))
	be(uint32(3))
	be(data)
	be(uint16(3)) // GPSLongitudeRef "E"
	be(uint16(2))
	be(uint32(2))
	t.Write([]byte{'E', 0, 0, 0})
	be(uint16(4)) // GPSLongitude
	be(uint16(5))
	be(uint32(3))
	be(data + 24)
	be(uint32(0))
	for _, r := range []uint32{21, 1, 1, 1, 40, 1, 105, 1, 50, 1, 3, 1} {
		be(r)
	}
	return append([]byte("Exif\x00\x00"), t.Bytes()...)
}

// TestPhonePhoto: a 12 MB photo straight from a phone, sideways with EXIF
// orientation 6 and a GPS position, is uploaded as an article's cover. The
// portal stores it upright, 1,600 pixels long, without its EXIF; the site
// serves it resized, upright, without GPS, and never the original.
func TestPhonePhoto(t *testing.T) {
	app := admintest.NewApp(t, nil)
	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://dai-son.test/", Sources: portal.SiteFiles})
	t.Cleanup(b.Close)
	site.Register(app, b, admin.RequireStaff)
	h := admintest.Handler(t, app)

	photo := phoneJPEG(t)
	if len(photo) < 12<<20 || len(photo) > 25<<20 {
		t.Fatalf("the phone photo is %.1f MB, want 12–25 MB", float64(len(photo))/(1<<20))
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range map[string]string{"title": "Ảnh chụp bằng điện thoại", "category": "tin-hoat-dong", "status": "published",
		"publishAt": time.Now().Add(-time.Minute).UTC().Format("2006-01-02 15:04:05.000Z"), "coverAlt": "Quầy một cửa"} {
		_ = mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile("cover", "IMG_20261203_101500.jpg")
	_, _ = fw.Write(photo)
	_ = mw.Close()
	req := httptest.NewRequest(http.MethodPost, "/api/collections/articles/records", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", staffToken(t, app, "editor"))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("upload of the phone photo: %d %s", rec.Code, rec.Body)
	}
	art, err := app.FindFirstRecordByData(schema.Articles, "title", "Ảnh chụp bằng điện thoại")
	if err != nil {
		t.Fatal(err)
	}

	// What the portal stored (and its file API serves).
	code, stored := admintest.Do(h, http.MethodGet, "/api/files/articles/"+art.Id+"/"+art.GetString("cover"), "", "")
	if code != 200 {
		t.Fatalf("stored cover: %d", code)
	}
	checkServed(t, "the stored cover", []byte(stored), 1200, 1600)

	if _, err := b.Build("ảnh điện thoại"); err != nil {
		t.Fatal(err)
	}
	page, ok := readLive(t, b, "tin-tuc/"+art.GetString("slug")+"/index.html")
	if !ok {
		t.Fatal("the article is not live")
	}
	img := regexp.MustCompile(`<img src=(/tin-tuc/[^ >]+\.jpg)`).FindStringSubmatch(page)
	webp := regexp.MustCompile(`(/tin-tuc/[^ ,"]+\.webp) 1200w`).FindStringSubmatch(page)
	if img == nil || webp == nil {
		t.Fatalf("the page has no resized cover (JPEG fallback and 1,200 px WebP)")
	}
	live := b.Dir().LivePath()
	fallback, err := os.ReadFile(filepath.Join(live, img[1]))
	if err != nil {
		t.Fatal(err)
	}
	checkServed(t, "the page's JPEG", fallback, 0, 0)
	wide, err := os.ReadFile(filepath.Join(live, webp[1]))
	if err != nil {
		t.Fatal(err)
	}
	checkServed(t, "the page's 1,200 px WebP", wide, 1200, 1600)
	// The stored file is not published as it is: only the resized copies.
	bundle, _ := os.ReadDir(filepath.Join(live, "tin-tuc", art.GetString("slug")))
	for _, f := range bundle {
		if strings.HasPrefix(f.Name(), "cover.") {
			t.Errorf("the cover is published unresized as %s", f.Name())
		}
	}
}

// checkServed decodes a served image: portrait (the phone held upright),
// of w × h if given, red in its top right quarter and not its top left,
// without EXIF or the GPS position.
func checkServed(t *testing.T, what string, data []byte, w, h int) {
	t.Helper()
	if bytes.Contains(data, []byte("Exif\x00")) || bytes.Contains(data, gpsLatitude) {
		t.Errorf("%s keeps its EXIF or GPS position", what)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	bd := img.Bounds()
	if bd.Dx() >= bd.Dy() || (w > 0 && (bd.Dx() != w || bd.Dy() != h)) || max(bd.Dx(), bd.Dy()) > 1600 {
		t.Errorf("%s is %d × %d, want upright (portrait) %d × %d at most 1,600 long", what, bd.Dx(), bd.Dy(), w, h)
	}
	red := func(x, y int) bool {
		r, g, _, _ := img.At(x, y).RGBA()
		return r>>8 > 170 && g>>8 < 90
	}
	if !red(bd.Dx()*7/8, bd.Dy()/8) || red(bd.Dx()/8, bd.Dy()/8) {
		t.Errorf("%s is not upright: the red quarter is not top right", what)
	}
}
