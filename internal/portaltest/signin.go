package portaltest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/daison/portal/internal/mfalogin"
)

// Every sign-in of the tests is made here: a change of how people sign in
// (a second step for some role) is made once.

// Staff is a back office account.
type Staff struct {
	Email, Password, Name string
	Role                  string // editor, reviewer or unitReporter
	Unit                  string // the slug of a unitReporter's unit
}

// UpsertStaff creates the account, or updates the one with its email, with
// "portal staff upsert", as IT does.
func (p *Portal) UpsertStaff(s Staff) error {
	args := []string{"staff", "upsert", s.Email, s.Password, "--name", s.Name, "--role", s.Role}
	if s.Unit != "" {
		args = append(args, "--unit", s.Unit)
	}
	_, err := p.Run(args...)
	return err
}

// StaffToken signs a staff member in through the API, as the back office
// does, and returns the token.
func (p *Portal) StaffToken(email, password string) (string, error) {
	return signIn(p.URL, "staff", email, password, p.consoleCode(email), false)
}

// SignIn signs the superuser in and returns the token; it fails if the
// password alone was enough (superusers must have two-step sign-in).
func (p *Portal) SignIn() (string, error) {
	return signIn(p.URL, "_superusers", SuperuserEmail, SuperuserPassword, p.consoleCode(SuperuserEmail), true)
}

// SignInWith signs email in to the auth collection ("_superusers" or
// "staff") like SignIn, taking the one-time code, when one is asked for,
// from code: for a portal with an SMTP server, the mail as delivered
// (internal/mailpit). With twoStep, the password alone is an error.
func (p *Portal) SignInWith(collection, email, password string, twoStep bool, code func() (string, error)) (string, error) {
	return signIn(p.URL, collection, email, password, code, twoStep)
}

// consoleCode returns a reader of the next sign-in code for email that the
// portal prints on its console (no SMTP server set), from now on.
func (p *Portal) consoleCode(email string) func() (string, error) {
	before := len(p.Output())
	return func() (string, error) { return mfalogin.WaitCode(p.Output, before, email) }
}

// signIn signs email in to the auth collection at the portal at base (e.g.
// http://127.0.0.1:8090) the way a person does: the password, then, if the
// portal asks for a second step (it answers 401 with an mfaId), the
// one-time code it mails, which code returns (it waits for the mail). With
// twoStep, signing in with the password alone is an error. It returns the
// auth token.
func signIn(base, collection, email, password string, code func() (string, error), twoStep bool) (string, error) {
	api := base + "/api/collections/" + collection
	var first struct {
		MfaID string `json:"mfaId"`
		Token string `json:"token"`
	}
	status, err := postJSON(api+"/auth-with-password", map[string]string{"identity": email, "password": password}, &first)
	if err != nil {
		return "", err
	}
	switch {
	case status == http.StatusOK && first.Token != "" && twoStep:
		return "", fmt.Errorf("portaltest: %s signed in with the password alone: two-step sign-in is off", email)
	case status == http.StatusOK && first.Token != "":
		return first.Token, nil
	case status != http.StatusUnauthorized || first.MfaID == "":
		return "", fmt.Errorf("portaltest: sign-in of %s: status %d, no mfaId", email, status)
	}
	var otp struct {
		OtpID string `json:"otpId"`
	}
	if status, err = postJSON(api+"/request-otp", map[string]string{"email": email}, &otp); err != nil {
		return "", err
	}
	if status != http.StatusOK || otp.OtpID == "" {
		return "", fmt.Errorf("portaltest: request-otp for %s: status %d", email, status)
	}
	pass, err := code()
	if err != nil {
		return "", fmt.Errorf("portaltest: %w", err)
	}
	var auth struct {
		Token string `json:"token"`
	}
	status, err = postJSON(api+"/auth-with-otp", map[string]string{"otpId": otp.OtpID, "password": pass, "mfaId": first.MfaID}, &auth)
	if err != nil {
		return "", err
	}
	if status != http.StatusOK || auth.Token == "" {
		return "", fmt.Errorf("portaltest: auth-with-otp for %s: status %d", email, status)
	}
	return auth.Token, nil
}

// postJSON sends body as JSON and decodes a JSON answer into out.
func postJSON(url string, body, out any) (int, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return 0, fmt.Errorf("portaltest: POST %s: %w", url, err)
	}
	res, err := http.Post(url, "application/json", bytes.NewReader(b))
	if err != nil {
		return 0, fmt.Errorf("portaltest: POST %s: %w", url, err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return res.StatusCode, fmt.Errorf("portaltest: POST %s: %w", url, err)
	}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, out); err != nil {
			return res.StatusCode, fmt.Errorf("portaltest: POST %s: %w: %s", url, err, raw)
		}
	}
	return res.StatusCode, nil
}
