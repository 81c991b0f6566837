package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"github.com/daison/portal/internal/browsertest"
	"github.com/daison/portal/internal/mfalogin"
)

// browser is one Chromium tab on the portal, with short helpers that fail
// the test with a screenshot when a step does not happen in time.
type browser struct {
	t   *testing.T
	p   *portal
	ctx context.Context
	w   int
	n   *int // screenshots of failures so far
}

// newBrowser opens a tab width pixels wide, closed when t ends.
func newBrowser(t *testing.T, p *portal, width int) *browser {
	t.Helper()
	ctx := browsertest.New(t, width, 900)
	return &browser{t: t, p: p, ctx: ctx, w: width, n: new(int)}
}

// with returns the tab for the story step t.
func (b *browser) with(t *testing.T) *browser {
	c := *b
	c.t = t
	return &c
}

func (b *browser) step(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.fail(what, err)
	}
}

func (b *browser) fail(what string, err error) {
	b.t.Helper()
	*b.n++
	name := fmt.Sprintf("quan-tri-loi-%d-%d", b.w, *b.n)
	shot := browsertest.Screenshot(b.t, b.ctx, name)
	main, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector('main') ? document.querySelector('main').innerText.slice(0, 2000) : ''`))
	b.t.Fatalf("%s: %v\nscreenshot: %s\npage: %s", what, err, shot, main)
}

func (b *browser) open(path string) {
	b.t.Helper()
	b.step("open "+path, chromedp.Navigate(b.p.URL+path))
}

func (b *browser) waitVisible(css string) {
	b.t.Helper()
	b.step("wait for "+css, chromedp.WaitVisible(chromedp.CSS(css)))
}

func (b *browser) waitExists(css string) {
	b.t.Helper()
	b.step("wait for "+css, chromedp.WaitReady(chromedp.CSS(css)))
}

func (b *browser) waitGone(css string) {
	b.t.Helper()
	b.step("wait for "+css+" to go", chromedp.WaitNotPresent(chromedp.CSS(css)))
}

// waitText waits until the element's text contains want.
func (b *browser) waitText(css, want string) {
	b.t.Helper()
	js := fmt.Sprintf(`(() => { const e = document.querySelector(%q); return !!e && e.innerText.includes(%q); })()`, css, want)
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingInterval(100*time.Millisecond))); err != nil {
		b.fail(fmt.Sprintf("wait for %q in %s (it says %q)", want, css, b.text(css)), err)
	}
}

// poll waits until the JavaScript expression is true.
func (b *browser) poll(what, js string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingInterval(100*time.Millisecond))); err != nil {
		b.fail("wait for "+what, err)
	}
}

// waitLoaded waits until nothing on the page says it is loading.
func (b *browser) waitLoaded() {
	b.t.Helper()
	b.poll("the page to load", `!document.querySelector('main[aria-busy]') && ![...document.querySelectorAll('main .muted')].some(e => e.textContent === 'Đang tải…')`)
}

// waitImages waits until every image on the page has loaded.
func (b *browser) waitImages() {
	b.t.Helper()
	b.poll("the images", `[...document.images].every(i => i.complete && i.naturalWidth > 0)`)
}

func (b *browser) text(css string) string {
	b.t.Helper()
	s, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](fmt.Sprintf(`(() => { const e = document.querySelector(%q); return e ? e.innerText : ''; })()`, css)))
	return s
}

func (b *browser) value(css string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector(%q).value`, css)))
	if err != nil {
		b.fail("value of "+css, err)
	}
	return s
}

func (b *browser) eval(js string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](js))
	if err != nil {
		b.fail("evaluate "+js, err)
	}
	return s
}

// evalAwait evaluates JavaScript that returns a promise of a string.
func (b *browser) evalAwait(js string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		b.fail("evaluate "+js, err)
	}
	return s
}

