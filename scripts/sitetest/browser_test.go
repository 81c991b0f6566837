package sitetest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/daison/portal/internal/browsertest"
)

// axeViolation is one failed axe-core rule on a page.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// axeRun runs axe-core (already injected) on the page with the given tags
// and returns its violations.
func axeRun(ctx context.Context, tags ...string) ([]axeViolation, error) {
	js := fmt.Sprintf(`axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,
    nodes: v.nodes.slice(0, 6).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\s+/g, ' '))})))`,
		jsArray(tags))
	return chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](js, chromedp.EvalAwaitPromise))
}

func jsArray(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = "'" + s + "'"
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// TestPageTypesInBrowser opens every page type at a phone's width (375 px)
// and a desktop's (1280 px) in Chromium and checks what a person needs:
// axe-core finds no WCAG 2.1 A/AA violation (nor any of its best-practice
// rules, which Lighthouse also scores); the first Tab reaches a visible
// "skip to content" link that moves focus to <main>; the page has one main,
// a banner, a content-info footer and a labelled navigation whose current
// section carries aria-current; keyboard focus is visible; nothing is wider
// than the window at 320 px (a small phone) or 640 px (1280 px at 200 %
// zoom). Screenshots go to artifacts/screenshots/sitetest-*.png.
func TestPageTypesInBrowser(t *testing.T) {
	need(t)
	axeSrc, err := os.ReadFile(npmFile(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	types := pageTypes(t)
	for _, width := range []int{375, 1280} {
		t.Run(fmt.Sprintf("%dpx", width), func(t *testing.T) {
			narrow := 320
			if width > 1000 {
				narrow = 640
			}
			for _, pt := range types {
				t.Run(pt.Name, func(t *testing.T) {
					// A fresh browser per page: its time limit is the page's.
					ctx := browsertest.New(t, width, 900)
					checkPage(t, ctx, pt, width, narrow, string(axeSrc))
				})
			}
		})
	}
}

func checkPage(t *testing.T, ctx context.Context, pt pageType, width, narrow int, axeSrc string) {
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(int64(width), 900),
		chromedp.Navigate(siteURL+pt.Path),
		chromedp.WaitReady("body"),
	); err != nil {
		t.Fatalf("open %s: %v", pt.Path, err)
	}
	if pt.Name == "tim-kiem" {
		// The search answers from its index, fetched by the script.
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll('#tim-kiem-ket-qua li').length > 0`)); err != nil {
			t.Fatalf("the search page shows no result for ?q=giay khen: %v", err)
		}
	}
	browsertest.Screenshot(t, ctx, fmt.Sprintf("sitetest-%s-%d", pt.Name, width))

	// axe-core: WCAG 2.1 A and AA, then its best practices.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axeSrc+"\n;typeof axe === 'object'")); err != nil {
		t.Fatalf("inject axe-core: %v", err)
	}
	for _, tags := range [][]string{{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}, {"best-practice"}} {
		vs, err := axeRun(ctx, tags...)
		if err != nil {
			t.Fatalf("axe.run: %v", err)
		}
		for _, v := range vs {
			t.Errorf("%s: axe %s (%s, %s): %s\n  %s", pt.Path, v.ID, strings.Join(tags, ","), v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
		}
	}

	// Landmarks.
	type landmarks struct {
		Main, Banner, Footer, Nav, NavLabelled, H1 int
		Lang                                       string
	}
	lm, err := chromedp.Run(ctx, chromedp.Evaluate[landmarks](`(() => {
  const top = el => !el.closest('main, article, aside, section, nav');
  return {
    Main: document.querySelectorAll('main').length,
    Banner: [...document.querySelectorAll('header')].filter(top).length,
    Footer: [...document.querySelectorAll('footer')].filter(top).length,
    Nav: document.querySelectorAll('nav').length,
    NavLabelled: document.querySelectorAll('nav[aria-label], nav[aria-labelledby]').length,
    H1: document.querySelectorAll('h1').length,
    Lang: document.documentElement.lang,
  };
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if lm.Main != 1 || lm.Banner != 1 || lm.Footer != 1 || lm.Nav < 1 || lm.NavLabelled != lm.Nav || lm.H1 != 1 || lm.Lang != "vi" {
		t.Errorf("%s: landmarks %+v: want one main, one banner header, one footer, every nav labelled, one h1, lang vi", pt.Path, lm)
	}

	// aria-current: the section in the main navigation, the brand on the home page.
	cur, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll('.site-nav a[aria-current], .brand[aria-current]')].map(a => a.pathname + ' ' + a.getAttribute('aria-current'))`))
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case pt.Home:
		if len(cur) != 1 || cur[0] != "/ page" {
			t.Errorf("%s: aria-current in the header = %q, want the brand link as the page", pt.Path, cur)
		}
	case pt.Section != "":
		if len(cur) != 1 || !strings.HasPrefix(cur[0], "/"+pt.Section+"/ ") {
			t.Errorf("%s: aria-current in the navigation = %q, want /%s/", pt.Path, cur, pt.Section)
		}
	default:
		if len(cur) != 0 {
			t.Errorf("%s: aria-current in the navigation = %q, want none", pt.Path, cur)
		}
	}

	// Keyboard: the first Tab reaches the skip link, visible; Enter moves
	// focus to <main>. The next Tab's focus is visibly marked.
	type focus struct {
		Class, Href, Tag        string
		Left, Top, Right, Width float64
		Outline, Shadow, Bg     string
	}
	const active = `(() => { const a = document.activeElement, r = a.getBoundingClientRect(), s = getComputedStyle(a);
  return {Class: a.className || '', Href: a.getAttribute('href') || '', Tag: a.tagName.toLowerCase(),
    Left: r.left, Top: r.top, Right: r.right, Width: r.width,
    Outline: s.outlineStyle + ' ' + s.outlineColor, Shadow: s.boxShadow, Bg: s.backgroundColor}; })()`
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.activeElement && document.activeElement.blur && (document.activeElement.blur(), window.scrollTo(0, 0), true)`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatal(err)
	}
	f, err := chromedp.Run(ctx, chromedp.Evaluate[focus](active))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(f.Class, "skip-link") || f.Href != "#noi-dung" {
		t.Errorf("%s: the first Tab reaches %+v, want the skip link to #noi-dung", pt.Path, f)
	} else if f.Left < 0 || f.Top < 0 || f.Width < 10 || f.Right > float64(width) {
		t.Errorf("%s: the focused skip link is not visible: %+v", pt.Path, f)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	main, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id + ' ' + location.hash`))
	if err != nil {
		t.Fatal(err)
	}
	if main != "noi-dung #noi-dung" {
		t.Errorf("%s: after Enter on the skip link, focus/hash = %q, want main#noi-dung", pt.Path, main)
	}
	// The first link of the main content, unfocused then focused by Tab.
	before, err := chromedp.Run(ctx, chromedp.Evaluate[focus](`(() => { const a = document.querySelector('main a[href]');
  const r = a.getBoundingClientRect(), s = getComputedStyle(a);
  return {Class: a.className || '', Href: a.getAttribute('href') || '', Tag: 'a', Left: r.left, Top: r.top, Right: r.right, Width: r.width,
    Outline: s.outlineStyle + ' ' + s.outlineColor, Shadow: s.boxShadow, Bg: s.backgroundColor}; })()`))
	if err != nil {
		t.Fatalf("%s: no link in main: %v", pt.Path, err)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatal(err)
	}
	after, err := chromedp.Run(ctx, chromedp.Evaluate[focus](active))
	if err != nil {
		t.Fatal(err)
	}
	if after.Tag == "a" && after.Href == before.Href && after.Outline == before.Outline && after.Shadow == before.Shadow && after.Bg == before.Bg {
		t.Errorf("%s: focus on %q is not visible (outline %q, shadow %q, background %q)", pt.Path, after.Href, after.Outline, after.Shadow, after.Bg)
	}

	// Nothing wider than the window at the narrow width.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(narrow), 800)); err != nil {
		t.Fatal(err)
	}
	over, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
  const w = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= w + 1) return [];
  return [...document.querySelectorAll('body *')].filter(e => {
    const r = e.getBoundingClientRect();
    return r.right > w + 1 && !e.closest('.table-wrap') && getComputedStyle(e).position !== 'absolute';
  }).slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className + ' right=' + Math.round(e.getBoundingClientRect().right));
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if len(over) > 0 {
		t.Errorf("%s: wider than a %d px window: %v", pt.Path, narrow, over)
	}
	if narrow == 320 {
		browsertest.Screenshot(t, ctx, fmt.Sprintf("sitetest-%s-320", pt.Name))
	}
}
