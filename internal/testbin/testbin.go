// Package testbin installs the real servers the tests start (mailpit,
// versitygw…) with "go install", once per machine: each binary is kept in
// a cache folder named by its module and version and reused by every test
// package and run after; a lock file makes concurrent tests wait for the
// one that installs. Start runs one and waits until it answers.
//
//	bin, err := testbin.Install("github.com/axllent/mailpit", "v1.33.1", "mailpit")
//
// It is test tooling, never part of the portal.
package testbin

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Dir is the folder the binaries are kept in: $PORTAL_TEST_BIN, or
// portal-test/bin under the user's cache folder.
func Dir() string {
	if d := os.Getenv("PORTAL_TEST_BIN"); d != "" {
		return d
	}
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "portal-test", "bin")
	}
	return filepath.Join(os.TempDir(), "portal-test", "bin")
}

// Install returns the path of the command name built from the package pkg
// (a module path, or a command's package path inside it) at version,
// running "go install pkg@version" the first time. A binary found as
// Dir()/name-version is used as it is.
func Install(pkg, version, name string) (string, error) {
	dir := Dir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("testbin: cache folder: %w", err)
	}
	// Touched on every use, so that a cleaner of old cache folders (such
	// as internal/portaltest's) sees it is in use.
	now := time.Now()
	_ = os.Chtimes(dir, now, now)
	bin := filepath.Join(dir, name+"-"+version)
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	unlock, err := lock(bin + ".lock")
	if err != nil {
		return "", err
	}
	defer unlock()
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	tmp, err := os.MkdirTemp(dir, name+"-install-")
	if err != nil {
		return "", fmt.Errorf("testbin: %w", err)
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command("go", "install", pkg+"@"+version)
	cmd.Env = append(os.Environ(), "GOBIN="+tmp)
	if os.Getenv("GOTOOLCHAIN") == "" {
		cmd.Env = append(cmd.Env, "GOTOOLCHAIN=go1.27.3")
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("testbin: go install %s@%s: %w\n%s", pkg, version, err, strings.TrimSpace(string(out)))
	}
	built := filepath.Join(tmp, filepath.Base(pkg))
	if err := os.Rename(built, bin); err != nil {
		return "", fmt.Errorf("testbin: keep %s: %w", name, err)
	}
	return bin, nil
}

// lock takes an exclusive lock on the file path, waiting while another
// process holds it, and returns its release.
func lock(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("testbin: lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("testbin: lock %s: %w", path, err)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
