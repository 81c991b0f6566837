package deploy

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gocloud.dev/blob"

	"github.com/daison/portal/internal/versitygw"
	"github.com/daison/portal/site/live"
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
	if body, a = get("anh/logo.png"); body != "\x89PNG fake bytes are fine for storage" || a.ContentEncoding != "" || a.ContentType != "image/png" || a.CacheControl != "public, max-age=86400" {
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
	if after := snapshot(t, s3.Dir); !sameSnapshot(before, after) {
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

func sameSnapshot(a, b map[string]string) bool {
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

// linkTree makes dst a copy of src made of hard links, as an incremental
// build shares its unchanged files with the previous one.
func linkTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if fi.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		return os.Link(p, filepath.Join(dst, rel))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// rewrite replaces one page of a build folder (a new file, as Hugo
// writes it) with its gzip copy.
func rewrite(t *testing.T, dir, name, body string) {
	t.Helper()
	p := filepath.Join(dir, name)
	os.Remove(p)
	os.Remove(p + ".gz")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(body))
	zw.Close()
	if err := os.WriteFile(p+".gz", gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// With a state file, a deploy after a change reads only the changed files
// and does not list the bucket (its manifest's hash, read with a HEAD,
// says it is as this portal left it), files hard-linked from the previous
// build included; when another deploy changed the bucket, the next one
// notices and lists it again, and puts this build back whole; an object
// deleted by hand is found again by a deploy that verifies (portal deploy).
func TestDeployKeepsTheManifestLocally(t *testing.T) {
	s3 := versitygw.Start(t)
	s3.SetEnv(t)
	s3.Bucket(t, "site")
	ctx := context.Background()
	tmp := t.TempDir()
	cfg := Config{Bucket: s3.URL("site"), Prefix: "daison", StateFile: filepath.Join(tmp, "state.gob")}
	bucket, err := blob.OpenBucket(ctx, s3.URL("site"))
	if err != nil {
		t.Fatal(err)
	}
	defer bucket.Close()
	read := func(key string) string {
		t.Helper()
		b, err := bucket.ReadAll(ctx, "daison/"+key)
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		if zr, err := gzip.NewReader(bytes.NewReader(b)); err == nil {
			b, _ = io.ReadAll(zr)
		}
		return string(b)
	}

	one := filepath.Join(tmp, "build-1")
	writeSite(t, one, site(nil))
	rep, err := Deploy(ctx, one, cfg)
	if err != nil || !rep.Listed || rep.Hashed != 7 || rep.Uploaded != 7 {
		t.Fatalf("first deploy: %+v, %v", rep, err)
	}
	rep, err = Deploy(ctx, one, cfg)
	if err != nil || rep.Listed || rep.Hashed != 0 || rep.Uploaded != 0 || rep.Unchanged != 7 {
		t.Fatalf("the same build again: %+v, %v", rep, err)
	}
	// After a restart: the state file.
	WaitSaved()
	states.Delete(cfg.StateFile)
	rep, err = Deploy(ctx, one, cfg)
	if err != nil || rep.Listed || rep.Hashed != 0 || rep.Uploaded != 0 {
		t.Fatalf("the same build after a restart: %+v, %v", rep, err)
	}

	// The next build: links of the previous one, one page new, one gone.
	two := filepath.Join(tmp, "build-2")
	linkTree(t, one, two)
	rewrite(t, two, "tin-tuc/hoi-nghi/index.html", "<h1>Hội nghị sơ kết</h1>")
	os.Remove(filepath.Join(two, "tin-tuc/kiem-tra/index.html"))
	os.Remove(filepath.Join(two, "tin-tuc/kiem-tra/index.html.gz"))
	rep, err = Deploy(ctx, two, cfg)
	if err != nil || rep.Listed || rep.Hashed != 1 || rep.Uploaded != 1 || rep.Deleted != 1 {
		t.Fatalf("one page changed, one removed: %+v, %v", rep, err)
	}
	if got := read("tin-tuc/hoi-nghi/index.html"); got != "<h1>Hội nghị sơ kết</h1>" {
		t.Fatalf("changed page: %q", got)
	}
	if _, err := bucket.Attributes(ctx, "daison/tin-tuc/kiem-tra/index.html"); err == nil {
		t.Fatal("the removed page is still in the bucket")
	}

	// Another machine (another state) deploys another build.
	other := cfg
	other.StateFile = filepath.Join(tmp, "other.gob")
	three := filepath.Join(tmp, "build-3")
	writeSite(t, three, site(map[string]string{"index.html": "<h1>Trang của máy khác</h1>"}))
	if rep, err = Deploy(ctx, three, other); err != nil || !rep.Listed {
		t.Fatalf("deploy from another state: %+v, %v", rep, err)
	}
	// This one notices, lists, and puts its build back.
	rep, err = Deploy(ctx, two, cfg)
	if err != nil || !rep.Listed || rep.Hashed != 0 || rep.Uploaded != 2 || rep.Deleted != 1 {
		t.Fatalf("after another deploy changed the bucket: %+v, %v", rep, err)
	}
	if got := read("index.html"); got != "<h1>Cổng cải cách hành chính xã Đại Sơn</h1>" {
		t.Fatalf("home page: %q", got)
	}

	// A full build lists its files beside its folder: the deploy takes
	// the list (a file not listed is not deployed, a listed file that is
	// missing fails the deploy before anything changes).
	listing := live.ListingPath(two)
	var names []string
	filepath.Walk(two, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			rel, _ := filepath.Rel(two, p)
			dev, ino := identity(fi)
			names = append(names, fmt.Sprintf("%s\t%d\t%d\t%d\t%d", filepath.ToSlash(rel), fi.Size(), fi.ModTime().UnixNano(), dev, ino))
		}
		return nil
	})
	if err := os.WriteFile(listing, []byte(strings.Join(names, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if rep, err = Deploy(ctx, two, cfg); err != nil || rep.Files != 6 || rep.Uploaded != 0 || rep.Hashed != 0 {
		t.Fatalf("deploy from the listing: %+v, %v", rep, err)
	}
	if err := os.WriteFile(listing, []byte(strings.Join(append(names, "tin-tuc/mat/index.html"), "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if rep, err = Deploy(ctx, two, cfg); err == nil || !strings.Contains(rep.Error, "Trang cũ trên kho lưu trữ vẫn được giữ nguyên") {
		t.Fatalf("a listed file missing: %+v, %v", rep, err)
	}
	os.Remove(listing)

	// An object deleted by hand: the local copy does not know; a deploy
	// that verifies does.
	if err := bucket.Delete(ctx, "daison/tin-tuc/index.html"); err != nil {
		t.Fatal(err)
	}
	if rep, err = Deploy(ctx, two, cfg); err != nil || rep.Listed || rep.Uploaded != 0 {
		t.Fatalf("trusting the local copy: %+v, %v", rep, err)
	}
	verify := cfg
	verify.Verify = true
	if rep, err = Deploy(ctx, two, verify); err != nil || !rep.Listed || rep.Uploaded != 1 || rep.Changed[0] != "tin-tuc/index.html" {
		t.Fatalf("a deploy that verifies: %+v, %v", rep, err)
	}
	if got := read("tin-tuc/index.html"); got != "<h1>Tin tức</h1>" {
		t.Fatalf("page put back: %q", got)
	}
}
