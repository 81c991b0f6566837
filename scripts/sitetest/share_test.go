package sitetest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"image/jpeg"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	xhtml "golang.org/x/net/html"

	"github.com/daison/portal/internal/browsertest"
)

// linkable are the sections whose record pages have a short link, a share
// card and a QR poster (the linkable kinds of records.All).
var linkable = []string{"tin-tuc", "mo-hinh-sang-kien", "vinh-danh", "huong-dan"}

// recordPage tells the output path of a record's page ("tin-tuc/x/index.html")
// and its section; records are the pages one folder below a section that
// are not a way to browse it nor a hand-written page.
func recordPage(rel string) (section string, ok bool) {
	parts := strings.Split(rel, "/")
	if len(parts) != 3 || parts[2] != "index.html" || reserved[parts[1]] {
		return "", false
	}
	switch parts[0] {
	case "tin-tuc", "mo-hinh-sang-kien", "vinh-danh", "huong-dan", "don-vi", "van-ban":
		return parts[0], true
	}
	return "", false
}

func isLinkable(section string) bool {
	for _, s := range linkable {
		if s == section {
			return true
		}
	}
	return false
}

// headTags reads a page's <meta property|name> and <link rel> values.
type headTags struct {
	Meta  map[string]string // og:title → content, twitter:card → content, description → …
	Links map[string]string // canonical → href, shortlink → href
}

func readHead(t testing.TB, b []byte) headTags {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	h := headTags{Meta: map[string]string{}, Links: map[string]string{}}
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && (n.Data == "meta" || n.Data == "link") {
			a := map[string]string{}
			for _, at := range n.Attr {
				a[at.Key] = at.Val
			}
			switch {
			case n.Data == "meta" && a["property"] != "":
				h.Meta[a["property"]] = a["content"]
			case n.Data == "meta" && a["name"] != "":
				h.Meta[a["name"]] = a["content"]
			case n.Data == "link" && a["rel"] != "" && a["rel"] != "stylesheet":
				h.Links[a["rel"]] = a["href"]
			}
		}
		if n.Type == xhtml.ElementNode && n.Data == "body" {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return h
}

// onSite tells an absolute address on the running site.
func onSite(u string) bool {
	p, err := url.Parse(u)
	base, _ := url.Parse(siteURL)
	return err == nil && p.IsAbs() && p.Host == base.Host
}

var tagRE = regexp.MustCompile(`(?s)<script.*?</script>|<[^>]+>`)

// plain is the text of some HTML, spaces folded.
func plain(s string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tagRE.ReplaceAllString(s, " "))), " ")
}

