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
	return signIn(p.URL, "staff", email, password, p.Output, false)
}

// SignIn signs the superuser in and returns the token; it fails if the
// password alone was enough (superusers must have two-step sign-in).
func (p *Portal) SignIn() (string, error) {
	return signIn(p.URL, "_superusers", SuperuserEmail, SuperuserPassword, p.Output, true)
}

// signIn signs email in to the auth collection at the portal at base (e.g.
// http://127.0.0.1:8090) the way a person does: the password, then, if the
// portal asks for a second step (it answers 401 with an mfaId), the
// one-time code it mails, which it prints on its console while no SMTP
// server is set. console returns the portal's output so far; signIn waits
// up to 15 seconds for the code to appear in it. With twoStep, signing in
// with the password alone is an error. It returns the auth token.
func signIn(base, collection, email, password string, console func() string, twoStep bool) (string, error) {
	api := base + "/api/collections/" + collection
	before := console()
	var first struct {
		MfaID string `json:"mfaId"`
		Token string `json:"token"`
	}
	code, err := postJSON(api+"/auth-with-password", map[string]string{"identity": email, "password": password}, &first)
	if err != nil {
		return "", err
	}
	switch {
	case code == http.StatusOK && first.Token != "" && twoStep:
		return "", fmt.Errorf("portaltest: %s signed in with the password alone: two-step sign-in is off", email)
	case code == http.StatusOK && first.Token != "":
		return first.Token, nil
	case code != http.StatusUnauthorized || first.MfaID == "":
		return "", fmt.Errorf("portaltest: sign-in of %s: status %d, no mfaId", email, code)
	}
	var otp struct {
		OtpID string `json:"otpId"`
	}
	if code, err = postJSON(api+"/request-otp", map[string]string{"email": email}, &otp); err != nil {
		return "", err
	}
	if code != http.StatusOK || otp.OtpID == "" {
		return "", fmt.Errorf("portaltest: request-otp for %s: status %d", email, code)
	}
	pass, err := mfalogin.WaitCode(console, len(before), email)
	if err != nil {
		return "", fmt.Errorf("portaltest: %w", err)
	}
	var auth struct {
		Token string `json:"token"`
	}
	code, err = postJSON(api+"/auth-with-otp", map[string]string{"otpId": otp.OtpID, "password": pass, "mfaId": first.MfaID}, &auth)
	if err != nil {
		return "", err
	}
	if code != http.StatusOK || auth.Token == "" {
		return "", fmt.Errorf("portaltest: auth-with-otp for %s: status %d", email, code)
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
