package sitetest

import (
	"context"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/daison/portal/internal/browsertest"
)

// phoneWidth is a common phone's width in CSS pixels (iPhone 12 to 15).
const phoneWidth = 390

// phonePages are the page types of pageTypes, the page in English, the
// documents' list and the pages the portal answers a citizen's form with
// (a receipt, the lookup with its code).
func phonePages(t testing.TB) []pageType {
	pages := pageTypes(t)
	return append(pages,
		pageType{Name: "en", Path: "/en/"},
		pageType{Name: "van-ban", Path: "/van-ban/", Section: "van-ban"},
		pageType{Name: "gop-y-hoi-dap", Path: "/gop-y/hoi-dap/", Section: "gop-y"},
		pageType{Name: "gop-y-thong-ke", Path: "/gop-y/thong-ke/", Section: "gop-y"},
		pageType{Name: "bien-nhan", Path: "/gop-y/da-nhan/?ma=GY-7K2M9Q&ve=%2Fgop-y%2F", Section: "gop-y"},
		pageType{Name: "tra-cuu-ket-qua", Path: "/gop-y/tra-cuu/ket-qua?ma=GY-7K2M9Q", Section: "gop-y"},
	)
}

// phoneCheck is what TestPhoneReading measures on a page.
type phoneCheck struct {
	Height, ClientWidth, ScrollWidth int
	WideTables                       []string // tables wider than the screen, or out of it
	SmallText                        []string // text drawn under 16 px, SVG charts included
	EnglishLink                      bool     // the footer links to /en/
	Banner, Header, Footer           bool     // the demo banner, the site's header and footer
	Lang                             string
	ShareLinks                       []string // Facebook's and Zalo's share links
	ShareURL                         string   // the share sheet's address
	OGTitle, Title                   string
}

const phoneJS = `(() => {
  const de = document.documentElement, w = de.clientWidth;
  const visible = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && !el.closest('[hidden], .visually-hidden, details:not([open]) > :not(summary)'); };
  const wide = [...document.querySelectorAll('table')].filter(visible).filter(t => {
    const r = t.getBoundingClientRect(); return r.width > w + 0.5 || r.right > w + 0.5 || r.left < -0.5;
  }).map(t => t.className + ' ' + Math.round(t.getBoundingClientRect().width) + 'px');
  const small = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const n = walk.currentNode, el = n.parentElement;
    if (!n.textContent.trim() || !el || !visible(el) || el.closest('title, desc, script, style')) continue;
    let px = parseFloat(getComputedStyle(el).fontSize);
    const svg = el.closest('svg');
    if (svg && svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width) px = px * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    if (px < 15.95) small.push(el.tagName.toLowerCase() + '.' + (el.getAttribute('class') || '') + ' ' + px.toFixed(1) + 'px "' + n.textContent.trim().slice(0, 30) + '"');
  }
  const og = document.querySelector('meta[property="og:title"]');
  const native = document.querySelector('[data-share-url]');
  return {
    Height: de.scrollHeight, ClientWidth: w, ScrollWidth: de.scrollWidth,
    WideTables: wide, SmallText: small.slice(0, 8),
    EnglishLink: !!document.querySelector('footer a[href="/en/"]'),
    Banner: !!document.querySelector('.demo-banner'), Header: !!document.querySelector('header.site-header .site-nav'),
    Footer: !!document.querySelector('footer.site-footer'), Lang: de.lang,
    ShareLinks: [...document.querySelectorAll('.share-link--fb, .share-link--zalo')].map(a => a.href),
    ShareURL: native ? native.getAttribute('data-share-url') : '',
    OGTitle: og ? og.content : '', Title: (document.querySelector('h1') || {}).textContent || '',
  };
})()`

