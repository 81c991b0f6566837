package portaltest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// fixture writes a small module with a command at cmd/portal that embeds a
// file, beside a test file and a document, and returns its folder.
func fixture(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{
		"go.mod":                    "module example.com/fixture\n\ngo 1.22\n",
		"cmd/portal/main.go":        "package main\n\nimport (\n\t_ \"embed\"\n\t\"fmt\"\n)\n\n//go:embed page.txt\nvar page string\n\nfunc main() { fmt.Print(page) }\n",
		"cmd/portal/page.txt":       "trang một",
		"cmd/portal/main_test.go":   "package main\n",
		"README.md":                 "# fixture\n",
		"scripts/other/other.go":    "package other\n",
		"cmd/portal/testdata/x.txt": "x",
	}
	for name, body := range files {
		write(t, filepath.Join(root, name), body)
	}
	return root
}

func write(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSourceKey: the key changes with the command's Go files and embedded
// files, and not with tests, documents or packages it does not import.
func TestSourceKey(t *testing.T) {
	root := fixture(t)
	key := func() string {
		t.Helper()
		k, err := sourceKey(root)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	first := key()
	if again := key(); again != first {
		t.Fatalf("two keys of the same tree: %s, %s", first, again)
	}
	write(t, filepath.Join(root, "README.md"), "# đã sửa\n")
	write(t, filepath.Join(root, "cmd/portal/main_test.go"), "package main\n\n// sửa\n")
	write(t, filepath.Join(root, "scripts/other/other.go"), "package other\n\n// sửa\n")
	write(t, filepath.Join(root, "cmd/portal/testdata/x.txt"), "y")
	if k := key(); k != first {
		t.Errorf("editing tests, documents and other packages changed the key")
	}
	write(t, filepath.Join(root, "cmd/portal/page.txt"), "trang hai")
	second := key()
	if second == first {
		t.Errorf("editing an embedded file kept the key")
	}
	write(t, filepath.Join(root, "cmd/portal/main.go"), "package main\n\nimport (\n\t_ \"embed\"\n\t\"fmt\"\n)\n\n//go:embed page.txt\nvar page string\n\nfunc main() { fmt.Println(page) }\n")
	if k := key(); k == second || k == first {
		t.Errorf("editing a Go file kept the key")
	}
}

// TestBuildOnce: two builds of one tree at the same moment make one
// binary, under its final name, that a later call reuses.
func TestBuildOnce(t *testing.T) {
	root, cache := fixture(t), t.TempDir()
	var wg sync.WaitGroup
	bins := make([]string, 2)
	built := make([]bool, 2)
	errs := make([]error, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			bins[i], built[i], errs[i] = buildIn(root, cache)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if bins[0] != bins[1] || built[0] == built[1] {
		t.Fatalf("two concurrent builds gave %q (built %v) and %q (built %v), want one build", bins[0], built[0], bins[1], built[1])
	}
	out, err := exec.Command(bins[0]).Output()
	if err != nil || string(out) != "trang một" {
		t.Fatalf("the built binary printed %q (%v)", out, err)
	}
	if _, again, err := buildIn(root, cache); err != nil || again {
		t.Errorf("a third call built again (%v)", err)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(bins[0]), "*.tmp"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestPrune: builds unused for longer than the limit go, except the one
// in use; recent ones stay.
func TestPrune(t *testing.T) {
	cache := t.TempDir()
	old := time.Now().Add(-2 * keepUnused)
	for _, name := range []string{"old", "old-in-use", "recent"} {
		write(t, filepath.Join(cache, name, "portal"), "bin")
	}
	for _, name := range []string{"old", "old-in-use"} {
		if err := os.Chtimes(filepath.Join(cache, name), old, old); err != nil {
			t.Fatal(err)
		}
	}
	prune(cache, filepath.Join(cache, "old-in-use"), time.Now().Add(-keepUnused))
	for name, want := range map[string]bool{"old": false, "old-in-use": true, "recent": true} {
		if _, err := os.Stat(filepath.Join(cache, name, "portal")); (err == nil) != want {
			t.Errorf("%s kept: %v, want %v", name, err == nil, want)
		}
	}
}

// TestPortal starts the real portal, signs in as the superuser (two
// steps) and as staff made with "portal staff upsert", then stops,
// relaunches and kills it.
func TestPortal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the portal")
	}
	p := Start(t, Options{})
	token, err := p.SignIn()
	if err != nil || token == "" {
		t.Fatalf("superuser sign-in: %q, %v", token, err)
	}
	// A unit, for a reporter of it, created through the API.
	body, _ := json.Marshal(map[string]any{"name": "Thôn Đông Sơn", "kind": "thon-to-dan-pho", "status": "published"})
	req, _ := http.NewRequest(http.MethodPost, p.URL+"/api/collections/units/records", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var unit struct {
		Slug string `json:"slug"`
	}
	err = json.NewDecoder(res.Body).Decode(&unit)
	res.Body.Close()
	if res.StatusCode != 200 || err != nil || unit.Slug == "" {
		t.Fatalf("create a unit: %d %v %+v", res.StatusCode, err, unit)
	}
	for _, s := range []Staff{
		{Email: "bientap@daison.test", Password: "mat-khau-bien-tap-1", Name: "Trần Thị Biên Tập", Role: "editor"},
		{Email: "daumoi@daison.test", Password: "mat-khau-dau-moi-1", Name: "Phạm Thị Đầu Mối", Role: "unitReporter", Unit: unit.Slug},
	} {
		if err := p.UpsertStaff(s); err != nil {
			t.Fatal(err)
		}
		if tok, err := p.StaffToken(s.Email, s.Password); err != nil || tok == "" {
			t.Errorf("sign-in of %s: %q, %v", s.Email, tok, err)
		}
	}
	if _, err := p.StaffToken("bientap@daison.test", "sai-mat-khau"); err == nil {
		t.Errorf("a wrong password signed in")
	}
	if err := p.UpsertStaff(Staff{Email: "x@daison.test", Password: "mat-khau-x-1", Name: "X", Role: "unitReporter"}); err == nil ||
		!strings.Contains(err.Error(), "--unit") {
		t.Errorf("a reporter without a unit: %v", err)
	}

	p.Stop()
	if p.answers() {
		t.Fatalf("the portal answers after Stop")
	}
	if err := p.Launch(); err != nil {
		t.Fatal(err)
	}
	if code, _ := p.Get(t, "/"); code != 200 {
		t.Errorf("after a relaunch, / answers %d", code)
	}
	if _, err := p.SignIn(); err != nil {
		t.Errorf("superuser sign-in after a relaunch: %v", err)
	}
	p.Kill()
	if p.answers() {
		t.Errorf("the portal answers after Kill")
	}
}
