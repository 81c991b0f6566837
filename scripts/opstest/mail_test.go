// Package opstest tests the portal put into service, with the real binary
// (internal/portaltest) and real servers started by the tests: mail through
// mailpit, the static site on an S3 server (versitygw), a reverse proxy
// (nginx), replication and restore of the database.
package opstest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/daison/portal/internal/browsertest"
	"github.com/daison/portal/internal/mailpit"
	"github.com/daison/portal/internal/mfalogin"
	"github.com/daison/portal/internal/portaltest"
)

// appName is the portal's name in its mail before a commune is set up
// (migration 1780000700); saving the commune's identity renames it
// (admin/setup, tested there).
const appName = "Cổng cải cách hành chính"

var tags = regexp.MustCompile(`<[^>]*>`)

// codeFromMail returns a reader of the next sign-in code mailed to email
// after now, as delivered to mp.
func codeFromMail(t *testing.T, mp *mailpit.Server, email string) func() (string, error) {
	since := time.Now().Add(-time.Second)
	return func() (string, error) {
		m, err := mp.WaitFor(email, 20*time.Second, func(m mailpit.Message) bool {
			return m.Created.After(since) && strings.HasPrefix(m.Subject, "Mã đăng nhập")
		})
		if err != nil {
			return "", err
		}
		checkVietnamese(t, m)
		code, ok := mfalogin.LastCode(tags.ReplaceAllString(m.HTML, ""))
		if !ok {
			return "", fmt.Errorf("no code in the mail %q: %s", m.Subject, m.HTML)
		}
		return code, nil
	}
}

// checkVietnamese fails t if the mail m is not the portal's Vietnamese
// mail: its name in the subject and the body, none of PocketBase's
// English.
func checkVietnamese(t *testing.T, m mailpit.Message) {
	t.Helper()
	if !strings.Contains(m.Subject, appName) || !strings.Contains(m.HTML, appName) {
		t.Errorf("mail %q does not name the portal %q:\n%s", m.Subject, appName, m.HTML)
	}
	if !strings.Contains(m.HTML, "Xin chào") {
		t.Errorf("mail %q does not greet in Vietnamese:\n%s", m.Subject, m.HTML)
	}
	for _, en := range []string{"Hello", "Thanks", "team", "Acme", "Click", "Verify", "Reset"} {
		if strings.Contains(m.Subject+m.HTML, en) {
			t.Errorf("mail %q has the English %q:\n%s", m.Subject, en, m.HTML)
		}
	}
	if m.From == nil || m.From.Address != "caicach@daison.test" {
		t.Errorf("mail %q from %+v, want caicach@daison.test", m.Subject, m.From)
	}
}

// publicURL is the public address the mail test's portal is given: its
// mail must link there, never to the address it listens at.
const publicURL = "https://caicach.daison.test/"

