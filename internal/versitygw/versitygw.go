// Package versitygw starts a real S3 server for the tests: versitygw
// (github.com/versity/versitygw, installed once per machine by
// internal/testbin) serving a temporary folder, each bucket a folder in it.
//
//	s3 := versitygw.Start(t)
//	s3.Bucket(t, "site")
//	url := s3.URL("site") // s3://site?endpoint=…&region=us-east-1&use_path_style=true
//	// AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY: s3.AccessKey, s3.SecretKey (Env)
//
// It is test tooling, never part of the portal.
package versitygw

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/daison/portal/internal/testbin"
)

// Version is the versitygw release the tests use.
const Version = "v1.8.0"

// Region is the region the server answers for.
const Region = "us-east-1"

// Server is a running versitygw.
type Server struct {
	Endpoint             string // http://127.0.0.1:<port>
	Dir                  string // the folder it serves
	AccessKey, SecretKey string

	cmd    *exec.Cmd
	out    *lockedBuffer
	exited chan struct{}
}

// Start starts a versitygw over a temporary folder of t and stops it when
// the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	s, err := New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	return s
}

// New installs versitygw if needed and starts it over dir on a free port
// of 127.0.0.1; the caller stops it with Stop.
func New(dir string) (*Server, error) {
	bin, err := testbin.Install("github.com/versity/versitygw/cmd/versitygw", Version, "versitygw")
	if err != nil {
		return nil, err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("versitygw: free port: %w", err)
	}
	addr := l.Addr().String()
	l.Close()
	s := &Server{Endpoint: "http://" + addr, Dir: dir, AccessKey: "portal-test", SecretKey: "portal-test-secret",
		out: &lockedBuffer{}, exited: make(chan struct{})}
	s.cmd = exec.Command(bin, "--port", addr, "posix", dir)
	s.cmd.Env = append(os.Environ(), "ROOT_ACCESS_KEY="+s.AccessKey, "ROOT_SECRET_KEY="+s.SecretKey)
	s.cmd.Stdout, s.cmd.Stderr = s.out, s.out
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("versitygw: start: %w", err)
	}
	go func() { _ = s.cmd.Wait(); close(s.exited) }()
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if res, err := http.Get(s.Endpoint + "/"); err == nil {
			res.Body.Close()
			return s, nil
		}
		select {
		case <-s.exited:
			return nil, fmt.Errorf("versitygw: ended before it answered: %s", s.out.String())
		default:
		}
		if time.Now().After(deadline) {
			s.Stop()
			return nil, fmt.Errorf("versitygw: did not answer within 20s: %s", s.out.String())
		}
	}
}

// Bucket makes the bucket name (a folder of the served folder).
func (s *Server) Bucket(t testing.TB, name string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(s.Dir, name), 0o755); err != nil {
		t.Fatal(err)
	}
}

// URL is the gocloud.dev/blob URL of the bucket, with an optional
// prefix (key prefix inside the bucket, "daison/").
func (s *Server) URL(bucket string) string {
	return "s3://" + bucket + "?endpoint=" + s.Endpoint + "&region=" + Region + "&use_path_style=true"
}

// Env is the environment the AWS SDK reads the server's keys from. It
// empties AWS_CA_BUNDLE (the server speaks plain HTTP), which Litestream's
// S3 client cannot use with its own HTTP client ("unable to add custom
// RootCAs HTTPClient").
func (s *Server) Env() []string {
	return []string{"AWS_ACCESS_KEY_ID=" + s.AccessKey, "AWS_SECRET_ACCESS_KEY=" + s.SecretKey, "AWS_REGION=" + Region,
		"AWS_CA_BUNDLE="}
}

// SetEnv sets Env in this process for the test t.
func (s *Server) SetEnv(t testing.TB) {
	for _, kv := range s.Env() {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
}

// Stop stops versitygw.
func (s *Server) Stop() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(5 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.exited
	}
}

// Output is what versitygw printed.
func (s *Server) Output() string { return s.out.String() }

// lockedBuffer keeps a process's output, safe to read while it writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
