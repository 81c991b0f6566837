// Package mailpit starts a real SMTP server for the tests, mailpit
// (github.com/axllent/mailpit, installed once per machine by
// internal/testbin), and reads what it received through its HTTP API.
//
//	mp := mailpit.Start(t)                // stopped when the test ends
//	// point the portal's SMTP settings at mp.SMTPHost, mp.SMTPPort
//	m, err := mp.WaitFor("it@daison.test", 15*time.Second, func(m mailpit.Message) bool {
//		return strings.Contains(m.Subject, "Mã đăng nhập")
//	})
//	code := regexp.MustCompile(`\d{6,}`).FindString(m.Text)
//
// Any user name and password are accepted over plain SMTP (StartAuth: one
// user with its password). It is test tooling, never part of the portal.
package mailpit

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/internal/testbin"
)

// Version is the mailpit release the tests use.
const Version = "v1.33.1"

// Server is a running mailpit.
type Server struct {
	SMTPHost string // 127.0.0.1
	SMTPPort int
	API      string // http://127.0.0.1:<port>, its web UI and API

	proc *testbin.Process
}

// Address is a mail address as mailpit reports it.
type Address struct {
	Name    string `json:"Name"`
	Address string `json:"Address"`
}

// Message is a received mail; Text and HTML are filled by Message and
// WaitFor, not by Messages (which lists summaries).
type Message struct {
	ID      string    `json:"ID"`
	From    *Address  `json:"From"`
	To      []Address `json:"To"`
	Subject string    `json:"Subject"`
	Created time.Time `json:"Created"`
	Snippet string    `json:"Snippet"`
	Text    string    `json:"Text"`
	HTML    string    `json:"HTML"`
}

// SentTo reports whether addr (any case) is one of the message's
// recipients.
func (m Message) SentTo(addr string) bool {
	for _, a := range m.To {
		if strings.EqualFold(a.Address, addr) {
			return true
		}
	}
	return false
}

// Start starts a mailpit for the test t and stops it when the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	return s
}

// StartAuth is Start with a mail server that accepts only the user name
// user with password (over plain SMTP), as a real one does.
func StartAuth(t testing.TB, user, password string) *Server {
	t.Helper()
	f := filepath.Join(t.TempDir(), "smtp-users")
	if err := os.WriteFile(f, []byte(user+":"+password+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := newServer("--smtp-auth-file", f)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	return s
}

// New installs mailpit if needed and starts it on free ports of 127.0.0.1,
// keeping mail in memory; the caller stops it with Stop.
func New() (*Server, error) { return newServer("--smtp-auth-accept-any") }

// newServer is New with auth, mailpit's flags of authentication.
func newServer(auth ...string) (*Server, error) {
	bin, err := testbin.Install("github.com/axllent/mailpit", Version, "mailpit")
	if err != nil {
		return nil, err
	}
	smtpPort, err := testbin.FreePort()
	if err != nil {
		return nil, fmt.Errorf("mailpit: %w", err)
	}
	httpPort, err := testbin.FreePort()
	if err != nil {
		return nil, fmt.Errorf("mailpit: %w", err)
	}
	s := &Server{SMTPHost: "127.0.0.1", SMTPPort: smtpPort, API: fmt.Sprintf("http://127.0.0.1:%d", httpPort)}
	args := append([]string{
		"--smtp", fmt.Sprintf("127.0.0.1:%d", smtpPort),
		"--listen", fmt.Sprintf("127.0.0.1:%d", httpPort)},
		auth...)
	cmd := exec.Command(bin, append(args, "--smtp-auth-allow-insecure",
		"--disable-version-check", "--smtp-disable-rdns", "--quiet")...)
	s.proc, err = testbin.Start("mailpit", cmd, func() bool {
		res, err := http.Get(s.API + "/readyz")
		if err != nil {
			return false
		}
		res.Body.Close()
		return res.StatusCode == http.StatusOK
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Stop stops mailpit.
func (s *Server) Stop() { s.proc.Stop() }

// Messages lists the summaries of the mail received, newest first.
func (s *Server) Messages() ([]Message, error) {
	var list struct {
		Messages []Message `json:"messages"`
	}
	if err := s.get("/api/v1/messages?limit=500", &list); err != nil {
		return nil, err
	}
	return list.Messages, nil
}

// Message returns the whole message with this ID, its text and HTML
// bodies included (mailpit gives no Created here; WaitFor fills it).
func (s *Server) Message(id string) (Message, error) {
	var m Message
	err := s.get("/api/v1/message/"+url.PathEscape(id), &m)
	return m, err
}

// WaitFor waits up to limit for a message sent to the address to (any
// case) for which match (nil: any) holds, and returns it whole; the newest
// such message wins.
func (s *Server) WaitFor(to string, limit time.Duration, match func(Message) bool) (Message, error) {
	deadline := time.Now().Add(limit)
	for {
		list, err := s.Messages()
		if err != nil {
			return Message{}, err
		}
		for _, sum := range list {
			if !sum.SentTo(to) {
				continue
			}
			m, err := s.Message(sum.ID)
			if err != nil {
				return Message{}, err
			}
			m.Created = sum.Created // the whole message has only its Date
			if match == nil || match(m) {
				return m, nil
			}
		}
		if time.Now().After(deadline) {
			var seen []string
			for _, m := range list {
				seen = append(seen, fmt.Sprintf("%q to %v at %s", m.Subject, m.To, m.Created.Format(time.RFC3339Nano)))
			}
			return Message{}, fmt.Errorf("mailpit: no matching mail to %s within %s; received: %s", to, limit, strings.Join(seen, "; "))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// DeleteAll deletes every message received so far.
func (s *Server) DeleteAll() error {
	req, err := http.NewRequest(http.MethodDelete, s.API+"/api/v1/messages", nil)
	if err != nil {
		return fmt.Errorf("mailpit: %w", err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("mailpit: delete all: %w", err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("mailpit: delete all: status %d", res.StatusCode)
	}
	return nil
}

// get decodes the JSON answer of the API path into out.
func (s *Server) get(path string, out any) error {
	res, err := http.Get(s.API + path)
	if err != nil {
		return fmt.Errorf("mailpit: GET %s: %w", path, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return fmt.Errorf("mailpit: GET %s: %w", path, err)
	}
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("mailpit: GET %s: status %d: %s", path, res.StatusCode, body)
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("mailpit: GET %s: %w", path, err)
	}
	return nil
}

// Addr is the SMTP server's host:port.
func (s *Server) Addr() string { return net.JoinHostPort(s.SMTPHost, strconv.Itoa(s.SMTPPort)) }