// A portal given a real SMTP server on its command line sends every mail
// there, in Vietnamese with the portal's name: a superuser and a reviewer
// sign in with the code read from the delivered mail; password reset,
// verification and email change mails arrive too, linking to --base-url:
// a superuser's to PocketBase's dashboard, staff's to the back office;
// nothing is printed on the console instead.
func TestMailThroughSMTP(t *testing.T) {
	mp := mailpit.Start(t)
	p := portaltest.Start(t, portaltest.Options{Args: []string{"--base-url", publicURL,
		"--smtp-host", mp.SMTPHost, "--smtp-port", strconv.Itoa(mp.SMTPPort), "--mail-from", "caicach@daison.test"}})

	suToken, err := p.SignInWith("_superusers", portaltest.SuperuserEmail, portaltest.SuperuserPassword, true,
		codeFromMail(t, mp, portaltest.SuperuserEmail))
	if err != nil {
		t.Fatalf("superuser sign-in with the mailed code: %v", err)
	}

	reviewer := portaltest.Staff{Email: "thuy.reviewer@daison.test", Password: "mat-khau-can-bo-9", Name: "Lê Thị Thủy", Role: "reviewer"}
	if err := p.UpsertStaff(reviewer); err != nil {
		t.Fatal(err)
	}
	token, err := p.SignInWith("staff", reviewer.Email, reviewer.Password, true, codeFromMail(t, mp, reviewer.Email))
	if err != nil {
		t.Fatalf("reviewer sign-in with the mailed code: %v", err)
	}

	// The other mails PocketBase sends.
	post := func(path, auth string, body map[string]any) {
		t.Helper()
		b, _ := json.Marshal(body)
		req, _ := http.NewRequest(http.MethodPost, p.URL+path, bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusNoContent && res.StatusCode != http.StatusOK {
			t.Fatalf("POST %s: status %d", path, res.StatusCode)
		}
	}
	// A member IT added without confirming the address, to verify.
	post("/api/collections/staff/records", suToken, map[string]any{"email": "moi@daison.test", "password": "mat-khau-can-bo-8",
		"passwordConfirm": "mat-khau-can-bo-8", "name": "Trần Văn Mới", "role": "editor", "verified": false})
	post("/api/collections/_superusers/request-password-reset", "", map[string]any{"email": portaltest.SuperuserEmail})
	post("/api/collections/staff/request-verification", "", map[string]any{"email": "moi@daison.test"})
	post("/api/collections/staff/request-email-change", token, map[string]any{"newEmail": "thuy.moi@daison.test"})
	post("/api/collections/staff/request-password-reset", "", map[string]any{"email": reviewer.Email})
	links := map[string]string{}
	for _, want := range []struct{ to, subject, link string }{
		{portaltest.SuperuserEmail, "Đặt lại mật khẩu – ", "_/#/auth/confirm-password-reset/"},
		{reviewer.Email, "Đặt lại mật khẩu – ", "quan-tri/dat-lai-mat-khau#"},
		{"moi@daison.test", "Xác nhận địa chỉ thư điện tử – ", "quan-tri/xac-nhan-email#"},
		{"thuy.moi@daison.test", "Xác nhận địa chỉ thư điện tử mới – ", "quan-tri/doi-email#"},
	} {
		m, err := mp.WaitFor(want.to, 20*time.Second, func(m mailpit.Message) bool { return strings.HasPrefix(m.Subject, want.subject) })
		if err != nil {
			t.Fatalf("%s: %v", want.subject, err)
		}
		checkVietnamese(t, m)
		link := regexp.MustCompile(`href="` + regexp.QuoteMeta(publicURL+want.link) + `([\w.-]{20,})"`).FindStringSubmatch(m.HTML)
		if link == nil {
			t.Errorf("mail %q to %s has no link to %s%s<token>:\n%s", m.Subject, want.to, publicURL, want.link, m.HTML)
			continue
		}
		links[want.link] = link[1]
	}
	if token := links["quan-tri/dat-lai-mat-khau#"]; token != "" {
		resetInBackOffice(t, p, reviewer.Email, token)
	}
	if token := links["quan-tri/xac-nhan-email#"]; token != "" {
		verifyInBackOffice(t, p, suToken, "moi@daison.test", token)
	}
	if strings.Contains(p.Output(), "Thư chưa gửi được") {
		t.Errorf("a mail was printed on the console although SMTP is set:\n%s", p.Output())
	}
}

// resetInBackOffice opens the reset link of a staff member's mail in
// Chromium (at the portal's own address: the mail's host is the public
// name, which this machine does not resolve), chooses a new password in
// the back office, and checks that it signs in with it.
func resetInBackOffice(t *testing.T, p *portaltest.Portal, email, token string) {
	t.Helper()
	ctx := browsertest.New(t, 1024, 800)
	const newPassword = "Thuy-dat-lai-mat-khau-2027"
	step := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, actions...); err != nil {
			shot := browsertest.Screenshot(t, ctx, "quan-tri-dat-lai-mat-khau-loi")
			t.Fatalf("%s: %v (screenshot %s)", what, err, shot)
		}
	}
	step("open the mailed link", chromedp.Navigate(p.URL+"/quan-tri/dat-lai-mat-khau#"+token))
	step("type the new password",
		chromedp.WaitVisible(chromedp.CSS("#password")),
		chromedp.SendKeys(chromedp.CSS("#password"), newPassword),
		chromedp.SendKeys(chromedp.CSS("#passwordConfirm"), newPassword))
	browsertest.Screenshot(t, ctx, "quan-tri-dat-lai-mat-khau")
	step("send it", chromedp.Click(chromedp.CSS("form.login-form button[type=submit]"), chromedp.NodeVisible))
	poll := func(what, js string) {
		t.Helper()
		pctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if _, err := chromedp.Run(pctx, chromedp.Poll[bool](js, chromedp.WithPollingInterval(100*time.Millisecond))); err != nil {
			shot := browsertest.Screenshot(t, ctx, "quan-tri-dat-lai-mat-khau-loi")
			t.Fatalf("%s: %v (screenshot %s)", what, err, shot)
		}
	}
	poll("the login page says so", `location.pathname === '/quan-tri/dang-nhap' && document.body.innerText.includes('Đã đặt mật khẩu mới')`)
	browsertest.Screenshot(t, ctx, "quan-tri-dang-nhap-sau-dat-lai")
	// The new password is accepted (a reviewer then needs the mailed code:
	// PocketBase answers 401 with the second step's id).
	var answer struct {
		MFAID string `json:"mfaId"`
	}
	if code := api(t, p.URL, "", "POST", "/api/collections/staff/auth-with-password",
		map[string]string{"identity": email, "password": newPassword}, &answer); code != http.StatusUnauthorized || answer.MFAID == "" {
		t.Fatalf("sign-in with the new password: %d %+v", code, answer)
	}
	// The link was used: a second time, the page says it has expired.
	step("open the link again", chromedp.Navigate(p.URL+"/quan-tri/dat-lai-mat-khau#"+token),
		chromedp.WaitVisible(chromedp.CSS("#password")),
		chromedp.SendKeys(chromedp.CSS("#password"), newPassword+"x"),
		chromedp.SendKeys(chromedp.CSS("#passwordConfirm"), newPassword+"x"),
		chromedp.Click(chromedp.CSS("form.login-form button[type=submit]"), chromedp.NodeVisible))
	poll("the used link said expired", `document.body.innerText.includes('Liên kết đã hết hạn')`)
}

