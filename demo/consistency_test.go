package demo

import (
	"encoding/json"
	"github.com/daison/portal/records"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vntext"
	"github.com/daison/portal/site/export"
)

// TestDemoIsConsistent checks, on the data the demo generates, the rules a
// person trying the demo would otherwise catch it breaking:
//   - every award follows an approved nomination by the honoree's unit that
//     names it, submitted before the decision; a yearly award, also the
//     unit's report of that year, submitted before the decision;
//   - the honour roll of 2026–2030 has no award decided for an earlier year;
//   - every village ("thôn …") a text names is a unit, and a text that counts
//     the villages counts the units;
//   - no page says "Cập nhật" for a record not edited since it was loaded.
func TestDemoIsConsistent(t *testing.T) {
	app := admintest.NewApp(t, nil)
	if _, err := Load(app); err != nil {
		t.Fatal(err)
	}
	all := func(c string) []*core.Record { return mustAll(t, app, c) }

	// Awards follow nominations and reports.
	nominated := map[string]*core.Record{}
	for _, n := range all(schema.Nominations) {
		for _, a := range n.GetStringSlice("awards") {
			nominated[a] = n
		}
	}
	reported := map[string]time.Time{}
	for _, r := range all(schema.UnitReports) {
		if r.GetString("state") == "submitted" {
			reported[r.GetString("unit")+"/"+strconv.Itoa(r.GetInt("year"))] = r.GetDateTime("submittedAt").Time()
		}
	}
	honorees := map[string]*core.Record{}
	for _, h := range all(schema.Honorees) {
		honorees[h.Id] = h
	}
	for _, a := range all(schema.Awards) {
		name := honorees[a.GetString("honoree")].GetString("name")
		decided := a.GetDateTime("decisionDate").Time()
		if a.GetInt("year") < PlanStart {
			t.Errorf("award of %q for %d is on the %d–2030 roll", name, a.GetInt("year"), PlanStart)
		}
		n := nominated[a.Id]
		if n == nil {
			t.Errorf("award of %q (%s) follows no nomination", name, a.GetString("decisionNo"))
			continue
		}
		if n.GetString("state") != "approved" || n.GetString("nominee") != a.GetString("honoree") || n.GetInt("year") != a.GetInt("year") ||
			n.GetString("decisionNo") != a.GetString("decisionNo") || !n.GetDateTime("submittedAt").Time().Before(decided) {
			t.Errorf("award of %q: its nomination disagrees (state %s, year %d, decision %s, submitted %s, decided %s)", name,
				n.GetString("state"), n.GetInt("year"), n.GetString("decisionNo"), n.GetDateTime("submittedAt"), a.GetDateTime("decisionDate"))
		}
		if n.GetString("unit") != honorees[a.GetString("honoree")].GetString("unit") {
			t.Errorf("award of %q: nominated by another unit than the honoree's", name)
		}
		if a.GetString("kind") == "hang-nam" {
			when, ok := reported[n.GetString("unit")+"/"+strconv.Itoa(a.GetInt("year"))]
			if !ok || !when.Before(decided) {
				t.Errorf("yearly award of %q: the unit's report of %d is missing or late (%v)", name, a.GetInt("year"), when)
			}
		}
	}

	// Villages named in the texts are units; counts agree.
	villages := map[string]bool{}
	for _, u := range all(schema.Units) {
		if u.GetString("kind") == "thon-to-dan-pho" {
			villages[vntext.Fold(u.GetString("name"))] = true
		}
	}
	named := regexp.MustCompile(`(?:[Tt]hôn|[Tt]ổ dân phố) \p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*)*`)
	counted := regexp.MustCompile(`(\d+) (?:thôn|tổ dân phố)\b`)
	for _, c := range records.Collections() {
		for _, r := range all(c) {
			for _, f := range r.Collection().Fields {
				if f.Type() != core.FieldTypeText {
					continue
				}
				text := r.GetString(f.GetName())
				for _, v := range named.FindAllString(text, -1) {
					if !villages[vntext.Fold(v)] {
						t.Errorf("%s %s names %q, which is no unit", c, r.GetString("slug"), v)
					}
				}
				for _, m := range counted.FindAllStringSubmatch(text, -1) {
					if n, _ := strconv.Atoi(m[1]); n != len(villages) {
						t.Errorf("%s %s counts %q; the units have %d villages", c, r.GetString("slug"), m[0], len(villages))
					}
				}
			}
		}
	}

	// "Cập nhật" only for content changed since it was published: the
	// export's lastmod of every page the demo loaded is its date.
	root := t.TempDir()
	if _, err := export.Run(app, root, export.Options{Now: time.Now()}); err != nil {
		t.Fatal(err)
	}
	pages := 0
	err := filepath.WalkDir(filepath.Join(root, "content"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.md" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var fm struct{ Date, Lastmod string }
		if err := json.NewDecoder(strings.NewReader(string(b))).Decode(&fm); err != nil || fm.Date == "" {
			return nil // not a record's page
		}
		pages++
		if fm.Lastmod != fm.Date {
			rel, _ := filepath.Rel(root, p)
			t.Errorf("%s says “Cập nhật: %s” though nothing changed since %s", rel, fm.Lastmod, fm.Date)
		}
		return nil
	})
	if err != nil || pages < 50 {
		t.Fatalf("read the export: %v (%d record pages)", err, pages)
	}
}
