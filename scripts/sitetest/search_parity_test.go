package sitetest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/daison/portal/internal/browsertest"
	"github.com/daison/portal/internal/portaltest"
	"github.com/daison/portal/site/search/searchtest"
)

// serverLink is a result's link on the page the portal writes for ?q=.
var serverLink = regexp.MustCompile(`<li class="search-item"><h2 class="item-title"><a href="([^"]+)"`)

// weakShown tells the server's page that shows its box of other ways (a
// weak best result).
var weakShown = regexp.MustCompile(`<aside[^>]*\bid="?tim-kiem-yeu"?[^>]*>`)

// serverTop returns the first n results the portal p's own page lists for
// q, and whether it shows the box of other ways.
func serverTop(t *testing.T, p *portaltest.Portal, q string, n int) ([]string, bool) {
	t.Helper()
	status, body := p.Get(t, "/tim-kiem/?q="+url.QueryEscape(q))
	if status != http.StatusOK {
		t.Fatalf("GET /tim-kiem/?q=%s: %d", q, status)
	}
	var out []string
	for _, m := range serverLink.FindAllStringSubmatch(body, n) {
		out = append(out, m[1])
	}
	return out, !strings.Contains(weakShown.FindString(body), "hidden")
}

// TestSearchScriptMatchesServer runs the table of real queries on the
// demo and on a new commune (a portal started on an empty database: the
// guide library alone), through the search page's script in Chromium (its
// index shards, its rules) and through the portal's page for ?q= (no
// JavaScript): each finds its page where the table says, both list the
// same first five results in the same order and agree on a weak answer.
// It logs the rates of first and first-three.
func TestSearchScriptMatchesServer(t *testing.T) {
	need(t)
	t.Run(searchtest.Demo, func(t *testing.T) { runTable(t, portal, searchtest.Demo) })
	t.Run(searchtest.Library, func(t *testing.T) {
		p := portaltest.Start(t, portaltest.Options{})
		checkLibraryGuides(t, p)
		runTable(t, p, searchtest.Library)
	})
}

