// Command bench measures the portal at scale and prints figures with ratios
// against baselines run in the same invocation (timings are not asserted in
// tests: this machine's load varies).
//
//	export GOTOOLCHAIN=go1.27.3
//	go run ./scripts/bench                  # 1,000 and 10,000 records
//	go run ./scripts/bench -n 1000 -saves 10
//
// For each size it seeds a database with portal's synthetic records (kept
// in -dir for the next run), then measures:
//
//   - a cold full build (no caches) and a warm full build (nothing changed):
//     export, Hugo, gzip, swap, pages, Hugo's peak memory;
//   - plain Hugo building the same exported content: the ratio of the warm
//     full build to it (floor ≤ 1.15);
//   - publish-to-live latency: a record saved, the queue's build, until the
//     live page shows the change, p50 and p95 over -saves saves;
//   - serving one page: requests per second of the portal's live server
//     against nginx serving the same folder on loopback (floor ≥ 0.8), if
//     nginx is installed (apt-get install nginx).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/pocketbase/pocketbase/core"

	portal "github.com/daison/portal"
	"github.com/daison/portal/admin"
	"github.com/daison/portal/admin/demo"
	"github.com/daison/portal/site"
)

func main() {
	site.RunWorkerIfAsked()
	sizes := flag.String("n", "1000,10000", "record counts to measure, comma-separated")
	dir := flag.String("dir", filepath.Join(os.TempDir(), "portal-bench"), "where to keep the seeded databases")
	saves := flag.Int("saves", 20, "saves for the publish-to-live latency")
	serveFor := flag.Duration("serve", 5*time.Second, "duration of each serving load run")
	flag.Parse()
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			fail(err)
		}
		if err := bench(n, filepath.Join(*dir, strconv.Itoa(n)), *saves, *serveFor); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(1)
}

func openApp(dataDir string) (*core.BaseApp, error) {
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: dataDir})
	if err := app.Bootstrap(); err != nil {
		return nil, err
	}
	return app, app.RunAllMigrations()
}

func bench(n int, dataDir string, saves int, serveFor time.Duration) error {
	fmt.Printf("\n== %d records (data in %s)\n", n, dataDir)
	marker := filepath.Join(dataDir, "seeded")
	if _, err := os.Stat(marker); err != nil {
		os.RemoveAll(dataDir)
		app, err := openApp(dataDir)
		if err != nil {
			return err
		}
		admin.Register(app, admin.Options{})
		start := time.Now()
		counts, err := demo.Synthetic(app, n, 1)
		if err != nil {
			return err
		}
		fmt.Printf("seeded %v in %s\n", counts, time.Since(start).Round(time.Millisecond))
		app.ResetBootstrapState()
		os.WriteFile(marker, nil, 0o644)
	}
	app, err := openApp(dataDir)
	if err != nil {
		return err
	}
	defer app.ResetBootstrapState()
	var queue atomic.Pointer[site.Queue]
	admin.Register(app, admin.Options{Changed: func(string) {
		if q := queue.Load(); q != nil {
			q.Trigger("bench")
		}
	}})
	root := filepath.Join(dataDir, "site-bench")
	os.RemoveAll(root)
	b := site.New(app, site.Config{Root: root, BaseURL: "http://127.0.0.1:8090/", Sources: portal.SiteFiles})
	defer b.Close()

	cold, err := b.Build("bench: cold")
	if err != nil {
		return err
	}
	warm, err := b.Build("bench: warm")
	if err != nil {
		return err
	}
	row := func(name string, r site.Report) {
		perPage := float64(r.Duration.D().Microseconds()) / 1000 / float64(max(r.Pages, 1))
		fmt.Printf("%-22s total %7s  export %7s  hugo %7s  gzip %6s  swap %5s  pages %6d (%.2f ms/page)  changed %6d  hugo peak %4d MB\n",
			name, r.Duration.D().Round(time.Millisecond), r.ExportDuration.D().Round(time.Millisecond), r.HugoDuration.D().Round(time.Millisecond),
			r.CompressDuration.D().Round(time.Millisecond), r.SwapDuration.D().Round(time.Millisecond), r.Pages, perPage, r.Changed, r.HugoPeakKB/1024)
	}
	row("full build, cold", cold)
	row("full build, warm", warm)

	plainOut := filepath.Join(root, "plain-hugo")
	os.RemoveAll(plainOut)
	plain, err := site.RunHugo(filepath.Join(root, "src"), plainOut, "http://127.0.0.1:8090/", filepath.Join(root, "cache"))
	if err != nil {
		return err
	}
	os.RemoveAll(plainOut)
	fmt.Printf("%-22s total %7s  peak %d MB\n", "plain Hugo, same src", plain.Duration.Round(time.Millisecond), plain.PeakKB/1024)
	fmt.Printf("ratio full build / plain Hugo: %.2f (floor ≤ 1.15)\n", float64(warm.Duration.D())/float64(plain.Duration))

	if saves > 0 {
		if err := latency(app, b, &queue, saves); err != nil {
			return err
		}
	}
	if serveFor > 0 {
		return serving(b, serveFor)
	}
	return nil
}

// latency saves an article's title and waits until the live page shows it.
func latency(app core.App, b *site.Builder, queue *atomic.Pointer[site.Queue], saves int) error {
	q := site.NewQueue(b)
	q.Debounce = 100 * time.Millisecond
	queue.Store(q)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go q.Run(ctx, time.Time{})
	arts, err := app.FindRecordsByFilter(admin.Articles, "", "-publishAt", saves, 0)
	if err != nil {
		return err
	}
	var ds []time.Duration
	for i, a := range arts {
		title := fmt.Sprintf("%s – cập nhật %d", a.GetString("title"), i)
		a.Set("title", title)
		start := time.Now()
		if err := app.Save(a); err != nil {
			return err
		}
		page := filepath.Join(b.Dir().LivePath(), "tin-tuc", a.GetString("slug"), "index.html")
		for {
			if body, err := os.ReadFile(page); err == nil && strings.Contains(string(body), title) {
				break
			}
			if time.Since(start) > 5*time.Minute {
				return fmt.Errorf("save %d never went live", i)
			}
			time.Sleep(20 * time.Millisecond)
		}
		ds = append(ds, time.Since(start))
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	q50, q95 := ds[len(ds)/2], ds[min(len(ds)-1, int(float64(len(ds))*0.95))]
	fmt.Printf("publish-to-live over %d saves: p50 %s  p95 %s  max %s (floor p95 ≤ 5 s)\n",
		len(ds), q50.Round(time.Millisecond), q95.Round(time.Millisecond), ds[len(ds)-1].Round(time.Millisecond))
	return nil
}

// serving loads one article page from the portal's live server, then from
// nginx serving the same build folder, with the same client.
func serving(b *site.Builder, d time.Duration) error {
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
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: b.Dir().Handler()}
	go srv.Serve(ln)
	defer srv.Close()
	ours := load("http://"+ln.Addr().String()+page, d)
	fmt.Printf("serving %s: portal %.0f req/s", page, ours)

	nginx, err := exec.LookPath("nginx")
	if err != nil {
		fmt.Println("  (nginx not installed: apt-get install nginx, for the comparison)")
		return nil
	}
	port := freePort()
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

func freePort() int {
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
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
