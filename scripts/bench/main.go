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
//   - a cold full build (no caches), then -rounds warm full builds (nothing
//     changed) in turns with plain Hugo building the same exported content:
//     export, Hugo, gzip, swap, pages, Hugo's peak memory, and the ratio of
//     the medians (floor ≤ 1.15);
//   - publish-to-live latency with full builds only: a record saved, the
//     queue's build, until the live file shows the change (-full-saves);
//   - then the portal as "portal serve" runs it (PocketBase's server, the
//     site's routes, incremental builds on small sites, pages rendered
//     ahead of full builds on large ones): publish-to-live latency from an
//     editor's PATCH through the API until the page served over HTTP shows
//     the change, p50 and p95 over -saves saves (floor p95 ≤ 5 s);
//   - serving one page: requests per second of that server against nginx
//     serving the same folder on loopback (floor ≥ 0.8), if nginx is
//     installed (apt-get install nginx).
package main

import (
	"bytes"
	"context"
	"encoding/json"
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

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	portal "github.com/daison/portal"
	"github.com/daison/portal/admin"
	"github.com/daison/portal/demo"
	"github.com/daison/portal/site"
)

// options are the bench's flags.
type options struct {
	saves, fullSaves, rounds int
	serveFor                 time.Duration
}

func main() {
	site.RunWorkerIfAsked()
	sizes := flag.String("n", "1000,10000", "record counts to measure, comma-separated")
	dir := flag.String("dir", filepath.Join(os.TempDir(), "portal-bench"), "where to keep the seeded databases")
	var o options
	flag.IntVar(&o.saves, "saves", 20, "saves through the API for the publish-to-live latency as portal serve builds")
	flag.IntVar(&o.rounds, "rounds", 3, "warm full builds and plain Hugo runs, in turns, for the ratio of their medians")
	flag.IntVar(&o.fullSaves, "full-saves", 5, "saves for the publish-to-live latency with full builds only")
	flag.DurationVar(&o.serveFor, "serve", 5*time.Second, "duration of each serving load run")
	flag.Parse()
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			fail(err)
		}
		if err := bench(n, filepath.Join(*dir, strconv.Itoa(n)), o); err != nil {
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

func bench(n int, dataDir string, o options) error {
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
	// One registration of admin's hooks for the whole run: its change
	// notices go to whichever queue runs now.
	var queue atomic.Pointer[site.Queue]
	admin.Register(app, admin.Options{Changed: func(string) {
		if q := queue.Load(); q != nil {
			q.Trigger("bench")
		}
	}})
	root := filepath.Join(dataDir, "site-bench")
	os.RemoveAll(root)

	// Full builds, as "portal build" and every hundredth build of "portal
	// serve" make them.
	b := site.New(app, site.Config{Root: root, BaseURL: "http://127.0.0.1:8090/", Sources: portal.SiteFiles})
	cold, err := b.Build("bench: cold")
	if err != nil {
		b.Close()
		return err
	}
	row := func(name string, r site.Report) {
		perPage := float64(r.Duration.D().Microseconds()) / 1000 / float64(max(r.Pages, 1))
		fmt.Printf("%-26s total %7s  export %7s  hugo %7s  gzip %6s  swap %5s  pages %6d (%.2f ms/page)  changed %6d  hugo peak %4d MB\n",
			name, r.Duration.D().Round(time.Millisecond), r.ExportDuration.D().Round(time.Millisecond), r.HugoDuration.D().Round(time.Millisecond),
			r.CompressDuration.D().Round(time.Millisecond), r.SwapDuration.D().Round(time.Millisecond), r.Pages, perPage, r.Changed, r.HugoPeakKB/1024)
	}
	row("full build, cold", cold)

	// Warm full builds and plain Hugo on the same content, in turns: this
	// machine's timings wander by ±15%, so the ratio is of the medians.
	var warms []site.Report
	var plains []site.HugoRun
	plainOut := filepath.Join(root, "plain-hugo")
	for i := 0; i < o.rounds; i++ {
		b.Settle()
		warm, err := b.Build("bench: warm")
		if err != nil {
			b.Close()
			return err
		}
		row(fmt.Sprintf("full build, warm %d", i+1), warm)
		warms = append(warms, warm)
		b.Settle()
		os.RemoveAll(plainOut)
		plain, err := site.RunHugo(filepath.Join(root, "src"), plainOut, "http://127.0.0.1:8090/", filepath.Join(root, "cache"))
		if err != nil {
			b.Close()
			return err
		}
		os.RemoveAll(plainOut)
		fmt.Printf("%-26s total %7s  peak %d MB\n", fmt.Sprintf("plain Hugo, same src %d", i+1), plain.Duration.Round(time.Millisecond), plain.PeakKB/1024)
		plains = append(plains, plain)
	}
	sort.Slice(warms, func(i, j int) bool { return warms[i].Duration < warms[j].Duration })
	sort.Slice(plains, func(i, j int) bool { return plains[i].Duration < plains[j].Duration })
	warm, plain := warms[len(warms)/2], plains[len(plains)/2]
	fmt.Printf("median of %d: full build %s, plain Hugo %s: ratio %.2f (floor ≤ 1.15)\n", o.rounds,
		warm.Duration.D().Round(time.Millisecond), plain.Duration.Round(time.Millisecond), float64(warm.Duration.D())/float64(plain.Duration))

	if o.fullSaves > 0 {
		q := site.NewQueue(b)
		q.Debounce = 100 * time.Millisecond
		queue.Store(q)
		ctx, cancel := context.WithCancel(context.Background())
		go q.Run(ctx, time.Time{})
		err := latency(app, "publish-to-live, full builds", o.fullSaves, func(a *core.Record, title string) error { return app.Save(a) },
			func(slug, title string) bool {
				body, err := os.ReadFile(filepath.Join(b.Dir().LivePath(), "tin-tuc", slug, "index.html"))
				return err == nil && strings.Contains(string(body), title)
			})
		cancel()
		queue.Store(nil)
		if err != nil {
			b.Close()
			return err
		}
	}
	b.Close()

	if o.saves <= 0 && o.serveFor <= 0 {
		return nil
	}
	// The portal as "portal serve" runs it: PocketBase's server with the
	// site's routes, its builds, saves through the API.
	b = site.New(app, site.Config{Root: root, BaseURL: "http://127.0.0.1:8090/", Sources: portal.SiteFiles, Incremental: true})
	defer b.Close()
	srv, addr, err := serve(app, b, &queue)
	if err != nil {
		return err
	}
	defer srv.Close()
	if o.saves > 0 {
		token, err := editorToken(app)
		if err != nil {
			return err
		}
		err = latency(app, "publish-to-live, API save to page served (as portal serve builds)", o.saves, func(a *core.Record, title string) error {
			return patchTitle(addr, token, a.Id, title)
		}, func(slug, title string) bool {
			res, err := http.Get(addr + "/tin-tuc/" + slug + "/")
			if err != nil {
				return false
			}
			defer res.Body.Close()
			body, _ := io.ReadAll(res.Body)
			return res.StatusCode == 200 && strings.Contains(string(body), title)
		})
		if err != nil {
			return err
		}
		if last := b.Status().LastSuccess; last != nil {
			fmt.Printf("  last build: incremental %v, export %s, hugo %s, gzip %s, hugo peak %d MB\n", last.Incremental,
				last.ExportDuration.D().Round(time.Millisecond), last.HugoDuration.D().Round(time.Millisecond),
				last.CompressDuration.D().Round(time.Millisecond), last.HugoPeakKB/1024)
		}
	}
	if o.serveFor > 0 {
		return serving(b, addr, o.serveFor)
	}
	return nil
}

// serve starts PocketBase's own server on a free port with the site's
// routes bound, as "portal serve" does, and waits until its start-up
// build is live. It returns the server and its address.
func serve(app core.App, b *site.Builder, queue *atomic.Pointer[site.Queue]) (*http.Server, string, error) {
	started := make(chan *http.Server, 1)
	app.OnServe().BindFunc(func(e *core.ServeEvent) error {
		e.InstallerFunc = nil // no browser window for a first superuser
		if err := e.Next(); err != nil {
			return err
		}
		started <- e.Server
		return nil
	})
	queue.Store(site.Register(app, b))
	addr := fmt.Sprintf("127.0.0.1:%d", freePort())
	before := time.Now()
	failed := make(chan error, 1)
	go func() { failed <- apis.Serve(app, apis.ServeConfig{HttpAddr: addr}) }()
	var srv *http.Server
	select {
	case srv = <-started:
	case err := <-failed:
		return nil, "", fmt.Errorf("serve: %w", err)
	}
	if err := waitStartBuild(b, before); err != nil {
		return nil, "", err
	}
	return srv, "http://" + addr, nil
}

// waitStartBuild waits for the build the portal makes when it starts
// ("khởi động", after before), so that the first save does not wait for
// it.
func waitStartBuild(b *site.Builder, before time.Time) error {
	for {
		st := b.Status()
		if !st.Building && st.LastSuccess != nil && st.LastSuccess.Started.After(before) {
			return nil
		}
		if time.Since(before) > 10*time.Minute {
			return fmt.Errorf("the start-up build did not finish")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// editorToken creates an editor's account for the bench and returns its
// token.
func editorToken(app core.App) (string, error) {
	col, err := app.FindCollectionByNameOrId("staff")
	if err != nil {
		return "", err
	}
	r, err := app.FindAuthRecordByEmail(col, "bench@daison.test")
	if err != nil {
		r = core.NewRecord(col)
		r.SetEmail("bench@daison.test")
		r.SetPassword("mat-khau-do-hieu-nang")
		r.Set("name", "Đo hiệu năng")
		r.Set("role", "editor")
		if err := app.Save(r); err != nil {
			return "", err
		}
	}
	return r.NewAuthToken()
}

// patchTitle changes an article's title through the API, as the back
// office does.
func patchTitle(addr, token, id, title string) error {
	body, _ := json.Marshal(map[string]string{"title": title})
	req, _ := http.NewRequest(http.MethodPatch, addr+"/api/collections/articles/records/"+id, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		msg, _ := io.ReadAll(res.Body)
		return fmt.Errorf("PATCH %s: %d %s", id, res.StatusCode, msg)
	}
	return nil
}

// latency changes the titles of published articles one after another with
// save and waits, each time, until shows finds the title's new words
// (marker) on the live page; it prints p50 and p95.
func latency(app core.App, name string, saves int, save func(a *core.Record, title string) error, shows func(slug, marker string) bool) error {
	arts, err := app.FindRecordsByFilter(admin.Articles, "status = 'published' && publishAt <= {:now}", "-publishAt", saves, 0,
		dbx.Params{"now": time.Now().UTC().Format(types.DefaultDateLayout)})
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		return fmt.Errorf("%s: no published article to change", name)
	}
	var ds []time.Duration
	for i, a := range arts {
		marker := fmt.Sprintf("cập nhật %d.%d", time.Now().UnixNano()%100000, i)
		title := a.GetString("title")
		if i := strings.Index(title, " – cập nhật "); i >= 0 {
			title = title[:i] // an earlier run's marker: titles must not grow run after run
		}
		title += " – " + marker
		a.Set("title", title)
		start := time.Now()
		if err := save(a, title); err != nil {
			return err
		}
		for !shows(a.GetString("slug"), marker) {
			if time.Since(start) > 5*time.Minute {
				return fmt.Errorf("%s: save %d never went live", name, i)
			}
			time.Sleep(20 * time.Millisecond)
		}
		ds = append(ds, time.Since(start))
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	q50, q95 := ds[len(ds)/2], ds[min(len(ds)-1, int(float64(len(ds))*0.95))]
	fmt.Printf("%s over %d saves: min %s  p50 %s  p95 %s  max %s (floor p95 ≤ 5 s)\n",
		name, len(ds), ds[0].Round(time.Millisecond), q50.Round(time.Millisecond), q95.Round(time.Millisecond), ds[len(ds)-1].Round(time.Millisecond))
	return nil
}

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
