package main

// Serving one page: the portal's server against nginx on the same folder.

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/daison/portal/internal/portaltest"
	"github.com/daison/portal/site"
)

// serving loads one article page from the running portal (PocketBase's
// server, the route the public site takes), then from nginx serving the
// same build folder, with the same client.
func serving(b *site.Builder, addr string, d time.Duration) error {
	cur, err := b.Dir().Current()
	if err != nil {
		return err
	}
	var page string
	entries, _ := os.ReadDir(filepath.Join(cur, "tin-tuc"))
	for _, e := range entries {
		if e.IsDir() && e.Name() != "trang" && e.Name() != "chuyen-muc" && e.Name() != "tu-khoa" {
			page = "/tin-tuc/" + e.Name() + "/"
			break
		}
	}
	ours := load(addr+page, d)
	fmt.Printf("serving %s: portal %.0f req/s", page, ours)

	nginx, err := exec.LookPath("nginx")
	if err != nil {
		fmt.Println("  (nginx not installed: apt-get install nginx, for the comparison)")
		return nil
	}
	port, err := portaltest.FreePort()
	if err != nil {
		return err
	}
	conf := filepath.Join(os.TempDir(), "portal-bench-nginx.conf")
	os.WriteFile(conf, []byte(fmt.Sprintf(`daemon off; worker_processes auto; pid %s/portal-bench-nginx.pid; error_log stderr error;
events { worker_connections 1024; }
http { access_log off; include /etc/nginx/mime.types; sendfile on; gzip_static on;
  server { listen 127.0.0.1:%d; root %s; location / { try_files $uri $uri/index.html =404; } } }
`, os.TempDir(), port, cur)), 0o644)
	cmd := exec.Command(nginx, "-c", conf)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() {
		// SIGTERM: the master stops its workers too (SIGKILL would orphan them).
		_ = cmd.Process.Signal(syscall.SIGTERM)
		_ = cmd.Wait()
	}()
	url := fmt.Sprintf("http://127.0.0.1:%d%s", port, page)
	for i := 0; i < 100; i++ {
		if res, err := http.Get(url); err == nil {
			res.Body.Close()
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if res, err := http.Get(url); err != nil || res.StatusCode != 200 {
		return fmt.Errorf("nginx does not serve %s: %v %v", url, err, res)
	}
	theirs := load(url, d)
	fmt.Printf(", nginx %.0f req/s: ratio %.2f (floor ≥ 0.8)\n", theirs, ours/theirs)
	return nil
}

// load requests url with 32 connections for d, asking for gzip as a
// browser does, and returns the requests per second.
func load(url string, d time.Duration) float64 {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: true}}
	var n atomic.Int64
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for i := 0; i < 32; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				req, _ := http.NewRequest("GET", url, nil)
				req.Header.Set("Accept-Encoding", "gzip, deflate, br")
				res, err := client.Do(req)
				if err != nil {
					continue
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode == 200 {
					n.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	return float64(n.Load()) / d.Seconds()
}
