package demo

import (
	"encoding/json"
	"errors"
	"github.com/daison/portal/records"
	"io/fs"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"golang.org/x/text/unicode/norm"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/markdown"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/slug"
	"github.com/daison/portal/internal/vocab"
)

// The demo's calendar: "today" is 2026-11-25 and every record was published
// between the portal's launch and yesterday.
var (
	firstDay = time.Date(2026, 6, 15, 0, 0, 0, 0, schema.Vietnam)
	demoNow  = time.Date(2026, 11, 25, 0, 0, 0, 0, schema.Vietnam)
)

func TestLoad(t *testing.T) {
	app := admintest.NewApp(t, nil)

	empty, err := Empty(app)
	if err != nil || !empty {
		t.Fatalf("Empty on a new database = %v, %v; want true, nil", empty, err)
	}
	start := time.Now()
	counts, err := Load(app)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	t.Logf("loaded %v in %v", counts, time.Since(start).Round(time.Millisecond))
	for _, c := range records.Collections() {
		n, err := app.CountRecords(c)
		if err != nil {
			t.Fatal(err)
		}
		if int(n) != counts[c] {
			t.Errorf("Counts[%s] = %d, but the collection has %d records", c, counts[c], n)
		}
	}
	if empty, err := Empty(app); err != nil || empty {
		t.Errorf("Empty after Load = %v, %v; want false, nil", empty, err)
	}

	published := map[string][]*core.Record{}
	for _, c := range records.Collections() {
		published[c] = find(t, app, c, dbx.HashExp{"status": vocab.StatusPublished})
	}
	minimums := map[string]int{
		schema.Units: 8, schema.Articles: 12, schema.Initiatives: 6, schema.Honorees: 10,
		schema.Awards: 12, schema.Guides: 7, schema.Indicators: 20,
	}
	for c, min := range minimums {
		if n := len(published[c]); n < min {
			t.Errorf("%d published %s, want at least %d", n, c, min)
		}
	}

	t.Run("articles", func(t *testing.T) { checkArticles(t, app, published[schema.Articles]) })
	t.Run("units", func(t *testing.T) { checkUnits(t, published[schema.Units]) })
	t.Run("initiatives", func(t *testing.T) { checkInitiatives(t, published[schema.Initiatives]) })
	t.Run("honorees and awards", func(t *testing.T) {
		checkAwards(t, published[schema.Honorees], published[schema.Awards], published[schema.Initiatives])
	})
	t.Run("guides", func(t *testing.T) { checkGuides(t, published[schema.Guides]) })
	t.Run("images", func(t *testing.T) { checkImages(t, app, published) })
	t.Run("indicators", func(t *testing.T) { checkIndicators(t, published[schema.Indicators]) })

	all := map[string][]*core.Record{}
	for _, c := range records.Collections() {
		all[c] = find(t, app, c, nil)
	}
	t.Run("dates", func(t *testing.T) {
		for c, records := range all {
			for _, r := range records {
				at := r.GetDateTime("publishAt").Time()
				if at.Before(firstDay) || !at.Before(demoNow) {
					t.Errorf("%s %q: publishAt %s is outside %s … %s", c, r.GetString("slug"),
						at.In(schema.Vietnam).Format(time.DateTime), firstDay.Format(time.DateOnly), demoNow.Format(time.DateOnly))
				}
				if at.After(time.Now()) {
					t.Errorf("%s %q: publishAt %s is in the future", c, r.GetString("slug"), at)
				}
			}
		}
	})
	t.Run("slugs", func(t *testing.T) { checkSlugs(t, app, all) })
	t.Run("NFC", func(t *testing.T) {
		for c, records := range all {
			for _, r := range records {
				for _, f := range r.Collection().Fields {
					var s string
					switch f.Type() {
					case core.FieldTypeText:
						s = r.GetString(f.GetName())
					case core.FieldTypeJSON:
						s = string(jsonOf(r, f.GetName()))
					default:
						continue
					}
					if !norm.NFC.IsNormalString(s) {
						t.Errorf("%s %q: field %s is not NFC", c, r.GetString("slug"), f.GetName())
					}
				}
			}
		}
	})

	t.Run("second load", func(t *testing.T) {
		again, err := Load(app)
		if !errors.Is(err, ErrNotEmpty) {
			t.Fatalf("second Load = %v, %v; want ErrNotEmpty", again, err)
		}
		for _, c := range records.Collections() {
			if n, _ := app.CountRecords(c); int(n) != counts[c] {
				t.Errorf("after a refused Load, %s has %d records, want %d", c, n, counts[c])
			}
		}
	})
}

