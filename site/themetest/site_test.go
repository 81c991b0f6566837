package themetest

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gohugoio/hugo/hugolib"
)

// repoRoot is the repository's root seen from this package's folder, where
// go test runs.
const repoRoot = "../.."

// siteFiles lists the project's hugo.toml and every file of the theme as
// txtar entries that hugolib.Test reads from disk ("sourcefilename:"), so
// the tests always run the theme as it is in the repository.
func siteFiles(t testing.TB) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("-- hugo.toml --\nsourcefilename: " + repoRoot + "/hugo.toml\n")
	theme := filepath.Join(repoRoot, "themes", "daison")
	err := filepath.WalkDir(theme, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(repoRoot, path)
		if err != nil {
			return err
		}
		b.WriteString("-- " + filepath.ToSlash(rel) + " --\nsourcefilename: " + filepath.ToSlash(path) + "\n")
		return nil
	})
	if err != nil {
		t.Fatalf("reading the theme's files: %v", err)
	}
	return b.String()
}

// build builds the project's site with the real theme and the given extra
// files (txtar: content pages, data, probe layouts) in memory.
func build(t *testing.T, files string) *hugolib.IntegrationTestBuilder {
	t.Helper()
	return hugolib.Test(t, siteFiles(t)+files)
}
