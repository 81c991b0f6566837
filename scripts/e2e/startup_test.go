package e2e

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/internal/portaltest"
)

// TestServeAnswersBeforeFirstBuild: "portal serve" on a new data folder
// (the demo content) listens before its first build is live. Its first
// builds fail here (the theme's configuration broken through --site-src),
// so that what it answers meanwhile is seen whatever the machine's speed:
// every page of the site is a plain Vietnamese "being built" page with
// status 503, Retry-After and a reload without script; the back office and
// /api/health answer. Once the configuration is fixed, the next build goes
// live and the site is served, without a restart.
func TestServeAnswersBeforeFirstBuild(t *testing.T) {
	src := filepath.Join(t.TempDir(), "src")
	if err := portaltest.CopySiteSources(src); err != nil {
		t.Fatal(err)
	}
	hugo := filepath.Join(src, "hugo.toml")
	good, err := os.ReadFile(hugo)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(hugo, append(append([]byte{}, good...), "\n[[[ sai cú pháp\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	// The later --site-src wins over the one portaltest gives.
	pp := portaltest.Start(t, portaltest.Options{Demo: true, Early: true, Args: []string{"--site-src", src}})
	t.Logf("the portal answered %s after it was started", time.Since(began).Round(10*time.Millisecond))
	p := &portal{Portal: pp, t: t}

	for _, path := range []string{"/", "/tin-tuc/", "/tim-kiem/?q=vneid"} {
		res, err := http.Get(p.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), "Trang web đang được dựng") ||
			!strings.Contains(string(body), `http-equiv="refresh"`) || strings.Contains(string(body), "<script") || res.Header.Get("Retry-After") == "" {
			t.Fatalf("GET %s before the first build: %d %v\n%s", path, res.StatusCode, res.Header, body)
		}
	}
	if code, _ := p.get("/quan-tri/"); code != 200 {
		t.Fatalf("the back office before the first build: %d", code)
	}
	if code := p.api("GET", "/api/health", nil, nil); code != 200 {
		t.Fatalf("/api/health before the first build: %d", code)
	}

	// Fixed: an editor asks for a build; the site goes live.
	if err := os.WriteFile(hugo, good, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := pp.UpsertStaff(portaltest.Staff{Email: editorEmail, Password: editorPassword, Name: editorName, Role: "editor"}); err != nil {
		t.Fatal(err)
	}
	if p.token, err = pp.StaffToken(editorEmail, editorPassword); err != nil {
		t.Fatal(err)
	}
	asked := time.Now()
	if code := p.api("POST", "/api/site/rebuild", nil, nil); code != http.StatusAccepted {
		t.Fatalf("rebuild: %d", code)
	}
	p.waitFor("the home page once the theme is fixed", 3*time.Minute, func() bool {
		code, _ := p.get("/")
		return code == 200
	})
	t.Logf("the site went live %s after the fixed build was asked for", time.Since(asked).Round(10*time.Millisecond))
	if code, body := p.get("/tin-tuc/"); code != 200 || !strings.Contains(body, "</html>") {
		t.Fatalf("/tin-tuc/ after the first good build: %d", code)
	}
}
