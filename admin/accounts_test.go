package admin_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin"
	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/mfalogin"
	"github.com/daison/portal/internal/schema"
)

// TestHostile14EasyPasswordsRefused: IT cannot give a staff member or a
// superuser a password of one repeated character, a run of digits or a
// common password, nor can staff set one on their own account; the field
// says why in Vietnamese.
func TestHostile14EasyPasswordsRefused(t *testing.T) {
	t.Parallel()
	app := admintest.NewApp(t, nil)
	h := admintest.Handler(t, app)
	su := admintest.SuperuserToken(t, app)
	editorToken := admintest.StaffToken(t, app, "editor", "")
	editorRec, err := app.FindAuthRecordByEmail(schema.Staff, "editor@daison.test")
	if err != nil {
		t.Fatal(err)
	}

	fieldMessage := func(body string) string {
		var m struct {
			Data map[string]struct {
				Message string `json:"message"`
			} `json:"data"`
		}
		_ = json.Unmarshal([]byte(body), &m)
		return m.Data["password"].Message
	}
	for _, pw := range []string{"aaaaaaaaaa", "1234567890", "12345678910", "Nguyen Van Lan"} {
		code, body := admintest.Do(h, http.MethodPost, "/api/collections/staff/records", su,
			`{"email":"lan@daison.test","password":"`+pw+`","passwordConfirm":"`+pw+`","name":"Nguyễn Văn Lan","role":"editor"}`)
		if msg := fieldMessage(body); code != http.StatusBadRequest || !strings.HasPrefix(msg, "Mật khẩu") {
			t.Errorf("staff created with %q: %d %s", pw, code, body)
		}
	}
	for _, pw := range []string{"matkhau123", "abc@123456789", "daison12345"} {
		code, body := admintest.Do(h, http.MethodPatch, "/api/collections/staff/records/"+editorRec.Id, editorToken,
			`{"oldPassword":"mat-khau-nhan-vien-1","password":"`+pw+`","passwordConfirm":"`+pw+`"}`)
		if msg := fieldMessage(body); code != http.StatusBadRequest || !strings.HasPrefix(msg, "Mật khẩu") {
			t.Errorf("own password set to %q: %d %s", pw, code, body)
		}
	}
	code, body := admintest.Do(h, http.MethodPost, "/api/collections/staff/records", su,
		`{"email":"lan@daison.test","password":"lúa chín vàng đồng quê","passwordConfirm":"lúa chín vàng đồng quê","name":"Nguyễn Văn Lan","role":"editor"}`)
	if code != http.StatusOK {
		t.Errorf("a passphrase refused: %d %s", code, body)
	}

	c, err := app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
	if err != nil {
		t.Fatal(err)
	}
	it := core.NewRecord(c)
	it.SetEmail("it2@daison.test")
	it.SetPassword("0000000000")
	if err := app.Save(it); err == nil || !strings.Contains(admin.Explain(err), "password: Mật khẩu") {
		t.Errorf("superuser saved with 0000000000: %v", err)
	}
}

// signIn runs the back office's sign-in against h: the password, then, if
// asked, a code read from console. It returns the token, or the status and
// body of the step that failed.
func signIn(t *testing.T, h http.Handler, console *mfalogin.Console, email, pass string) (token string, mfa bool) {
	t.Helper()
	code, body := admintest.Do(h, http.MethodPost, "/api/collections/staff/auth-with-password", "",
		`{"identity":"`+email+`","password":"`+pass+`"}`)
	var first struct {
		Token string `json:"token"`
		MfaID string `json:"mfaId"`
	}
	_ = json.Unmarshal([]byte(body), &first)
	if code == http.StatusOK && first.Token != "" {
		return first.Token, false
	}
	if code != http.StatusUnauthorized || first.MfaID == "" {
		t.Fatalf("password step of %s: %d %s", email, code, body)
	}
	before := console.Len()
	code, body = admintest.Do(h, http.MethodPost, "/api/collections/staff/request-otp", "", `{"email":"`+email+`"}`)
	var otp struct {
		OtpID string `json:"otpId"`
	}
	_ = json.Unmarshal([]byte(body), &otp)
	if code != http.StatusOK || otp.OtpID == "" {
		t.Fatalf("request-otp for %s: %d %s", email, code, body)
	}
	pass2, err := mfalogin.WaitCode(console.String, before, email)
	if err != nil {
		t.Fatalf("%v:\n%s", err, console.String())
	}
	code, body = admintest.Do(h, http.MethodPost, "/api/collections/staff/auth-with-otp", "",
		`{"otpId":"`+otp.OtpID+`","password":"`+pass2+`","mfaId":"`+first.MfaID+`"}`)
	var auth struct {
		Token string `json:"token"`
	}
	_ = json.Unmarshal([]byte(body), &auth)
	if code != http.StatusOK || auth.Token == "" {
		t.Fatalf("code step of %s: %d %s", email, code, body)
	}
	return auth.Token, true
}