func runTable(t *testing.T, p *portaltest.Portal, dataset string) {
	ctx := browsertest.New(t, 375, 900)
	if err := chromedp.Do(ctx, chromedp.Navigate(p.URL+"/tim-kiem/"), chromedp.WaitReady("#q")); err != nil {
		t.Fatal(err)
	}
	type answer struct {
		URLs []string `json:"urls"`
		Weak bool     `json:"weak"`
	}
	table := searchtest.Table(dataset)
	var top1, top3 [2]int // script, server
	for _, c := range table {
		js, err := chromedp.Run(ctx, chromedp.Evaluate[answer](`portalSearch.load()
  .then(() => portalSearch.search(`+jsString(c.Q)+`))
  .then(r => portalSearch.docs(r.hits.slice(0, 5).map(h => h[0])).then(ds => ({urls: ds.map(d => d.url), weak: r.weak})))`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%q in the script: %v", c.Q, err)
		}
		server, weak := serverTop(t, p, c.Q, 5)
		if !slices.Equal(js.URLs, server) || js.Weak != weak {
			t.Errorf("%q: the script finds %v (weak %v), the server %v (weak %v)", c.Q, js.URLs, js.Weak, server, weak)
		}
		for i, got := range [][]string{js.URLs, server} {
			at := slices.Index(got, c.Want)
			if at == 0 {
				top1[i]++
			}
			if at >= 0 && at < 3 {
				top3[i]++
			}
		}
		if i := slices.Index(js.URLs, c.Want); i < 0 || i >= c.Top {
			t.Errorf("%q (%s): %s not in the script's first %d: %v", c.Q, c.Why, c.Want, c.Top, js.URLs)
		}
	}
	// A weak answer, as a person sees it: the box of other ways shows.
	if err := chromedp.Do(ctx, chromedp.Navigate(p.URL+"/tim-kiem/?q="+url.QueryEscape("đăng ký xe máy"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.getElementById('tim-kiem-yeu').hidden && document.querySelectorAll('#tim-kiem-yeu a[href^="https://dichvucong.gov.vn"]').length === 1`, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		t.Errorf("a weak answer with JavaScript does not show the national portal: %v", err)
	}
	browsertest.Screenshot(t, ctx, "sitetest-tim-kiem-yeu-"+dataset)
	n := float64(len(table))
	t.Logf("%s, %d queries: with JavaScript top 1 %.1f %%, top 3 %.1f %%; without top 1 %.1f %%, top 3 %.1f %%", dataset, len(table),
		100*float64(top1[0])/n, 100*float64(top3[0])/n, 100*float64(top1[1])/n, 100*float64(top3[1])/n)
}

// guideLink is a guide's link on /huong-dan/.
var guideLink = regexp.MustCompile(`href="?/huong-dan/([a-z0-9-]+)/"?`)

// checkLibraryGuides: a new commune's /huong-dan/ lists the library's
// guides (at least 20, kết hôn, khai tử, căn cước, chứng thực and đất đai
// among them), and none of them names a commune.
func checkLibraryGuides(t *testing.T, p *portaltest.Portal) {
	seen := map[string]bool{}
	for n, path := 1, "/huong-dan/"; n < 10; n, path = n+1, fmt.Sprintf("/huong-dan/trang/%d/", n+1) {
		status, body := p.Get(t, path)
		if status == http.StatusNotFound && n > 1 {
			break
		}
		if status != http.StatusOK {
			t.Fatalf("%s: %d", path, status)
		}
		for _, m := range guideLink.FindAllStringSubmatch(body, -1) {
			if m[1] != "trang" {
				seen[m[1]] = true
			}
		}
	}
	if len(seen) < 20 {
		t.Errorf("/huong-dan/ of a new commune lists %d guides, want ≥ 20", len(seen))
	}
	for _, want := range []string{"dang-ky-ket-hon", "dang-ky-khai-tu", "can-cuoc", "chung-thuc", "dat-dai"} {
		found := false
		for slug := range seen {
			found = found || strings.Contains(slug, want)
		}
		if !found {
			t.Errorf("/huong-dan/ of a new commune has no guide about %s: %v", want, seen)
		}
	}
	ctx := browsertest.New(t, 390, 900)
	if err := chromedp.Do(ctx, chromedp.Navigate(p.URL+"/huong-dan/dang-ky-ket-hon/"), chromedp.WaitReady("main")); err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, ctx, "sitetest-huong-dan-thu-vien-ket-hon")
	for slug := range seen {
		_, page := p.Get(t, "/huong-dan/"+slug+"/")
		main := mainPart.FindString(page)
		if strings.Contains(main, "Đại Sơn") || !strings.Contains(main, "Căn cứ pháp lý") || !strings.Contains(main, "kiểm tra lần cuối") {
			t.Errorf("/huong-dan/%s/: names Đại Sơn, or has no legal basis or last-checked date", slug)
		}
	}
}

// TestSearchFirstShard: the first shard, all a phone loads before its
// first results besides the shards of the words typed, is small.
func TestSearchFirstShard(t *testing.T) {
	need(t)
	status, body := get(t, "/tim-kiem/chi-muc/0.json")
	if status != http.StatusOK || !strings.Contains(body, `"w":"`) {
		t.Fatalf("first shard: %d %.200s", status, body)
	}
	if len(body) > 150<<10 {
		t.Errorf("the first shard is %d bytes", len(body))
	}
}

// TestSearchWithoutJavaScript searches with scripts off in Chromium: the
// portal answers the form itself, with marks, the kind filter, and
// suggestions when nothing is found.
func TestSearchWithoutJavaScript(t *testing.T) {
	need(t)
	ctx := browsertest.New(t, 375, 900)
	if err := chromedp.Do(ctx, noScripts,
		chromedp.Navigate(siteURL+"/tim-kiem/"), chromedp.WaitReady("#q"),
		chromedp.SendKeys("#q", "dang ki khai sinh"), chromedp.Click(".search-form button[type=submit]"),
		chromedp.WaitReady("#tim-kiem-may-chu li")); err != nil {
		t.Fatalf("search without JavaScript: %v", err)
	}
	browsertest.Screenshot(t, ctx, "sitetest-tim-kiem-khong-js")
	type result struct {
		Links   []string
		Marks   int
		Status  string
		Value   string
		NoJS    bool
		Filters int
	}
	r, err := chromedp.Run(ctx, chromedp.Evaluate[result](`({
  Links: [...document.querySelectorAll('#tim-kiem-may-chu li h2 a')].map(a => a.getAttribute('href')),
  Marks: document.querySelectorAll('#tim-kiem-may-chu mark').length,
  Status: document.querySelector('#tim-kiem-may-chu .search-status').textContent,
  Value: document.getElementById('q').value,
  NoJS: !!document.querySelector('.search-nojs'),
  Filters: document.querySelectorAll('#tim-kiem-may-chu .search-kinds a').length,
})`))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Links) == 0 || !strings.HasPrefix(r.Links[0], "/huong-dan/dang-ky-khai-sinh") {
		t.Errorf("dang ki khai sinh without JavaScript: %v", r.Links)
	}
	if r.Marks == 0 || r.Filters < 2 || !strings.Contains(r.Status, "kết quả") || r.Value != "dang ki khai sinh" || r.NoJS {
		t.Errorf("the page: %+v", r)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(siteURL+"/tim-kiem/?q=xyzzyqq"), chromedp.WaitReady("#tim-kiem-may-chu")); err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#tim-kiem-may-chu")))
	if err != nil || !strings.Contains(text, "Không tìm thấy") || !strings.Contains(text, "Liên hệ") {
		t.Errorf("nothing found without JavaScript: %q (%v)", text, err)
	}
}

// TestSearchStaticHost serves the live build's files as any static host
// would (no portal behind them): with scripts off, the search page says
// how to search instead of showing nothing; with scripts on, it searches.
func TestSearchStaticHost(t *testing.T) {
	need(t)
	if _, err := os.Stat(liveDir); err != nil {
		t.Fatal(err)
	}
	static := httptest.NewServer(http.FileServer(http.Dir(liveDir)))
	defer static.Close()

	ctx := browsertest.New(t, 375, 900)
	if err := chromedp.Do(ctx, noScripts,
		chromedp.Navigate(static.URL+"/tim-kiem/?q=khai+sinh"), chromedp.WaitReady("#q")); err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".search-nojs")))
	if err != nil || !strings.Contains(text, "JavaScript") {
		t.Errorf("the static page without JavaScript says %q (%v)", text, err)
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.search-nojs form[action^="https://"] input[name=q]').length`))
	if err != nil || n != 1 {
		t.Errorf("the static page offers no web search (%d, %v)", n, err)
	}

	js := browsertest.New(t, 375, 900)
	if err := chromedp.Do(js, chromedp.Navigate(static.URL+"/tim-kiem/?q=khai+sinh")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(js, chromedp.Poll[bool](`document.querySelectorAll('#tim-kiem-ket-qua li').length > 0`, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		t.Errorf("the static page with JavaScript finds nothing: %v", err)
	}
}

// noScripts turns scripts off in the tab.
var noScripts = chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
	_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	return err
})

// jsString quotes s for JavaScript source (a JSON string is one).
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