// TestSocialTags reads the head of every HTML page of the output (every
// page type, the posters, the redirects of short links and old slugs, the
// 404 page): Open Graph and Twitter card tags are there with absolute
// addresses on the site (og:url is the canonical address; the 404 page has
// none), the description is never empty, never longer than 300 characters
// and, when shortened, ends on a whole word; og:type is "article" on a
// record's page and "website" elsewhere; a record's page of the four shared
// sections names its share card (1200×630) and its permanent short link,
// whose redirect page exists and leads back to it. Every image named is
// fetched and decoded: its size is the one the tags say, at most 300 KB.
func TestSocialTags(t *testing.T) {
	need(t)
	images := map[string][2]int{} // og:image → declared width, height
	checked, records := 0, 0
	for _, rel := range htmlFiles(t) {
		b, err := os.ReadFile(filepath.Join(liveDir, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		h := readHead(t, b)
		path := "/" + strings.TrimSuffix(rel, "index.html")
		checked++
		errorf := func(format string, args ...any) {
			t.Helper()
			t.Errorf("%s: %s", path, fmt.Sprintf(format, args...))
		}
		for _, k := range []string{"og:title", "og:description", "og:image", "og:image:type", "og:image:width", "og:image:height", "og:image:alt", "og:type", "twitter:card"} {
			if strings.TrimSpace(h.Meta[k]) == "" {
				errorf("no %s", k)
			}
		}
		if isRedirect(src) {
			// A short link or an old slug: the page's own tags, so that a
			// preview that does not follow the redirect still shows it.
			if h.Meta["og:url"] == "" || h.Meta["og:url"] != h.Links["canonical"] || !onSite(h.Meta["og:url"]) {
				errorf("redirect page: og:url %q, canonical %q", h.Meta["og:url"], h.Links["canonical"])
			}
		} else {
			if h.Meta["og:site_name"] != "Cải cách hành chính xã Đại Sơn" || h.Meta["og:locale"] != "vi_VN" {
				errorf("og:site_name %q, og:locale %q", h.Meta["og:site_name"], h.Meta["og:locale"])
			}
			if rel == "404.html" {
				if h.Meta["og:url"] != "" {
					errorf("the 404 page names og:url %q", h.Meta["og:url"])
				}
			} else if want := canonicalFor(path, src); h.Meta["og:url"] != want || h.Links["canonical"] != want {
				errorf("og:url %q, canonical %q, want %s", h.Meta["og:url"], h.Links["canonical"], want)
			}
			if h.Meta["og:description"] != h.Meta["description"] {
				errorf("og:description %q differs from the description %q", h.Meta["og:description"], h.Meta["description"])
			}
		}
		if h.Meta["twitter:card"] != "summary_large_image" {
			errorf("twitter:card %q", h.Meta["twitter:card"])
		}
		img := h.Meta["og:image"]
		if !onSite(img) {
			errorf("og:image %q is not an absolute address on the site", img)
		}
		var w, hh int
		fmt.Sscan(h.Meta["og:image:width"], &w)
		fmt.Sscan(h.Meta["og:image:height"], &hh)
		if img != "" {
			images[img] = [2]int{w, hh}
		}

		desc := h.Meta["og:description"]
		if n := utf8.RuneCountInString(desc); n > 301 {
			errorf("og:description has %d characters", n)
		}
		if cut, ok := strings.CutSuffix(desc, "…"); ok && !isRedirect(src) {
			// Shortened: what is left ends a word of the page's text.
			cut = strings.TrimSpace(cut)
			text := plain(mainPart.FindString(src))
			tail := cut
			if r := []rune(cut); len(r) > 40 {
				tail = string(r[len(r)-40:])
			}
			if i := strings.Index(text, tail); i >= 0 {
				next, _ := utf8.DecodeRuneInString(text[i+len(tail):])
				if unicode.IsLetter(next) || unicode.IsDigit(next) {
					errorf("og:description is cut inside a word: …%q", tail)
				}
			}
		}

		section, isRecord := recordPage(rel)
		isRecord = isRecord && !isRedirect(src)
		wantType := "website"
		switch {
		case isRecord || isRedirect(src): // every redirect leads to a record
			wantType = "article"
		case strings.HasSuffix(rel, "/qr/index.html"): // a poster: as its page
			pb, _ := os.ReadFile(filepath.Join(liveDir, filepath.FromSlash(strings.TrimSuffix(rel, "qr/index.html")), "index.html"))
			wantType = readHead(t, pb).Meta["og:type"]
		}
		if h.Meta["og:type"] != wantType {
			errorf("og:type %q, want %q", h.Meta["og:type"], wantType)
		}
		if isRecord && isLinkable(section) {
			records++
			if img != siteURL+path+"the-chia-se.jpg" || w != 1200 || hh != 630 || h.Meta["og:image:type"] != "image/jpeg" {
				errorf("og:image %q %dx%d %s, want its share card, 1200×630 JPEG", img, w, hh, h.Meta["og:image:type"])
			}
			short := h.Links["shortlink"]
			m := regexp.MustCompile(`^` + regexp.QuoteMeta(siteURL) + `/l/([a-z0-9]+)/$`).FindStringSubmatch(short)
			if m == nil {
				errorf("shortlink %q is not an absolute /l/<code>/ address", short)
				continue
			}
			rb, err := os.ReadFile(filepath.Join(liveDir, "l", m[1], "index.html"))
			if err != nil {
				errorf("no redirect page for its short link %s", short)
				continue
			}
			rh := readHead(t, rb)
			if !isRedirect(string(rb)) || rh.Links["canonical"] != siteURL+path {
				errorf("%s does not lead to the page (canonical %q)", short, rh.Links["canonical"])
			}
		} else if h.Links["shortlink"] != "" && !strings.HasSuffix(path, "/qr/") {
			errorf("a shortlink on a page that is not a shared record: %q", h.Links["shortlink"])
		}
	}
	if records < 10 {
		t.Errorf("only %d record pages with share cards", records)
	}

	// Every image named: fetched, decoded, its size as said, ≤ 300 KB.
	for u, wh := range images {
		res, err := http.Get(u)
		if err != nil {
			t.Errorf("GET %s: %v", u, err)
			continue
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Errorf("GET %s: status %d", u, res.StatusCode)
			continue
		}
		if len(b) > 300<<10 {
			t.Errorf("%s is %d bytes (> 300 KB)", u, len(b))
		}
		if strings.HasSuffix(u, ".jpg") {
			cfg, err := jpeg.DecodeConfig(bytes.NewReader(b))
			if err != nil {
				t.Errorf("%s: not a JPEG: %v", u, err)
				continue
			}
			if cfg.Width != wh[0] || cfg.Height != wh[1] {
				t.Errorf("%s is %d×%d, the tags say %d×%d", u, cfg.Width, cfg.Height, wh[0], wh[1])
			}
		}
	}
	t.Logf("link preview tags on %d pages (%d records with share cards and short links); %d images checked", checked, records, len(images))
}

// TestShareCards decodes every share card of the output with Go's
// image/jpeg: the site's default card and each record's card (every
// article, initiative, honoree and guide has one) are 1200×630 JPEGs of at
// most 300 KB.
func TestShareCards(t *testing.T) {
	need(t)
	var cards []string
	err := filepath.WalkDir(liveDir+"/", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && d.Name() == "the-chia-se.jpg" {
			cards = append(cards, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	biggest, total := 0, 0
	for _, p := range cards {
		rel, _ := filepath.Rel(liveDir, p)
		have[filepath.ToSlash(filepath.Dir(rel))] = true
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		img, err := jpeg.Decode(bytes.NewReader(b))
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		if s := img.Bounds().Size(); s.X != 1200 || s.Y != 630 {
			t.Errorf("%s is %d×%d, want 1200×630", rel, s.X, s.Y)
		}
		if len(b) > 300<<10 {
			t.Errorf("%s is %d bytes (> 300 KB)", rel, len(b))
		}
		total += len(b)
		biggest = max(biggest, len(b))
	}
	if !have["."] {
		t.Error("the site has no default card /the-chia-se.jpg")
	}
	for _, rel := range htmlFiles(t) {
		if section, ok := recordPage(rel); ok && isLinkable(section) {
			if dir := strings.TrimSuffix(rel, "/index.html"); !have[dir] {
				t.Errorf("/%s/ has no share card", dir)
			}
		}
	}
	if len(cards) > 0 {
		t.Logf("%d share cards, 1200×630; largest %d B, mean %d B", len(cards), biggest, total/len(cards))
	}
}

// posterPages returns the record pages of the output that must have a QR
// poster, as site paths ("/tin-tuc/x/").
func posterPages(t testing.TB) []string {
	var out []string
	for _, rel := range htmlFiles(t) {
		if section, ok := recordPage(rel); ok && isLinkable(section) {
			out = append(out, "/"+strings.TrimSuffix(rel, "index.html"))
		}
	}
	return out
}

var shortText = regexp.MustCompile(`<a class=poster-short href=([^ >]+)>([^<]+)</a>`)

// TestPosterPages reads the output: every article, initiative, honoree and
// guide has its poster at its address + qr/, which asks not to be indexed,
// names itself as canonical, holds the QR code inline (SVG), the page's
// title and its short link as text (absolute), and (the test's portal has
// a loopback address) a warning that the code leads nowhere; the page
// links to it; units and hand-written pages have none, and the sitemap
// lists none.
func TestPosterPages(t *testing.T) {
	need(t)
	pages := posterPages(t)
	for _, p := range pages {
		b, err := os.ReadFile(filepath.Join(liveDir, filepath.FromSlash(p), "qr", "index.html"))
		if err != nil {
			t.Errorf("%s has no poster at %sqr/", p, p)
			continue
		}
		src := string(b)
		h := readHead(t, b)
		pb, _ := os.ReadFile(filepath.Join(liveDir, filepath.FromSlash(p), "index.html"))
		ph := readHead(t, pb)
		if h.Links["canonical"] != siteURL+p {
			t.Errorf("%sqr/: canonical %q, want the record's page %s", p, h.Links["canonical"], siteURL+p)
		}
		if !regexp.MustCompile(`<div class=poster-qr><svg [^>]*role="?img`).MatchString(src) {
			t.Errorf("%sqr/: no inline SVG QR code", p)
		}
		m := shortText.FindStringSubmatch(src)
		if m == nil || m[2] != ph.Links["shortlink"] || !onSite(m[2]) {
			t.Errorf("%sqr/: short link in text %q, the page's shortlink %q", p, m, ph.Links["shortlink"])
		}
		if !strings.Contains(string(pb), `href=`+p+`qr/>`) {
			t.Errorf("%s does not link to its poster", p)
		}
		// This portal runs without --base-url: its code leads to this
		// machine only, and the sheet says so.
		if !strings.Contains(src, "class=poster-warning") || !strings.Contains(src, siteURL) {
			t.Errorf("%sqr/: a poster of a portal at %s does not warn that its code leads nowhere", p, siteURL)
		}
	}
	for _, dir := range []string{"don-vi", "ke-hoach", "chi-so", "tim-kiem", "vinh-danh/thong-ke", "gop-y"} {
		filepath.WalkDir(filepath.Join(liveDir, dir), func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() && d.Name() == "qr" && !strings.HasSuffix(p, "gop-y/danh-gia/qr") {
				t.Errorf("%s has a poster", p)
			}
			return nil
		})
	}
	_, sm := get(t, "/sitemap.xml")
	if strings.Contains(sm, "/qr/</loc>") {
		t.Error("the sitemap lists posters")
	}
	t.Logf("%d posters", len(pages))
}

// zbar decodes the QR codes in a PNG with zbarimg (Debian's zbar-tools).
func zbar(t testing.TB, png []byte) []string {
	t.Helper()
	bin, err := exec.LookPath("zbarimg")
	if err != nil {
		t.Fatal("zbarimg is missing: run scripts/test (it installs Debian's zbar-tools), or apt-get install zbar-tools")
	}
	f := filepath.Join(t.TempDir(), "qr.png")
	if err := os.WriteFile(f, png, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "--quiet", "--raw", f).Output()
	if err != nil {
		t.Fatalf("zbarimg found no code in the screenshot: %v", err)
	}
	return strings.Fields(string(out))
}

// TestPosterQRInBrowser opens posters in Chromium: an article's, a guide's
// and the satisfaction form's (drawn by Hugo, for the counter). On screen
// and as printed (print media), the QR code read back from a screenshot by
// zbarimg is the record's short link (/l/<code>/), or the page's
// address for a page without one, + ?nguon=qr; in print it is at least 5
// cm wide, and the poster prints on one A4 sheet. Opened, the short link
// lands on the page with ?nguon=qr kept, so that scans are counted.
func TestPosterQRInBrowser(t *testing.T) {
	need(t)
	var posters []string
	for _, p := range posterPages(t) {
		if strings.HasPrefix(p, "/tin-tuc/") && len(posters) == 0 {
			posters = append(posters, p)
		}
	}
	for _, p := range posterPages(t) {
		if strings.HasPrefix(p, "/huong-dan/") {
			posters = append(posters, p)
			break
		}
	}
	posters = append(posters, "/gop-y/danh-gia/")
	for _, p := range posters {
		t.Run(strings.Trim(p, "/"), func(t *testing.T) {
			ctx := browsertest.New(t, 794, 1123)
			if err := chromedp.Do(ctx, chromedp.Navigate(siteURL+p+"qr/"), chromedp.WaitVisible(".poster-qr")); err != nil {
				t.Fatal(err)
			}
			want := siteURL + p + "?nguon=qr"
			if strings.HasPrefix(p, "/tin-tuc/") || strings.HasPrefix(p, "/huong-dan/") {
				short := eval[string](t, ctx, `(document.querySelector('.poster-short') || {}).href || ''`)
				if !strings.Contains(short, "/l/") {
					t.Fatalf("the poster shows no short link: %q", short)
				}
				want = short + "?nguon=qr"
			}
			name := "sitetest-ap-phich-" + strings.ReplaceAll(strings.Trim(p, "/"), "/", "-")
			shot := browsertest.Screenshot(t, ctx, name)
			png, _ := os.ReadFile(shot)
			if got := zbar(t, png); len(got) != 1 || got[0] != want {
				t.Errorf("on screen the QR code reads %q, want %q", got, want)
			}
			if want != siteURL+p+"?nguon=qr" {
				// A phone opening the code lands on the page, the tag kept.
				phone := browsertest.New(t, 375, 800)
				landed := ""
				err := chromedp.Do(phone, chromedp.Navigate(want))
				if err == nil {
					landed, err = chromedp.Run(phone, chromedp.Poll[string](`location.pathname === `+jsString(p)+` ? location.pathname + location.search : ''`, chromedp.WithPollingTimeout(15*time.Second)))
				}
				if err != nil || landed != p+"?nguon=qr" {
					t.Errorf("the short link %s lands on %q (%v), want %s?nguon=qr", want, landed, err, p)
				}
			}
			// Printed: the print stylesheet, on A4.
			err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
				return err
			}))
			if err != nil {
				t.Fatal(err)
			}
			cm := eval[float64](t, ctx, `document.querySelector('.poster-qr svg, .poster-qr img').getBoundingClientRect().width / 96 * 2.54`)
			if cm < 5 {
				t.Errorf("printed, the QR code is %.1f cm wide (< 5 cm)", cm)
			}
			shot = browsertest.Screenshot(t, ctx, name+"-in")
			png, _ = os.ReadFile(shot)
			if got := zbar(t, png); len(got) != 1 || got[0] != want {
				t.Errorf("printed, the QR code reads %q, want %q", got, want)
			}
			pdf, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
				res, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: new(true)})
				return res.Data, err
			})
			if err != nil {
				t.Fatal(err)
			}
			if n := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1)); n != 1 {
				t.Errorf("the poster prints on %d pages, want one A4 sheet", n)
			}
			if m := regexp.MustCompile(`/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)`).FindSubmatch(pdf); m == nil {
				t.Errorf("the printed poster has no page size")
			} else {
				var w, h float64
				fmt.Sscan(string(m[1]), &w)
				fmt.Sscan(string(m[2]), &h)
				if w < 593 || w > 597 || h < 840 || h > 844 {
					t.Errorf("the printed poster is %.0f×%.0f pt, want A4 (595×842)", w, h)
				}
			}
			t.Logf("%sqr/: QR %s, %.1f cm wide on paper", p, want, cm)
		})
	}
}