func (b *browser) exists(xpath string) bool {
	b.t.Helper()
	js := fmt.Sprintf(`document.evaluate(%q, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue !== null`, xpath)
	ok, _ := chromedp.Run(b.ctx, chromedp.Evaluate[bool](js))
	return ok
}

// typeInto replaces a field's text by typing, as a person would.
func (b *browser) typeInto(css, text string) {
	b.t.Helper()
	b.step("type into "+css,
		chromedp.WaitVisible(chromedp.CSS(css)),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.focus(); e.select && e.select(); })()`, css)),
		chromedp.SendKeys(chromedp.CSS(css), text))
}

func (b *browser) keys(css, keys string) {
	b.t.Helper()
	b.step("keys into "+css, chromedp.SendKeys(chromedp.CSS(css), keys))
}

// press types keys into whatever has focus.
func (b *browser) press(keys string) {
	b.t.Helper()
	b.step("press keys", chromedp.KeyEvent(keys))
}

func (b *browser) selectValue(css, value string) {
	b.t.Helper()
	b.step("choose "+value+" in "+css,
		chromedp.WaitVisible(chromedp.CSS(css)),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.focus(); e.value = %q; e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true})); })()`, css, value)))
	if got := b.value(css); got != value {
		b.fail("choose "+value+" in "+css, fmt.Errorf("the value is %q", got))
	}
}

func (b *browser) upload(css, file string) {
	b.t.Helper()
	b.step("upload "+file, chromedp.SetUploadFiles(chromedp.CSS(css), []string{file}))
}

func (b *browser) click(xpath string) {
	b.t.Helper()
	b.step("click "+xpath, chromedp.Click(chromedp.Search(xpath), chromedp.NodeVisible))
}

func (b *browser) clickButton(text string) {
	b.t.Helper()
	b.click(fmt.Sprintf(`//button[normalize-space()=%q]`, text))
}

func (b *browser) clickLink(text string) {
	b.t.Helper()
	b.click(fmt.Sprintf(`//a[normalize-space()=%q]`, text))
}

// recordIDFromURL waits until the address is a record's page under prefix
// and returns the record's id.
func (b *browser) recordIDFromURL(prefix string) string {
	b.t.Helper()
	js := fmt.Sprintf(`(() => { const p = location.pathname, pre = %q; const id = p.startsWith(pre) ? p.slice(pre.length) : ''; return /^[a-z0-9]{15}$/.test(id) ? id : ''; })()`, prefix)
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	id, err := chromedp.Run(ctx, chromedp.Poll[string](js+` || false`, chromedp.WithPollingInterval(100*time.Millisecond)))
	if err != nil || id == "" {
		b.fail("wait for the record's address under "+prefix, err)
	}
	return id
}

// login signs in through the login page: the password, then, for an
// account with two-step sign-in (reviewers), the code the portal prints on
// its console.
func (b *browser) login(email, password string) {
	b.t.Helper()
	b.open("/quan-tri/dang-nhap")
	b.waitVisible("#email")
	b.typeInto("#email", email)
	b.typeInto("#password", password)
	skip := len(b.p.Output())
	b.click(`//form//button[@type="submit"]`)
	b.poll("the dashboard or the code step", `!!document.querySelector('.cards, #ma-xac-thuc')`)
	if b.exists(`//input[@id="ma-xac-thuc"]`) {
		b.typeInto("#ma-xac-thuc", b.code(email, skip))
		b.click(`//form//button[@type="submit"]`)
	}
	b.waitVisible(".cards")
}

// code is the sign-in code mailed to email since the portal's console was
// skip bytes long.
func (b *browser) code(email string, skip int) string {
	b.t.Helper()
	code, err := mfalogin.WaitCode(b.p.Output, skip, email)
	if err != nil {
		b.fail("the sign-in code", err)
	}
	return code
}

func (b *browser) shot(name string) {
	b.t.Helper()
	browsertest.Screenshot(b.t, b.ctx, fmt.Sprintf("%s-%d", name, b.w))
}

