package e2e

import (
	"bytes"
	"image"
	_ "image/jpeg"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/internal/imagecheck/imagetest"
)

// TestPhonePhotoUpload: an editor uploads a 12 MB photo straight from a
// phone (sideways with EXIF orientation 6, a GPS position in its EXIF) as
// an article's cover in the back office and publishes: the site shows it
// resized, upright, and the file it serves has no EXIF and no GPS.
func TestPhonePhotoUpload(t *testing.T) {
	p := start(t, false)
	p.createStaff(editorEmail, editorPassword, editorName, "editor", "")
	photo := imagetest.PhoneJPEG()
	if len(photo) < 12<<20 {
		t.Fatalf("the phone photo is only %d bytes", len(photo))
	}
	file := filepath.Join(t.TempDir(), "IMG_20261203_101500.jpg")
	if err := os.WriteFile(file, photo, 0o644); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, p, 1280)
	b.login(editorEmail, editorPassword)
	b.open("/quan-tri/bai-viet/moi")
	b.waitVisible("#f-title")
	b.typeInto("#f-title", "Ảnh chụp bằng điện thoại ở quầy một cửa")
	b.selectValue("#f-category", "tin-hoat-dong")
	b.upload("#f-cover", file)
	b.waitVisible(".thumb-new img")
	b.typeInto("#f-coverAlt", "Người dân làm thủ tục ở quầy một cửa")
	b.clickButton("Xuất bản ngay")
	b.waitText(".notice-success", "Đã xuất bản")
	id := b.recordIDFromURL("/quan-tri/bai-viet/")
	var rec struct {
		Slug string `json:"slug"`
	}
	p.api("GET", "/api/collections/articles/records/"+id, nil, &rec)
	page := "/tin-tuc/" + rec.Slug + "/"
	p.waitFor("the article on the site", 2*time.Minute, func() bool { code, _ := p.get(page); return code == 200 })
	_, html := p.get(page)
	m := regexp.MustCompile(`<img src=(/tin-tuc/[^ >]+\.jpg)`).FindStringSubmatch(html)
	if m == nil {
		t.Fatalf("the article's page shows no resized cover")
	}
	code, served := p.get(m[1])
	if code != 200 {
		t.Fatalf("%s: %d", m[1], code)
	}
	data := []byte(served)
	if bytes.Contains(data, []byte("Exif\x00")) || bytes.Contains(data, imagetest.GPSLatitude) {
		t.Error("the served photo keeps its EXIF or GPS position")
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	bd := img.Bounds()
	if bd.Dx() >= bd.Dy() || bd.Dy() > 1600 || len(data) > 1<<20 {
		t.Errorf("the served photo is %d × %d, %d bytes: want upright and resized", bd.Dx(), bd.Dy(), len(data))
	}
	red := func(x, y int) bool { r, g, _, _ := img.At(x, y).RGBA(); return r>>8 > 170 && g>>8 < 90 }
	if !red(bd.Dx()*7/8, bd.Dy()/8) || red(bd.Dx()/8, bd.Dy()/8) {
		t.Error("the served photo is not upright: its red quarter is not top right")
	}
	if strings.Contains(html, "/cover.jpg") {
		t.Error("the page links the stored photo itself")
	}
}
