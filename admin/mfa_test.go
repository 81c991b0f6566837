package admin_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin"
	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/mfalogin"
	"github.com/daison/portal/internal/schema"
)

// TestSuperuserMFA: a superuser's password alone opens nothing; the
// one-time code, printed on the console while no SMTP server is set, does;
// a wrong code is refused; the audit log has both steps of the sign-in
// (PocketBase refuses a wrong code before the auth hooks run, so that
// refusal is not in the log).
func TestSuperuserMFA(t *testing.T) {
	t.Parallel()
	var console mfalogin.Console
	app := admintest.NewAppWith(t, admin.Options{MailLog: &console})
	h := admintest.Handler(t, app)

	c, err := app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
	if err != nil {
		t.Fatal(err)
	}
	su := core.NewRecord(c)
	su.SetEmail("it@daison.test")
	su.SetPassword("mat-khau-quan-tri-2026")
	if err := app.Save(su); err != nil {
		t.Fatal(err)
	}

	code, body := admintest.Do(h, http.MethodPost, "/api/collections/_superusers/auth-with-password", "",
		`{"identity":"it@daison.test","password":"mat-khau-quan-tri-2026"}`)
	var first struct {
		MfaID string `json:"mfaId"`
		Token string `json:"token"`
	}
	_ = json.Unmarshal([]byte(body), &first)
	if code != http.StatusUnauthorized || first.MfaID == "" || first.Token != "" {
		t.Fatalf("password step: %d %s; want 401 with an mfaId and no token", code, body)
	}

	code, body = admintest.Do(h, http.MethodPost, "/api/collections/_superusers/request-otp", "", `{"email":"it@daison.test"}`)
	var otp struct {
		OtpID string `json:"otpId"`
	}
	_ = json.Unmarshal([]byte(body), &otp)
	if code != http.StatusOK || otp.OtpID == "" {
		t.Fatalf("request-otp: %d %s", code, body)
	}
	var pass string
	for deadline := time.Now().Add(10 * time.Second); pass == ""; time.Sleep(20 * time.Millisecond) {
		pass, _ = mfalogin.LastCode(console.String())
		if time.Now().After(deadline) {
			t.Fatalf("no code on the console:\n%s", console.String())
		}
	}
	if out := console.String(); !strings.Contains(out, "Gửi tới: it@daison.test") || !strings.Contains(out, "chưa cấu hình máy chủ SMTP") {
		t.Errorf("console mail does not say to whom or why:\n%s", out)
	}

	wrong := "00000000"
	if pass == wrong {
		wrong = "11111111"
	}
	code, body = admintest.Do(h, http.MethodPost, "/api/collections/_superusers/auth-with-otp", "",
		`{"otpId":"`+otp.OtpID+`","password":"`+wrong+`","mfaId":"`+first.MfaID+`"}`)
	if code != http.StatusBadRequest {
		t.Errorf("wrong code: %d %s; want 400", code, body)
	}
	code, body = admintest.Do(h, http.MethodPost, "/api/collections/_superusers/auth-with-otp", "",
		`{"otpId":"`+otp.OtpID+`","password":"`+pass+`","mfaId":"`+first.MfaID+`"}`)
	if code != http.StatusOK || !strings.Contains(body, `"token":"`) {
		t.Fatalf("code step: %d %s", code, body)
	}

	var actions []string
	entries, err := app.FindRecordsByFilter(schema.AuditLog, "actorKind = '_superusers'", "created", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		actions = append(actions, e.GetString("action"))
	}
	if got, want := strings.Join(actions, " "), "login_mfa login"; got != want {
		t.Errorf("audit log: %s, want %s", got, want)
	}
}
