// Package recordstest gives tests a real PocketBase app with the portal's
// collections (migrations/) and the hooks of the kinds of public record
// (records.Bind) on a fresh temporary database, and small helpers to fill
// it and ask its API. The site's tests use it; admin/admintest builds on it
// with the admin side's hooks.
package recordstest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/schema"
	_ "github.com/daison/portal/migrations" // the collections
	"github.com/daison/portal/records"
)

// migrated is a data folder with every migration applied, made once per
// test process: each test app starts from a copy of it (PocketBase's
// NewTestApp clones its data folder), which takes a tenth of the time of
// migrating a new database.
var migrated struct {
	once sync.Once
	dir  string
	err  error
}

func migratedDir() (string, error) {
	migrated.once.Do(func() {
		dir, err := os.MkdirTemp("", "portal-testdb-")
		if err != nil {
			migrated.err = err
			return
		}
		app := core.NewBaseApp(core.BaseAppConfig{DataDir: dir})
		if err := app.Bootstrap(); err != nil {
			migrated.err = err
			return
		}
		if err := app.RunAllMigrations(); err != nil {
			migrated.err = err
			return
		}
		migrated.err = app.ClearBootstrap()
		migrated.dir = dir
	})
	return migrated.dir, migrated.err
}

// Migrated returns a PocketBase test app on a copy of the migrated
// database, with no hooks of the portal bound; the caller cleans it up
// (app.Cleanup), as tests.ApiScenario does with the apps of its factory.
func Migrated(t testing.TB) *tests.TestApp {
	t.Helper()
	dir, err := migratedDir()
	if err != nil {
		t.Fatalf("migrated test database: %v", err)
	}
	app, err := tests.NewTestApp(dir)
	if err != nil {
		t.Fatalf("new test app: %v", err)
	}
	return app
}

// NewApp returns a test app on a fresh database in a temporary folder, with
// every migration applied and the kinds' hooks bound (records.Bind),
// cleaned up with the test.
func NewApp(t testing.TB) *tests.TestApp {
	t.Helper()
	app := Migrated(t)
	records.Bind(app)
	t.Cleanup(app.Cleanup)
	return app
}

// Create saves a new record of collection with the given fields and fails
// the test if it cannot.
func Create(t testing.TB, app core.App, collection string, fields map[string]any) *core.Record {
	t.Helper()
	c, err := app.FindCollectionByNameOrId(collection)
	if err != nil {
		t.Fatalf("find collection %s: %v", collection, err)
	}
	r := core.NewRecord(c)
	r.Load(fields)
	if err := app.Save(r); err != nil {
		t.Fatalf("create %s %v: %v", collection, fields, err)
	}
	return r
}

// Date returns t as a PocketBase date value.
func Date(t time.Time) types.DateTime {
	d, _ := types.ParseDateTime(t.UTC())
	return d
}

// SuperuserToken creates a superuser and returns an auth token for it.
func SuperuserToken(t testing.TB, app core.App) string {
	t.Helper()
	c, err := app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
	if err != nil {
		t.Fatal(err)
	}
	su := core.NewRecord(c)
	su.SetEmail("it@daison.test")
	su.SetPassword("mat-khau-thu-nghiem-1")
	if err := app.Save(su); err != nil {
		t.Fatalf("create superuser: %v", err)
	}
	token, err := su.NewAuthToken()
	if err != nil {
		t.Fatal(err)
	}
	return token
}

// Handler returns the app's full HTTP handler (PocketBase's API and every
// route and middleware bound on serve), built once, for tests that send many
// requests to one database: tests.ApiScenario builds a new router per
// scenario, which cannot share an app.
func Handler(t testing.TB, app core.App) http.Handler {
	t.Helper()
	r, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	// A server that never listens: serve hooks that wrap its handler (the
	// security headers) wrap it here too.
	ev := &core.ServeEvent{App: app, Router: r, Server: &http.Server{}}
	err = app.OnServe().Trigger(ev, func(e *core.ServeEvent) error {
		m, err := e.Router.BuildMux()
		e.Server.Handler = m
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return ev.Server.Handler
}

// Do sends one request to h as the holder of token (none if empty) and
// returns the status and body.
func Do(h http.Handler, method, url, token, body string) (int, string) {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, url, r)
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", token)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// StaffToken creates a staff member with role (editor, reviewer or
// unitReporter, of unit if given) and returns an auth token for them.
func StaffToken(t testing.TB, app core.App, role, unit string) string {
	t.Helper()
	c, err := app.FindCollectionByNameOrId(schema.Staff)
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(c)
	r.SetEmail(role + unit + "@daison.test")
	r.SetPassword("mat-khau-nhan-vien-1")
	r.Set("name", "Cán bộ "+role)
	r.Set("role", role)
	r.Set("unit", unit)
	if err := app.Save(r); err != nil {
		t.Fatalf("create staff %s: %v", role, err)
	}
	token, err := r.NewAuthToken()
	if err != nil {
		t.Fatal(err)
	}
	return token
}
