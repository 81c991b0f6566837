package search_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/daison/portal/demo"
	"github.com/daison/portal/internal/guidelib"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site/export"
	"github.com/daison/portal/site/search"
)

// demoSet is the search set of the demo content, as a build makes it: the
// records exported into a source folder beside the hand-written pages of
// content/, read and indexed with the synonyms the migration seeds. Made
// once per test process.
// A portal starts by seeding the guide library (guidelib.Seed), then loads
// the demo if asked: the demo's set is both; the library's set is a new
// commune's, the library alone.
type builtSet struct {
	once sync.Once
	set  *search.Set
	src  string
	err  error
}

var demoSet, librarySet builtSet

func demoIndex(t *testing.T) (*search.Set, string) {
	t.Helper()
	return demoSet.get(t, true)
}

func libraryIndex(t *testing.T) (*search.Set, string) {
	t.Helper()
	return librarySet.get(t, false)
}

func (b *builtSet) get(t *testing.T, withDemo bool) (*search.Set, string) {
	t.Helper()
	b.once.Do(func() { b.set, b.src, b.err = build(t, withDemo) })
	if b.err != nil {
		t.Fatalf("the search index (demo %v): %v", withDemo, b.err)
	}
	return b.set, b.src
}

func build(t *testing.T, withDemo bool) (*search.Set, string, error) {
	app := recordstest.NewApp(t)
	if _, err := guidelib.Seed(app, time.Now().Add(-time.Minute)); err != nil {
		return nil, "", err
	}
	if withDemo {
		if _, err := demo.Load(app); err != nil {
			return nil, "", err
		}
	}
	src, err := os.MkdirTemp("", "search-demo-")
	if err != nil {
		return nil, "", err
	}
	if err := copyDir(filepath.Join("..", "..", "content"), filepath.Join(src, "content")); err != nil {
		return nil, "", err
	}
	if _, err := export.Run(app, src, export.Options{Now: time.Now()}); err != nil {
		return nil, "", err
	}
	docs, errs := search.FromSource(src)
	if len(errs) > 0 {
		return nil, "", errs[0]
	}
	syns, err := search.Synonyms(app)
	if err != nil {
		return nil, "", err
	}
	return search.Build(docs, syns), src, nil
}

func copyDir(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
}

// TestDemoDocs prints the demo's documents and the library's (go test -v
// -run DemoDocs).
func TestDemoDocs(t *testing.T) {
	set, _ := demoIndex(t)
	if len(set.Docs) < 40 {
		t.Fatalf("only %d documents from the demo", len(set.Docs))
	}
	for i, d := range set.Docs {
		t.Logf("%3d %-18s %s  %s", i, d.Kind, d.URL, d.Title)
	}
	lib, _ := libraryIndex(t)
	if len(lib.Docs) < 20 {
		t.Fatalf("only %d documents from the library", len(lib.Docs))
	}
	for i, d := range lib.Docs {
		t.Logf("library %3d %-18s %s  %s", i, d.Kind, d.URL, d.Title)
	}
}
