package main

// Serving one page: the portal's server against nginx on the same folder.

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/daison/portal/internal/testbin"
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
	page := newsPage(cur)
	ours := load(addr+page, d)
	fmt.Printf("serving %s: portal %.0f req/s", page, ours)

	nginx, err := exec.LookPath("nginx")
	if err != nil {
		fmt.Println("  (nginx not installed: apt-get install nginx, for the comparison)")
		return nil
	}
	port, err := testbin.FreePort()
	if err != nil {
		return err
	}
	conf := filepath.Join(os.TempDir(), "portal-bench-nginx.conf")
	// The workers run as the bench's user: the portal's data folder is
	// its own (0700), as in production.
	me, err := user.Current()
	if err != nil {
		return err
	}
	os.WriteFile(conf, []byte(fmt.Sprintf(`daemon off; user %s; worker_processes auto; pid %s/portal-bench-nginx.pid; error_log stderr error;
events { worker_connections 1024; }
http { access_log off; include /etc/nginx/mime.types; sendfile on; gzip_static on;
  server { listen 127.0.0.1:%d; root %s; location / { try_files $uri $uri/index.html =404; } } }
`, me.Username, os.TempDir(), port, cur)), 0o644)
	url := fmt.Sprintf("http://127.0.0.1:%d%s", port, page)
	stop, err := startNginx(nginx, url, "-c", conf)
	if err != nil {
		return err
	}
	defer stop()
	theirs := load(url, d)
	fmt.Printf(", nginx %.0f req/s: ratio %.2f (floor ≥ 0.8)\n", theirs, ours/theirs)
	return nil
}

// newsPage is the address of one news article of the built site in cur.
func newsPage(cur string) string {
	entries, _ := os.ReadDir(filepath.Join(cur, "tin-tuc"))
	for _, e := range entries {
		if e.IsDir() && e.Name() != "trang" && e.Name() != "chuyen-muc" && e.Name() != "tu-khoa" {
			return "/tin-tuc/" + e.Name() + "/"
		}
	}
	return ""
}

// startNginx starts nginx with args and waits (5 s at most) until url
// answers 200; stop ends it with SIGTERM (the master stops its workers
// too; SIGKILL would orphan them).
func startNginx(nginx, url string, args ...string) (stop func(), err error) {
	cmd := exec.Command(nginx, args...)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("nginx: %w", err)
	}
	stop = func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		_ = cmd.Wait()
	}
	var code int
	for i := 0; i < 100; i++ {
		if code = status(url); code == 200 {
			return stop, nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	stop()
	return nil, fmt.Errorf("nginx does not serve %s: %d", url, code)
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
