package migrations_test

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	// The portal's migrations.
	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/schema"
	_ "github.com/daison/portal/migrations"
)

// fixture is a data.db made by the portal at commit e8b7910 (migrations up
// to 1780001000): "portal superuser upsert", "portal staff upsert" and
// "portal seed --demo" (18 articles, 15 units, 15 awards…).
const fixture = "testdata/release-e8b7910.db.gz"

// fixtureMigrations is how many of the portal's migrations the fixture
// has applied.
const fixtureMigrations = 11

// A database made by the previous release's migrations is upgraded by the
// current ones (as "portal serve" or "portal migrate" does): every record
// is still there, the new migrations are recorded, and their down
// functions take it back to the old schema, after which it upgrades again.
func TestUpgradeFromPreviousRelease(t *testing.T) {
	dir := t.TempDir()
	gz, err := os.Open(fixture)
	if err != nil {
		t.Fatal(err)
	}
	defer gz.Close()
	zr, err := gzip.NewReader(gz)
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(filepath.Join(dir, "data.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, zr); err != nil {
		t.Fatal(err)
	}
	out.Close()

	app, err := tests.NewTestApp(dir)
	if err != nil {
		t.Fatalf("open and upgrade the previous release's database: %v", err)
	}
	defer app.Cleanup()

	applied := func() []string {
		var files []string
		err := app.DB().Select("file").From(core.DefaultMigrationsTable).
			Where(dbx.NewExp("file LIKE '178%'")).OrderBy("applied ASC", "file ASC").Column(&files)
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	files := applied()
	if len(files) <= fixtureMigrations || files[len(files)-1] < "1780001100" {
		t.Fatalf("migrations after the upgrade: %v", files)
	}
	counts := map[string]int{schema.Articles: 18, schema.Units: 15, schema.Awards: 15, schema.Staff: 1, core.CollectionNameSuperusers: 1}
	checkCounts := func(when string) {
		t.Helper()
		for c, want := range counts {
			if n, err := app.CountRecords(c); err != nil || int(n) != want {
				t.Errorf("%s: %s has %d records (%v), want %d", when, c, n, err, want)
			}
		}
	}
	checkCounts("after the upgrade")
	checkIdentity := func(when string) {
		t.Helper()
		// The previous release named the commune only in the settings
		// ("Cổng cải cách hành chính xã Đại Sơn"): the site keeps it.
		id, err := commune.Load(app)
		if err != nil {
			t.Fatal(err)
		}
		if id.Commune != "xã Đại Sơn" || id.Owner != "Ủy ban nhân dân xã Đại Sơn" || id.SiteName != "Cổng cải cách hành chính xã Đại Sơn" || id.Mark != "ĐS" {
			t.Errorf("%s: the commune's identity is %+v, want the previous release's name kept", when, id)
		}
	}
	checkIdentity("after the upgrade")
	su, err := app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(su.ResetPasswordTemplate.Subject, "Đặt lại mật khẩu") {
		t.Errorf("the upgraded database's reset mail: %q", su.ResetPasswordTemplate.Subject)
	}

	// Back down to the fixture's schema, then up again.
	runner := core.NewMigrationsRunner(app, core.AppMigrations)
	reverted, err := runner.Down(len(files) - fixtureMigrations)
	if err != nil {
		t.Fatalf("down to the previous release: %v (reverted %v)", err, reverted)
	}
	if got := applied(); len(got) != fixtureMigrations {
		t.Fatalf("after down: %v", got)
	}
	checkCounts("after down")
	su, _ = app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
	if strings.HasPrefix(su.ResetPasswordTemplate.Subject, "Đặt lại") {
		t.Errorf("down left the Vietnamese reset mail")
	}
	if _, err := runner.Up(); err != nil {
		t.Fatalf("up again: %v", err)
	}
	if got := applied(); len(got) != len(files) {
		t.Fatalf("after up again: %v, want %v", got, files)
	}
	checkCounts("after up again")
	checkIdentity("after up again")
}
