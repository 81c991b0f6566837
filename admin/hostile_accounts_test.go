package admin_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/admin/admintest"
)

// TestHostileNoAnonymousAccounts: PocketBase's default "users" collection
// is gone: nobody can make an account there (with an avatar to decode),
// sign in, or have verification or reset mails sent; the portal's own
// accounts (staff) still ask for theirs.
func TestHostileNoAnonymousAccounts(t *testing.T) {
	t.Parallel()
	factory := admintest.Factory(nil)
	for _, s := range []tests.ApiScenario{
		{Name: "sign-up", Method: http.MethodPost, URL: "/api/collections/users/records",
			Body:           strings.NewReader(`{"email":"ke-la@example.com","password":"mat-khau-dai-1234","passwordConfirm":"mat-khau-dai-1234"}`),
			Headers:        map[string]string{"Content-Type": "application/json"},
			ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{`"status":404`}},
		{Name: "sign-in", Method: http.MethodPost, URL: "/api/collections/users/auth-with-password",
			Body:           strings.NewReader(`{"identity":"ke-la@example.com","password":"mat-khau-dai-1234"}`),
			Headers:        map[string]string{"Content-Type": "application/json"},
			ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{`"status":404`}},
		{Name: "verification mail", Method: http.MethodPost, URL: "/api/collections/users/request-verification",
			Body:           strings.NewReader(`{"email":"nan-nhan@example.com"}`),
			Headers:        map[string]string{"Content-Type": "application/json"},
			ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{`"status":404`}},
		{Name: "reset mail", Method: http.MethodPost, URL: "/api/collections/users/request-password-reset",
			Body:           strings.NewReader(`{"email":"nan-nhan@example.com"}`),
			Headers:        map[string]string{"Content-Type": "application/json"},
			ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{`"status":404`}},
		{Name: "auth methods", Method: http.MethodGet, URL: "/api/collections/users/auth-methods",
			ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{`"status":404`}},
	} {
		s.TestAppFactory = factory
		s.AfterTestFunc = func(t testing.TB, app *tests.TestApp, _ *http.Response) {
			if _, err := app.FindCollectionByNameOrId("users"); err == nil {
				t.Error("the users collection is still there")
			}
			if n := app.TestMailer.TotalSend(); n != 0 {
				t.Errorf("%d mails sent", n)
			}
		}
		s.Test(t)
	}
}

// TestHostileClosedUsersCollection: a "users" collection that held
// accounts before the portal removed it (recreated here as PocketBase
// makes it, with one account) is closed by the same step: no sign-up,
// sign-in, reset or verification mail, no listing; the account is kept
// for IT to see.
func TestHostileClosedUsersCollection(t *testing.T) {
	t.Parallel()
	app := admintest.NewApp(t, nil)
	users := core.NewAuthCollection("users", "_pb_users_auth_")
	users.CreateRule, users.ListRule, users.ViewRule = types.Pointer(""), types.Pointer(""), types.Pointer("")
	if err := app.Save(users); err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(users)
	r.SetEmail("da-dang-ky@example.com")
	r.SetPassword("mat-khau-dai-1234")
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
	// The step again, over it.
	if err := rerunMigration(app, "1780002400_no_users.go"); err != nil {
		t.Fatal(err)
	}
	h := admintest.Handler(t, app)
	for _, c := range []struct{ what, method, url, body string }{
		{"sign-up", http.MethodPost, "/api/collections/users/records", `{"email":"moi@example.com","password":"mat-khau-dai-1234","passwordConfirm":"mat-khau-dai-1234"}`},
		{"sign-in", http.MethodPost, "/api/collections/users/auth-with-password", `{"identity":"da-dang-ky@example.com","password":"mat-khau-dai-1234"}`},
		{"reset mail", http.MethodPost, "/api/collections/users/request-password-reset", `{"email":"da-dang-ky@example.com"}`},
		{"one-time code", http.MethodPost, "/api/collections/users/request-otp", `{"email":"da-dang-ky@example.com"}`},
		{"list", http.MethodGet, "/api/collections/users/records", ""},
	} {
		if code, body := admintest.Do(h, c.method, c.url, "", c.body); code < 400 {
			t.Errorf("%s: %d %s", c.what, code, body)
		}
	}
	if code, body := admintest.Do(h, http.MethodPost, "/api/collections/users/request-verification", "", `{"email":"da-dang-ky@example.com"}`); code != http.StatusNoContent {
		t.Errorf("verification mail: %d %s", code, body)
	}
	if n := app.TestMailer.TotalSend(); n != 0 {
		t.Errorf("%d mails sent", n)
	}
	if n, _ := app.CountRecords("users"); n != 1 {
		t.Errorf("%d accounts kept, want 1", n)
	}
}

// rerunMigration runs the up step of the portal's migration file on app.
func rerunMigration(app core.App, file string) error {
	for _, m := range core.AppMigrations.Items() {
		if m.File == file {
			return m.Up(app)
		}
	}
	return fmt.Errorf("no migration %s", file)
}