func checkArticles(t *testing.T, app core.App, published []*core.Record) {
	for status, want := range map[string]int{vocab.StatusDraft: 1, vocab.StatusReview: 1} {
		if n := len(find(t, app, schema.Articles, dbx.HashExp{"status": status})); n != want {
			t.Errorf("%d articles in status %s, want %d", n, status, want)
		}
	}
	used := map[string]int{}
	featured := 0
	for _, r := range published {
		used[r.GetString("category")]++
		if r.GetBool("featured") {
			featured++
		}
		name := r.GetString("slug")
		if r.GetString("summary") == "" || r.GetString("unit") == "" {
			t.Errorf("article %q has no summary or no unit", name)
		}
		if n := len(strings.Fields(markdown.Plain(r.GetString("body")))); n < 150 || n > 400 {
			t.Errorf("article %q has %d words, want 150–400", name, n)
		}
	}
	for _, key := range vocab.ArticleCategories.Keys() {
		if used[key] == 0 {
			t.Errorf("no published article in category %s", key)
		}
	}
	if featured < 2 || featured > 3 {
		t.Errorf("%d featured articles, want 2 or 3", featured)
	}
}

func checkUnits(t *testing.T, units []*core.Record) {
	kinds := map[string]bool{}
	for _, r := range units {
		kinds[r.GetString("kind")] = true
	}
	for _, k := range []string{"phong-chuyen-mon", "trung-tam", "doan-the", "thon-to-dan-pho", "truong-tram"} {
		if !kinds[k] {
			t.Errorf("no unit of kind %s", k)
		}
	}
}

func checkInitiatives(t *testing.T, initiatives []*core.Record) {
	kinds, fields := map[string]bool{}, map[string]bool{}
	featured := 0
	for _, r := range initiatives {
		kinds[r.GetString("kind")] = true
		fields[r.GetString("field")] = true
		if r.GetBool("featured") {
			featured++
		}
		if r.GetString("results") == "" || r.GetString("summary") == "" || r.GetString("body") == "" {
			t.Errorf("initiative %q lacks a summary, body or results", r.GetString("slug"))
		}
		if len(r.GetStringSlice("honorees")) == 0 || r.GetString("unit") == "" {
			t.Errorf("initiative %q has no honorees or no unit", r.GetString("slug"))
		}
	}
	for _, k := range vocab.InitiativeKinds.Keys() {
		if !kinds[k] {
			t.Errorf("no initiative of kind %s", k)
		}
	}
	if len(fields) < 3 {
		t.Errorf("initiatives cover %d fields, want several", len(fields))
	}
	if featured != 3 {
		t.Errorf("%d featured initiatives, want 3", featured)
	}
}

func checkAwards(t *testing.T, honorees, awards, initiatives []*core.Record) {
	honoreeKinds := map[string]bool{}
	awarded := map[string]int{}
	for _, a := range awards {
		awarded[a.GetString("honoree")]++
	}
	for _, h := range honorees {
		honoreeKinds[h.GetString("kind")] = true
		if awarded[h.Id] == 0 {
			t.Errorf("honoree %q has no award", h.GetString("slug"))
		}
	}
	for _, k := range vocab.HonoreeKinds.Keys() {
		if !honoreeKinds[k] {
			t.Errorf("no honoree of kind %s", k)
		}
	}

	perYear := map[int]int{}
	byInitiative := map[string]string{}
	achievements := map[string]bool{}
	for _, a := range awards {
		name := a.GetString("slug")
		year, kind := a.GetInt("year"), a.GetString("kind")
		perYear[year]++
		decided := a.GetDateTime("decisionDate").Time().In(schema.Vietnam)
		if decided.IsZero() || a.GetString("decisionNo") == "" || a.GetString("signer") == "" {
			t.Errorf("award %q lacks its decision number, date or signer", name)
			continue
		}
		if !strings.HasSuffix(a.GetString("decisionNo"), "/QĐ-UBND") {
			t.Errorf("award %q: decision number %q", name, a.GetString("decisionNo"))
		}
		if decided.After(a.GetDateTime("publishAt").Time()) {
			t.Errorf("award %q is published before its decision", name)
		}
		switch {
		case kind == "tong-ket":
			t.Errorf("award %q is a 2026–2030 summary award, which cannot exist before 2030", name)
		case kind == "dot-xuat" && year == 2026:
			if decided.Year() != 2026 || decided.Month() < time.July || decided.Month() > time.November {
				t.Errorf("ad hoc award %q decided %s, want July–November 2026", name, decided.Format(time.DateOnly))
			}
		case kind == "hang-nam" && year == 2026:
			if d := decided.Format(time.DateOnly); d != "2026-11-23" && d != "2026-11-24" {
				t.Errorf("yearly 2026 award %q decided %s, want after the 20/11 deadline (23 or 24/11/2026)", name, d)
			}
		default:
			t.Errorf("award %q: unexpected kind %s for year %d", name, kind, year)
		}
		// One achievement earns one award.
		if in := a.GetString("initiative"); in != "" {
			if other, dup := byInitiative[in]; dup {
				t.Errorf("awards %q and %q are for the same initiative", other, name)
			}
			byInitiative[in] = name
		}
		key := a.GetString("honoree") + "\x00" + a.GetString("achievement")
		if achievements[key] {
			t.Errorf("award %q repeats an achievement of its honoree", name)
		}
		achievements[key] = true
	}
	// The honour roll is the movement's (2026–2030): no award of 2025.
	if perYear[2026] < 12 || len(perYear) != 1 {
		t.Errorf("awards per year = %v, want 2026 only (at least 12)", perYear)
	}
	ids := map[string]bool{}
	for _, in := range initiatives {
		ids[in.Id] = true
	}
	for in := range byInitiative {
		if !ids[in] {
			t.Errorf("an award names initiative %s, which is not published", in)
		}
	}
}

