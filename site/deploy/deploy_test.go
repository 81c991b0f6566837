package deploy

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gocloud.dev/blob"

	"github.com/daison/portal/internal/versitygw"
)

// writeSite writes files (path → content) into dir as a build does: a
// gzip copy beside each HTML, CSS and XML file.
func writeSite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	os.RemoveAll(dir)
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if ext := filepath.Ext(name); ext == ".html" || ext == ".css" || ext == ".xml" {
			var gz bytes.Buffer
			zw := gzip.NewWriter(&gz)
			zw.Write([]byte(body))
			zw.Close()
			if err := os.WriteFile(p+".gz", gz.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func site(extra map[string]string) map[string]string {
	m := map[string]string{
		"index.html":                  "<h1>Cổng cải cách hành chính xã Đại Sơn</h1>",
		"tin-tuc/index.html":          "<h1>Tin tức</h1>",
		"tin-tuc/hoi-nghi/index.html": "<h1>Hội nghị triển khai</h1>",
		"tin-tuc/kiem-tra/index.html": "<h1>Kiểm tra CCHC</h1>",
		"index.xml":                   "<rss></rss>",
		"css/main." + strings.Repeat("ab", 32) + ".css": "body{color:#222}",
		"anh/logo.png": "\x89PNG fake bytes are fine for storage",
	}
	for k, v := range extra {
		if v == "" {
			delete(m, k)
		} else {
			m[k] = v
		}
	}
	return m
}

// A site deployed to a real S3 server (versitygw): every object with its
// headers, pages gzipped, read back identical; a second deploy uploads
// nothing; a changed page and a removed one upload and delete exactly
// those, and the purge command hears of them; a build that lost most of
// the site is refused and deletes nothing; a server that is down fails in
// Vietnamese and leaves the bucket as it was.
func TestDeployToS3(t *testing.T) {
	s3 := versitygw.Start(t)
	s3.SetEnv(t)
	s3.Bucket(t, "site")
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "public")
	purged := filepath.Join(t.TempDir(), "purged.txt")
	cfg := Config{Bucket: s3.URL("site"), Prefix: "daison", PurgeCommand: "cat > " + purged}

	writeSite(t, dir, site(nil))
	rep, err := Deploy(ctx, dir, cfg)
	if err != nil {
		t.Fatalf("first deploy: %v\n%s", err, s3.Output())
	}
	if rep.Uploaded != 7 || rep.Deleted != 0 || rep.Files != 7 {
		t.Fatalf("first deploy: %+v", rep)
	}

	bucket, err := blob.OpenBucket(ctx, s3.URL("site"))
	if err != nil {
		t.Fatal(err)
	}
	defer bucket.Close()
	get := func(key string) (string, *blob.Attributes) {
		t.Helper()
		attrs, err := bucket.Attributes(ctx, "daison/"+key)
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		r, err := bucket.NewReader(ctx, "daison/"+key, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		b, _ := io.ReadAll(r)
		if attrs.ContentEncoding == "gzip" {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s: not gzip: %v", key, err)
			}
			b, _ = io.ReadAll(zr)
		}
		return string(b), attrs
	}
	body, a := get("tin-tuc/hoi-nghi/index.html")
	if body != "<h1>Hội nghị triển khai</h1>" || a.ContentType != "text/html; charset=utf-8" || a.ContentEncoding != "gzip" ||
		a.CacheControl != pageCacheControl {
		t.Fatalf("page read back: %q %+v", body, a)
	}
	css := "css/main." + strings.Repeat("ab", 32) + ".css"
	if body, a = get(css); body != "body{color:#222}" || a.CacheControl != "public, max-age=31536000, immutable" {
		t.Fatalf("fingerprinted CSS: %q %q", body, a.CacheControl)
	}
	if body, a = get("anh/logo.png"); a.ContentEncoding != "" || a.ContentType != "image/png" || a.CacheControl != "public, max-age=86400" {
		t.Fatalf("image: %+v", a)
	}
	if _, err := bucket.Attributes(ctx, "daison/index.html.gz"); err == nil {
		t.Fatal("the gzip copy was uploaded under its own name")
	}

	rep, err = Deploy(ctx, dir, cfg)
	if err != nil || rep.Uploaded != 0 || rep.Deleted != 0 || rep.Unchanged != 7 || rep.Purged {
		t.Fatalf("unchanged deploy: %+v, %v", rep, err)
	}

	writeSite(t, dir, site(map[string]string{
		"tin-tuc/hoi-nghi/index.html": "<h1>Hội nghị triển khai (đã sửa)</h1>",
		"tin-tuc/kiem-tra/index.html": "",
	}))
	rep, err = Deploy(ctx, dir, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Uploaded != 1 || rep.Deleted != 1 || !slices.Equal(rep.Changed, []string{"tin-tuc/hoi-nghi/index.html", "tin-tuc/kiem-tra/index.html"}) {
		t.Fatalf("one page changed, one removed: %+v", rep)
	}
	if body, _ = get("tin-tuc/hoi-nghi/index.html"); body != "<h1>Hội nghị triển khai (đã sửa)</h1>" {
		t.Fatalf("changed page read back: %q", body)
	}
	if _, err := bucket.Attributes(ctx, "daison/tin-tuc/kiem-tra/index.html"); err == nil {
		t.Fatal("the removed page is still in the bucket")
	}
	p, _ := os.ReadFile(purged)
	for _, want := range []string{"/tin-tuc/hoi-nghi/\n", "/tin-tuc/hoi-nghi/index.html\n", "/tin-tuc/kiem-tra/\n"} {
		if !strings.Contains(string(p), want) {
			t.Errorf("purge command got %q, want %q in it", p, want)
		}
	}

	// A build that lost most pages: refused before anything changes.
	writeSite(t, dir, map[string]string{"index.html": "<h1>Trang chủ trống</h1>"})
	rep, err = Deploy(ctx, dir, cfg)
	if err == nil || !strings.Contains(rep.Error, "không xuất bản để tránh xóa nhầm") {
		t.Fatalf("a build without most pages was deployed: %+v", rep)
	}
	if body, _ = get("index.html"); body != "<h1>Cổng cải cách hành chính xã Đại Sơn</h1>" {
		t.Fatalf("the refused deploy changed the home page: %q", body)
	}

	// The server down: a Vietnamese error, the bucket's files untouched.
	before := snapshot(t, s3.Dir)
	s3.Stop()
	writeSite(t, dir, site(map[string]string{"index.html": "<h1>Mới</h1>"}))
	rep, err = Deploy(ctx, dir, cfg)
	if err == nil || !strings.Contains(rep.Error, "Trang cũ trên kho lưu trữ vẫn được giữ nguyên") {
		t.Fatalf("deploy to a stopped server: %+v, %v", rep, err)
	}
	if after := snapshot(t, s3.Dir); !maps(before, after) {
		t.Fatal("a failed deploy changed the bucket's files")
	}
}

// snapshot reads every file under dir.
func snapshot(t *testing.T, dir string) map[string]string {
	m := map[string]string{}
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && fi.Mode().IsRegular() {
			b, _ := os.ReadFile(p)
			m[p] = string(b)
		}
		return nil
	})
	return m
}

func maps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
