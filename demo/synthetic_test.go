package demo_test

import (
	"github.com/daison/portal/records"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/demo"
	"github.com/daison/portal/internal/schema"
)

// TestSynthetic: about n records, all through the portal's hooks (valid,
// published, with slugs), the same for the same seed.
func TestSynthetic(t *testing.T) {
	t.Parallel()
	app := admintest.NewApp(t, nil)
	counts, err := demo.Synthetic(app, 600, 7)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, n := range counts {
		total += n
	}
	if total < 540 || total > 660 {
		t.Fatalf("%d records for 600: %v", total, counts)
	}
	for _, c := range records.Collections() {
		if counts[c] == 0 {
			t.Errorf("no %s", c)
		}
	}
	if n, _ := app.CountRecords(schema.Articles); int(n) != counts[schema.Articles] {
		t.Fatalf("%d articles stored, %d counted", n, counts[schema.Articles])
	}
	first := oldest(t, app)
	again := admintest.NewApp(t, nil)
	if _, err := demo.Synthetic(again, 600, 7); err != nil {
		t.Fatal(err)
	}
	same := oldest(t, again)
	if first.GetString("title") != same.GetString("title") || first.GetString("body") != same.GetString("body") {
		t.Fatalf("the same seed made different records: %q vs %q", first.GetString("title"), same.GetString("title"))
	}
}

func oldest(t *testing.T, app core.App) *core.Record {
	t.Helper()
	rs, err := app.FindRecordsByFilter(schema.Articles, "", "title,body", 1, 0)
	if err != nil || len(rs) == 0 {
		t.Fatal(err)
	}
	return rs[0]
}
