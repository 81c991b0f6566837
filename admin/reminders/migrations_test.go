package reminders_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
)

// TestFollowUpMigrationsDownAndUp: the three migrations of the
// follow-ups (late filing, feedback follow-up, reminders) undo cleanly, newest first,
// and apply again.
func TestFollowUpMigrationsDownAndUp(t *testing.T) {
	t.Parallel()
	app := admintest.NewApp(t, nil)
	var mine []*core.Migration
	for _, m := range core.AppMigrations.Items() {
		for _, p := range []string{"1780001300_", "1780001310_", "1780001320_"} {
			if strings.HasPrefix(m.File, p) {
				mine = append(mine, m)
			}
		}
	}
	if len(mine) != 3 {
		t.Fatalf("found %d of the 3 migrations", len(mine))
	}
	for _, m := range slices.Backward(mine) {
		if err := m.Down(app); err != nil {
			t.Fatalf("down %s: %v", m.File, err)
		}
	}
	for _, c := range []string{schema.Reminders, schema.Notices, schema.DeadlineExceptions} {
		if _, err := app.FindCollectionByNameOrId(c); err == nil {
			t.Errorf("%s still exists after down", c)
		}
	}
	fb, _ := app.FindCollectionByNameOrId(schema.Feedback)
	reports, _ := app.FindCollectionByNameOrId(schema.UnitReports)
	if fb.Fields.GetByName("publishConsent") != nil || reports.Fields.GetByName("late") != nil {
		t.Error("fields left after down")
	}
	for _, r := range app.Settings().RateLimits.Rules {
		if r.Label == "POST /gop-y/tra-cuu/" {
			t.Error("the lookup rate rule is left after down")
		}
	}
	for _, m := range mine {
		if err := m.Up(app); err != nil {
			t.Fatalf("up again %s: %v", m.File, err)
		}
	}
	if _, err := app.FindCollectionByNameOrId(schema.Notices); err != nil {
		t.Errorf("notices after up: %v", err)
	}
}
