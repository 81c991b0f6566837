package e2e

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/site/deploy"
)

// A photo of a published article goes missing from the portal's storage
// (a machine restored without it): the next deploy to the bucket is held,
// and the back office's dashboard says why, in Vietnamese, naming the
// article with a link to it, while the bucket keeps the photo.
func TestDashboardShowsHeldDeploy(t *testing.T) {
	bucket := t.TempDir()
	p := start(t, false, "--deploy-bucket", "file://"+bucket, "--deploy-prefix", "daison", "--deploy-auto")
	p.createStaff(editorEmail, editorPassword, editorName, "editor", "")
	art := p.createRecord("articles", map[string]any{"title": "Ảnh hội nghị sơ kết cải cách hành chính",
		"summary": "Ảnh bìa của bài này sẽ mất.", "body": "Nội dung.", "category": "tuyen-truyen", "status": "published"})
	img := image.NewRGBA(image.Rect(0, 0, 320, 200))
	for y := 0; y < 200; y++ {
		for x := 0; x < 320; x++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 120, 255})
		}
	}
	var photo bytes.Buffer
	png.Encode(&photo, img)
	if code, msg := p.uploadAs(editorEmail, editorPassword, "articles", art.ID, "cover", "anh-bia.png", photo.Bytes()); code != 200 {
		t.Fatalf("upload the cover: %d %s", code, msg)
	}
	var st struct {
		siteStatus
		Deploy *deploy.Report `json:"deploy"`
	}
	deployed := func() bool {
		st.Deploy, st.LastSuccess = nil, nil
		p.api("GET", "/api/site/status", nil, &st)
		return st.Deploy != nil && st.LastSuccess != nil && st.Deploy.Build == st.LastSuccess.ID
	}
	// The cover's sizes, made by Hugo, in the bucket.
	var covers []string
	p.waitFor("the deploy with the cover", 2*time.Minute, func() bool {
		covers, _ = filepath.Glob(filepath.Join(bucket, "daison", "tin-tuc", art.Slug, "*_hu*"))
		return len(covers) > 0
	})

	var stored []string
	all, _ := filepath.Glob(filepath.Join(p.Dir, "storage", "*", art.ID, "*"))
	for _, f := range all {
		if fi, err := os.Stat(f); err == nil && fi.Mode().IsRegular() && !strings.HasSuffix(f, ".attrs") {
			stored = append(stored, f)
		}
	}
	if len(stored) != 1 {
		t.Fatalf("the stored cover: %v", stored)
	}
	os.Remove(stored[0])
	if code := p.api("POST", "/api/site/rebuild", nil, nil); code != 202 {
		t.Fatalf("rebuild: %d", code)
	}
	p.waitFor("the held deploy", 2*time.Minute, func() bool { return deployed() && st.Deploy.Refused })
	for _, f := range covers {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("the held deploy removed %s from the bucket", f)
		}
	}

	b := newBrowser(t, p, 1280)
	b.login(editorEmail, editorPassword)
	b.waitText(".notice-error", "Chưa xuất bản lên kho lưu trữ")
	notice := b.text(".notice-error")
	for _, want := range []string{"Chưa xuất bản lên kho/CDN", filepath.Base(stored[0]), "Ảnh hội nghị sơ kết cải cách hành chính", "Mở để tải lại tệp"} {
		if !strings.Contains(notice, want) {
			t.Errorf("the dashboard's notice lacks %q: %s", want, notice)
		}
	}
	if href := b.eval(`document.querySelector('.notice-error a').getAttribute('href')`); !strings.HasSuffix(href, "/bai-viet/"+art.ID) {
		t.Errorf("the notice links to %q", href)
	}
	b.shot("quan-tri-xuat-ban-tam-dung")
}