// verifyInBackOffice opens the verification link of a new staff member's
// mail in Chromium: the back office confirms the address.
func verifyInBackOffice(t *testing.T, p *portaltest.Portal, suToken, email, token string) {
	t.Helper()
	ctx := browsertest.New(t, 1024, 800)
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	err := chromedp.Do(sctx, chromedp.Navigate(p.URL+"/quan-tri/xac-nhan-email#"+token))
	if err == nil {
		_, err = chromedp.Run(sctx, chromedp.Poll[bool](`document.body.innerText.includes('Đã xác nhận địa chỉ thư điện tử của tài khoản.')`,
			chromedp.WithPollingInterval(100*time.Millisecond)))
	}
	if err != nil {
		t.Fatalf("the verification page: %v (screenshot %s)", err, browsertest.Screenshot(t, ctx, "quan-tri-xac-nhan-email-loi"))
	}
	var list struct {
		Items []struct {
			Verified bool `json:"verified"`
		} `json:"items"`
	}
	api(t, p.URL, suToken, "GET", "/api/collections/staff/records?filter="+url.QueryEscape("email='"+email+"'"), nil, &list)
	if len(list.Items) != 1 || !list.Items[0].Verified {
		t.Fatalf("%s after the verification link: %+v", email, list)
	}
}