// TestPhoneReading opens every page type at a phone's width (390 px) in
// Chromium and checks what a citizen on a cheap phone needs: the page
// never scrolls sideways and no table is wider than the screen (below
// 600 px a table's rows are cards); no text is drawn under 16 px, the
// charts' included; axe-core finds no target smaller than 24 px (WCAG 2.2,
// 2.5.8) and no text without enough contrast, also with the high-contrast
// setting on; every page's footer links to the page in English, whose
// <html> says lang="en"; the receipts have the site's banner, header and
// footer; and every share button of a record's page gives its short link
// (/l/…), with a title that says more than the name. It logs each page's
// height; screenshots go to artifacts/screenshots/sitetest-phone-*.png.
func TestPhoneReading(t *testing.T) {
	need(t)
	axeSrc, err := os.ReadFile(npmFile(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	for _, pt := range phonePages(t) {
		t.Run(pt.Name, func(t *testing.T) {
			ctx := browsertest.New(t, phoneWidth, 844)
			open(t, ctx, pt.Path)
			if pt.Name == "tim-kiem" {
				waitFor(t, ctx, "search results", `document.querySelectorAll('#tim-kiem-ket-qua li').length > 0`)
			}
			browsertest.Screenshot(t, ctx, "sitetest-phone-"+pt.Name)
			c := eval[phoneCheck](t, ctx, phoneJS)
			t.Logf("%s: %d px tall (%.1f screens of 844)", pt.Path, c.Height, float64(c.Height)/844)
			if c.ScrollWidth > c.ClientWidth {
				t.Errorf("%s scrolls sideways: %d px wide in %d", pt.Path, c.ScrollWidth, c.ClientWidth)
			}
			if len(c.WideTables) > 0 {
				t.Errorf("%s: tables wider than the %d px screen: %v", pt.Path, c.ClientWidth, c.WideTables)
			}
			if len(c.SmallText) > 0 {
				t.Errorf("%s: text under 16 px: %v", pt.Path, c.SmallText)
			}
			// The QR poster is a sheet to print, without the site's frame.
			poster := pt.Name == "ap-phich-qr"
			if !c.EnglishLink && !poster {
				t.Errorf("%s: the footer has no link to /en/", pt.Path)
			}
			if (!c.Banner || !c.Header || !c.Footer) && !poster {
				t.Errorf("%s: demo banner %v, site header %v, footer %v: want all three", pt.Path, c.Banner, c.Header, c.Footer)
			}
			if want := map[bool]string{true: "en", false: "vi"}[pt.Name == "en"]; c.Lang != want {
				t.Errorf("%s: <html lang=%q>, want %q", pt.Path, c.Lang, want)
			}
			if c.ShareURL != "" || len(c.ShareLinks) > 0 {
				if !strings.Contains(c.ShareURL, "/l/") {
					t.Errorf("%s: the share sheet gives %q, not the short link", pt.Path, c.ShareURL)
				}
				for _, l := range c.ShareLinks {
					if u, err := url.Parse(l); err != nil || !strings.Contains(strings.Join(flatten(u.Query()), " "), siteURL+"/l/") {
						t.Errorf("%s: share link %s does not give the short link", pt.Path, l)
					}
				}
				if len(c.ShareLinks) != 2 {
					t.Errorf("%s: %d Facebook/Zalo links, want 2", pt.Path, len(c.ShareLinks))
				}
				if title := strings.TrimSpace(c.Title); !strings.HasPrefix(c.OGTitle, title+" – ") || !strings.Contains(c.OGTitle, "xã Đại Sơn") {
					t.Errorf("%s: og:title %q gives no context to %q", pt.Path, c.OGTitle, title)
				}
			}
			axeTargets(t, ctx, string(axeSrc), pt.Path)
			// The same with high contrast (the stored choice's class).
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.classList.add('tuong-phan-cao'), true`)); err != nil {
				t.Fatal(err)
			}
			axeTargets(t, ctx, "", pt.Path+" (tương phản cao)")
		})
	}
}

// axeTargets runs axe-core's target-size and color-contrast rules on the
// page (injecting axe first when src is given).
func axeTargets(t *testing.T, ctx context.Context, src, what string) {
	t.Helper()
	if src != "" {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](src+"\n;typeof axe === 'object'")); err != nil {
			t.Fatalf("inject axe-core: %v", err)
		}
	}
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](`axe.run(document, {runOnly: {type: 'rule', values: ['target-size', 'color-contrast']}, resultTypes: ['violations']})
  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,
    nodes: v.nodes.slice(0, 6).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\s+/g, ' '))})))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe.run: %v", err)
	}
	for _, v := range vs {
		t.Errorf("%s: axe %s (%s): %s\n  %s", what, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
	}
}

func flatten(v url.Values) []string {
	var out []string
	for _, vs := range v {
		out = append(out, vs...)
	}
	return out
}

