package search_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/daison/portal/demo"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site/export"
	"github.com/daison/portal/site/search"
)

// demoSet is the search set of the demo content, as a build makes it: the
// records exported into a source folder beside the hand-written pages of
// content/, read and indexed with the synonyms the migration seeds. Made
// once per test process.
var demoSet struct {
	once sync.Once
	set  *search.Set
	src  string
	err  error
}

func demoIndex(t *testing.T) (*search.Set, string) {
	t.Helper()
	demoSet.once.Do(func() {
		app := recordstest.NewApp(t)
		if _, err := demo.Load(app); err != nil {
			demoSet.err = err
			return
		}
		src, err := os.MkdirTemp("", "search-demo-")
		if err != nil {
			demoSet.err = err
			return
		}
		if err := copyDir(filepath.Join("..", "..", "content"), filepath.Join(src, "content")); err != nil {
			demoSet.err = err
			return
		}
		if _, err := export.Run(app, src, export.Options{Now: time.Now()}); err != nil {
			demoSet.err = err
			return
		}
		docs, errs := search.FromSource(src)
		if len(errs) > 0 {
			demoSet.err = errs[0]
			return
		}
		syns, err := search.Synonyms(app)
		if err != nil {
			demoSet.err = err
			return
		}
		demoSet.set, demoSet.src = search.Build(docs, syns), src
	})
	if demoSet.err != nil {
		t.Fatalf("the demo's search index: %v", demoSet.err)
	}
	return demoSet.set, demoSet.src
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

// TestDemoDocs prints the demo's documents (go test -v -run DemoDocs).
func TestDemoDocs(t *testing.T) {
	set, _ := demoIndex(t)
	if len(set.Docs) < 40 {
		t.Fatalf("only %d documents from the demo", len(set.Docs))
	}
	for i, d := range set.Docs {
		t.Logf("%3d %-18s %s  %s", i, d.Kind, d.URL, d.Title)
	}
}
