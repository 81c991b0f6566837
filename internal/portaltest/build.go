// Package portaltest runs the real portal binary for the end-to-end tests,
// the site tests and the bench: Build compiles ./cmd/portal once for a
// source tree (shared by every test package and run, in a cache keyed by
// the content of the files the binary is built from); Start and New start
// "portal serve" on a free port with a fresh data folder, a superuser and a
// copy of the site's sources, wait until the site answers, keep the
// console (where the portal prints its mail, such as sign-in codes), and
// stop it with SIGTERM, then SIGKILL; UpsertStaff makes staff accounts with
// "portal staff upsert"; SignIn and StaffToken sign in as people do.
//
// It is test tooling, never part of the portal.
package portaltest

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
)

// mainPackage is the portal's command, relative to the repository's root.
const mainPackage = "./cmd/portal"

// keepUnused is how long a cached binary nobody has used is kept: long
// enough for any test run that may still start it, short enough that the
// builds of a day's edits do not pile up (each is about 100 MB).
const keepUnused = 24 * time.Hour

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// RepoRoot is the repository's root folder.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Build returns the portal binary of this checkout, building it the first
// time a process asks. A binary built from the same sources by an earlier
// run or by another test package, even at the same moment, is reused: it
// lives in $PORTAL_TEST_CACHE, or portal-test/ under the user's cache
// folder, in a folder named by the hash of its sources.
func Build() (string, error) {
	buildOnce.Do(func() {
		binary, _, buildErr = buildIn(RepoRoot(), cacheRoot())
	})
	return binary, buildErr
}

// cacheRoot is where built binaries are kept.
func cacheRoot() string {
	if d := os.Getenv("PORTAL_TEST_CACHE"); d != "" {
		return d
	}
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "portal-test")
	}
	return filepath.Join(os.TempDir(), "portal-test")
}

// buildIn returns the binary of the module at root from the cache folder
// cache, building it if it is not there yet; built says whether this call
// built it. Callers in other processes (or goroutines) wait while one
// builds, on a lock file: a binary appears whole, under its final name, or
// not at all.
func buildIn(root, cache string) (bin string, built bool, err error) {
	key, err := sourceKey(root)
	if err != nil {
		return "", false, err
	}
	dir := filepath.Join(cache, key)
	bin = filepath.Join(dir, "portal")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", false, fmt.Errorf("portaltest: cache folder: %w", err)
	}
	unlock, err := lock(filepath.Join(dir, "lock"))
	if err != nil {
		return "", false, err
	}
	defer unlock()
	now := time.Now()
	// Its folder's time says when it was last used, for prune.
	_ = os.Chtimes(dir, now, now)
	if _, err := os.Stat(bin); err == nil {
		return bin, false, nil
	}
	tmp := fmt.Sprintf("%s.%d.tmp", bin, os.Getpid())
	cmd := exec.Command("go", "build", "-o", tmp, mainPackage)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		os.Remove(tmp)
		return "", false, fmt.Errorf("portaltest: go build %s: %w\n%s", mainPackage, err, out)
	}
	if err := os.Rename(tmp, bin); err != nil {
		return "", false, fmt.Errorf("portaltest: %w", err)
	}
	prune(cache, dir, now.Add(-keepUnused))
	return bin, true, nil
}

// lock takes an exclusive lock on the file path (created if missing),
// waiting while another holder has it, and returns its release.
func lock(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("portaltest: lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("portaltest: lock %s: %w", path, err)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// prune removes the cached builds other than keep last used before
// before.
func prune(cache, keep string, before time.Time) {
	entries, err := os.ReadDir(cache)
	if err != nil {
		return
	}
	for _, e := range entries {
		dir := filepath.Join(cache, e.Name())
		if !e.IsDir() || dir == keep {
			continue
		}
		if fi, err := e.Info(); err == nil && fi.ModTime().Before(before) {
			os.RemoveAll(dir)
		}
	}
}

// listTemplate prints, for each package of the main module that the
// command is built from, its folder and the files go build reads there.
const listTemplate = `{{if .Module}}{{if .Module.Main}}{{.Dir}}` +
	`{{range .GoFiles}}|{{.}}{{end}}{{range .CgoFiles}}|{{.}}{{end}}{{range .CFiles}}|{{.}}{{end}}` +
	`{{range .HFiles}}|{{.}}{{end}}{{range .SFiles}}|{{.}}{{end}}{{range .SysoFiles}}|{{.}}{{end}}` +
	`{{range .EmbedFiles}}|{{.}}{{end}}
{{end}}{{end}}`

// sourceKey hashes what the portal binary is built from: the Go toolchain
// and target, go.mod and go.sum (which fix every dependency), and the path
// and content of each Go and embedded file of the module's packages that
// the command imports. Tests, scripts and documents are not part of it, so
// editing them does not cost a new build.
func sourceKey(root string) (string, error) {
	h := sha256.New()
	env := exec.Command("go", "env", "GOVERSION", "GOOS", "GOARCH", "CGO_ENABLED", "GOFLAGS", "GOEXPERIMENT")
	env.Dir = root
	out, err := env.Output()
	if err != nil {
		return "", fmt.Errorf("portaltest: go env: %w", commandError(err))
	}
	h.Write(out)
	for _, f := range []string{"go.mod", "go.sum"} {
		if err := hashFile(h, root, f); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
	}
	list := exec.Command("go", "list", "-deps", "-f", listTemplate, mainPackage)
	list.Dir = root
	out, err = list.Output()
	if err != nil {
		return "", fmt.Errorf("portaltest: go list %s: %w", mainPackage, commandError(err))
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", fmt.Errorf("portaltest: %w", err)
	}
	lines := bufio.NewScanner(bytes.NewReader(out))
	lines.Buffer(nil, 1<<20)
	for lines.Scan() {
		fields := strings.Split(lines.Text(), "|")
		if fields[0] == "" {
			continue
		}
		rel, err := filepath.Rel(abs, fields[0])
		if err != nil {
			return "", fmt.Errorf("portaltest: %w", err)
		}
		for _, name := range fields[1:] {
			if err := hashFile(h, abs, filepath.Join(rel, name)); err != nil {
				return "", err
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:24], nil
}

// hashFile writes the path rel (relative to root, with slashes) and the
// content of the file into h.
func hashFile(h io.Writer, root, rel string) error {
	f, err := os.Open(filepath.Join(root, rel))
	if err != nil {
		return fmt.Errorf("portaltest: hash sources: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("portaltest: hash sources: %w", err)
	}
	fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), fi.Size())
	if _, err := io.Copy(h, f); err != nil {
		return fmt.Errorf("portaltest: hash %s: %w", rel, err)
	}
	return nil
}

// commandError adds what a command printed on stderr to its error.
func commandError(err error) error {
	var ee *exec.ExitError
	if errors.As(err, &ee) && len(ee.Stderr) > 0 {
		return fmt.Errorf("%w: %s", err, bytes.TrimSpace(ee.Stderr))
	}
	return err
}
