package sitetest

import (
	"context"
	"encoding/json"
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
	"github.com/daison/portal/site/search/searchtest"
)

// serverLink is a result's link on the page the portal writes for ?q=.
var serverLink = regexp.MustCompile(`<li class="search-item"><h2 class="item-title"><a href="([^"]+)"`)

// serverTop returns the first n results the portal's own page lists for q.
func serverTop(t *testing.T, q string, n int) []string {
	t.Helper()
	status, body := get(t, "/tim-kiem/?q="+url.QueryEscape(q))
	if status != http.StatusOK {
		t.Fatalf("GET /tim-kiem/?q=%s: %d", q, status)
	}
	var out []string
	for _, m := range serverLink.FindAllStringSubmatch(body, n) {
		out = append(out, m[1])
	}
	return out
}

// TestSearchScriptMatchesServer runs the table of real queries through
// the search page's script in Chromium (its index shards, its rules) and
// through the portal's page for ?q= (no JavaScript): each finds its page
// where the table says, and both list the same first five results in the
// same order.
func TestSearchScriptMatchesServer(t *testing.T) {
	need(t)
	ctx := browsertest.New(t, 375, 900)
	if err := chromedp.Do(ctx, chromedp.Navigate(siteURL+"/tim-kiem/"), chromedp.WaitReady("#q")); err != nil {
		t.Fatal(err)
	}
	for _, c := range searchtest.Queries {
		js, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`portalSearch.load()
  .then(() => portalSearch.search(`+jsString(c.Q)+`))
  .then(r => portalSearch.docs(r.hits.slice(0, 5).map(h => h[0])))
  .then(ds => ds.map(d => d.url))`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%q in the script: %v", c.Q, err)
		}
		server := serverTop(t, c.Q, 5)
		if !slices.Equal(js, server) {
			t.Errorf("%q: the script finds %v, the server %v", c.Q, js, server)
		}
		if i := slices.Index(js, c.Want); i < 0 || i >= c.Top {
			t.Errorf("%q (%s): %s not in the script's first %d: %v", c.Q, c.Why, c.Want, c.Top, js)
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