func checkGuides(t *testing.T, guides []*core.Record) {
	logic := map[string]int{}
	featured := []int{}
	for _, g := range guides {
		name := g.GetString("slug")
		steps, err := schema.ParseSteps(jsonOf(g, "steps"))
		if err != nil {
			t.Fatalf("guide %q: %v", name, err)
		}
		if len(steps) < 3 || len(steps) > 7 {
			t.Errorf("guide %q has %d steps, want 3–7", name, len(steps))
		}
		portal := isPortal(g.GetString("portalLink"))
		for i, s := range steps {
			logic[s.Logic]++
			if i == 0 && s.Logic != "" {
				t.Errorf("guide %q: first step has logic %q", name, s.Logic)
			}
			if s.Text == "" {
				t.Errorf("guide %q: step %d has no text", name, i+1)
			}
			if (s.Link == "") != (s.LinkText == "") {
				t.Errorf("guide %q: step %d has a link without words or words without a link", name, i+1)
			}
			portal = portal || isPortal(s.Link)
		}
		if !portal {
			t.Errorf("guide %q links to neither dichvucong.gov.vn nor vneid.gov.vn", name)
		}
		for _, f := range []string{"audience", "summary", "body", "documents", "fee", "processingTime", "offline"} {
			if g.GetString(f) == "" {
				t.Errorf("guide %q has no %s", name, f)
			}
		}
		if g.GetBool("featured") {
			featured = append(featured, g.GetInt("weight"))
		}
	}
	if logic["and"] == 0 || logic["or"] == 0 {
		t.Errorf("step logic used: %v; want at least one \"and\" and one \"or\"", logic)
	}
	if len(featured) != 4 {
		t.Errorf("%d featured guides, want 4", len(featured))
	}
	for _, g := range guides {
		if g.GetBool("featured") {
			continue
		}
		for _, w := range featured {
			if g.GetInt("weight") <= w {
				t.Errorf("guide %q (weight %d) would be listed before a featured guide (weight %d)",
					g.GetString("slug"), g.GetInt("weight"), w)
			}
		}
	}
}

func isPortal(link string) bool {
	return strings.HasPrefix(link, "https://dichvucong.gov.vn/") || strings.HasPrefix(link, "https://vneid.gov.vn/")
}

func checkIndicators(t *testing.T, indicators []*core.Record) {
	have := map[string]bool{}
	for _, r := range indicators {
		have[r.GetString("metric")+" "+strconv.Itoa(r.GetInt("year"))+"/"+strconv.Itoa(r.GetInt("quarter"))] = true
		if v, tg := r.GetFloat("value"), r.GetFloat("target"); v <= 0 || v > 100 || tg <= 0 || tg > 100 {
			t.Errorf("indicator %q: value %v, target %v", r.GetString("slug"), v, tg)
		}
	}
	for _, m := range vocab.Metrics.Keys() {
		for _, p := range []string{"2025/4", "2026/1", "2026/2", "2026/3"} {
			if !have[m+" "+p] {
				t.Errorf("no indicator %s for quarter %s", m, p)
			}
		}
	}
}

