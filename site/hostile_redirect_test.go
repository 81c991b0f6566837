package site_test

import (
	"github.com/daison/portal/internal/staffauth"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	portal "github.com/daison/portal"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site"
)

// browserTarget reads a Location as a browser does (WHATWG URL): tabs and
// line breaks dropped, "\" taken for "/", then resolved against page.
func browserTarget(page *url.URL, loc string) (*url.URL, error) {
	loc = strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r':
			return -1
		case '\\':
			return '/'
		}
		return r
	}, strings.Trim(loc, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
	u, err := url.Parse(loc)
	if err != nil {
		return nil, err
	}
	return page.ResolveReference(u), nil
}

// TestHostileRedirectsStayOnHost: no path of the site sends a visitor to
// another host, whatever the request holds: every redirect the portal
// answers with (a folder without its slash, a path to clean, a short link
// /l/…, an old slug, the redirect pages of those) leads to a page of the
// portal's own host, read as a browser reads it; and the Location holds no
// backslash, control character or space.
func TestHostileRedirectsStayOnHost(t *testing.T) {
	app := recordstest.NewApp(t)
	past := recordstest.Date(time.Now().Add(-time.Hour))
	art := recordstest.Create(t, app, schema.Articles, map[string]any{"title": "Bài về cải cách", "category": "thong-bao", "status": "published", "publishAt": past})
	oldSlug := art.GetString("slug")
	art.Set("slug", "bai-ve-cai-cach-hanh-chinh")
	if err := app.Save(art); err != nil {
		t.Fatal(err)
	}
	code := art.GetString("shortCode")
	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://dai-son.test/", Sources: portal.SiteFiles})
	t.Cleanup(b.Close)
	site.Register(app, b, staffauth.Require)
	h := serveSite(t, app, b)
	if st := b.Status(); st.Last == nil || !st.Last.OK() {
		t.Fatalf("build: %+v", st.Last)
	}

	evil := []string{
		"//evil.example/", "///evil.example/", "/\\evil.example/", "/%5Cevil.example/", "/%5C%5Cevil.example/",
		"/.%2F%5Cevil.example/", "/.%2F%5Cevil.example", "/%2F%2Fevil.example/", "/%2F/evil.example/",
		"/%09/evil.example/", "/%0A/evil.example/", "/%0D%0A/evil.example/", "/%20/evil.example/",
		"/..%5C..%5Cevil.example/", "/tin-tuc/..%2F%5Cevil.example/", "/tin-tuc/../%5Cevil.example",
		"/tin-tuc/%2E%2E/%5C%09evil.example/", "/%E2%80%AE/evil.example/", "/%C2%A0/evil.example/",
	}
	var paths []string
	for _, p := range []string{"/tin-tuc/" + art.GetString("slug"), "/tin-tuc/" + oldSlug, "/l/" + code, "/tin-tuc"} {
		paths = append(paths, p, p+"/", p+"?q=//evil.example/")
		for _, e := range evil {
			paths = append(paths, p+e, p+"/.."+e)
		}
	}
	paths = append(paths, evil...)

	page, _ := url.Parse("http://dai-son.test/")
	refresh := regexp.MustCompile(`(?i)<meta http-equiv="refresh" content="0; url=([^"]*)"`)
	redirects := 0
	for _, p := range paths {
		req := httptest.NewRequest(http.MethodGet, "http://dai-son.test"+p, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var locs []string
		if rec.Code >= 300 && rec.Code < 400 {
			locs = append(locs, rec.Header().Get("Location"))
			redirects++
		}
		if m := refresh.FindStringSubmatch(rec.Body.String()); m != nil {
			locs = append(locs, m[1])
		}
		for _, loc := range locs {
			target, err := browserTarget(page, loc)
			if err != nil || target.Host != "dai-son.test" {
				t.Errorf("GET %q → %d, Location %q: a browser goes to %v (%v)", p, rec.Code, loc, target, err)
				continue
			}
			if rec.Code >= 300 && rec.Code < 400 && (strings.ContainsAny(loc, "\\\t\r\n ") || !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//")) {
				t.Errorf("GET %q → Location %q", p, loc)
			}
		}
	}
	if redirects < 10 {
		t.Errorf("only %d of %d requests were redirects: the table tests little", redirects, len(paths))
	}
}
