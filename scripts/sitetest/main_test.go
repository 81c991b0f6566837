// Package sitetest checks the public site as citizens get it: the real
// portal binary serves the demo content, and the tests look at every page
// type in headless Chromium (axe-core, keyboard, landmarks, widths from 320
// px), validate the HTML with html-validate, search as a person types, and
// check the honour roll's filters against the API, the 404 status, the
// feeds, the sitemap and the weight of every page.
//
// The npm tools (axe-core, html-validate) come from scripts/npm, which
// scripts/test installs with `npm ci`; they are used by the tests only,
// never to build or serve the site.
package sitetest

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/daison/portal/internal/mfalogin"
)

// The IT administrator the tests log in as.
const (
	adminEmail    = "it@sitetest.daison.test"
	adminPassword = "sitetest-password-2026"
)

var (
	// siteURL is the running portal, e.g. http://127.0.0.1:41234 (no
	// trailing slash); empty when the portal could not be started.
	siteURL string
	// liveDir is the folder the portal serves the site from.
	liveDir string
	// startErr says why the portal is not running.
	startErr error
	// portalLog is the portal's output, shown when a test fails.
	portalLog mfalogin.Console
)

// repoRoot is the repository's root folder.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Short() {
		startErr = fmt.Errorf("-short: the portal is not started")
		os.Exit(m.Run())
	}
	tmp, err := os.MkdirTemp("", "portal-sitetest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	stop, err := startPortal(tmp)
	if err != nil {
		startErr = err
	}
	code := m.Run()
	if stop != nil {
		stop()
	}
	if code != 0 && portalLog.Len() > 0 {
		fmt.Fprintf(os.Stderr, "portal output:\n%s\n", portalLog.String())
	}
	os.RemoveAll(tmp)
	os.Exit(code)
}

// startPortal builds the portal, starts `portal serve --demo` on a free port
// with a fresh data folder and a copy of the repository's site sources, and
// waits until the first build is live.
func startPortal(tmp string) (stop func(), err error) {
	bin := filepath.Join(tmp, "portal")
	build := exec.Command("go", "build", "-o", bin, "./cmd/portal")
	build.Dir = repoRoot()
	if out, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build ./cmd/portal: %v\n%s", err, out)
	}
	src := filepath.Join(tmp, "src")
	for _, f := range []string{"hugo.toml", "content", "themes"} {
		if err := copyTree(filepath.Join(repoRoot(), f), filepath.Join(src, f)); err != nil {
			return nil, err
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := l.Addr().String()
	l.Close()
	dataDir := filepath.Join(tmp, "pb_data")
	// An IT administrator, for the tests that change a record (a rename)
	// or read what citizens sent.
	upsert := exec.Command(bin, "superuser", "upsert", adminEmail, adminPassword, "--dir", dataDir)
	if out, err := upsert.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("portal superuser upsert: %v\n%s", err, out)
	}
	// X-Forwarded-For is trusted, as behind the commune's proxy: each
	// browser test of the citizens' forms sends its own address, so that
	// the per-address rate limit (five posts a minute) counts it alone.
	cmd := exec.Command(bin, "serve", "--http", addr, "--dir", dataDir, "--demo", "--site-src", src,
		"--trusted-proxy-headers", "X-Forwarded-For")
	cmd.Stdout, cmd.Stderr = &portalLog, &portalLog
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	stop = func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
		}
	}
	url := "http://" + addr
	deadline := time.Now().Add(3 * time.Minute)
	for {
		res, err := http.Get(url + "/")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			return stop, fmt.Errorf("the portal did not serve its site within 3 minutes")
		}
		time.Sleep(50 * time.Millisecond)
	}
	siteURL = url
	liveDir = filepath.Join(dataDir, "site", "live")
	return stop, nil
}

// need fails the test when the portal is not running (skips it with -short).
func need(t testing.TB) {
	t.Helper()
	if startErr != nil {
		if testing.Short() {
			t.Skip(startErr)
		}
		t.Fatalf("the portal is not running: %v", startErr)
	}
}

func copyTree(src, dst string) error {
	return filepath.Walk(src, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if fi.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

// get fetches a path of the site and returns its status and body.
func get(t testing.TB, path string) (int, string) {
	t.Helper()
	res, err := http.Get(siteURL + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return res.StatusCode, string(b)
}

// npmModules is scripts/npm/node_modules, where scripts/test installs the
// test-only npm tools.
func npmModules() string { return filepath.Join(repoRoot(), "scripts", "npm", "node_modules") }

// npmFile returns a file of an installed npm package, or fails the test
// saying how to install the tools.
func npmFile(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(npmModules(), filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("%s is missing: run scripts/test (it runs `npm ci --prefix scripts/npm`), "+
			"or run `npm ci --prefix scripts/npm` yourself", strings.TrimPrefix(p, repoRoot()+"/"))
	}
	return p
}

// node returns the node executable, or fails the test saying what to install.
func node(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is missing (needed by the test-only tools in scripts/npm): install Node.js 18 or newer " +
			"(Debian: apt-get install nodejs npm), then run scripts/test")
	}
	return p
}
