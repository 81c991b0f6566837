package sitetest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

const (
	maxHTMLGz   = 14 * 1024 // each page's HTML, gzipped
	maxCSSGz    = 15 * 1024 // all CSS, gzipped
	maxScriptGz = 10 * 1024 // each script, gzipped
)

func gzSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// asset is a stylesheet or script a page refers to.
type asset struct {
	Href, Integrity string
	Defer, Inline   bool
}

// pageAssets returns the stylesheets and scripts of an HTML page, and
// whether it has inline styles (style attributes or <style>).
func pageAssets(b []byte) (css, js []asset, inlineStyle bool, err error) {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return nil, nil, false, err
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attr := map[string]string{}
			has := map[string]bool{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
				has[a.Key] = true
			}
			if has["style"] {
				inlineStyle = true
			}
			switch n.Data {
			case "style":
				inlineStyle = true
			case "link":
				if strings.Contains(" "+attr["rel"]+" ", " stylesheet ") {
					css = append(css, asset{Href: attr["href"], Integrity: attr["integrity"]})
				}
			case "script":
				a := asset{Href: attr["src"], Integrity: attr["integrity"], Defer: has["defer"], Inline: !has["src"]}
				js = append(js, a)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return css, js, inlineStyle, nil
}

var fingerprint = regexp.MustCompile(`\.[0-9a-f]{32,}\.(css|js)$`)

// TestWeight checks what a cheap phone on a slow link downloads: every
// page's HTML is at most 14 KB gzipped; each page links exactly one
// stylesheet, fingerprinted with its integrity, at most 15 KB gzipped;
// scripts are files (no inline script or style, so a strict CSP works),
// deferred, fingerprinted, at most 10 KB gzipped each. It logs the largest
// page of each type and the sizes of the assets.
func TestWeight(t *testing.T) {
	need(t)
	type big struct {
		path string
		gz   int
	}
	maxByKind := map[string]big{}
	assets := map[string]bool{}
	for _, rel := range htmlFiles(t) {
		b, err := os.ReadFile(filepath.Join(liveDir, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		if isRedirect(string(b)) {
			continue
		}
		gz := gzSize(b)
		if gz > maxHTMLGz {
			t.Errorf("/%s: HTML is %d bytes gzipped (> %d)", rel, gz, maxHTMLGz)
		}
		k := pageKind(rel)
		if gz > maxByKind[k].gz {
			maxByKind[k] = big{rel, gz}
		}
		css, js, inline, err := pageAssets(b)
		if err != nil {
			t.Fatalf("/%s: %v", rel, err)
		}
		if inline {
			t.Errorf("/%s: has an inline style (style attribute or <style>)", rel)
		}
		if len(css) != 1 {
			t.Errorf("/%s: %d stylesheets, want exactly one", rel, len(css))
		}
		for _, c := range css {
			if !fingerprint.MatchString(c.Href) || !strings.HasPrefix(c.Integrity, "sha") {
				t.Errorf("/%s: stylesheet %q (integrity %q) is not fingerprinted", rel, c.Href, c.Integrity)
			}
			assets[c.Href] = true
		}
		for _, s := range js {
			switch {
			case s.Inline:
				t.Errorf("/%s: has an inline script", rel)
			case !s.Defer:
				t.Errorf("/%s: script %s is not deferred", rel, s.Href)
			case !fingerprint.MatchString(s.Href) || !strings.HasPrefix(s.Integrity, "sha"):
				t.Errorf("/%s: script %q is not fingerprinted with its integrity", rel, s.Href)
			default:
				assets[s.Href] = true
			}
		}
	}
	kinds := make([]string, 0, len(maxByKind))
	for k := range maxByKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var report strings.Builder
	for _, k := range kinds {
		fmt.Fprintf(&report, "\n  %-40s %6d B gz  /%s", k, maxByKind[k].gz, maxByKind[k].path)
	}
	t.Logf("largest HTML page of each type (limit %d B gzipped):%s", maxHTMLGz, report.String())

	cssTotal := 0
	for href := range assets {
		status, body := get(t, href)
		if status != 200 {
			t.Errorf("%s: status %d", href, status)
			continue
		}
		gz := gzSize([]byte(body))
		switch {
		case strings.HasSuffix(href, ".css"):
			cssTotal += gz
			t.Logf("stylesheet %s: %d B, %d B gzipped", href, len(body), gz)
		case strings.HasSuffix(href, ".js"):
			t.Logf("script %s: %d B, %d B gzipped", href, len(body), gz)
			if gz > maxScriptGz {
				t.Errorf("script %s is %d bytes gzipped (> %d)", href, gz, maxScriptGz)
			}
		}
	}
	if cssTotal > maxCSSGz {
		t.Errorf("the CSS is %d bytes gzipped (> %d)", cssTotal, maxCSSGz)
	}
	nCSS := 0
	for href := range assets {
		if strings.HasSuffix(href, ".css") {
			nCSS++
		}
	}
	if nCSS != 1 {
		t.Errorf("the site uses %d stylesheets, want one", nCSS)
	}
}
