package e2e

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/daison/portal/internal/browsertest"
)

// TestBrowserHomeAndArticle opens the demo site in Chromium, at a phone's
// width and a desktop's, as a citizen would: the home page names the
// movement, links every section and the latest news; an article opened from
// it shows its title as the heading, its date as dd/mm/yyyy, its body.
func TestBrowserHomeAndArticle(t *testing.T) {
	p := start(t, true)
	for _, width := range []int{375, 1280} {
		t.Run(fmt.Sprintf("%dpx", width), func(t *testing.T) {
			ctx := browsertest.New(t, width, 900)
			if err := chromedp.Do(ctx, chromedp.Navigate(p.URL+"/")); err != nil {
				t.Fatal(err)
			}
			lang, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
			if err != nil || lang != "vi" {
				t.Fatalf("html lang = %q (%v)", lang, err)
			}
			h1, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1"), chromedp.NodeVisible))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(h1, "cải cách hành chính") && !strings.Contains(strings.ToLower(h1), "cải cách hành chính") {
				t.Errorf("home heading = %q", h1)
			}
			// Every section is one click away.
			hrefs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
				`[...document.querySelectorAll('a[href]')].map(a => a.pathname)`))
			if err != nil {
				t.Fatal(err)
			}
			for _, section := range []string{"/tin-tuc/", "/mo-hinh-sang-kien/", "/vinh-danh/", "/huong-dan/", "/ke-hoach/"} {
				if !contains(hrefs, section) {
					t.Errorf("home page has no link to %s", section)
				}
			}
			// No text overflows the phone's width.
			overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
				`document.documentElement.scrollWidth > window.innerWidth + 1`))
			if err != nil || overflow {
				t.Errorf("the page is wider than the window (%v)", err)
			}
			browsertest.Screenshot(t, ctx, fmt.Sprintf("trang-chu-%d", width))

			// Open the first news article linked from the home page.
			var article string
			for _, h := range hrefs {
				if strings.HasPrefix(h, "/tin-tuc/") && strings.Count(h, "/") == 3 {
					article = h
					break
				}
			}
			if article == "" {
				t.Fatal("the home page links to no article")
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(p.URL+article)); err != nil {
				t.Fatal(err)
			}
			title, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main h1"), chromedp.NodeVisible))
			if err != nil {
				t.Fatal(err)
			}
			docTitle, _ := chromedp.Run(ctx, chromedp.Title())
			if strings.TrimSpace(title) == "" || !strings.Contains(docTitle, strings.TrimSpace(title)) {
				t.Errorf("article heading %q, document title %q", title, docTitle)
			}
			main, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main"), chromedp.NodeVisible))
			if err != nil {
				t.Fatal(err)
			}
			if !ddmmyyyy.MatchString(main) {
				t.Errorf("the article shows no date as dd/mm/yyyy")
			}
			if len([]rune(main)) < 300 {
				t.Errorf("the article's text is short: %q", main)
			}
			browsertest.Screenshot(t, ctx, fmt.Sprintf("bai-viet-%d", width))
		})
	}
}

var ddmmyyyy = regexp.MustCompile(`\b\d{2}/\d{2}/20\d{2}\b`)

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
