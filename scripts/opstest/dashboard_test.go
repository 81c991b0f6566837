package opstest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/daison/portal/internal/browsertest"
	"github.com/daison/portal/internal/portaltest"
)

// A reviewer opening the back office's dashboard of a portal whose public
// address is a loopback one (no --base-url) reads, at the top, that it is
// not set and what that breaks; an editor's dashboard has no such box.
// The reviewer's notice of a nomination just filed links to the dossier.
func TestDashboardWarnsReviewers(t *testing.T) {
	p := portaltest.Start(t, portaltest.Options{})
	people := []portaltest.Staff{
		{Email: "duyet@daison.test", Password: "mat-khau-duyet-2026", Name: "Phạm Văn Duyệt", Role: "reviewer"},
		{Email: "bientap@daison.test", Password: "mat-khau-bien-tap-2026", Name: "Ngô Thị Biên", Role: "editor"},
	}
	for _, s := range people {
		if err := p.UpsertStaff(s); err != nil {
			t.Fatal(err)
		}
	}
	nomination := fileNomination(t, p)
	for _, s := range people {
		// A browser of each person's own, as on two desks: nothing of the
		// reviewer's session or page can reach the editor's.
		ctx := browsertest.New(t, 1280, 900)
		token, err := p.StaffToken(s.Email, s.Password)
		if err != nil {
			t.Fatal(err)
		}
		var session map[string]any
		if code := api(t, p.URL, token, "POST", "/api/collections/staff/auth-refresh", nil, &session); code != 200 {
			t.Fatalf("auth-refresh: %d", code)
		}
		raw, _ := json.Marshal(session)
		js, _ := json.Marshal(string(raw))
		sctx, cancel := context.WithTimeout(ctx, time.Minute)
		err = chromedp.Do(sctx,
			chromedp.Navigate(p.URL+"/quan-tri/dang-nhap"),
			chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`localStorage.setItem('daison.quantri.auth', %s)`, js)),
			chromedp.Navigate(p.URL+"/quan-tri/"),
			chromedp.WaitVisible(chromedp.CSS(".card-build dl")))
		if err == nil {
			// The health's box fills in beside the other cards.
			_, err = chromedp.Run(sctx, chromedp.Poll[bool](`!document.querySelector('main[aria-busy]')`, chromedp.WithPollingInterval(100*time.Millisecond)))
		}
		cancel()
		if err != nil {
			t.Fatalf("%s's dashboard: %v (screenshot %s)", s.Role, err, browsertest.Screenshot(t, ctx, "quan-tri-tong-quan-loi"))
		}
		text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('.ops-notices') || {innerText: ''}).innerText`))
		browsertest.Screenshot(t, ctx, "quan-tri-tong-quan-"+s.Role)
		switch s.Role {
		case "reviewer":
			if !strings.Contains(text, "Địa chỉ công khai của cổng chưa được đặt") || !strings.Contains(text, "--base-url") {
				t.Errorf("the reviewer's dashboard does not warn of the loopback address: %q", text)
			}
			link, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('.notices a') || {}).getAttribute?.('href') || ''`))
			if link != "/quan-tri/ho-so-khen-thuong/"+nomination {
				t.Errorf("the notice of the filed nomination links to %q, want its dossier", link)
			}
		default:
			if text != "" {
				t.Errorf("the %s's dashboard shows the health's box: %q", s.Role, text)
			}
		}
	}
}

// fileNomination makes a unit and its reporter, who files a nomination
// (so every reviewer gets a notice); it returns the nomination's id.
func fileNomination(t *testing.T, p *portaltest.Portal) string {
	t.Helper()
	token, err := p.SignIn()
	if err != nil {
		t.Fatal(err)
	}
	var unit struct {
		ID   string `json:"id"`
		Slug string `json:"slug"`
	}
	if code := api(t, p.URL, token, "POST", "/api/collections/units/records",
		map[string]any{"name": "Thôn Tân Lập", "kind": "thon-to-dan-pho", "status": "published"}, &unit); code != 200 {
		t.Fatalf("create the unit: %d", code)
	}
	reporter := portaltest.Staff{Email: "tanlap@daison.test", Password: "mat-khau-tan-lap-2026", Name: "Đỗ Văn Lập", Role: "unitReporter", Unit: unit.Slug}
	if err := p.UpsertStaff(reporter); err != nil {
		t.Fatal(err)
	}
	rt, err := p.StaffToken(reporter.Email, reporter.Password)
	if err != nil {
		t.Fatal(err)
	}
	var nom struct {
		ID string `json:"id"`
	}
	if code := api(t, p.URL, rt, "POST", "/api/collections/nominations/records", map[string]any{
		"unit": unit.ID, "year": time.Now().Year() + 1, "nomineeName": "Hà Văn Sơn", "nomineeKind": "ca-nhan",
		"requestedForm": "giay-khen", "kind": "hang-nam", "achievements": "Một cửa điện tử", "state": "submitted"}, &nom); code != 200 {
		t.Fatalf("file the nomination: %d", code)
	}
	return nom.ID
}
