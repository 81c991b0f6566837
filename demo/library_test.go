package demo

import (
	"testing"
	"time"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/guidelib"
	"github.com/daison/portal/internal/schema"
)

// TestDemoOverLibrary: the guide library seeded at start does not make the
// portal non-empty for the demo; the demo's guides take the place of the
// library guides they adapt (no procedure twice), and once the demo is
// cleared the next seed gives those library guides back.
func TestDemoOverLibrary(t *testing.T) {
	app := admintest.NewApp(t, nil)
	lib, _ := guidelib.All()
	if _, err := guidelib.Seed(app, time.Now()); err != nil {
		t.Fatal(err)
	}
	if empty, err := Empty(app); err != nil || !empty {
		t.Fatalf("with only the library, Empty = %v, %v", empty, err)
	}
	if _, err := Load(app); err != nil {
		t.Fatal(err)
	}
	guides, _ := app.FindAllRecords(schema.Guides)
	seen := map[string]bool{}
	adapted := 0
	for _, g := range guides {
		id := g.GetString("libraryId")
		if id == "" {
			t.Errorf("guide %q follows no library guide", g.GetString("title"))
			continue
		}
		if seen[id] {
			t.Errorf("library guide %s twice", id)
		}
		seen[id] = true
		if guidelib.Edited(g) {
			adapted++
		}
	}
	if len(guides) != len(lib) || adapted != 7 {
		t.Errorf("%d guides (%d the demo's), want %d (7)", len(guides), adapted, len(lib))
	}
	if _, err := Clear(app); err != nil {
		t.Fatal(err)
	}
	rep, err := guidelib.Seed(app, time.Now())
	if err != nil || rep.Added != 7 {
		t.Errorf("after clear, seed = %+v, %v; want the 7 adapted guides back", rep, err)
	}
}
