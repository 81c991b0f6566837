package demo

import (
	"github.com/daison/portal/records"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/schema"
)

// TestDemoMarkedAccountsAndClear: the demo marks itself (identity, banner,
// the ids of its records), makes one account per role with a random
// password, and Clear removes every record, file and account it made and
// nothing staff made beside it.
func TestDemoMarkedAccountsAndClear(t *testing.T) {
	app := admintest.NewApp(t, nil)
	counts, err := Load(app)
	if err != nil {
		t.Fatal(err)
	}
	id, err := commune.Load(app)
	if err != nil || !id.Demo || id.Commune == "" || id.PlanText == "" {
		t.Fatalf("the demo's identity: %+v %v", id, err)
	}

	accounts, err := CreateAccounts(app)
	if err != nil || len(accounts) != 3 {
		t.Fatalf("accounts: %v %v", accounts, err)
	}
	seen := map[string]bool{}
	for _, a := range accounts {
		rec, err := app.FindAuthRecordByEmail(schema.Staff, a.Email)
		if err != nil || !rec.ValidatePassword(a.Password) || rec.GetString("role") != a.Role || len(a.Password) < 16 || seen[a.Password] {
			t.Errorf("account %s: %v", a.Email, err)
		}
		seen[a.Password] = true
	}
	if again, err := CreateAccounts(app); err != nil || len(again) != 0 {
		t.Errorf("a second run made accounts again: %v %v", again, err)
	}

	// Staff's own record beside the demo's, on a demo unit's neighbour.
	own := admintest.Create(t, app, schema.Articles, map[string]any{"title": "Bài của cán bộ xã", "category": "thong-bao",
		"status": "published", "publishAt": admintest.Date(time.Now().Add(-time.Hour))})
	var withFile string
	for _, r := range mustAll(t, app, schema.Articles) {
		if r.GetString("cover") != "" {
			withFile = filepath.Join(app.DataDir(), "storage", r.BaseFilesPath())
			break
		}
	}
	if len(filesIn(withFile)) == 0 {
		t.Fatalf("no stored file of a demo article in %s", withFile)
	}

	removed, err := Clear(app)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range records.Collections() {
		if removed[c] != counts[c] {
			t.Errorf("%s: removed %d, the demo made %d", c, removed[c], counts[c])
		}
	}
	if removed[schema.Staff] != 3 {
		t.Errorf("removed %d demo accounts, want 3", removed[schema.Staff])
	}
	if _, err := app.FindRecordById(schema.Articles, own.Id); err != nil {
		t.Errorf("staff's own article was removed: %v", err)
	}
	if n, _ := app.CountRecords(schema.Articles); n != 1 {
		t.Errorf("%d articles left, want staff's one", n)
	}
	// PocketBase removes a deleted record's files in the background.
	deadline := time.Now().Add(10 * time.Second)
	for len(filesIn(withFile)) > 0 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if left := filesIn(withFile); len(left) > 0 {
		t.Errorf("a demo article's files are still stored: %v", left)
	}
	id, _ = commune.Load(app)
	if id.Demo || id.Commune != commune.Neutral.Commune {
		t.Errorf("after clear the identity is %+v", id)
	}
	if again, err := Clear(app); err != nil || len(again) != 0 {
		t.Errorf("a second clear: %v %v", again, err)
	}
}

// mustAll returns every record of collection.
func mustAll(t *testing.T, app core.App, collection string) []*core.Record {
	t.Helper()
	rs, err := app.FindAllRecords(collection)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// filesIn lists the files (not folders) under dir.
func filesIn(dir string) []string {
	var out []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	return out
}
