package admin_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin/admintest"
)

// TestHostile11AuthEndpointsAreLimited: every auth endpoint of every auth
// collection (staff and superusers) has its own per-address limit, and the
// request past it is refused with 429 in Vietnamese. One-time codes above
// all: the sixth request for a code within five minutes is refused.
func TestHostile11AuthEndpointsAreLimited(t *testing.T) {
	t.Parallel()
	app := admintest.NewApp(t, nil)
	h := admintest.Handler(t, app)
	admintest.StaffToken(t, app, "editor", "")

	endpoints := []struct {
		method, path, tag, body string
		max                     int // the most a sane limit allows
	}{
		{http.MethodPost, "request-otp", "requestOTP", `{"email":"editor@daison.test"}`, 5},
		{http.MethodPost, "auth-with-otp", "authWithOTP", `{"otpId":"khongco","password":"12345678"}`, 10},
		{http.MethodPost, "auth-with-password", "authWithPassword", `{"identity":"editor@daison.test","password":"sai-mat-khau"}`, 10},
		{http.MethodPost, "request-password-reset", "requestPasswordReset", `{"email":"editor@daison.test"}`, 5},
		{http.MethodPost, "confirm-password-reset", "confirmPasswordReset", `{"token":"x","password":"mot-mat-khau-moi","passwordConfirm":"mot-mat-khau-moi"}`, 10},
		{http.MethodPost, "request-verification", "requestVerification", `{"email":"editor@daison.test"}`, 5},
		{http.MethodPost, "confirm-verification", "confirmVerification", `{"token":"x"}`, 10},
		{http.MethodPost, "request-email-change", "requestEmailChange", `{"newEmail":"moi@daison.test"}`, 5},
		{http.MethodPost, "confirm-email-change", "confirmEmailChange", `{"token":"x","password":"y"}`, 10},
		{http.MethodPost, "auth-refresh", "authRefresh", "", 60},
		{http.MethodGet, "auth-methods", "listAuthMethods", "", 60},
	}
	for _, coll := range []string{"staff", core.CollectionNameSuperusers} {
		for _, ep := range endpoints {
			labels := []string{"*:" + ep.tag}
			if strings.HasPrefix(ep.tag, "authWith") {
				labels = append(labels, "*:auth")
			}
			rule, ok := app.Settings().RateLimits.FindRateLimitRule(labels, "", core.RateLimitRuleAudienceGuest)
			if !ok || rule.MaxRequests > ep.max || rule.Duration < 60 {
				t.Errorf("%s %s: rule %+v, want at most %d requests a minute or more", coll, ep.path, rule, ep.max)
				continue
			}
			url := "/api/collections/" + coll + "/" + ep.path
			for i := 1; i <= rule.MaxRequests; i++ {
				if code, body := admintest.Do(h, ep.method, url, "", ep.body); code == http.StatusTooManyRequests {
					t.Fatalf("%s: request %d of %d refused: %s", url, i, rule.MaxRequests, body)
				}
			}
			code, body := admintest.Do(h, ep.method, url, "", ep.body)
			var answer struct {
				Message string `json:"message"`
			}
			_ = json.Unmarshal([]byte(body), &answer)
			if code != http.StatusTooManyRequests || !strings.Contains(answer.Message, "quá nhiều") {
				t.Errorf("%s: request %d: %d %s, want 429 in Vietnamese", url, rule.MaxRequests+1, code, body)
			}
		}
	}
	// The limit on codes says what is limited.
	_, body := admintest.Do(h, http.MethodPost, "/api/collections/staff/request-otp", "", `{"email":"editor@daison.test"}`)
	if !strings.Contains(body, "yêu cầu gửi mã đăng nhập quá nhiều lần") {
		t.Errorf("request-otp past the limit: %s", body)
	}
}

// TestLoginLockout: after ten tries in a minute from one address, logins are
// refused with 429 and a Vietnamese message saying how long to wait.
func TestLoginLockout(t *testing.T) {
	t.Parallel()
	w := admintest.NewWorld(t)
	var code int
	var body string
	for i := 0; i < 11; i++ {
		code, body = admintest.Do(w.H, http.MethodPost, "/api/collections/staff/auth-with-password", "",
			`{"identity":"editor@daison.test","password":"sai-mat-khau"}`)
	}
	if code != 429 || !strings.Contains(body, "tạm thời bị khóa") {
		t.Fatalf("11th failed login: %d %s", code, body)
	}
}

// TestStaffLimitedPerAccount: staff of one office (one address) saving in
// a burst are not held by the citizens' per-address limit of creates (20
// in 5 seconds): 50 articles saved at once all go in. Each account has its
// own generous limit: past it, that account gets 429 in Vietnamese while
// another account at the same address goes on; anonymous creates still
// count per address.
func TestStaffLimitedPerAccount(t *testing.T) {
	t.Parallel()
	w := admintest.NewWorld(t)
	editor := w.Tokens[admintest.Editor]
	for i := 1; i <= 50; i++ {
		body := fmt.Sprintf(`{"title":"Bài viết số %d trong một loạt","summary":"Tóm tắt.","body":"Nội dung.","category":"tuyen-truyen","status":"draft"}`, i)
		if code, answer := admintest.Do(w.H, http.MethodPost, "/api/collections/articles/records", editor, body); code != http.StatusOK {
			t.Fatalf("staff create %d of 50: %d %s", i, code, answer)
		}
	}

	// The editor's writes past the per-account limit (a delete of nothing
	// still counts: the limit comes before the handler).
	refused := 0
	var last string
	for i := 0; i < 130; i++ {
		code, body := admintest.Do(w.H, http.MethodDelete, "/api/collections/articles/records/khongcobanghi", editor, "")
		if code == http.StatusTooManyRequests {
			refused++
			last = body
		}
	}
	if refused == 0 || refused == 130 || !strings.Contains(last, "Tài khoản của bạn đã gửi quá nhiều yêu cầu") {
		t.Fatalf("an account's burst of writes: %d refused, last %s", refused, last)
	}
	// Another account at the same address is not held.
	if code, body := admintest.Do(w.H, http.MethodDelete, "/api/collections/articles/records/khongcobanghi", w.Tokens[admintest.Reviewer], ""); code == http.StatusTooManyRequests {
		t.Fatalf("another staff account held by the editor's limit: %s", body)
	}

	// Anonymous creates: still 20 in 5 seconds per address.
	refused = 0
	for i := 0; i < 25; i++ {
		code, _ := admintest.Do(w.H, http.MethodPost, "/api/collections/articles/records", "", `{"title":"x"}`)
		if code == http.StatusTooManyRequests {
			refused++
		}
	}
	if refused == 0 {
		t.Fatal("25 anonymous creates from one address: none refused")
	}
}
