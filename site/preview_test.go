package site_test

import (
	"github.com/daison/portal/internal/staffauth"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site"
)

func staffToken(t *testing.T, app core.App, role string) string {
	t.Helper()
	c, err := app.FindCollectionByNameOrId(schema.Staff)
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(c)
	r.SetEmail(role + "@daison.test")
	r.SetPassword("mat-khau-nhan-vien-1")
	r.Set("name", "Cán bộ "+role)
	r.Set("role", role)
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
	tok, err := r.NewAuthToken()
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func TestPreviewRoutes(t *testing.T) {
	app := recordstest.NewApp(t)
	src := miniSite(`<html><head><link rel="stylesheet" href="/css/x.css"></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>`)
	src["themes/mini/static/css/x.css"] = miniFile("h1{color:#a00}")
	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://x.test/", Sources: src})
	site.Register(app, b, staffauth.Require)
	h := serveSite(t, app, b)

	draft := recordstest.Create(t, app, schema.Articles, map[string]any{
		"title": "Bản nháp sắp đăng", "body": "Nội dung **nháp**.", "category": "thong-bao", "status": "draft",
		"publishAt": recordstest.Date(time.Now().Add(48 * time.Hour)),
	})
	editor := staffToken(t, app, "editor")
	reporter := staffToken(t, app, "unitReporter")
	url := "/api/portal/preview/articles/" + draft.Id

	code, page := recordstest.Do(h, http.MethodGet, url, editor, "")
	if code != 200 || !strings.Contains(page, "<h1>Bản nháp sắp đăng</h1>") || !strings.Contains(page, "<strong>nháp</strong>") {
		t.Fatalf("editor preview: %d %s", code, page)
	}
	if !strings.Contains(page, "<style>h1{color:#a00}</style>") || !strings.Contains(page, `name="robots" content="noindex, nofollow"`) {
		t.Fatalf("preview is not self-contained and unindexed: %s", page)
	}
	if code, _ := recordstest.Do(h, http.MethodGet, url, "", ""); code != 401 {
		t.Errorf("anonymous preview: %d", code)
	}
	if code, _ := recordstest.Do(h, http.MethodGet, url, reporter, ""); code != 404 {
		t.Errorf("a reporter previews an article draft: %d", code)
	}
	// The draft did not go live by being previewed.
	if _, ok := readLive(t, b, "tin-tuc/"+draft.GetString("slug")+"/index.html"); ok {
		t.Fatal("the previewed draft is on the live site")
	}

	if code, _ := recordstest.Do(h, http.MethodGet, "/api/site/status", reporter, ""); code != 200 {
		t.Errorf("staff site status: %d", code)
	}
	if code, _ := recordstest.Do(h, http.MethodPost, "/api/site/rebuild", reporter, ""); code != 403 {
		t.Errorf("reporter rebuild: %d", code)
	}
}
