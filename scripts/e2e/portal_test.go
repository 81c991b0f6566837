// Package e2e runs the real portal binary, as staff and citizens use it:
// started on a free port with a fresh data folder, driven over HTTP and in
// headless Chromium.
package e2e

import (
	"bytes"
	"encoding/json"
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

// binary is the portal built once for all tests of this package.
var binary string

// repoRoot is the repository's root folder.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "portal-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "portal")
	build := exec.Command("go", "build", "-o", binary, "./cmd/portal")
	build.Dir = repoRoot()
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build portal:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// portal is a running portal process.
type portal struct {
	t       testing.TB
	URL     string // http://127.0.0.1:<port>
	Dir     string // its --dir
	SiteSrc string // its --site-src, a copy of the repository's site sources
	cmd     *exec.Cmd
	args    []string
	log     *mfalogin.Console
	token   string
}

const (
	adminEmail    = "it@daison.test"
	adminPassword = "mat-khau-thu-nghiem-1"
)

func freePort(t testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// run runs a portal subcommand to its end.
func run(t testing.TB, args ...string) string {
	t.Helper()
	out, err := exec.Command(binary, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("portal %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// copyTree copies the files under src into dst.
func copyTree(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(p string, fi os.FileInfo, err error) error {
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
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// start starts `portal serve` with a superuser, the demo content if demo
// is set, and site sources copied from the repository (so a test may break
// the theme), and waits until the site answers.
func start(t testing.TB, demo bool, extra ...string) *portal {
	t.Helper()
	root := t.TempDir()
	p := &portal{t: t, Dir: filepath.Join(root, "pb_data"), SiteSrc: filepath.Join(root, "src"), log: &mfalogin.Console{}}
	for _, f := range []string{"hugo.toml", "content", "themes"} {
		src := filepath.Join(repoRoot(), f)
		if fi, err := os.Stat(src); err == nil && !fi.IsDir() {
			b, _ := os.ReadFile(src)
			os.MkdirAll(p.SiteSrc, 0o755)
			os.WriteFile(filepath.Join(p.SiteSrc, f), b, 0o644)
			continue
		}
		copyTree(t, src, filepath.Join(p.SiteSrc, f))
	}
	run(t, "superuser", "upsert", adminEmail, adminPassword, "--dir", p.Dir)

	port := freePort(t)
	p.URL = fmt.Sprintf("http://127.0.0.1:%d", port)
	p.args = []string{"serve", "--http", fmt.Sprintf("127.0.0.1:%d", port), "--dir", p.Dir, "--site-src", p.SiteSrc}
	if demo {
		p.args = append(p.args, "--demo")
	}
	p.args = append(p.args, extra...)
	t.Cleanup(p.stop)
	p.launch()
	p.token = p.login()
	return p
}

// launch starts the portal process (again) and waits until the site
// answers.
func (p *portal) launch() {
	p.t.Helper()
	p.cmd = exec.Command(binary, p.args...)
	p.cmd.Stdout, p.cmd.Stderr = p.log, p.log
	if err := p.cmd.Start(); err != nil {
		p.t.Fatal(err)
	}
	p.waitFor("the site to answer", 60*time.Second, func() bool {
		res, err := http.Get(p.URL + "/")
		if err != nil {
			return false
		}
		res.Body.Close()
		return res.StatusCode == 200
	})
}

// kill stops the portal with SIGKILL, as a power cut or the OOM killer
// would, and waits for it to be gone.
func (p *portal) kill() {
	_ = p.cmd.Process.Kill()
	_, _ = p.cmd.Process.Wait()
}

func (p *portal) stop() {
	if p.cmd != nil && p.cmd.Process != nil {
		_ = p.cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { p.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = p.cmd.Process.Kill()
		}
	}
	if p.t.Failed() {
		p.t.Logf("portal output:\n%s", p.log.String())
	}
}

// waitFor polls ok until it holds or limit passes.
func (p *portal) waitFor(what string, limit time.Duration, ok func() bool) time.Duration {
	p.t.Helper()
	start := time.Now()
	for !ok() {
		if time.Since(start) > limit {
			p.t.Fatalf("waited %s for %s\nportal output:\n%s", limit, what, p.log.String())
		}
		time.Sleep(25 * time.Millisecond)
	}
	return time.Since(start)
}

// api calls the portal's API as the superuser and decodes the answer into
// out (if not nil); it returns the status.
func (p *portal) api(method, path string, body any, out any) int {
	p.t.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, p.URL+path, r)
	req.Header.Set("Content-Type", "application/json")
	if p.token != "" {
		req.Header.Set("Authorization", p.token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if out != nil && len(b) > 0 {
		if err := json.Unmarshal(b, out); err != nil {
			p.t.Fatalf("%s %s: %v: %s", method, path, err, b)
		}
	}
	return res.StatusCode
}

func (p *portal) login() string {
	token, err := mfalogin.Login(p.URL, adminEmail, adminPassword, p.log.String)
	if err != nil {
		p.t.Fatalf("superuser login: %v", err)
	}
	return token
}

// get fetches a page of the public site anonymously.
func (p *portal) get(path string) (int, string) {
	p.t.Helper()
	res, err := http.Get(p.URL + path)
	if err != nil {
		p.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}