// TestHostile14ReviewersNeedTwoSteps: a reviewer's password alone opens
// nothing, the mailed code does; an editor signs in with the password
// until they turn two-step sign-in on for their own account, and may not
// turn their role or email with it; a code alone never signs anyone in.
func TestHostile14ReviewersNeedTwoSteps(t *testing.T) {
	t.Parallel()
	var console mfalogin.Console
	app := admintest.NewAppWith(t, admin.Options{MailLog: &console})
	h := admintest.Handler(t, app)
	admintest.StaffToken(t, app, "reviewer", "")
	admintest.StaffToken(t, app, "editor", "")
	const pass = "mat-khau-nhan-vien-1"

	if _, mfa := signIn(t, h, &console, "reviewer@daison.test", pass); !mfa {
		t.Errorf("a reviewer signed in with the password alone")
	}
	token, mfa := signIn(t, h, &console, "editor@daison.test", pass)
	if mfa {
		t.Errorf("an editor without two-step sign-in was asked for a code")
	}
	rec, err := app.FindAuthRecordByEmail(schema.Staff, "editor@daison.test")
	if err != nil {
		t.Fatal(err)
	}
	url := "/api/collections/staff/records/" + rec.Id
	if code, body := admintest.Do(h, http.MethodPatch, url, token, `{"mfa":true,"role":"reviewer"}`); code == http.StatusOK {
		t.Errorf("an editor made themself reviewer: %s", body)
	}
	if code, body := admintest.Do(h, http.MethodPatch, url, token, `{"mfa":true}`); code != http.StatusOK || !strings.Contains(body, `"mfa":true`) {
		t.Fatalf("an editor cannot turn two-step sign-in on: %d %s", code, body)
	}
	if _, mfa := signIn(t, h, &console, "editor@daison.test", pass); !mfa {
		t.Errorf("two-step sign-in turned on, yet the password alone signed in")
	}

	// A code alone, without the password step before it.
	admintest.StaffToken(t, app, "unitReporter", "")
	before := console.Len()
	code, body := admintest.Do(h, http.MethodPost, "/api/collections/staff/request-otp", "", `{"email":"unitReporter@daison.test"}`)
	var otp struct {
		OtpID string `json:"otpId"`
	}
	if err := json.Unmarshal([]byte(body), &otp); code != http.StatusOK || err != nil || otp.OtpID == "" {
		t.Fatalf("request a code: %d %s", code, body)
	}
	sent, err := mfalogin.WaitCode(console.String, before, "unitReporter@daison.test")
	if err != nil {
		t.Fatal(err)
	}
	code, body = admintest.Do(h, http.MethodPost, "/api/collections/staff/auth-with-otp", "",
		`{"otpId":"`+otp.OtpID+`","password":"`+sent+`"}`)
	if code == http.StatusOK || strings.Contains(body, `"token"`) || !strings.Contains(body, "mật khẩu trước") {
		t.Errorf("a code alone: %d %s", code, body)
	}
}

// TestHostile14LogoutEndsTheSession: after signing out, the token that was
// used, and any other token of the account, opens nothing; for staff and
// superusers alike.
func TestHostile14LogoutEndsTheSession(t *testing.T) {
	t.Parallel()
	app := admintest.NewApp(t, nil)
	h := admintest.Handler(t, app)
	editorToken := admintest.StaffToken(t, app, "editor", "")
	rec, err := app.FindAuthRecordByEmail(schema.Staff, "editor@daison.test")
	if err != nil {
		t.Fatal(err)
	}
	second, err := rec.NewAuthToken() // another browser
	if err != nil {
		t.Fatal(err)
	}
	su := admintest.SuperuserToken(t, app)

	for _, c := range []struct{ name, coll, token, other string }{
		{"staff", "staff", editorToken, second},
		{"superuser", core.CollectionNameSuperusers, su, ""},
	} {
		refresh := "/api/collections/" + c.coll + "/auth-refresh"
		if code, body := admintest.Do(h, http.MethodPost, refresh, c.token, ""); code != http.StatusOK {
			t.Fatalf("%s: the token does not work before logout: %d %s", c.name, code, body)
		}
		if code, body := admintest.Do(h, http.MethodPost, "/api/portal/logout", c.token, ""); code != http.StatusNoContent {
			t.Fatalf("%s: logout: %d %s", c.name, code, body)
		}
		for _, tok := range []string{c.token, c.other} {
			if tok == "" {
				continue
			}
			if code, body := admintest.Do(h, http.MethodPost, refresh, tok, ""); code != http.StatusUnauthorized {
				t.Errorf("%s: a token still works after logout: %d %s", c.name, code, body)
			}
		}
	}
	if code, _ := admintest.Do(h, http.MethodPost, "/api/portal/logout", "", ""); code != http.StatusUnauthorized {
		t.Errorf("anonymous logout: %d, want 401", code)
	}
}

// TestSignInAlertInVietnamese: the mail PocketBase sends when a staff
// member signs in from a new device speaks Vietnamese.
func TestSignInAlertInVietnamese(t *testing.T) {
	t.Parallel()
	var console mfalogin.Console
	app := admintest.NewAppWith(t, admin.Options{MailLog: &console})
	h := admintest.Handler(t, app)
	admintest.StaffToken(t, app, "editor", "")
	for _, agent := range []string{"Firefox", "Chrome"} {
		req := httptest.NewRequest(http.MethodPost, "/api/collections/staff/auth-with-password",
			strings.NewReader(`{"identity":"editor@daison.test","password":"mat-khau-nhan-vien-1"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("User-Agent", agent)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Fatalf("sign-in from %s: %d %s", agent, rec.Code, rec.Body.String())
		}
	}
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(console.String(), "Gửi tới: editor@daison.test"); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no alert mailed:\n%s", console.String())
		}
	}
	out := console.String()
	if !strings.Contains(out, "vừa được đăng nhập từ một thiết bị hoặc địa chỉ mới") || strings.Contains(out, "new location") {
		t.Errorf("the alert:\n%s", out)
	}
}
