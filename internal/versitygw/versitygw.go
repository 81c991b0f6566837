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
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

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

	proc *testbin.Process
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
	port, err := testbin.FreePort()
	if err != nil {
		return nil, fmt.Errorf("versitygw: %w", err)
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	s := &Server{Endpoint: "http://" + addr, Dir: dir, AccessKey: "portal-test", SecretKey: "portal-test-secret"}
	cmd := exec.Command(bin, "--port", addr, "posix", dir)
	cmd.Env = append(os.Environ(), "ROOT_ACCESS_KEY="+s.AccessKey, "ROOT_SECRET_KEY="+s.SecretKey)
	s.proc, err = testbin.Start("versitygw", cmd, func() bool {
		res, err := http.Get(s.Endpoint + "/")
		if err != nil {
			return false
		}
		res.Body.Close()
		return true
	})
	if err != nil {
		return nil, err
	}
	return s, nil
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
func (s *Server) Stop() { s.proc.Stop() }

// Output is what versitygw printed.
func (s *Server) Output() string { return s.proc.Output() }