// TestShareActions checks a news page's share block in Chromium: the
// Facebook and Zalo links are plain links with the page's short link, the
// poster link, the permanent short link in a read-only field (all without
// JavaScript too); with JavaScript, "Sao chép liên kết" shows and says it
// copied; "Chia sẻ…" shows only where the browser can share.
func TestShareActions(t *testing.T) {
	need(t)
	var p string
	for _, x := range posterPages(t) {
		if strings.HasPrefix(x, "/tin-tuc/") {
			p = x
			break
		}
	}
	pb, _ := os.ReadFile(filepath.Join(liveDir, filepath.FromSlash(p), "index.html"))
	short := readHead(t, pb).Links["shortlink"]
	for _, js := range []bool{true, false} {
		t.Run(fmt.Sprintf("js=%v", js), func(t *testing.T) {
			ctx := browser(t, 375, "", js)
			if err := chromedp.Do(ctx, chromedp.Navigate(siteURL+p), chromedp.WaitReady("#chia-se")); err != nil {
				t.Fatal(err)
			}
			type block struct {
				FB, Zalo, Poster, Value string
				ReadOnly, CopyShown     bool
				NativeShown, CanShare   bool
			}
			b := eval[block](t, ctx, `(() => {
  const s = document.querySelector('.share'), shown = e => !!e && !e.closest('[hidden]') && e.offsetParent !== null;
  return {FB: s.querySelector('.share-link--fb').href, Zalo: s.querySelector('.share-link--zalo').href,
    Poster: s.querySelector('.share-link--qr').href, Value: s.querySelector('#lien-ket-ngan').value,
    ReadOnly: s.querySelector('#lien-ket-ngan').readOnly, CopyShown: shown(s.querySelector('[data-copy]')),
    NativeShown: shown(s.querySelector('[data-share-url]')), CanShare: !!navigator.share};
})()`)
			pageURL := siteURL + p
			if b.FB != "https://www.facebook.com/sharer/sharer.php?u="+url.QueryEscape(short) {
				t.Errorf("Facebook link %q", b.FB)
			}
			if b.Zalo != "https://zalo.me/share?url="+url.QueryEscape(short) {
				t.Errorf("Zalo link %q", b.Zalo)
			}
			if b.Poster != pageURL+"qr/" {
				t.Errorf("poster link %q", b.Poster)
			}
			if b.Value != short || !b.ReadOnly {
				t.Errorf("short link field %q (read-only %v), want %q", b.Value, b.ReadOnly, short)
			}
			if b.CopyShown != js {
				t.Errorf("the copy button shows: %v, JavaScript %v", b.CopyShown, js)
			}
			if b.NativeShown != (js && b.CanShare) {
				t.Errorf("the share-sheet button shows: %v (navigator.share %v, JavaScript %v)", b.NativeShown, b.CanShare, js)
			}
			if js {
				click(t, ctx, "[data-copy]")
				waitFor(t, ctx, "the copy confirmation", `document.getElementById('lien-ket-ngan-trang-thai').textContent.includes('Đã sao chép')`)
				if s := eval[string](t, ctx, `document.getElementById('lien-ket-ngan-trang-thai').textContent`); !strings.Contains(s, short) {
					t.Errorf("the confirmation %q does not name the link", s)
				}
			}
			if err := chromedp.Do(ctx, chromedp.ScrollIntoView("#chia-se")); err != nil {
				t.Fatal(err)
			}
			browsertest.Screenshot(t, ctx, fmt.Sprintf("sitetest-chia-se-js-%v", js))
		})
	}
}

