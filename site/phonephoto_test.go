package site_test

import (
	"bytes"
	"image"
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
	"github.com/daison/portal/internal/imagecheck/imagetest"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/site"
)

// TestPhonePhoto: a 12 MB photo straight from a phone, sideways with EXIF
// orientation 6 and a GPS position, is uploaded as an article's cover. The
// portal stores it upright, 1,600 pixels long, without its EXIF; the site
// serves it resized, upright, without GPS, and never the original.
func TestPhonePhoto(t *testing.T) {
	app := admintest.NewApp(t, nil)
	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://dai-son.test/", Sources: portal.SiteFiles})
	t.Cleanup(b.Close)
	site.Register(app, b, admin.RequireStaff)
	h := serveSite(t, app, b)

	photo := imagetest.PhoneJPEG()
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
	if bytes.Contains(data, []byte("Exif\x00")) || bytes.Contains(data, imagetest.GPSLatitude) {
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
