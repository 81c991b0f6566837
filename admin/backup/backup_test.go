package backup_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"github.com/daison/portal/records"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"github.com/daison/portal/admin"
	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/admin/backup"
	"github.com/daison/portal/internal/schema"
)

// siteFolder holds the site's builds in the data folder, as the entry
// tells backup (site/live's FolderName).
const siteFolder = "site"

func openApp(t *testing.T, dir string) *core.BaseApp {
	t.Helper()
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: dir})
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	if err := app.RunAllMigrations(); err != nil {
		t.Fatal(err)
	}
	admin.Register(app, admin.Options{})
	backup.Register(app, siteFolder)
	return app
}

// snapshot is every public record (as JSON) and every stored file (by
// hash): what a restore must give back exactly.
func snapshot(t *testing.T, app core.App) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, c := range records.Collections() {
		rs, err := app.FindAllRecords(c)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			b, _ := json.Marshal(r.FieldsData())
			out[c+"/"+r.Id] = string(b)
		}
	}
	storage := filepath.Join(app.DataDir(), "storage")
	_ = filepath.WalkDir(storage, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(p)
		sum := sha256.Sum256(b)
		rel, _ := filepath.Rel(storage, p)
		out["file:"+rel] = hex.EncodeToString(sum[:])
		return nil
	})
	return out
}

func diff(a, b map[string]string) []string {
	var d []string
	for k, v := range a {
		if b[k] != v {
			d = append(d, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			d = append(d, k)
		}
	}
	sort.Strings(d)
	return d
}

// TestBackupRestoreRoundTrip: a backup restored after changes gives back
// the records and the files exactly, keeps the site's builds out, and sets
// the replaced data aside.
func TestBackupRestoreRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pb_data")
	app := openApp(t, dir)
	past := admintest.Date(time.Now().Add(-time.Hour))
	unit := admintest.Create(t, app, schema.Units, map[string]any{"name": "Phòng Kinh tế", "kind": "phong-chuyen-mon", "status": "published", "publishAt": past})
	c, _ := app.FindCollectionByNameOrId(schema.Articles)
	art := core.NewRecord(c)
	art.Load(map[string]any{"title": "Bài có ảnh", "category": "thong-bao", "status": "published", "publishAt": past, "unit": unit.Id, "coverAlt": "Ảnh"})
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")
	f, _ := filesystem.NewFileFromBytes(png, "anh.png")
	art.Set("cover", f)
	if err := app.Save(art); err != nil {
		t.Fatal(err)
	}
	// The site's builds are not data: they stay out of the backup.
	if err := os.MkdirAll(filepath.Join(dir, siteFolder, "builds", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, app)
	if !strings.Contains(strings.Join(keys(before), " "), "file:") {
		t.Fatal("no stored file to compare")
	}

	zip, err := backup.Create(app, "thu-nghiem.zip")
	if err != nil {
		t.Fatal(err)
	}

	// Changes after the backup: a deletion (with its file), an edit, a new
	// record.
	if err := app.Delete(art); err != nil {
		t.Fatal(err)
	}
	unit.Set("name", "Phòng Kinh tế (đổi tên)")
	if err := app.Save(unit); err != nil {
		t.Fatal(err)
	}
	admintest.Create(t, app, schema.Units, map[string]any{"name": "Đơn vị mới", "kind": "khac", "status": "draft"})
	if d := diff(before, snapshot(t, app)); len(d) == 0 {
		t.Fatal("the changes changed nothing")
	}
	if err := app.ClearBootstrap(); err != nil {
		t.Fatal(err)
	}

	// A running portal holds the lock: no restore under it.
	unlock, err := backup.Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := backup.Restore(dir, zip, siteFolder); err != backup.ErrRunning {
		t.Fatalf("restore under a running portal: %v", err)
	}
	unlock()

	old, err := backup.Restore(dir, zip, siteFolder)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(old, "data.db")); err != nil {
		t.Errorf("the replaced data was not set aside: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, siteFolder, "builds", "x")); err != nil {
		t.Errorf("the site's builds did not stay: %v", err)
	}
	restored := openApp(t, dir)
	defer restored.ClearBootstrap()
	if d := diff(before, snapshot(t, restored)); len(d) > 0 {
		t.Fatalf("restored data differs in %v", d)
	}
}

func keys(m map[string]string) []string {
	var k []string
	for x := range m {
		k = append(k, x)
	}
	return k
}