// TestDisplaySettings: "Cỡ chữ, tương phản" in the top bar. Without
// JavaScript, a choice shows at once on the page (the stylesheet reads the
// controls), and its button stores it: the portal sends the browser back
// to the page, and every page then comes with it (a larger root font,
// black text); choosing "Vừa" and "Thường" undoes it. With JavaScript, a
// choice applies at once and holds on the next page, whose controls show
// it. The print button shows with JavaScript; the way to print without it
// is written beside.
func TestDisplaySettings(t *testing.T) {
	need(t)
	var article string
	for _, pt := range pageTypes(t) {
		if pt.Name == "bai-viet" {
			article = pt.Path
		}
	}
	rootPx := `parseFloat(getComputedStyle(document.documentElement).fontSize)`
	t.Run("không JavaScript", func(t *testing.T) {
		ctx := browser(t, phoneWidth, "", false)
		open(t, ctx, "/tin-tuc/")
		if px := eval[float64](t, ctx, rootPx); px != 16 {
			t.Fatalf("root font %v px before any choice, want 16", px)
		}
		click(t, ctx, ".display-prefs-toggle")
		click(t, ctx, "#co-chu-lon")
		click(t, ctx, "#tuong-phan-cao")
		if px := eval[float64](t, ctx, rootPx); px != 19 {
			t.Errorf("root font %v px once Lớn is checked, want 19", px)
		}
		browsertest.Screenshot(t, ctx, "sitetest-phone-hien-thi-chon")
		click(t, ctx, ".display-prefs-body button[type=submit]")
		waitPage(t, ctx, "back on /tin-tuc/ with the choice", `location.pathname === '/tin-tuc/' && document.documentElement.className.includes('co-chu-lon')`)
		open(t, ctx, article)
		got := eval[[]string](t, ctx, `[document.documentElement.className, getComputedStyle(document.documentElement).fontSize, getComputedStyle(document.body).color]`)
		if got[0] != "co-chu-lon tuong-phan-cao" || got[1] != "19px" || got[2] != "rgb(0, 0, 0)" {
			t.Errorf("the next page: class %q, root font %s, text %s; want the stored choice, 19px, black", got[0], got[1], got[2])
		}
		if eval[bool](t, ctx, `!!document.querySelector('.print-hint') && document.querySelector('.print-hint').offsetHeight > 0 && document.querySelector('.print-button').hidden`) != true {
			t.Errorf("%s without JavaScript: want the print hint shown and the button hidden", article)
		}
		browsertest.Screenshot(t, ctx, "sitetest-phone-hien-thi-luu")
		click(t, ctx, ".display-prefs-toggle")
		click(t, ctx, "#co-chu-vua")
		click(t, ctx, "#tuong-phan-thuong")
		click(t, ctx, ".display-prefs-body button[type=submit]")
		waitPage(t, ctx, "back with the defaults", `location.pathname === '`+article+`' && document.documentElement.className === '' && `+rootPx+` === 16`)
	})
	t.Run("JavaScript", func(t *testing.T) {
		ctx := browser(t, phoneWidth, "", true)
		open(t, ctx, "/tin-tuc/")
		click(t, ctx, ".display-prefs-toggle")
		click(t, ctx, "#co-chu-rat-lon")
		if px := eval[float64](t, ctx, rootPx); px != 22 {
			t.Errorf("root font %v px once Rất lớn is checked, want 22", px)
		}
		open(t, ctx, "/lien-he/")
		got := eval[[]string](t, ctx, `[document.documentElement.className, getComputedStyle(document.documentElement).fontSize, String(document.getElementById('co-chu-rat-lon').checked)]`)
		if got[0] != "co-chu-rat-lon" || got[1] != "22px" || got[2] != "true" {
			t.Errorf("the next page: class %q, root font %s, Rất lớn checked %s", got[0], got[1], got[2])
		}
		open(t, ctx, article)
		if !eval[bool](t, ctx, `!document.querySelector('.print-button').hidden`) {
			t.Errorf("%s: the print button is hidden with JavaScript", article)
		}
	})
}

// TestReceiptInSite: a comment sent without JavaScript lands on a receipt
// in the site's own page (banner, menu, footer); its lookup link opens the
// lookup with the code filled in.
func TestReceiptInSite(t *testing.T) {
	need(t)
	ctx := browser(t, phoneWidth, testIP(), false)
	open(t, ctx, "/gop-y/da-nhan/?ma=GY-7K2M9Q&ve=%2Fgop-y%2F")
	got := eval[[]string](t, ctx, `[String(!!document.querySelector('.demo-banner')), String(!!document.querySelector('.site-nav a[href="/gop-y/"]')), String(!!document.querySelector('footer.site-footer')), document.title]`)
	if got[0] != "true" || got[1] != "true" || got[2] != "true" || !strings.HasPrefix(got[3], "Đã gửi thành công – ") {
		t.Errorf("the receipt: banner %s, menu %s, footer %s, title %q", got[0], got[1], got[2], got[3])
	}
	click(t, ctx, "a.lookup-link")
	waitPage(t, ctx, "the lookup", `location.pathname === '/gop-y/tra-cuu/ket-qua'`)
	if v := eval[string](t, ctx, `(document.getElementById('f-ma') || {}).value || ''`); v != "GY-7K2M9Q" {
		t.Errorf("the lookup's code is %q, want GY-7K2M9Q filled in", v)
	}
	browsertest.Screenshot(t, ctx, "sitetest-phone-tra-cuu-ket-qua")
}
