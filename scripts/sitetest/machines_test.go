package sitetest

import (
	"encoding/xml"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestNotFound asks for pages that do not exist: the portal answers 404
// with the site's Vietnamese page (title, links back to every section).
func TestNotFound(t *testing.T) {
	need(t)
	for _, p := range []string{"/khong-co-trang-nay/", "/tin-tuc/bai-viet-khong-co/", "/vinh-danh/nam/1999/", "/anh.png"} {
		status, body := get(t, p)
		if status != 404 {
			t.Errorf("GET %s: status %d, want 404", p, status)
		}
		for _, want := range []string{`lang=vi`, "Không tìm thấy trang", "Về trang chủ", "/tin-tuc/", "/huong-dan/"} {
			if !strings.Contains(body, want) {
				t.Errorf("GET %s: the 404 page lacks %q", p, want)
			}
		}
		if strings.Contains(body, `rel=canonical`) {
			t.Errorf("GET %s: the 404 page names a canonical address", p)
		}
	}
}

// rss is the part of RSS 2.0 the test reads.
type rss struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Channel struct {
		Title string `xml:"title"`
		// <link> and <atom:link rel="self"> share the local name.
		Links []struct {
			XMLName xml.Name
			Text    string `xml:",chardata"`
			Href    string `xml:"href,attr"`
		} `xml:"link"`
		Description string `xml:"description"`
		Language    string `xml:"language"`
		Items       []struct {
			Title   string `xml:"title"`
			Link    string `xml:"link"`
			GUID    string `xml:"guid"`
			PubDate string `xml:"pubDate"`
		} `xml:"item"`
	} `xml:"channel"`
}

// TestFeeds reads the news feed (/index.xml) and each section's feed with
// encoding/xml: RSS 2.0 with a title, link and description, items with
// absolute links to pages that exist on the site, at most 50 of them; the
// home feed holds only news. Every page names its feed.
func TestFeeds(t *testing.T) {
	need(t)
	base, _ := url.Parse(siteURL + "/")
	for _, feed := range []string{"/index.xml", "/tin-tuc/index.xml", "/mo-hinh-sang-kien/index.xml", "/vinh-danh/index.xml", "/huong-dan/index.xml"} {
		status, body := get(t, feed)
		if status != 200 {
			t.Errorf("GET %s: status %d", feed, status)
			continue
		}
		var r rss
		if err := xml.Unmarshal([]byte(body), &r); err != nil {
			t.Errorf("%s does not parse as XML: %v", feed, err)
			continue
		}
		c := r.Channel
		if r.Version != "2.0" || c.Title == "" || c.Description == "" || c.Language != "vi-VN" {
			t.Errorf("%s: version %q, title %q, description %q, language %q", feed, r.Version, c.Title, c.Description, c.Language)
		}
		var link, self string
		for _, l := range c.Links {
			if l.XMLName.Space == "" {
				link = l.Text
			} else {
				self = l.Href
			}
		}
		if u, err := url.Parse(link); err != nil || !u.IsAbs() || u.Host != base.Host {
			t.Errorf("%s: channel link %q is not an absolute link to the site", feed, link)
		}
		if self != siteURL+feed {
			t.Errorf("%s: atom:link rel=self is %q", feed, self)
		}
		if len(c.Items) == 0 || len(c.Items) > 50 {
			t.Errorf("%s: %d items, want 1 to 50", feed, len(c.Items))
		}
		for _, it := range c.Items {
			u, err := url.Parse(it.Link)
			if err != nil || !u.IsAbs() || u.Host != base.Host {
				t.Errorf("%s: item %q links to %q, not an absolute link to the site", feed, it.Title, it.Link)
				continue
			}
			if it.Title == "" || it.GUID != it.Link || it.PubDate == "" {
				t.Errorf("%s: item %+v lacks a title, guid or date", feed, it)
			}
			if feed == "/index.xml" && !strings.HasPrefix(u.Path, "/tin-tuc/") {
				t.Errorf("/index.xml holds %s, which is not news", u.Path)
			}
			if _, err := os.Stat(filepath.Join(liveDir, filepath.FromSlash(u.Path), "index.html")); err != nil {
				t.Errorf("%s: item %s has no page in the output", feed, u.Path)
			}
		}
	}
	_, home := get(t, "/")
	if !regexp.MustCompile(`<link rel=alternate type=application/rss\+xml href=/index.xml`).MatchString(home) {
		t.Errorf("the home page does not name its feed /index.xml")
	}
}

// TestSitemapAndRobots reads /sitemap.xml: it lists every HTML page of the
// output (the 404 page, redirects, QR posters and second pages of lists
// aside) with its absolute address, and only pages that exist. robots.txt
// points to it. Every page names its absolute canonical address; a poster
// names the page it advertises.
func TestSitemapAndRobots(t *testing.T) {
	need(t)
	status, body := get(t, "/sitemap.xml")
	if status != 200 {
		t.Fatalf("GET /sitemap.xml: status %d", status)
	}
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(body), &sm); err != nil {
		t.Fatalf("sitemap.xml does not parse: %v", err)
	}
	base, _ := url.Parse(siteURL + "/")
	listed := map[string]bool{}
	for _, u := range sm.URLs {
		p, err := url.Parse(u.Loc)
		if err != nil || !p.IsAbs() || p.Host != base.Host {
			t.Errorf("sitemap: %q is not an absolute address on the site", u.Loc)
			continue
		}
		rel := strings.TrimPrefix(p.Path, "/") + "index.html"
		if !strings.HasSuffix(p.Path, "/") {
			rel = strings.TrimPrefix(p.Path, "/")
		}
		listed[rel] = true
		if _, err := os.Stat(filepath.Join(liveDir, filepath.FromSlash(rel))); err != nil {
			t.Errorf("sitemap lists %s, which is not in the output", u.Loc)
		}
	}
	canonical := regexp.MustCompile(`<link rel=canonical href=([^ >]+)>`)
	pages := 0
	for _, rel := range htmlFiles(t) {
		b, err := os.ReadFile(filepath.Join(liveDir, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		if rel == "404.html" || isRedirect(string(b)) {
			continue
		}
		want := siteURL + "/" + strings.TrimSuffix(rel, "index.html")
		poster := isPoster(string(b))
		if poster {
			want = strings.TrimSuffix(want, "qr/")
		}
		m := canonical.FindSubmatch(b)
		if m == nil || strings.Trim(string(m[1]), `"`) != want {
			t.Errorf("/%s: canonical link %q, want %s", rel, m, want)
		}
		if isPagination(rel) || poster || isNoindex(string(b)) {
			continue
		}
		pages++
		if !listed[rel] {
			t.Errorf("sitemap lacks /%s", strings.TrimSuffix(rel, "index.html"))
		}
	}
	t.Logf("sitemap: %d addresses; %d pages of the output checked", len(sm.URLs), pages)

	status, robots := get(t, "/robots.txt")
	if status != 200 || !strings.Contains(robots, "Sitemap: "+siteURL+"/sitemap.xml") {
		t.Errorf("robots.txt (%d) does not point to the sitemap:\n%s", status, robots)
	}
	for _, dis := range []string{"Disallow: /_/", "Disallow: /api/"} {
		if !strings.Contains(robots, dis) {
			t.Errorf("robots.txt lacks %q", dis)
		}
	}
}
