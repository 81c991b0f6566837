// Package mfalogin signs a superuser or a staff member in to a running
// portal the way a person does since they have two-step sign-in (issue 8
// for superusers, issue 11 for reviewers and staff who turn it on):
// password, then the one-time code from the mail the portal prints on its
// console while no SMTP server is set. The site and end-to-end tests use it
// against the real binary; it is test tooling, never part of the portal.
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

// codeInMail matches the code in the sign-in mail (the template is set by
// admin/migrations/1780001000_staff_sign_in.go, for superusers and staff).
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

// Login signs a superuser in at the portal at base (e.g.
// http://127.0.0.1:8090) and returns the auth token; a superuser's
// password alone must not be enough. console returns the portal's output
// so far; Login waits up to 15 seconds for the mailed code to appear in it.
func Login(base, email, password string, console func() string) (string, error) {
	token, twoSteps, err := LoginAs(base, "_superusers", email, password, console)
	if err == nil && !twoSteps {
		return "", fmt.Errorf("superuser signed in with the password alone: MFA is off")
	}
	return token, err
}

// LoginAs signs email in to an auth collection ("staff", "_superusers")
// with its password, then with the mailed code if the portal asks for
// one, and returns the token and whether a code was needed.
func LoginAs(base, collection, email, password string, console func() string) (token string, twoSteps bool, err error) {
	api := base + "/api/collections/" + collection
	skip := len(console())
	var first struct {
		MfaID string `json:"mfaId"`
		Token string `json:"token"`
	}
	code, err := post(api+"/auth-with-password", map[string]string{"identity": email, "password": password}, &first)
	if err != nil {
		return "", false, err
	}
	if code == http.StatusOK && first.Token != "" {
		return first.Token, false, nil
	}
	if code != http.StatusUnauthorized || first.MfaID == "" {
		return "", false, fmt.Errorf("password step: status %d, no mfaId", code)
	}
	var otp struct {
		OtpID string `json:"otpId"`
	}
	if code, err = post(api+"/request-otp", map[string]string{"email": email}, &otp); err != nil {
		return "", true, err
	}
	if code != http.StatusOK || otp.OtpID == "" {
		return "", true, fmt.Errorf("request-otp: status %d", code)
	}
	pass, err := WaitCode(console, skip, email)
	if err != nil {
		return "", true, err
	}
	var auth struct {
		Token string `json:"token"`
	}
	code, err = post(api+"/auth-with-otp", map[string]string{"otpId": otp.OtpID, "password": pass, "mfaId": first.MfaID}, &auth)
	if err != nil {
		return "", true, err
	}
	if code != http.StatusOK || auth.Token == "" {
		return "", true, fmt.Errorf("auth-with-otp: status %d", code)
	}
	return auth.Token, true, nil
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
