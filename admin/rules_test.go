package admin_test

import (
	"github.com/daison/portal/records"
	"github.com/daison/portal/records/record"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
)

// The articles seedVisibility makes, one per visibility state, with fixed ids
// (15 characters, as PocketBase wants) so scenarios can address them.
var visibility = []struct {
	id, slug, status string
	offset           time.Duration // publishAt relative to now
	public           bool
}{
	{"art000published", "da-dang", "published", -time.Hour, true},
	{"art0000000draft", "ban-nhap", "draft", -time.Hour, false},
	{"art00000review1", "cho-duyet", "review", -time.Hour, false},
	{"art00000future1", "hen-gio", "published", 48 * time.Hour, false},
	{"art0000archived", "luu-tru", "archived", -time.Hour, false},
}

func seedVisibility(t testing.TB, app *tests.TestApp) {
	for _, a := range visibility {
		admintest.Create(t, app, schema.Articles, map[string]any{
			"id": a.id, "title": "Bài " + a.slug, "slug": a.slug, "status": a.status,
			"publishAt": admintest.Date(time.Now().Add(a.offset)), "category": "tin-hoat-dong",
		})
	}
}

func TestAnonymousReadsOnlyPublished(t *testing.T) {
	t.Parallel()
	var hidden []string
	for _, a := range visibility {
		if !a.public {
			hidden = append(hidden, `"slug":"`+a.slug+`"`)
		}
	}
	scenarios := []tests.ApiScenario{
		{
			Name:               "list shows only published records whose time has come",
			Method:             http.MethodGet,
			URL:                "/api/collections/articles/records",
			ExpectedStatus:     200,
			ExpectedContent:    []string{`"totalItems":1`, `"slug":"da-dang"`},
			NotExpectedContent: hidden,
		},
		{
			Name:               "a filter cannot widen the rule",
			Method:             http.MethodGet,
			URL:                "/api/collections/articles/records?filter=" + url.QueryEscape(`status="draft" || status="review"`),
			ExpectedStatus:     200,
			ExpectedContent:    []string{`"totalItems":0`},
			NotExpectedContent: hidden,
		},
	}
	for _, a := range visibility {
		s := tests.ApiScenario{
			Name:   "view " + a.status + " " + a.slug,
			Method: http.MethodGet,
			URL:    "/api/collections/articles/records/" + a.id,
		}
		if a.public {
			s.ExpectedStatus = 200
			s.ExpectedContent = []string{`"slug":"` + a.slug + `"`}
		} else {
			s.ExpectedStatus = 404
			s.ExpectedContent = []string{`"data":{}`}
		}
		scenarios = append(scenarios, s)
	}
	for _, s := range scenarios {
		s.TestAppFactory = admintest.Factory(seedVisibility)
		s.Test(t)
	}
}

func TestAnonymousWritesRefused(t *testing.T) {
	t.Parallel()
	body := `{"title":"Tin giả","category":"thong-bao","status":"published"}`
	var scenarios []tests.ApiScenario
	for _, c := range records.Collections() {
		scenarios = append(scenarios, tests.ApiScenario{
			Name:            "create " + c,
			Method:          http.MethodPost,
			URL:             "/api/collections/" + c + "/records",
			Body:            strings.NewReader(body),
			ExpectedStatus:  403,
			ExpectedContent: []string{`"data":{}`, `không có quyền`},
		})
	}
	scenarios = append(scenarios,
		tests.ApiScenario{
			Name:            "update a published article",
			Method:          http.MethodPatch,
			URL:             "/api/collections/articles/records/art000published",
			Body:            strings.NewReader(`{"title":"Sửa trộm"}`),
			ExpectedStatus:  404, // the rule hides the record from anonymous writers
			ExpectedContent: []string{`"data":{}`},
		},
		tests.ApiScenario{
			Name:            "delete a published article",
			Method:          http.MethodDelete,
			URL:             "/api/collections/articles/records/art000published",
			ExpectedStatus:  404,
			ExpectedContent: []string{`"data":{}`},
		},
	)
	for _, s := range scenarios {
		s.TestAppFactory = admintest.Factory(seedVisibility)
		s.AfterTestFunc = func(t testing.TB, app *tests.TestApp, res *http.Response) {
			r, err := app.FindRecordById(schema.Articles, "art000published")
			if err != nil || r.GetString("title") != "Bài da-dang" {
				t.Fatalf("the published article changed or went: %v %v", r, err)
			}
		}
		s.Test(t)
	}
}

