package main

// Deploys to an S3 server (versitygw, started here) and serving from the
// bucket through nginx, as a CDN's origin would.

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/testbin"
	"github.com/daison/portal/internal/versitygw"
	"github.com/daison/portal/ops"
	"github.com/daison/portal/records/article"
	"github.com/daison/portal/site"
	"github.com/daison/portal/site/deploy"
)

// bucketBench deploys the live build of b to a fresh bucket (all files),
// again after one article changed (only what changed), then loads one page
// from the bucket through nginx for d.
func bucketBench(app core.App, b *site.Builder, d time.Duration) error {
	tmp, err := os.MkdirTemp("", "portal-bench-s3-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	srv, err := versitygw.New(tmp)
	if err != nil {
		return err
	}
	defer srv.Stop()
	for _, kv := range srv.Env() {
		k, v, _ := strings.Cut(kv, "=")
		os.Setenv(k, v)
	}
	if err := os.MkdirAll(filepath.Join(tmp, "site"), 0o755); err != nil {
		return err
	}
	// As portal serve deploys: with the local copy of the bucket's
	// manifest and of the files' hashes (site/deploy/state.go).
	cfg := deploy.Config{Bucket: srv.URL("site"), Prefix: "daison", StateFile: filepath.Join(tmp, "deploy-state.gob")}
	ctx := context.Background()
	cur, err := b.Dir().Current()
	if err != nil {
		return err
	}
	rep, err := deploy.Deploy(ctx, cur, cfg)
	if err != nil {
		return err
	}
	fmt.Printf("deploy to S3 (versitygw), full:       %7s  files %6d  uploaded %6d  %6d KB\n",
		time.Duration(rep.Duration)*time.Millisecond, rep.Files, rep.Uploaded, rep.Bytes/1024)

	arts, err := app.FindRecordsByFilter(schema.Articles, "status = 'published'", "", 1, 0)
	if err != nil || len(arts) == 0 {
		return fmt.Errorf("an article to change: %v", err)
	}
	change := func(cfg deploy.Config, round string) (deploy.Report, error) {
		arts[0].Set("title", article.Of(arts[0]).Title()+" ("+round+")")
		if err := app.Save(arts[0]); err != nil {
			return deploy.Report{}, err
		}
		if _, err := b.Build("bench: one change"); err != nil {
			return deploy.Report{}, err
		}
		if cur, err = b.Dir().Current(); err != nil {
			return deploy.Report{}, err
		}
		return deploy.Deploy(ctx, cur, cfg)
	}
	if rep, err = change(cfg, "bench"); err != nil {
		return err
	}
	// Before each deploy portal serve checks that every file a record
	// names is in the storage (ops.MissingUploads).
	t := time.Now()
	missing, err := ops.MissingUploads(app)
	if err != nil {
		return err
	}
	check := time.Since(t)
	fmt.Printf("deploy to S3, after one change:        %7s  files %6d  uploaded %6d  %6d KB  unchanged %d  read %d  bucket listed %v\n",
		time.Duration(rep.Duration)*time.Millisecond, rep.Files, rep.Uploaded, rep.Bytes/1024, rep.Unchanged, rep.Hashed, rep.Listed)
	fmt.Printf("  with the check of the uploaded files before it (%s, %d missing): %s\n",
		check.Round(time.Millisecond), len(missing), (time.Duration(rep.Duration)*time.Millisecond + check).Round(time.Millisecond))
	// The baseline: the same, as deploys were before the local copy:
	// every file read and hashed, the bucket listed and its manifest read.
	if rep, err = change(deploy.Config{Bucket: cfg.Bucket, Prefix: cfg.Prefix, Verify: true}, "bench 2"); err != nil {
		return err
	}
	fmt.Printf("  baseline, every file read, bucket listed: %7s  uploaded %6d  read %d\n",
		time.Duration(rep.Duration)*time.Millisecond, rep.Uploaded, rep.Hashed)
	if d <= 0 {
		return nil
	}
	return bucketServing(srv, cur, d)
}

// bucketServing makes the bucket publicly readable (as a CDN's origin)
// and loads one article page through nginx proxying to it.
func bucketServing(srv *versitygw.Server, cur string, d time.Duration) error {
	nginx, err := exec.LookPath("nginx")
	if err != nil {
		fmt.Println("serving from the bucket: nginx not installed (apt-get install nginx)")
		return nil
	}
	client := s3.New(s3.Options{Region: versitygw.Region, BaseEndpoint: aws.String(srv.Endpoint), UsePathStyle: true,
		Credentials: credentials.NewStaticCredentialsProvider(srv.AccessKey, srv.SecretKey, "")})
	policy := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::site/*"]}]}`
	if _, err := client.PutBucketPolicy(context.Background(), &s3.PutBucketPolicyInput{Bucket: aws.String("site"), Policy: aws.String(policy)}); err != nil {
		return fmt.Errorf("public read policy: %w", err)
	}
	page := newsPage(cur)
	port, err := testbin.FreePort()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "portal-bench-nginx-s3-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	conf := filepath.Join(dir, "nginx.conf")
	os.WriteFile(conf, []byte(fmt.Sprintf(`daemon off; worker_processes auto; pid %[1]s/nginx.pid; error_log stderr error;
events { worker_connections 1024; }
http { access_log off; proxy_temp_path %[1]s/proxy; client_body_temp_path %[1]s/body;
  upstream s3 { server %[2]s; keepalive 64; }
  server { listen 127.0.0.1:%[3]d;
    location / {
      rewrite ^(.*)/$ $1/index.html break;
      proxy_pass http://s3/site/daison$uri;
      proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host %[2]s;
    } } }
`, dir, strings.TrimPrefix(srv.Endpoint, "http://"), port)), 0o644)
	url := fmt.Sprintf("http://127.0.0.1:%d%s", port, page)
	stop, err := startNginx(nginx, url, "-c", conf, "-p", dir)
	if err != nil {
		return fmt.Errorf("in front of the bucket: %w", err)
	}
	defer stop()
	fmt.Printf("serving %s from the bucket through nginx: %.0f req/s\n", page, load(url, d))
	return nil
}

// status is the status of a GET of url, 0 when it fails.
func status(url string) int {
	res, err := http.Get(url)
	if err != nil {
		return 0
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}
