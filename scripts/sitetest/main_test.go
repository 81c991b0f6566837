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
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daison/portal/internal/portaltest"
	"github.com/daison/portal/site/live"
)

var (
	// portal is the running portal; nil when it could not be started.
	portal *portaltest.Portal
	// siteURL is the running portal, e.g. http://127.0.0.1:41234 (no
	// trailing slash); empty when the portal could not be started.
	siteURL string
	// liveDir is the folder the portal serves the site from.
	liveDir string
	// startErr says why the portal is not running.
	startErr error
)

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
	// The demo content, served on a free port with a fresh data folder and
	// a copy of the repository's site sources, once its first build is
	// live. X-Forwarded-For is trusted, as behind the commune's proxy: each
	// browser test of the citizens' forms sends its own address, so that
	// the per-address rate limit (five posts a minute) counts it alone.
	p, err := portaltest.New(tmp, portaltest.Options{Demo: true, Args: []string{"--trusted-proxy-headers", "X-Forwarded-For"}})
	if err != nil {
		startErr = err
	} else {
		portal, siteURL, liveDir = p, p.URL, live.InData(p.Dir).LivePath()
	}
	code := m.Run()
	if p != nil {
		p.Stop()
		if code != 0 {
			fmt.Fprintf(os.Stderr, "portal output:\n%s\n", p.Output())
		}
	}
	os.RemoveAll(tmp)
	os.Exit(code)
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

// get fetches a path of the site and returns its status and body.
func get(t testing.TB, path string) (int, string) {
	t.Helper()
	return portal.Get(t, path)
}

// npmModules is scripts/npm/node_modules, where scripts/test installs the
// test-only npm tools.
func npmModules() string {
	return filepath.Join(portaltest.RepoRoot(), "scripts", "npm", "node_modules")
}

// npmFile returns a file of an installed npm package, or fails the test
// saying how to install the tools.
func npmFile(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(npmModules(), filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("%s is missing: run scripts/test (it runs `npm ci --prefix scripts/npm`), "+
			"or run `npm ci --prefix scripts/npm` yourself", strings.TrimPrefix(p, portaltest.RepoRoot()+"/"))
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