// checkSlugs checks that every slug was made by the hooks from the record's
// title (with a number added only when another record had it first).
func checkSlugs(t *testing.T, app core.App, all map[string][]*core.Record) {
	for c, records := range all {
		seen := map[string]bool{}
		for _, r := range records {
			s := r.GetString("slug")
			if seen[s] {
				t.Errorf("%s: slug %q is used twice", c, s)
			}
			seen[s] = true
			var source string
			switch c {
			case schema.Articles, schema.Initiatives, schema.Guides:
				source = r.GetString("title")
			case schema.Units, schema.Honorees:
				source = r.GetString("name")
			case schema.Indicators:
				source = r.GetString("metric") + " " + strconv.Itoa(r.GetInt("year")) + " quy " + strconv.Itoa(r.GetInt("quarter"))
			case schema.Awards:
				h, err := app.FindRecordById(schema.Honorees, r.GetString("honoree"))
				if err != nil {
					t.Fatal(err)
				}
				source = h.GetString("name") + " " + strconv.Itoa(r.GetInt("year")) + " " + vocab.AwardKinds.Label(r.GetString("kind"))
			}
			if !generated(s, slug.Make(source)) {
				t.Errorf("%s: slug %q was not made from %q", c, s, source)
			}
		}
	}
}

func generated(s, base string) bool {
	if s == base {
		return true
	}
	for n := 2; n < 100; n++ {
		if s == slug.WithSuffix(base, n) {
			return true
		}
	}
	return false
}

func TestDataFilesAreNFC(t *testing.T) {
	names, err := fs.Glob(dataFiles, "data/*.toml")
	if err != nil || len(names) == 0 {
		t.Fatalf("data files: %v, %v", names, err)
	}
	for _, name := range names {
		b, err := fs.ReadFile(dataFiles, name)
		if err != nil {
			t.Fatal(err)
		}
		if !norm.NFC.IsNormal(b) {
			t.Errorf("%s is not NFC", name)
		}
		for _, bad := range []string{"{{<", "{{%", "Đào Văn Soái"} {
			if strings.Contains(string(b), bad) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
	}
}

func TestLoadRefusesNonEmpty(t *testing.T) {
	app := admintest.NewApp(t, nil)
	admintest.Create(t, app, schema.Guides, map[string]any{"title": "Hướng dẫn có sẵn", "status": vocab.StatusDraft})
	if _, err := Load(app); !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("Load into a portal with a draft guide = %v, want ErrNotEmpty", err)
	}
	if n, _ := app.CountRecords(schema.Units); n != 0 {
		t.Errorf("a refused Load created %d units", n)
	}
}

func TestUnknownKeyRollsBack(t *testing.T) {
	cases := map[string]string{
		"unit": `
[[units]]
key = "a"
name = "Đơn vị A"
kind = "khac"
date = 2026-07-01

[[articles]]
title = "Bài viết"
category = "thong-bao"
unit = "khong-co"
date = 2026-07-01
`,
		"initiative": `
[[units]]
key = "a"
name = "Đơn vị A"
kind = "khac"
date = 2026-07-01

[[honorees]]
key = "h"
name = "Người A"
kind = "ca-nhan"
date = 2026-07-01

  [[honorees.awards]]
  form = "giay-khen"
  kind = "dot-xuat"
  year = 2026
  decisionDate = 2026-07-01
  achievement = "Thành tích"
  initiative = "khong-co"
`,
		"honoree": `
[[initiatives]]
key = "i"
title = "Sáng kiến"
kind = "sang-kien"
field = "cong-vu"
honorees = ["khong-co"]
date = 2026-07-01
`,
	}
	for what, data := range cases {
		t.Run(what, func(t *testing.T) {
			app := admintest.NewApp(t, nil)
			_, err := load(app, fstest.MapFS{"data/x.toml": {Data: []byte(data)}})
			if err == nil || !strings.Contains(err.Error(), `unknown `+what+` key "khong-co"`) {
				t.Fatalf("load = %v, want an unknown %s key error", err, what)
			}
			if empty, _ := Empty(app); !empty {
				t.Error("a failed load left records behind")
			}
		})
	}
}

func TestUnknownFieldIsRefused(t *testing.T) {
	app := admintest.NewApp(t, nil)
	_, err := load(app, fstest.MapFS{"data/x.toml": {Data: []byte("[[units]]\nkey = \"a\"\nname = \"A\"\nkind = \"khac\"\ndate = 2026-07-01\nslug = \"a\"\n")}})
	if err == nil || !strings.Contains(err.Error(), "x.toml") {
		t.Fatalf("load with a misspelt field = %v, want an error naming the file", err)
	}
}

func find(t *testing.T, app core.App, collection string, where dbx.Expression) []*core.Record {
	t.Helper()
	var exprs []dbx.Expression
	if where != nil {
		exprs = append(exprs, where)
	}
	records, err := app.FindAllRecords(collection, exprs...)
	if err != nil {
		t.Fatalf("find %s: %v", collection, err)
	}
	return records
}

// jsonOf returns a JSON field's raw value.
func jsonOf(r *core.Record, field string) []byte {
	b, _ := json.Marshal(r.Get(field))
	return b
}
