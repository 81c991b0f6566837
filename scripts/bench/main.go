// Command bench measures the portal at scale and prints figures with ratios
// against baselines run in the same invocation (timings are not asserted in
// tests: this machine's load varies).
//
//	export GOTOOLCHAIN=go1.27.3
//	go run ./scripts/bench                  # 1,000 and 10,000 records
//	go run ./scripts/bench -n 1000 -saves 10
//	go run ./scripts/bench -search          # the site search only (search.go)
//	go run ./scripts/bench -preview -n 1000 # the page preview only (preview.go)
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
//     installed (apt-get install nginx);
//   - deploy to an S3 server (versitygw): the whole build, then after one
//     article changed, and one page served from the bucket through nginx
//     (-bucket, scripts/bench/bucket.go).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/pocketbase/pocketbase/core"

	portal "github.com/daison/portal"
	"github.com/daison/portal/admin"
	"github.com/daison/portal/demo"
	"github.com/daison/portal/site"
)

// options are the bench's flags.
type options struct {
	saves, fullSaves, rounds int
	serveFor                 time.Duration
	bucket                   bool
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
	flag.BoolVar(&o.bucket, "bucket", true, "deploy to an S3 server (versitygw, installed once) in full and after one change, and serve from it through nginx")
	searchOnly := flag.Bool("search", false, "measure only the site search: index size and query time in Chromium (CPU slowed 4×)")
	previewOnly := flag.Bool("preview", false, "measure only the page preview: alone and eight at once")
	flag.Parse()
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			fail(err)
		}
		run := bench
		if *searchOnly {
			run = benchSearch
		}
		if *previewOnly {
			run = benchPreview
		}
		if err := run(n, filepath.Join(*dir, strconv.Itoa(n)), o); err != nil {
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

// seed makes a database of n synthetic records in dataDir, unless an
// earlier run made it.
func seed(n int, dataDir string) error {
	marker := filepath.Join(dataDir, "seeded")
	if _, err := os.Stat(marker); err == nil {
		return nil
	}
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
	app.ClearBootstrap()
	return os.WriteFile(marker, nil, 0o644)
}

func bench(n int, dataDir string, o options) error {
	fmt.Printf("\n== %d records (data in %s)\n", n, dataDir)
	if err := seed(n, dataDir); err != nil {
		return err
	}
	app, err := openApp(dataDir)
	if err != nil {
		return err
	}
	defer app.ClearBootstrap()
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
	if o.bucket {
		if err := bucketBench(app, b, o.serveFor); err != nil {
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