func TestSuperuserWrites(t *testing.T) {
	t.Parallel()
	// The factory runs before each request: it fills the shared header map
	// with a token of that run's superuser.
	headers := map[string]string{}
	factory := admintest.Factory(func(t testing.TB, app *tests.TestApp) {
		seedVisibility(t, app)
		headers["Authorization"] = admintest.SuperuserToken(t, app)
	})
	scenarios := []tests.ApiScenario{
		{
			Name:   "create makes the slug from the Vietnamese title and stores NFC",
			Method: http.MethodPost,
			URL:    "/api/collections/articles/records",
			// "Kiểm tra Đại Sơn" typed with combining marks (NFD).
			Body:            strings.NewReader(`{"title":"Kie\u0302\u0309m tra \u0110a\u0323i So\u031Bn","category":"tin-hoat-dong","status":"published"}`),
			ExpectedStatus:  200,
			ExpectedContent: []string{`"slug":"kiem-tra-dai-son"`, `"title":"Kiểm tra Đại Sơn"`, `"publishAt":"20`},
			ExpectedEvents:  map[string]int{"OnRecordAfterCreateSuccess": 2}, // the article and its audit entry
		},
		{
			Name:            "same title gets a numbered slug",
			Method:          http.MethodPost,
			URL:             "/api/collections/articles/records",
			Body:            strings.NewReader(`{"title":"Bài da-dang","category":"tin-hoat-dong","status":"draft"}`),
			ExpectedStatus:  200,
			ExpectedContent: []string{`"slug":"bai-da-dang"`},
		},
		{
			Name:            "a taken slug is refused in Vietnamese",
			Method:          http.MethodPost,
			URL:             "/api/collections/articles/records",
			Body:            strings.NewReader(`{"title":"Khác","slug":"da-dang","category":"tin-hoat-dong","status":"draft"}`),
			ExpectedStatus:  400,
			ExpectedContent: []string{`"slug":{"code":"validation_slug_taken"`, `đã được dùng`},
		},
		{
			Name:            "a path in the slug is refused",
			Method:          http.MethodPost,
			URL:             "/api/collections/articles/records",
			Body:            strings.NewReader(`{"title":"Khác","slug":"../../etc/passwd","category":"tin-hoat-dong","status":"draft"}`),
			ExpectedStatus:  400,
			ExpectedContent: []string{`"code":"validation_slug_format"`, `ví dụ: etc-passwd`},
		},
		{
			Name:            "a slug the site keeps for itself is refused",
			Method:          http.MethodPost,
			URL:             "/api/collections/articles/records",
			Body:            strings.NewReader(`{"title":"Khác","slug":"trang","category":"tin-hoat-dong","status":"draft"}`),
			ExpectedStatus:  400,
			ExpectedContent: []string{`"code":"validation_slug_reserved"`},
		},
		{
			Name:            "a title that makes a reserved slug gets a number",
			Method:          http.MethodPost,
			URL:             "/api/collections/articles/records",
			Body:            strings.NewReader(`{"title":"Trang","category":"tin-hoat-dong","status":"draft"}`),
			ExpectedStatus:  200,
			ExpectedContent: []string{`"slug":"trang-2"`},
		},
		{
			Name:            "raw HTML and unsafe links in Markdown are refused, with the other errors",
			Method:          http.MethodPost,
			URL:             "/api/collections/articles/records",
			Body:            strings.NewReader(`{"title":"","body":"<script>alert(1)</script>\n\n[x](javascript:alert(1))","category":"tin-hoat-dong","status":"draft"}`),
			ExpectedStatus:  400,
			ExpectedContent: []string{`"body":{"code":"validation_markdown"`, `mã HTML`, `không an toàn`, `"title":{"code":"validation_required","message":"Trường này không được để trống."`, `"message":"Dữ liệu gửi lên chưa hợp lệ`},
		},
		{
			Name:            "a newline in a title is refused",
			Method:          http.MethodPost,
			URL:             "/api/collections/articles/records",
			Body:            strings.NewReader(`{"title":"a\r\nb","category":"tin-hoat-dong","status":"draft"}`),
			ExpectedStatus:  400,
			ExpectedContent: []string{`"title":{"code":"validation_text_characters"`},
		},
		{
			Name:            "an impossible date is refused",
			Method:          http.MethodPost,
			URL:             "/api/collections/articles/records",
			Body:            strings.NewReader(`{"title":"Ngày sai","category":"tin-hoat-dong","status":"draft","publishAt":"2027-02-30 10:00:00.000Z"}`),
			ExpectedStatus:  400,
			ExpectedContent: []string{`"publishAt":{"code":"validation_invalid_date"`, `không có thật`},
		},
		{
			Name:            "a year outside 2000–2100 is refused",
			Method:          http.MethodPost,
			URL:             "/api/collections/articles/records",
			Body:            strings.NewReader(`{"title":"Năm sai","category":"tin-hoat-dong","status":"draft","publishAt":"2150-01-01 10:00:00.000Z"}`),
			ExpectedStatus:  400,
			ExpectedContent: []string{`"publishAt":{`},
		},
		{
			Name:            "superuser sees drafts",
			Method:          http.MethodGet,
			URL:             "/api/collections/articles/records/art0000000draft",
			ExpectedStatus:  200,
			ExpectedContent: []string{`"slug":"ban-nhap"`},
		},
		{
			Name:           "superuser deletes",
			Method:         http.MethodDelete,
			URL:            "/api/collections/articles/records/art0000000draft",
			ExpectedStatus: 204,
			ExpectedEvents: map[string]int{"OnRecordAfterDeleteSuccess": 1},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = factory
		s.Headers = headers
		s.Test(t)
	}
}

func TestShortCodesAndOldSlugs(t *testing.T) {
	app := admintest.NewApp(t, nil)
	a := admintest.Create(t, app, schema.Articles, map[string]any{
		"title": "Tên cũ của bài", "category": "thong-bao", "status": "draft",
	})
	code := a.GetString("shortCode")
	if len(code) != 5 {
		t.Fatalf("short code = %q", code)
	}
	a.Set("slug", "ten-moi")
	if err := app.Save(a); err != nil {
		t.Fatal(err)
	}
	a.Set("slug", "ten-moi-hon")
	if err := app.Save(a); err != nil {
		t.Fatal(err)
	}
	if got := record.Wrap(a).OldSlugs(); strings.Join(got, ",") != "ten-cu-cua-bai,ten-moi" {
		t.Fatalf("old slugs = %v", got)
	}
	if a.GetString("shortCode") != code {
		t.Fatal("the short code changed with the slug")
	}
	// Back to an old name: it leaves the old list.
	a.Set("slug", "ten-moi")
	if err := app.Save(a); err != nil {
		t.Fatal(err)
	}
	if got := record.Wrap(a).OldSlugs(); strings.Join(got, ",") != "ten-cu-cua-bai,ten-moi-hon" {
		t.Fatalf("old slugs after renaming back = %v", got)
	}
	// An old slug stays taken: a new record with that title gets a number.
	b := admintest.Create(t, app, schema.Articles, map[string]any{
		"title": "Tên cũ của bài", "category": "thong-bao", "status": "draft",
	})
	if b.GetString("slug") != "ten-cu-cua-bai-2" {
		t.Fatalf("new record took an old slug: %q", b.GetString("slug"))
	}
	// The code cannot be changed.
	a.Set("shortCode", "zzzzz")
	if err := app.Save(a); err == nil || !strings.Contains(err.Error(), "cố định") {
		t.Fatalf("changing the short code: %v", err)
	}
}
