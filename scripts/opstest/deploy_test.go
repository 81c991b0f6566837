package opstest

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gocloud.dev/blob"
	_ "gocloud.dev/blob/s3blob"

	"github.com/daison/portal/internal/portaltest"
	"github.com/daison/portal/internal/versitygw"
	"github.com/daison/portal/site/deploy"
)

type deployStatus struct {
	LastSuccess *struct {
		ID string `json:"id"`
	} `json:"lastSuccess"`
	Deploy *deploy.Report `json:"deploy"`
}

// The portal with --deploy-auto publishes each live build to a real S3
// server (versitygw): the first build whole; after an article is
// published, only the changed objects, and the article's page read back
// from the bucket is the file the portal serves.
func TestAutoDeployToS3(t *testing.T) {
	s3 := versitygw.Start(t)
	s3.SetEnv(t) // the portal inherits the keys
	s3.Bucket(t, "site")
	p := portaltest.Start(t, portaltest.Options{Args: []string{"--deploy-bucket", s3.URL("site"), "--deploy-prefix", "daison", "--deploy-auto"}})
	token, err := p.SignIn()
	if err != nil {
		t.Fatal(err)
	}
	var st deployStatus
	deployed := func(after string) func() bool {
		return func() bool {
			st = deployStatus{}
			api(t, p.URL, token, "GET", "/api/site/status", nil, &st)
			return st.Deploy != nil && st.LastSuccess != nil && st.Deploy.Build == st.LastSuccess.ID && st.Deploy.Build != after
		}
	}
	p.WaitFor(t, "the first deploy", time.Minute, deployed(""))
	if !st.Deploy.OK() || st.Deploy.Uploaded != st.Deploy.Files || st.Deploy.Files < 20 {
		t.Fatalf("first deploy: %+v", st.Deploy)
	}
	first := *st.Deploy

	var art struct {
		ID   string `json:"id"`
		Slug string `json:"slug"`
	}
	if code := api(t, p.URL, token, "POST", "/api/collections/articles/records", map[string]any{
		"title": "Đại Sơn xuất bản trang lên kho lưu trữ", "summary": "Trang tĩnh được đưa lên CDN.",
		"body": "Chỉ **các tệp thay đổi** được tải lên.", "category": "tuyen-truyen", "status": "published",
	}, &art); code != 200 {
		t.Fatalf("create article: %d", code)
	}
	took := p.WaitFor(t, "the deploy after the article", 2*time.Minute, deployed(first.Build))
	rep := st.Deploy
	t.Logf("article published → deployed in %s: %d of %d files uploaded, %d deleted, deploy %d ms",
		took.Round(time.Millisecond), rep.Uploaded, rep.Files, rep.Deleted, rep.Duration)
	if !rep.OK() || rep.Uploaded == 0 || rep.Uploaded >= rep.Files/2 || rep.Unchanged == 0 {
		t.Fatalf("deploy after one article: %+v", rep)
	}
	key := "tin-tuc/" + art.Slug + "/index.html"
	found := false
	for _, k := range rep.Changed {
		found = found || k == key
	}
	if !found {
		t.Fatalf("the article's page %s is not among the uploaded: %v", key, rep.Changed)
	}

	// The page in the bucket is the one the portal serves.
	ctx := context.Background()
	bucket, err := blob.OpenBucket(ctx, s3.URL("site"))
	if err != nil {
		t.Fatal(err)
	}
	defer bucket.Close()
	r, err := bucket.NewReader(ctx, "daison/"+key, nil)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(r)
	r.Close()
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("page in the bucket is not gzip: %v", err)
	}
	fromBucket, _ := io.ReadAll(zr)
	livePage, err := os.ReadFile(filepath.Join(p.Dir, "site", "live", key))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fromBucket, livePage) || !strings.Contains(string(fromBucket), "Đại Sơn xuất bản trang lên kho lưu trữ") {
		t.Fatalf("the page in the bucket differs from the live one (%d vs %d bytes)", len(fromBucket), len(livePage))
	}

	// The S3 server down: the build still goes live on the portal, the
	// deploy's failure is on the status (in Vietnamese) and the health.
	s3.Stop()
	api(t, p.URL, token, "PATCH", "/api/collections/articles/records/"+art.ID, map[string]any{"title": "Đại Sơn: bản sửa khi kho lưu trữ ngừng"}, nil)
	second := st.Deploy.Build
	p.WaitFor(t, "the failed deploy on the status", 2*time.Minute, deployed(second))
	if st.Deploy.OK() || !strings.Contains(st.Deploy.Error, "Trang cũ trên kho lưu trữ vẫn được giữ nguyên") {
		t.Fatalf("deploy to a stopped server: %+v", st.Deploy)
	}
	var h health
	api(t, p.URL, token, "GET", "/api/health", nil, &h)
	if h.Data.Portal.OK || h.Data.Portal.Deploy.OK || h.Data.Portal.Deploy.Error != st.Deploy.Error {
		t.Fatalf("health after a failed deploy: %+v", h.Data.Portal)
	}
}