// noOverflow checks that nothing is wider than the window.
func (b *browser) noOverflow(what string) {
	b.t.Helper()
	wide := b.eval(`(() => { const w = window.innerWidth; const out = [...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect(); return r.right > w + 1 && r.width > 0; }).slice(0, 5).map(e => e.tagName + '.' + e.className); return document.documentElement.scrollWidth > w + 1 ? out.join(', ') || 'document' : ''; })()`)
	if wide != "" {
		b.t.Errorf("%s at %d px: wider than the window: %s", what, b.w, wide)
	}
}

// axe runs axe-core's WCAG 2.1 A and AA rules on the page.
func (b *browser) axe(src, what string) {
	b.t.Helper()
	if has, _ := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`typeof axe === 'object'`)); !has {
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](src+"\n;typeof axe === 'object'")); err != nil {
			b.fail("inject axe-core", err)
		}
	}
	type violation struct {
		ID     string   `json:"id"`
		Impact string   `json:"impact"`
		Help   string   `json:"help"`
		Nodes  []string `json:"nodes"`
	}
	js := `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,
    nodes: v.nodes.slice(0, 6).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\s+/g, ' '))})))`
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]violation](js, chromedp.EvalAwaitPromise))
	if err != nil {
		b.fail("axe.run", err)
	}
	for _, v := range vs {
		b.t.Errorf("%s (%d px): axe %s (%s): %s\n  %s", what, b.w, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
	}
}

// resume opens the back office with a session saved from another tab.
func (b *browser) resume(session string) {
	b.t.Helper()
	b.open("/quan-tri/dang-nhap")
	b.eval(fmt.Sprintf(`(() => { localStorage.setItem('daison.quantri.auth', %s); return ''; })()`, jsString(session)))
	b.open("/quan-tri/")
	b.waitVisible(".cards")
}

// allowDownloads lets the tab save files into a new folder, which it
// returns.
func (b *browser) allowDownloads() string {
	b.t.Helper()
	dir := b.t.TempDir()
	_, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
	})
	if err != nil {
		b.fail("allow downloads", err)
	}
	return dir
}

// waitDownload waits until the file name has been saved whole in dir and
// returns its bytes.
func (b *browser) waitDownload(dir, name string) []byte {
	b.t.Helper()
	path := filepath.Join(dir, name)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if data, err := os.ReadFile(path); err == nil && len(data) > 0 {
			if _, err := os.Stat(path + ".crdownload"); os.IsNotExist(err) {
				return data
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	b.fail("download "+name, fmt.Errorf("not saved; the folder holds %v", names))
	return nil
}

// newTabText runs do, which opens a new tab, and returns the text of that
// tab's page once it holds want.
func (b *browser) newTabText(do func(), want string) string {
	b.t.Helper()
	ch := chromedp.WaitNewTarget(b.ctx, func(info *target.Info) bool { return info.Type == "page" })
	do()
	var id target.ID
	select {
	case id = <-ch:
	case <-time.After(20 * time.Second):
		b.fail("a new tab", fmt.Errorf("none opened"))
	}
	tab, cancel := chromedp.NewContext(b.ctx, chromedp.WithTargetID(id))
	defer cancel()
	ctx, cancelTime := context.WithTimeout(tab, 20*time.Second)
	defer cancelTime()
	js := fmt.Sprintf(`document.body && document.body.innerText.includes(%q) ? document.body.innerText : ''`, want)
	text, err := chromedp.Run(ctx, chromedp.Poll[string](js, chromedp.WithPollingInterval(100*time.Millisecond)))
	if err != nil {
		b.fail("the new tab's text", err)
	}
	shot := browsertest.Screenshot(b.t, tab, fmt.Sprintf("khen-thuong-danh-sach-in-%d", b.w))
	_ = shot
	return text
}
