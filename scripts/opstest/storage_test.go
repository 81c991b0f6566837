package opstest

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gocloud.dev/blob"

	"github.com/daison/portal/internal/portaltest"
	"github.com/daison/portal/internal/versitygw"
	"github.com/daison/portal/internal/vocab"
)

// pngBytes is a real PNG image w×h.
func pngBytes(t *testing.T, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(100 + x%150), uint8(50 + y%200), 60, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// multipartRecord creates a record of collection with fields and one
// file, and returns its id and stored file name.
func multipartRecord(t *testing.T, base, token, collection string, fields map[string]string, fileField, name string, file []byte) (string, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile(fileField, name)
	fw.Write(file)
	mw.Close()
	req, _ := http.NewRequest("POST", base+"/api/collections/"+collection+"/records", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 {
		t.Fatalf("create %s with a file: %d %s", collection, res.StatusCode, raw)
	}
	var rec map[string]any
	jsonUnmarshal(t, raw, &rec)
	stored := rec[fileField]
	if list, ok := stored.([]any); ok && len(list) > 0 {
		stored = list[0]
	}
	return rec["id"].(string), fmt.Sprint(stored)
}

// get fetches url with the token (may be empty): status and body.
func get(t *testing.T, url, token string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if token != "" {
		req.Header.Set("Authorization", token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, b
}

// storedIn reports whether a file named like name is under dir.
func storedIn(dir, name string) bool {
	found := false
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() && strings.Contains(filepath.Base(p), name) {
			found = true
		}
		return nil
	})
	return found
}

// PocketBase's own S3 settings for uploaded files and for backups, against
// a real S3 server (versitygw): an image uploaded lands in the bucket, is
// served back whole, with a thumbnail; a protected dossier file needs a
// file token; a backup is written to the backups bucket, listed, and
// restored (a record made after it is gone).
func TestPocketBaseS3Storage(t *testing.T) {
	s3 := versitygw.Start(t)
	s3.Bucket(t, "tep")
	s3.Bucket(t, "saoluu")
	p := portaltest.Start(t, portaltest.Options{})
	token, err := p.SignIn()
	if err != nil {
		t.Fatal(err)
	}
	s3cfg := func(bucket string) map[string]any {
		return map[string]any{"enabled": true, "bucket": bucket, "region": versitygw.Region, "endpoint": s3.Endpoint,
			"accessKey": s3.AccessKey, "secret": s3.SecretKey, "forcePathStyle": true}
	}
	if code := api(t, p.URL, token, "PATCH", "/api/settings", map[string]any{
		"s3": s3cfg("tep"), "backups": map[string]any{"s3": s3cfg("saoluu")}}, nil); code != 200 {
		t.Fatalf("S3 settings: %d", code)
	}

	img := pngBytes(t, 400, 300)
	id, name := multipartRecord(t, p.URL, token, "articles", map[string]string{
		"title": "Ảnh bìa trên kho S3", "category": "thong-bao", "status": "draft"}, "cover", "anh-bia.png", img)
	if !storedIn(filepath.Join(s3.Dir, "tep"), name) {
		t.Fatalf("the upload %s is not in the S3 bucket", name)
	}
	fileURL := p.URL + "/api/files/articles/" + id + "/" + name
	if code, b := get(t, fileURL, token); code != 200 || len(b) == 0 {
		t.Fatalf("file back from S3: %d, %d bytes", code, len(b))
	} else if _, err := png.Decode(bytes.NewReader(b)); err != nil {
		t.Fatalf("file back from S3 is not an image: %v", err)
	}
	if code, b := get(t, fileURL+"?thumb=100x100", token); code != 200 {
		t.Fatalf("thumbnail: %d", code)
	} else if cfg, err := png.DecodeConfig(bytes.NewReader(b)); err != nil || cfg.Width != 100 || cfg.Height != 100 {
		t.Fatalf("thumbnail: %+v %v", cfg, err)
	}
	if !storedIn(filepath.Join(s3.Dir, "tep"), "100x100_"+name) {
		t.Errorf("the thumbnail is not kept in the S3 bucket")
	}

	// A protected file (a nomination's dossier): only with a file token.
	var unit struct {
		ID string `json:"id"`
	}
	if code := api(t, p.URL, token, "POST", "/api/collections/units/records", map[string]any{
		"name": "Văn phòng HĐND và UBND xã", "kind": vocab.UnitKinds.Keys()[0], "status": "published"}, &unit); code != 200 {
		t.Fatalf("unit: %d", code)
	}
	nid, dossier := multipartRecord(t, p.URL, token, "nominations", map[string]string{
		"unit": unit.ID, "year": "2026", "nomineeName": "Nguyễn Văn An", "nomineeKind": vocab.HonoreeKinds.Keys()[0],
		"requestedForm": vocab.AwardForms.Keys()[0], "kind": vocab.AwardKinds.Keys()[0],
		"achievements": "Hoàn thành xuất sắc nhiệm vụ cải cách hành chính.", "state": "draft"}, "dossier", "ho-so.png", img)
	durl := p.URL + "/api/files/nominations/" + nid + "/" + dossier
	if code, _ := get(t, durl, ""); code == 200 {
		t.Fatal("a protected dossier is served without a token")
	}
	var ft struct {
		Token string `json:"token"`
	}
	api(t, p.URL, token, "POST", "/api/files/token", nil, &ft)
	if code, b := get(t, durl+"?token="+ft.Token, ""); code != 200 || !bytes.Equal(b, img) {
		t.Fatalf("protected dossier with a file token: %d, %d bytes", code, len(b))
	}

	// A backup on S3, listed, then restored.
	if code := api(t, p.URL, token, "POST", "/api/backups", map[string]any{"name": "truoc_khi_sua.zip"}, nil); code != 204 {
		t.Fatalf("backup: %d", code)
	}
	if !storedIn(filepath.Join(s3.Dir, "saoluu"), "truoc_khi_sua.zip") {
		t.Fatal("the backup is not in the S3 bucket")
	}
	var list []struct {
		Key string `json:"key"`
	}
	api(t, p.URL, token, "GET", "/api/backups", nil, &list)
	if len(list) != 1 || list[0].Key != "truoc_khi_sua.zip" {
		t.Fatalf("backups listed: %+v", list)
	}
	var later struct {
		ID string `json:"id"`
	}
	api(t, p.URL, token, "POST", "/api/collections/articles/records", map[string]any{
		"title": "Bài viết sau bản sao lưu", "category": "thong-bao", "status": "draft"}, &later)
	// A restore through the API is refused by design (it would rewind the
	// audit log under a running portal): the backup is fetched from the
	// bucket and restored with the portal stopped.
	if code := api(t, p.URL, token, "POST", "/api/backups/truoc_khi_sua.zip/restore", nil, nil); code != 403 {
		t.Fatalf("restore through the API: %d, want 403", code)
	}
	s3.SetEnv(t)
	ctx := context.Background()
	bucket, err := blob.OpenBucket(ctx, s3.URL("saoluu"))
	if err != nil {
		t.Fatal(err)
	}
	zipData, err := bucket.ReadAll(ctx, "truoc_khi_sua.zip")
	bucket.Close()
	if err != nil {
		t.Fatal(err)
	}
	zipPath := filepath.Join(t.TempDir(), "truoc_khi_sua.zip")
	if err := os.WriteFile(zipPath, zipData, 0o644); err != nil {
		t.Fatal(err)
	}
	p.Stop()
	if out, err := p.Run("restore", zipPath); err != nil {
		t.Fatalf("portal restore: %v\n%s", err, out)
	}
	if err := p.Launch(); err != nil {
		t.Fatal(err)
	}
	if code := apiNoFail(p.URL, token, "GET", "/api/collections/articles/records/"+later.ID, nil); code != 404 {
		t.Fatalf("a record made after the backup is still there after the restore: %d", code)
	}
	if code, _ := get(t, fileURL, token); code != 200 {
		t.Fatalf("the upload after the restore: %d", code)
	}
}
