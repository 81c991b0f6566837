package sitetest

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// apiList reads every record of a collection the public may read, through
// the portal's API as an anonymous visitor (so only what is published).
func apiList(t testing.TB, collection, filter, expand string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for page := 1; ; page++ {
		q := url.Values{"perPage": {"500"}, "page": {strconv.Itoa(page)}}
		if filter != "" {
			q.Set("filter", filter)
		}
		if expand != "" {
			q.Set("expand", expand)
		}
		status, body := get(t, "/api/collections/"+collection+"/records?"+q.Encode())
		if status != 200 {
			t.Fatalf("API %s: status %d: %s", collection, status, body)
		}
		var res struct {
			Items      []map[string]any `json:"items"`
			TotalPages int              `json:"totalPages"`
		}
		if err := json.Unmarshal([]byte(body), &res); err != nil {
			t.Fatal(err)
		}
		out = append(out, res.Items...)
		if page >= res.TotalPages {
			return out
		}
	}
}

var (
	honoreeLink = regexp.MustCompile(`<h[23] class=item-title><a href=/vinh-danh/([^/ >]+)/>`)
	nextPage    = regexp.MustCompile(`<a href=([^ >]+) rel=next>`)
	awardLine   = regexp.MustCompile(`(?s)<article class=person>.*?</article>`)
)

// rollPages follows a list's pages (/vinh-danh/nam/2026/, then
// /vinh-danh/nam/2026/trang/2/…) and returns the slug of every honoree
// listed, and each honoree's card.
func rollPages(t testing.TB, path string) (slugs []string, cards map[string]string) {
	t.Helper()
	cards = map[string]string{}
	for p, n := path, 0; p != "" && n < 1000; n++ {
		status, body := get(t, p)
		if status != 200 {
			t.Fatalf("GET %s: status %d", p, status)
		}
		main := mainPart.FindString(body)
		for _, card := range awardLine.FindAllString(main, -1) {
			m := honoreeLink.FindStringSubmatch(card)
			if m == nil {
				continue
			}
			slugs = append(slugs, m[1])
			cards[m[1]] = card
		}
		p = ""
		if m := nextPage.FindStringSubmatch(main); m != nil {
			p = strings.Trim(m[1], `"`)
		}
	}
	return slugs, cards
}

// TestHonourRollFilters checks the honour roll's ways to browse against the
// data the public API gives: a year's page lists exactly the honorees with
// an award that year (each card showing that year's awards and no other
// year's), a form's page exactly those with an award of that form, and
// "cá nhân" / "tập thể" exactly the honorees of that kind. The pages are
// plain links: they work without JavaScript.
func TestHonourRollFilters(t *testing.T) {
	need(t)
	honorees := apiList(t, "honorees", "", "")
	slugOf := map[string]string{}
	kindOf := map[string]string{}
	for _, h := range honorees {
		slugOf[h["id"].(string)] = h["slug"].(string)
		kindOf[h["id"].(string)] = h["kind"].(string)
	}
	awards := apiList(t, "awards", "", "")
	byYear := map[string]map[string]bool{}
	byForm := map[string]map[string]bool{}
	for _, a := range awards {
		slug := slugOf[fmt.Sprint(a["honoree"])]
		if slug == "" {
			continue // its honoree is not published
		}
		year := strconv.Itoa(int(a["year"].(float64)))
		form := a["form"].(string)
		if byYear[year] == nil {
			byYear[year] = map[string]bool{}
		}
		byYear[year][slug] = true
		if byForm[form] == nil {
			byForm[form] = map[string]bool{}
		}
		byForm[form][slug] = true
	}
	// The demo's awards are all of 2026, the movement's first year (an
	// award of 2025 on the 2026–2030 roll was the old demo's mistake): the
	// year filter is compared for that year, the forms' for several.
	if len(byYear) < 1 || len(byForm) < 2 {
		t.Fatalf("the demo has awards in %d years and %d forms; the test wants at least 1 and 2", len(byYear), len(byForm))
	}
	compare := func(path string, want map[string]bool) map[string]string {
		t.Helper()
		got, cards := rollPages(t, path)
		gotSet := map[string]bool{}
		for _, s := range got {
			if gotSet[s] {
				t.Errorf("%s lists %s twice", path, s)
			}
			gotSet[s] = true
		}
		var missing, extra []string
		for s := range want {
			if !gotSet[s] {
				missing = append(missing, s)
			}
		}
		for s := range gotSet {
			if !want[s] {
				extra = append(extra, s)
			}
		}
		sort.Strings(missing)
		sort.Strings(extra)
		if len(missing) > 0 || len(extra) > 0 {
			t.Errorf("%s: missing %v, not expected %v", path, missing, extra)
		}
		return cards
	}

	// The honour roll links to every year's page.
	_, roll := get(t, "/vinh-danh/")
	for year, want := range byYear {
		path := "/vinh-danh/nam/" + year + "/"
		if !strings.Contains(roll, "href="+path) {
			t.Errorf("/vinh-danh/ does not link to %s", path)
		}
		cards := compare(path, want)
		for slug, card := range cards {
			if !strings.Contains(card, "năm "+year) {
				t.Errorf("%s: the card of %s does not show an award of %s", path, slug, year)
			}
			for other := range byYear {
				if other != year && strings.Contains(card, "năm "+other) {
					t.Errorf("%s: the card of %s shows an award of %s", path, slug, other)
				}
			}
		}
	}
	for form, want := range byForm {
		compare("/vinh-danh/hinh-thuc/"+form+"/", want)
	}
	byKind := map[string]map[string]bool{}
	for id, k := range kindOf {
		if byKind[k] == nil {
			byKind[k] = map[string]bool{}
		}
		byKind[k][slugOf[id]] = true
	}
	for kind, want := range byKind {
		compare("/vinh-danh/doi-tuong/"+kind+"/", want)
	}
	all := map[string]bool{}
	for _, s := range slugOf {
		all[s] = true
	}
	compare("/vinh-danh/", all)
}