// TestRenameKeepsLinks renames a published article through the API as the
// IT administrator (new title and slug) and waits for the rebuild: the new
// address serves the page with the same short link; the short link and the
// old address are redirect pages (meta refresh, canonical) to the new
// address, and Chromium following them lands there.
func TestRenameKeepsLinks(t *testing.T) {
	need(t)
	tok := adminToken(t)
	var art map[string]any
	for _, a := range adminRecords(t, "articles", "status = 'published' && publishAt <= @now") {
		if _, err := os.Stat(filepath.Join(liveDir, "tin-tuc", a["slug"].(string), "index.html")); err == nil {
			art = a
		}
	}
	if art == nil {
		t.Fatal("no published article to rename")
	}
	id, oldSlug, code := art["id"].(string), art["slug"].(string), art["shortCode"].(string)
	newSlug := "doi-ten-" + oldSlug
	if len(newSlug) > 80 {
		newSlug = strings.TrimRight(newSlug[:80], "-")
	}
	status, body := apiCall(t, tok, http.MethodPatch, "/api/collections/articles/records/"+id, "",
		map[string]any{"title": "Đổi tên: " + art["title"].(string), "slug": newSlug})
	if status != 200 {
		t.Fatalf("rename: %d %s", status, body)
	}
	var saved map[string]any
	json.Unmarshal(body, &saved)
	if saved["shortCode"] != code {
		t.Fatalf("the short code changed: %v → %v", code, saved["shortCode"])
	}
	oldURL, newURL := "/tin-tuc/"+oldSlug+"/", "/tin-tuc/"+newSlug+"/"
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if s, _ := get(t, newURL); s == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not appear within 2 minutes of the rename", newURL)
		}
		time.Sleep(200 * time.Millisecond)
	}
	_, pg := get(t, newURL)
	if h := readHead(t, []byte(pg)); h.Links["shortlink"] != siteURL+"/l/"+code+"/" {
		t.Errorf("the renamed page's shortlink is %q, want %s/l/%s/", h.Links["shortlink"], siteURL, code)
	}
	for _, from := range []string{"/l/" + code + "/", oldURL} {
		s, b := get(t, from)
		h := readHead(t, []byte(b))
		if s != 200 || !isRedirect(b) || h.Links["canonical"] != siteURL+newURL || h.Meta["og:url"] != siteURL+newURL {
			t.Errorf("%s (%d): canonical %q, redirect %v, want a redirect to %s", from, s, h.Links["canonical"], isRedirect(b), newURL)
		}
		ctx := browsertest.New(t, 375, 900)
		if err := chromedp.Do(ctx, chromedp.Navigate(siteURL+from)); err != nil {
			t.Fatal(err)
		}
		waitPage(t, ctx, from+" to lead to "+newURL, fmt.Sprintf(`location.pathname === %q && !!document.querySelector('h1')`, newURL))
	}
	t.Logf("renamed %s → %s; /l/%s/ and the old address lead to the new one", oldURL, newURL, code)
}
