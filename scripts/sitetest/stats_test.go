package sitetest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var (
	statSection = regexp.MustCompile(`(?s)<section class=stat aria-labelledby=([a-z-]+)>(.*?)</section>`)
	statSVG     = regexp.MustCompile(`(?s)<svg class="?bar-chart-svg"? [^>]*role="?img"? aria-labelledby="([^"]+)"[^>]*><title id=[^>]+>([^<]+)</title><desc id=[^>]+>([^<]+)</desc>(.*?)</svg>`)
	statRow     = regexp.MustCompile(`<tr><th scope=row>(?:<a href=([^ >]+)>)?([^<]+)(?:</a>)?</th><td class=num>([0-9.]+)</td>`)
	statTotal   = regexp.MustCompile(`<tfoot><tr><th scope=row>Tổng</th><td class=num>([0-9.]+)</td>`)
)

// TestStatistics reads /vinh-danh/thong-ke/: each chart is an SVG image
// with a title and a description (role=img), one bar per row of the table
// that follows it; every row links to a list page of the site; the totals
// add up; awards per year match the public API (awards of published
// honorees), and the honour roll and the initiatives' page link here.
func TestStatistics(t *testing.T) {
	need(t)
	status, body := get(t, "/vinh-danh/thong-ke/")
	if status != 200 {
		t.Fatalf("GET /vinh-danh/thong-ke/: %d", status)
	}
	sections := statSection.FindAllStringSubmatch(body, -1)
	if len(sections) != 8 {
		t.Fatalf("%d charts, want 8", len(sections))
	}
	byYear := map[string]int{}
	for _, s := range sections {
		id, html := s[1], s[2]
		svg := statSVG.FindStringSubmatch(html)
		if svg == nil {
			t.Errorf("%s: no SVG chart with role=img, title and description", id)
			continue
		}
		if strings.TrimSpace(svg[2]) == "" || !strings.Contains(svg[3], "Tổng cộng") {
			t.Errorf("%s: chart title %q, description %q", id, svg[2], svg[3])
		}
		bars := len(regexp.MustCompile(`<rect class="?bar"? `).FindAllString(svg[4], -1))
		tbody, _, _ := strings.Cut(html, "</tbody>")
		rows := statRow.FindAllStringSubmatch(tbody, -1)
		if bars == 0 || bars != len(rows) {
			t.Errorf("%s: %d bars, %d table rows", id, bars, len(rows))
		}
		sum := 0
		for _, r := range rows {
			n, _ := strconv.Atoi(strings.ReplaceAll(r[3], ".", ""))
			sum += n
			if r[1] == "" {
				t.Errorf("%s: the row %q links nowhere", id, r[2])
			} else if _, err := os.Stat(filepath.Join(liveDir, filepath.FromSlash(r[1]), "index.html")); err != nil {
				t.Errorf("%s: the row %q links to %s, which is not in the output", id, r[2], r[1])
			}
			if id == "khen-thuong-theo-nam" {
				byYear[strings.TrimPrefix(r[2], "Năm ")] = n
			}
		}
		if m := statTotal.FindStringSubmatch(html); m == nil || m[1] != strconv.Itoa(sum) {
			t.Errorf("%s: total %v, rows add up to %d", id, m, sum)
		}
	}

	// Awards per year, against the public API.
	published := map[string]bool{}
	for _, h := range apiList(t, "honorees", "", "") {
		published[h["id"].(string)] = true
	}
	want := map[string]int{}
	for _, a := range apiList(t, "awards", "", "") {
		if published[fmt.Sprint(a["honoree"])] {
			want[strconv.Itoa(int(a["year"].(float64)))]++
		}
	}
	if fmt.Sprint(want) != fmt.Sprint(byYear) {
		t.Errorf("awards per year: the page says %v, the API %v", byYear, want)
	}

	for _, p := range []string{"/vinh-danh/", "/mo-hinh-sang-kien/"} {
		if _, b := get(t, p); !strings.Contains(b, "href=/vinh-danh/thong-ke/") {
			t.Errorf("%s does not link to the statistics", p)
		}
	}
	t.Logf("8 charts with their tables; awards per year %v", byYear)
}
