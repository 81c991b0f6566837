package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	portal "github.com/daison/portal"
	"github.com/daison/portal/site/export"
	"github.com/daison/portal/site/search"
	"github.com/daison/portal/site/search/searchtest"
)

// benchSearch measures the site search on n synthetic records: the index's
// size (what a phone downloads before its first results, and in all), the
// time to build it, and the time of queries in Chromium with the CPU slowed
// 4× (a cheap phone), through the search page's own script.
func benchSearch(n int, dataDir string, _ options) error {
	fmt.Printf("\n== search, %d records (data in %s)\n", n, dataDir)
	if err := seed(n, dataDir); err != nil {
		return err
	}
	app, err := openApp(dataDir)
	if err != nil {
		return err
	}
	defer app.ClearBootstrap()
	work, err := os.MkdirTemp("", "portal-bench-search-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	src, public := filepath.Join(work, "src"), filepath.Join(work, "public")
	if _, err := export.Run(app, src, export.Options{Now: time.Now()}); err != nil {
		return err
	}
	start := time.Now()
	docs, problems := search.FromSource(src)
	if len(problems) > 0 {
		return problems[0]
	}
	syns, err := search.Synonyms(app)
	if err != nil {
		return err
	}
	set := search.Build(docs, syns)
	built := time.Since(start)
	written, err := set.Write(public)
	if err != nil {
		return err
	}
	fmt.Printf("documents %d, words %d, pairs %d; read and indexed in %s\n", len(docs), len(set.Index.Vocab), len(set.Index.Pairs), built.Round(time.Millisecond))

	gz := map[string]int{} // site path → gzipped size
	var rawAll, gzAll, terms, docShards, maxTerm int
	for _, rel := range written {
		b, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(rel)))
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(b)
		zw.Close()
		gz["/"+rel] = buf.Len()
		rawAll += len(b)
		gzAll += buf.Len()
		switch base := path.Base(rel); {
		case strings.HasPrefix(base, "t"):
			terms++
			maxTerm = max(maxTerm, buf.Len())
		case strings.HasPrefix(base, "d"):
			docShards++
		}
	}
	first := gz[search.FirstShard]
	fmt.Printf("index: %d files (%d word shards, %d page shards), %s raw, %s gzipped; first shard %s gzipped; largest word shard %s gzipped\n",
		len(written), terms, docShards, kb(rawAll), kb(gzAll), kb(first), kb(maxTerm))
	if fi, err := os.Stat(search.ServerFile(public)); err == nil {
		fmt.Printf("server file (full texts, for the no-JavaScript page): %s gzipped\n", kb(int(fi.Size())))
	}
	var server []float64
	for _, c := range searchtest.Queries {
		t := time.Now()
		set.Index.Search(c.Q)
		server = append(server, float64(time.Since(t).Microseconds())/1000)
	}
	sort.Float64s(server)
	fmt.Printf("the server's index (no JavaScript), %d queries: p50 %.1f ms, max %.1f ms\n", len(server), server[len(server)/2], server[len(server)-1])
	return queriesInChromium(public, gz)
}

func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }

