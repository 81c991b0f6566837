package admin_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/imagecheck/imagetest"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/article"
)

// TestPhonePhotoStored: a 12 MB photo straight from a phone, sideways with
// EXIF orientation 6 and a GPS position, uploaded as an article's cover,
// is stored upright, 1,600 pixels long, without its EXIF.
func TestPhonePhotoStored(t *testing.T) {
	app := admintest.NewApp(t, nil)
	h := admintest.Handler(t, app)
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
	req.Header.Set("Authorization", admintest.StaffToken(t, app, schema.RoleEditor, ""))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("upload of the phone photo: %d %s", rec.Code, rec.Body)
	}
	r, err := app.FindFirstRecordByData(schema.Articles, "title", "Ảnh chụp bằng điện thoại")
	if err != nil {
		t.Fatal(err)
	}
	code, stored := admintest.Do(h, http.MethodGet, "/api/files/articles/"+r.Id+"/"+article.Of(r).Cover(), "", "")
	if code != 200 {
		t.Fatalf("stored cover: %d", code)
	}
	imagetest.CheckPhone(t, "the stored cover", []byte(stored), 1200, 1600)
}
