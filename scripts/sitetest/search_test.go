package sitetest

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/daison/portal/internal/browsertest"
	"github.com/daison/portal/internal/vntext"
)

// result is one search result as the page shows it.
type result struct {
	Title string `json:"title"`
	Href  string `json:"href"`
}

var tags = regexp.MustCompile(`(?s)<script.*?</script>|<[^>]+>`)

var mainPart = regexp.MustCompile(`(?s)<main.*</main>`)

// foldedMain returns the text of a page's main content (not the header,
// which names Đại Sơn on every page), folded.
func foldedMain(t testing.TB, path string) string {
	t.Helper()
	status, body := get(t, path)
	if status != 200 {
		t.Fatalf("GET %s: %d", path, status)
	}
	return vntext.Fold(tags.ReplaceAllString(mainPart.FindString(body), " "))
}

// TestSearch types into the search box as a person would, without
// diacritics, and reads the results the page shows: "dai son" finds pages
// that say "Đại Sơn", "khai sinh" the birth registration guide, "giay khen"
// the honorees and news with "Giấy khen". Every result holds every word
// typed (diacritics and đ folded) or every word of the synonym staff set
// for it, and the first holds the phrase. The
// search also answers ?q= (the form is a plain GET form).
func TestSearch(t *testing.T) {
	need(t)
	// synonym is the seeded synonym's meaning a result may hold instead
	// of the words typed (VNeID → định danh điện tử).
	cases := []struct {
		query, phrase, mustFind, synonym string
	}{
		{"dai son", "Đại Sơn", "", ""},
		{"khai sinh", "khai sinh", "/huong-dan/dang-ky-khai-sinh", ""},
		{"giay khen", "Giấy khen", "/vinh-danh/", ""},
		{"VNEID", "VNeID", "/huong-dan/", "định danh điện tử"},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			ctx := browsertest.New(t, 375, 900)
			if err := chromedp.Do(ctx, chromedp.Navigate(siteURL+"/tim-kiem/"), chromedp.WaitVisible("#q")); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.Click("#q"), chromedp.SendKeys("#q", c.query)); err != nil {
				t.Fatal(err)
			}
			results := waitResults(t, ctx)
			browsertest.Screenshot(t, ctx, "sitetest-tim-kiem-"+strings.ReplaceAll(c.query, " ", "-"))
			if len(results) == 0 {
				t.Fatalf("%q finds nothing", c.query)
			}
			status, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#tim-kiem-trang-thai")))
			if err != nil || !strings.Contains(status, "kết quả") {
				t.Errorf("status line %q (%v)", status, err)
			}
			loc, _ := chromedp.Run(ctx, chromedp.Location())
			if u, err := url.Parse(loc); err != nil || u.Query().Get("q") != c.query {
				t.Errorf("the address %q does not keep the query", loc)
			}
			words := strings.Fields(vntext.Fold(c.query))
			found := c.mustFind == ""
			for i, r := range results {
				u, err := url.Parse(r.Href)
				if err != nil {
					t.Fatalf("result %q: %v", r.Href, err)
				}
				if strings.HasPrefix(u.Path, c.mustFind) {
					found = true
				}
				if i >= 12 {
					continue // the first dozen are enough to check by reading them
				}
				text := foldedMain(t, u.Path)
				holds := func(ws []string) bool {
					for _, w := range ws {
						if !strings.Contains(text, w) {
							return false
						}
					}
					return true
				}
				if !holds(words) && (c.synonym == "" || !holds(strings.Fields(vntext.Fold(c.synonym)))) {
					t.Errorf("%q: result %s (%s) contains neither every word of %q nor of %q", c.query, r.Title, u.Path, c.query, c.synonym)
				}
				if i == 0 && !strings.Contains(text, vntext.Fold(c.phrase)) {
					t.Errorf("%q: the first result %s does not contain %q", c.query, u.Path, c.phrase)
				}
			}
			if !found {
				t.Errorf("%q: no result under %s among %v", c.query, c.mustFind, results)
			}
			// The first result's own page says the phrase with its diacritics.
			first, _ := url.Parse(results[0].Href)
			_, body := get(t, first.Path)
			if !strings.Contains(strings.ToLower(mainPart.FindString(body)), strings.ToLower(c.phrase)) {
				t.Errorf("%q: the first result %s does not say %q", c.query, first.Path, c.phrase)
			}
		})
	}

	t.Run("GET ?q=", func(t *testing.T) {
		ctx := browsertest.New(t, 375, 900)
		if err := chromedp.Do(ctx, chromedp.Navigate(siteURL+"/tim-kiem/?q="+url.QueryEscape("khai sinh"))); err != nil {
			t.Fatal(err)
		}
		results := waitResults(t, ctx)
		if len(results) == 0 {
			t.Fatal("/tim-kiem/?q=khai+sinh shows no result")
		}
		v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#q")))
		if v != "khai sinh" {
			t.Errorf("the search box holds %q", v)
		}
	})

	t.Run("nothing found", func(t *testing.T) {
		ctx := browsertest.New(t, 375, 900)
		if err := chromedp.Do(ctx, chromedp.Navigate(siteURL+"/tim-kiem/?q=xyzzyqq")); err != nil {
			t.Fatal(err)
		}
		status, err := chromedp.Run(ctx, chromedp.Poll[string](`(s => s.textContent.includes('Không tìm thấy') && s.textContent)(document.getElementById('tim-kiem-trang-thai'))`))
		if err != nil || !strings.Contains(status, "xyzzyqq") {
			t.Errorf("no-result message %q (%v)", status, err)
		}
	})

	t.Run("without JavaScript", func(t *testing.T) {
		// The page itself (as served, before any script) offers the
		// sections and every way to browse them. The portal answers ?q=
		// itself, so the note that search needs JavaScript (true only of
		// a static host) is gone.
		_, body := get(t, "/tim-kiem/?q=giay+khen")
		for _, want := range []string{`id="tim-kiem-may-chu"`, `href=/tin-tuc/`, `href=/vinh-danh/nam/`, `href=/mo-hinh-sang-kien/linh-vuc/`, `href=/huong-dan/`, `<form`, `name=q`} {
			if !strings.Contains(body, want) {
				t.Errorf("the search page lacks %q", want)
			}
		}
	})
}

// waitResults waits for the results (or the no-result message) to show
// and returns the results.
func waitResults(t testing.TB, ctx context.Context) []result {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll('#tim-kiem-ket-qua li').length > 0 || document.getElementById('tim-kiem-trang-thai').textContent.includes('Không')`,
		chromedp.WithPollingTimeout(15*time.Second)))
	if err != nil {
		t.Fatalf("no search results appeared: %v", err)
	}
	rs, err := chromedp.Run(ctx, chromedp.Evaluate[[]result](
		`[...document.querySelectorAll('#tim-kiem-ket-qua li h2 a')].map(a => ({title: a.textContent, href: a.href}))`))
	if err != nil {
		t.Fatal(err)
	}
	return rs
}
