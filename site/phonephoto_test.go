package site_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tools/filesystem"

	portal "github.com/daison/portal"
	"github.com/daison/portal/internal/imagecheck"
	"github.com/daison/portal/internal/imagecheck/imagetest"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site"
)

// TestPhonePhoto: a photo from a phone, stored as the portal keeps an
// upload (upright, 1,600 pixels long, without EXIF: imagecheck, as the
// admin side stores it), is served by the site resized, upright, without
// GPS, and never as stored.
func TestPhonePhoto(t *testing.T) {
	app := recordstest.NewApp(t)
	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://dai-son.test/", Sources: portal.SiteFiles})
	t.Cleanup(b.Close)

	photo := imagetest.PhoneJPEG()
	info, err := imagecheck.Inspect(photo, imagecheck.Default)
	if err != nil {
		t.Fatal(err)
	}
	decoded, err := imagecheck.Decode(photo, info)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := imagecheck.Encode(imagecheck.Upright(decoded, info.Orientation, 1600), "jpeg")
	if err != nil {
		t.Fatal(err)
	}
	cover, err := filesystem.NewFileFromBytes(stored, "IMG_20261203_101500.jpg")
	if err != nil {
		t.Fatal(err)
	}
	art := recordstest.Create(t, app, schema.Articles, map[string]any{"title": "Ảnh chụp bằng điện thoại", "category": "tin-hoat-dong",
		"status": "published", "publishAt": recordstest.Date(time.Now().Add(-time.Minute)), "coverAlt": "Quầy một cửa", "cover": cover})

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
	imagetest.CheckPhone(t, "the page's JPEG", fallback, 0, 0)
	wide, err := os.ReadFile(filepath.Join(live, webp[1]))
	if err != nil {
		t.Fatal(err)
	}
	imagetest.CheckPhone(t, "the page's 1,200 px WebP", wide, 1200, 1600)
	// The stored file is not published as it is: only the resized copies.
	bundle, _ := os.ReadDir(filepath.Join(live, "tin-tuc", art.GetString("slug")))
	for _, f := range bundle {
		if strings.HasPrefix(f.Name(), "cover.") {
			t.Errorf("the cover is published unresized as %s", f.Name())
		}
	}
}
