package portaltest

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/daison/portal/internal/mfalogin"
	"github.com/daison/portal/internal/testbin"
)

// The IT superuser every portal started here has.
const (
	SuperuserEmail    = "it@daison.test"
	SuperuserPassword = "mat-khau-thu-nghiem-1"
)

// DefaultWait is how long Launch waits, by default, for the site to answer
// (the first build of the demo content on a busy machine included).
const DefaultWait = 3 * time.Minute

// Options say how to start a portal.
type Options struct {
	Demo bool          // load the demo content (--demo)
	Args []string      // more flags for "portal serve"
	Wait time.Duration // how long to wait for the site; DefaultWait if 0
	// Early returns as soon as the portal answers at all, before its
	// first build is live (the site then answers 503).
	Early bool
}

// Portal is a running "portal serve". Methods that may run outside a test
// (a TestMain, the bench) return errors; those for a test's steps take its
// testing.TB and fail it.
type Portal struct {
	URL     string // http://127.0.0.1:<port>, no trailing slash
	Dir     string // its --dir
	SiteSrc string // its --site-src, a copy of the repository's site sources that a test may break

	bin     string
	args    []string
	wait    time.Duration
	early   bool
	console mfalogin.Console
	cmd     *exec.Cmd
	exited  chan struct{} // closed when cmd has ended
}

// Start starts a portal for the test t in a folder of its own, and stops
// it when the test ends, showing its output if the test failed.
func Start(t testing.TB, o Options) *Portal {
	t.Helper()
	p, err := New(t.TempDir(), o)
	if p != nil {
		t.Cleanup(func() {
			p.Stop()
			if t.Failed() {
				t.Logf("portal output:\n%s", p.Output())
			}
		})
	}
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// New builds the portal (once: see Build), copies the site's sources into
// dir/src, makes the superuser in the data folder dir/pb_data, starts
// "portal serve" on a free port of 127.0.0.1 and waits until the site
// answers. The caller stops it with Stop; a portal is returned with an
// error when it was started but did not answer.
func New(dir string, o Options) (*Portal, error) {
	bin, err := Build()
	if err != nil {
		return nil, err
	}
	p := &Portal{bin: bin, Dir: filepath.Join(dir, "pb_data"), SiteSrc: filepath.Join(dir, "src"), wait: o.Wait, early: o.Early}
	if p.wait == 0 {
		p.wait = DefaultWait
	}
	if err := CopySiteSources(p.SiteSrc); err != nil {
		return nil, err
	}
	if _, err := p.Run("superuser", "upsert", SuperuserEmail, SuperuserPassword); err != nil {
		return nil, err
	}
	port, err := testbin.FreePort()
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	p.URL = "http://" + addr
	p.args = []string{"serve", "--http", addr, "--dir", p.Dir, "--site-src", p.SiteSrc}
	if o.Demo {
		p.args = append(p.args, "--demo")
	}
	p.args = append(p.args, o.Args...)
	return p, p.Launch()
}

// Launch starts the portal's process (again, after Kill or Stop) and waits
// until its site answers (Options.Early: until it answers at all).
func (p *Portal) Launch() error {
	p.cmd = exec.Command(p.bin, p.args...)
	p.cmd.Stdout, p.cmd.Stderr = &p.console, &p.console
	if err := p.cmd.Start(); err != nil {
		return fmt.Errorf("portaltest: start portal: %w", err)
	}
	p.exited = make(chan struct{})
	go func(cmd *exec.Cmd, exited chan struct{}) {
		_ = cmd.Wait()
		close(exited)
	}(p.cmd, p.exited)
	deadline := time.Now().Add(p.wait)
	for !p.answers() {
		select {
		case <-p.exited:
			return fmt.Errorf("portaltest: the portal ended before its site answered (%s)", p.cmd.ProcessState)
		default:
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("portaltest: the portal's site did not answer within %s", p.wait)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return nil
}

// answers reports whether the site's home page answers 200 (with
// Options.Early, whether it answers at all).
func (p *Portal) answers() bool {
	res, err := http.Get(p.URL + "/")
	if err != nil {
		return false
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return p.early || res.StatusCode == http.StatusOK
}

// Kill stops the portal with SIGKILL, as a power cut or the OOM killer
// would, and waits for it to be gone.
func (p *Portal) Kill() {
	if p.cmd == nil || p.cmd.Process == nil {
		return
	}
	_ = p.cmd.Process.Kill()
	<-p.exited
}

// Stop asks the portal to stop (SIGTERM) and kills it if it has not within
// 10 seconds.
func (p *Portal) Stop() {
	if p.cmd == nil || p.cmd.Process == nil {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(10 * time.Second):
		p.Kill()
	}
}

// Output is everything the portal has printed so far, over all its runs.
func (p *Portal) Output() string { return p.console.String() }

// Run runs a portal subcommand on the portal's data folder (--dir) to its
// end and returns what it printed.
func (p *Portal) Run(args ...string) (string, error) {
	out, err := exec.Command(p.bin, append(args, "--dir", p.Dir)...).CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("portaltest: portal %s: %w\n%s", strings.Join(args, " "), err, out)
	}
	return string(out), nil
}

// WaitFor polls ok until it holds, and returns how long that took; it
// fails t, with the portal's output, when limit passes first.
func (p *Portal) WaitFor(t testing.TB, what string, limit time.Duration, ok func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !ok() {
		if time.Since(start) > limit {
			t.Fatalf("waited %s for %s\nportal output:\n%s", limit, what, p.Output())
		}
		time.Sleep(25 * time.Millisecond)
	}
	return time.Since(start)
}

// Get fetches a path of the portal anonymously and returns the status and
// the body.
func (p *Portal) Get(t testing.TB, path string) (int, string) {
	t.Helper()
	res, err := http.Get(p.URL + path)
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

// CopySiteSources copies the repository's site sources (hugo.toml,
// content/, themes/) into dst, for --site-src.
func CopySiteSources(dst string) error {
	for _, f := range []string{"hugo.toml", "content", "themes"} {
		if err := copyTree(filepath.Join(RepoRoot(), f), filepath.Join(dst, f)); err != nil {
			return fmt.Errorf("portaltest: copy the site's sources: %w", err)
		}
	}
	return nil
}

// copyTree copies the file or folder src to dst.
func copyTree(src, dst string) error {
	return filepath.Walk(src, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
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
