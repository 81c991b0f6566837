// Package mfalogin reads the one-time sign-in codes (of superusers, of
// reviewers and of staff who turned two-step sign-in on) from the mail the
// portal prints on its console while no SMTP server is set, and collects
// that console. The tests of admin and internal/portaltest (which signs in
// to the real binary) use it; it is test tooling, never part of the portal.
package mfalogin

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"
)

// codeInMail matches the code in the sign-in mail (the template is set by
// migrations/1780001000_staff_sign_in.go, for superusers and staff).
var codeInMail = regexp.MustCompile(`Mã đăng nhập một lần của bạn là: (\d+)`)

// LastCode returns the last sign-in code printed in console, if any.
func LastCode(console string) (string, bool) {
	all := codeInMail.FindAllStringSubmatch(console, -1)
	if len(all) == 0 {
		return "", false
	}
	return all[len(all)-1][1], true
}

// mailStart begins each mail the portal prints (admin/mail.go).
const mailStart = "── Thư chưa gửi được"

// LastCodeFor returns the last sign-in code printed in console for the
// account with this email, if any: other people's codes are skipped.
func LastCodeFor(console, email string) (string, bool) {
	mails := strings.Split(console, mailStart)
	for i := len(mails) - 1; i > 0; i-- {
		if strings.Contains(mails[i], "Gửi tới: "+email+"\n") {
			if c, ok := LastCode(mails[i]); ok {
				return c, true
			}
		}
	}
	return "", false
}

// WaitCode waits up to 15 seconds for a sign-in code for email to appear
// in what console returns past its first skip bytes.
func WaitCode(console func() string, skip int, email string) (string, error) {
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		out := console()
		if skip <= len(out) {
			if c, ok := LastCodeFor(out[skip:], email); ok {
				return c, nil
			}
		}
		if time.Now().After(deadline) {
			return "", fmt.Errorf("no sign-in code for %s printed on the portal's console", email)
		}
	}
}

// Console collects a portal process's output; it is safe to read while the
// process writes (exec copies a pipe into it from its own goroutine).
type Console struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write appends p.
func (c *Console) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.Write(p)
}

// String returns everything written so far.
func (c *Console) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.String()
}

// Len returns the number of bytes written so far.
func (c *Console) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.Len()
}
