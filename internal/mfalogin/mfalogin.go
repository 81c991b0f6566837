// Package mfalogin reads the one-time sign-in codes of superusers (who sign
// in in two steps: password, then a code sent by mail) from the mail the
// portal prints on its console while no SMTP server is set, and collects
// that console. The tests of admin and internal/portaltest (which signs in
// to the real binary) use it; it is test tooling, never part of the portal.
package mfalogin

import (
	"bytes"
	"regexp"
	"sync"
)

// codeInMail matches the code in the superusers' sign-in mail (the template
// is set by admin/migrations/1780000700_superuser_mfa.go).
var codeInMail = regexp.MustCompile(`Mã đăng nhập một lần của bạn là: (\d+)`)

// LastCode returns the last sign-in code printed in console, if any.
func LastCode(console string) (string, bool) {
	all := codeInMail.FindAllStringSubmatch(console, -1)
	if len(all) == 0 {
		return "", false
	}
	return all[len(all)-1][1], true
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
