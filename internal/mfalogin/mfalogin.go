// Package mfalogin signs a superuser in to a running portal the way a person
// does since superusers have two-step sign-in (issue 8): password, then the
// one-time code from the mail the portal prints on its console while no SMTP
// server is set. The site and end-to-end tests use it against the real
// binary; it is test tooling, never part of the portal.
package mfalogin

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"
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

// Login signs email in at the portal at base (e.g. http://127.0.0.1:8090)
// and returns the auth token. console returns the portal's output so far;
// Login waits up to 15 seconds for the mailed code to appear in it.
func Login(base, email, password string, console func() string) (string, error) {
	before := console()
	var first struct {
		MfaID string `json:"mfaId"`
		Token string `json:"token"`
	}
	code, err := post(base+"/api/collections/_superusers/auth-with-password",
		map[string]string{"identity": email, "password": password}, &first)
	if err != nil {
		return "", err
	}
	if code == http.StatusOK && first.Token != "" {
		return "", fmt.Errorf("superuser signed in with the password alone: MFA is off")
	}
	if code != http.StatusUnauthorized || first.MfaID == "" {
		return "", fmt.Errorf("password step: status %d, no mfaId", code)
	}
	var otp struct {
		OtpID string `json:"otpId"`
	}
	if code, err = post(base+"/api/collections/_superusers/request-otp", map[string]string{"email": email}, &otp); err != nil {
		return "", err
	}
	if code != http.StatusOK || otp.OtpID == "" {
		return "", fmt.Errorf("request-otp: status %d", code)
	}
	var pass string
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if c, ok := LastCode(strings.TrimPrefix(console(), before)); ok {
			pass = c
			break
		}
		if time.Now().After(deadline) {
			return "", fmt.Errorf("no sign-in code printed on the portal's console")
		}
	}
	var auth struct {
		Token string `json:"token"`
	}
	code, err = post(base+"/api/collections/_superusers/auth-with-otp",
		map[string]string{"otpId": otp.OtpID, "password": pass, "mfaId": first.MfaID}, &auth)
	if err != nil {
		return "", err
	}
	if code != http.StatusOK || auth.Token == "" {
		return "", fmt.Errorf("auth-with-otp: status %d", code)
	}
	return auth.Token, nil
}

// post sends body as JSON and decodes a JSON answer into out.
func post(url string, body, out any) (int, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return 0, err
	}
	res, err := http.Post(url, "application/json", bytes.NewReader(b))
	if err != nil {
		return 0, fmt.Errorf("POST %s: %w", url, err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return res.StatusCode, fmt.Errorf("POST %s: %w", url, err)
	}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, out); err != nil {
			return res.StatusCode, fmt.Errorf("POST %s: %w: %s", url, err, raw)
		}
	}
	return res.StatusCode, nil
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