// queriesInChromium serves public with a bare search page and runs the
// query table through the page's script, CPU slowed 4×: each query in a
// fresh page (what its first results cost: bytes and time), then all in
// one page (typing on).
func queriesInChromium(public string, gz map[string]int) error {
	var js []byte
	for _, name := range []string{"search-text.js", "search-index.js", "search.js"} {
		b, err := fs.ReadFile(portal.SiteFiles, "themes/daison/assets/js/"+name)
		if err != nil {
			return err
		}
		js = append(append(js, b...), '\n')
	}
	page := `<!doctype html><html lang=vi><body><form id=tim-kiem data-index="` + search.FirstShard + `"><input id=q name=q></form>` +
		`<p id=tim-kiem-trang-thai></p><ol id=tim-kiem-ket-qua></ol><script src="/search.js"></script></body></html>`
	mux := http.NewServeMux()
	mux.Handle("/", http.FileServer(http.Dir(public)))
	mux.HandleFunc("/bench/", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(page)) })
	mux.HandleFunc("/search.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		w.Write(js)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()

	chrome, err := exec.LookPath("chromium")
	if err != nil {
		fmt.Println("Chromium is not installed (apt-get install chromium): query times not measured")
		return nil
	}
	dataDir, _ := os.MkdirTemp("", "bench-chromium-")
	defer os.RemoveAll(dataDir)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), chromedp.ExecPath(chrome), chromedp.Headless, chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.UserDataDir(dataDir), chromedp.Flag("disable-background-networking", true))
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 10*time.Minute)
	defer cancelT()
	throttle := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4})
		return err
	})
	if err := chromedp.Do(ctx, throttle); err != nil {
		return err
	}
	type timed struct {
		MS   float64  `json:"ms"`
		URLs []string `json:"urls"`
	}
	query := func(q string) (timed, error) {
		return chromedp.Run(ctx, chromedp.Evaluate[timed](`(async () => {
  const before = new Set(performance.getEntriesByType('resource').map(e => e.name));
  const t = performance.now();
  await portalSearch.load();
  const r = await portalSearch.search(`+"`"+strings.ReplaceAll(q, "`", "")+"`"+`);
  await portalSearch.docs(r.hits.slice(0, 10).map(h => h[0]));
  const ms = performance.now() - t;
  const urls = performance.getEntriesByType('resource').map(e => e.name).filter(n => !before.has(n)).map(n => new URL(n).pathname);
  return {ms, urls};
})()`, chromedp.EvalAwaitPromise))
	}
	var cold, warm []float64
	var bytesFirst []int
	qs := searchtest.Queries
	for i, c := range qs {
		if i%3 != 0 { // a third of the table in fresh pages: enough for the medians
			continue
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/bench/"), chromedp.WaitReady("#q")); err != nil {
			return err
		}
		r, err := query(c.Q)
		if err != nil {
			return fmt.Errorf("%q: %w", c.Q, err)
		}
		cold = append(cold, r.MS)
		b := 0
		for _, u := range r.URLs {
			b += gz[u]
		}
		bytesFirst = append(bytesFirst, b)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/bench/"), chromedp.WaitReady("#q")); err != nil {
		return err
	}
	for _, c := range qs {
		r, err := query(c.Q)
		if err != nil {
			return fmt.Errorf("%q: %w", c.Q, err)
		}
		warm = append(warm, r.MS)
	}
	var again []float64 // the same queries, every shard loaded: the script's own time
	for _, c := range qs {
		r, err := query(c.Q)
		if err != nil {
			return fmt.Errorf("%q: %w", c.Q, err)
		}
		again = append(again, r.MS)
	}
	sort.Float64s(again)
	sort.Float64s(cold)
	sort.Float64s(warm)
	sort.Ints(bytesFirst)
	pct := func(v []float64, p float64) float64 { return v[min(len(v)-1, int(float64(len(v))*p))] }
	fmt.Printf("first results in a fresh page (CPU 4× slower, %d queries; includes loading shards over loopback): p50 %.0f ms, p95 %.0f ms; gzipped bytes p50 %s, max %s\n",
		len(cold), pct(cold, .5), pct(cold, .95), kb(bytesFirst[len(bytesFirst)/2]), kb(bytesFirst[len(bytesFirst)-1]))
	fmt.Printf("queries as the person types on (CPU 4× slower, %d queries, shards loaded as needed): p50 %.0f ms, p95 %.0f ms, max %.0f ms\n",
		len(warm), pct(warm, .5), pct(warm, .95), warm[len(warm)-1])
	fmt.Printf("the same queries again, shards in memory (the script's own work, CPU 4× slower): p50 %.0f ms, p95 %.0f ms, max %.0f ms\n",
		pct(again, .5), pct(again, .95), again[len(again)-1])
	return nil
}
