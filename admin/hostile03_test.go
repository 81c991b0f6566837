package admin_test

import (
	"bytes"
	"encoding/json"
	"github.com/daison/portal/records"
	"github.com/daison/portal/records/record"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
)

// Security fault 3: short codes and old slugs are the server's. No role
// may send them through the API (the printed QR short link of an honouree
// could be pointed at an editor's article, or another page's address taken
// over); a rename still records the old slug and the code never changes.
func TestHostile03ShortLinkHijack(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	hon, err := w.App.FindRecordById(schema.Honorees, honoreeID)
	if err != nil {
		t.Fatal(err)
	}
	honCode := hon.GetString("shortCode")
	if honCode == "" {
		t.Fatal("the honoree has no short code")
	}
	past := admintest.Date(time.Now().Add(-time.Hour))
	admintest.Create(t, w.App, schema.Articles, map[string]any{
		"title": "Tin thật", "slug": "tin-that", "category": "thong-bao", "status": "published", "publishAt": past,
	})
	mine := admintest.Create(t, w.App, schema.Articles, map[string]any{
		"title": "Bài của tôi", "slug": "bai-cua-toi", "category": "thong-bao", "status": "draft",
	})
	myCode := mine.GetString("shortCode")
	rec := "/api/collections/articles/records"
	mineURL := rec + "/" + mine.Id
	codeRefused := []string{`"shortCode":{"code":"validation_server_field","message":"Mã liên kết ngắn do hệ thống tạo, không được gửi lên."`}
	// Old slugs are a hidden field: PocketBase drops what a non-superuser
	// sends for it, so the attempt changes nothing.
	slugsIgnored := []string{`"oldSlugs":null`}

	for _, c := range []struct {
		role string
		s    tests.ApiScenario
	}{
		{editor, tests.ApiScenario{Name: "editor creates an article with the honoree's short code",
			Method: http.MethodPost, URL: rec,
			Body:           strings.NewReader(`{"title":"Bài mạo danh","category":"thong-bao","status":"draft","shortCode":"` + honCode + `"}`),
			ExpectedStatus: 400, ExpectedContent: codeRefused}},
		{editor, tests.ApiScenario{Name: "editor creates with the autogenerate modifier",
			Method: http.MethodPost, URL: rec,
			Body:           strings.NewReader(`{"title":"Bài mạo danh","category":"thong-bao","status":"draft","shortCode:autogenerate":"` + honCode + `"}`),
			ExpectedStatus: 400, ExpectedContent: codeRefused}},
		{editor, tests.ApiScenario{Name: "editor moves their article's code to the honoree's",
			Method: http.MethodPatch, URL: mineURL, Body: strings.NewReader(`{"shortCode":"` + honCode + `"}`),
			ExpectedStatus: 400, ExpectedContent: codeRefused}},
		{editor, tests.ApiScenario{Name: "editor claims another page's address as an old slug",
			Method: http.MethodPatch, URL: mineURL, Body: strings.NewReader(`{"oldSlugs":["tin-that"]}`),
			ExpectedStatus: 200, ExpectedContent: slugsIgnored}},
		{editor, tests.ApiScenario{Name: "editor claims a reserved path as an old slug",
			Method: http.MethodPatch, URL: mineURL, Body: strings.NewReader(`{"oldSlugs":["trang"]}`),
			ExpectedStatus: 200, ExpectedContent: slugsIgnored}},
		{reviewer, tests.ApiScenario{Name: "reviewer sets an honoree's code",
			Method: http.MethodPatch, URL: "/api/collections/honorees/records/" + honoreeID, Body: strings.NewReader(`{"shortCode":"` + myCode + `"}`),
			ExpectedStatus: 400, ExpectedContent: codeRefused}},
		{reviewer, tests.ApiScenario{Name: "reviewer sends old slugs",
			Method: http.MethodPatch, URL: mineURL, Body: strings.NewReader(`{"oldSlugs":["tin-that"]}`),
			ExpectedStatus: 200, ExpectedContent: slugsIgnored}},
		{reporterA, tests.ApiScenario{Name: "unit reporter presets both on a proposal",
			Method: http.MethodPost, URL: "/api/collections/initiatives/records",
			Body: strings.NewReader(`{"title":"Sáng kiến đề xuất","kind":"sang-kien","field":"cong-vu","unit":"` + unitA +
				`","status":"review","shortCode":"` + honCode + `","oldSlugs":["tin-that","trang"]}`),
			ExpectedStatus: 400, ExpectedContent: codeRefused}},
		// The legitimate flow: a rename records the old slug, keeps the code.
		{editor, tests.ApiScenario{Name: "editor renames their article",
			Method: http.MethodPatch, URL: mineURL, Body: strings.NewReader(`{"slug":"ten-moi"}`),
			ExpectedStatus: 200, ExpectedContent: []string{`"slug":"ten-moi"`, `"oldSlugs":["bai-cua-toi"]`, `"shortCode":"` + myCode + `"`}}},
		// Superusers may send them (PocketBase's dashboard sends every field
		// back), but the code stays fixed and an old slug added is checked.
		{superuser, tests.ApiScenario{Name: "superuser changes a code",
			Method: http.MethodPatch, URL: mineURL, Body: strings.NewReader(`{"shortCode":"` + honCode + `"}`),
			ExpectedStatus: 400, ExpectedContent: []string{"cố định"}}},
		{superuser, tests.ApiScenario{Name: "superuser adds a reserved old slug",
			Method: http.MethodPatch, URL: mineURL, Body: strings.NewReader(`{"oldSlugs":["bai-cua-toi","trang"]}`),
			ExpectedStatus: 400, ExpectedContent: []string{`"oldSlugs":{"code":"validation_old_slug"`, "“trang” được dành cho trang web"}}},
		{superuser, tests.ApiScenario{Name: "superuser adds another page's address",
			Method: http.MethodPatch, URL: mineURL, Body: strings.NewReader(`{"oldSlugs":["bai-cua-toi","tin-that"]}`),
			ExpectedStatus: 400, ExpectedContent: []string{"“tin-that” đang là địa chỉ"}}},
		{superuser, tests.ApiScenario{Name: "superuser creates an initiative with the honoree's code",
			Method: http.MethodPost, URL: "/api/collections/initiatives/records",
			Body:           strings.NewReader(`{"title":"Sáng kiến","kind":"sang-kien","field":"cong-vu","unit":"` + unitA + `","status":"draft","shortCode":"` + honCode + `"}`),
			ExpectedStatus: 400, ExpectedContent: []string{"đã thuộc về một trang khác"}}},
	} {
		w.Scenario(t, c.role, c.s)
	}

	// The back office sends a form (multipart, with @jsonPayload) when it
	// uploads files: a code sent that way is refused too.
	for _, asJSON := range []bool{false, true} {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		if asJSON {
			_ = mw.WriteField("@jsonPayload", `{"title":"Bài có ảnh","category":"thong-bao","status":"draft","shortCode":"`+honCode+`"}`)
		} else {
			for k, v := range map[string]string{"title": "Bài có ảnh", "category": "thong-bao", "status": "draft", "shortCode": honCode} {
				_ = mw.WriteField(k, v)
			}
		}
		_ = mw.Close()
		req := httptest.NewRequest(http.MethodPost, rec, &buf)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Authorization", w.Tokens[editor])
		res := httptest.NewRecorder()
		w.H.ServeHTTP(res, req)
		if res.Code != 400 || !strings.Contains(res.Body.String(), codeRefused[0]) {
			t.Errorf("form with a short code (@jsonPayload %v): %d %s", asJSON, res.Code, res.Body.String())
		}
	}

	// A superuser saving the record as PocketBase's dashboard does (every
	// field sent back, unchanged) may.
	code, body := admintest.Do(w.H, http.MethodGet, mineURL, w.Tokens[superuser], "")
	if code != 200 {
		t.Fatalf("read the article: %d %s", code, body)
	}
	var whole map[string]any
	if err := json.Unmarshal([]byte(body), &whole); err != nil {
		t.Fatal(err)
	}
	whole["title"] = "Bài của tôi (sửa trên trang quản trị hệ thống)"
	b, _ := json.Marshal(whole)
	if code, body := admintest.Do(w.H, http.MethodPatch, mineURL, w.Tokens[superuser], string(b)); code != 200 {
		t.Errorf("superuser saving the whole record: %d %s", code, body)
	}

	// Nothing refused was stored: the honoree's code is its own, in every
	// linkable collection, and the article kept its code and its one old
	// slug.
	for _, c := range records.Linkable() {
		n, err := w.App.CountRecords(c, dbx.HashExp{"shortCode": honCode})
		if err != nil {
			t.Fatal(err)
		}
		if want := map[bool]int64{true: 1, false: 0}[c == schema.Honorees]; n != want {
			t.Errorf("%d records of %s have the honoree's code, want %d", n, c, want)
		}
	}
	got, err := w.App.FindRecordById(schema.Articles, mine.Id)
	if err != nil {
		t.Fatal(err)
	}
	if got.GetString("shortCode") != myCode {
		t.Errorf("the article's code changed: %q → %q", myCode, got.GetString("shortCode"))
	}
	if slugs := record.Wrap(got).OldSlugs(); strings.Join(slugs, ",") != "bai-cua-toi" {
		t.Errorf("old slugs = %v, want [bai-cua-toi]", slugs)
	}
}

// TestHostile03GoCodeSetsLinks: Go code with no request (seeds, imports)
// may still give a code and old slugs, checked like the server's own.
func TestHostile03GoCodeSetsLinks(t *testing.T) {
	t.Parallel()
	app := admintest.NewApp(t, nil)
	g := admintest.Create(t, app, schema.Guides, map[string]any{
		"title": "Hướng dẫn", "status": "draft", "shortCode": "gdaaa", "oldSlugs": []string{"huong-dan-cu"},
	})
	if g.GetString("shortCode") != "gdaaa" || strings.Join(record.Wrap(g).OldSlugs(), ",") != "huong-dan-cu" {
		t.Fatalf("seeded guide: code %q, old slugs %v", g.GetString("shortCode"), record.Wrap(g).OldSlugs())
	}
	admintest.Create(t, app, schema.Articles, map[string]any{
		"title": "Tin", "category": "thong-bao", "status": "draft", "oldSlugs": []string{"tin-cu"},
	})
	c, err := app.FindCollectionByNameOrId(schema.Articles)
	if err != nil {
		t.Fatal(err)
	}
	for name, fields := range map[string]map[string]any{
		"another collection's code": {"shortCode": "gdaaa"},
		"a malformed code":          {"shortCode": "../x"},
		"a reserved old slug":       {"oldSlugs": []string{"trang"}},
		"another page's old slug":   {"oldSlugs": []string{"tin-cu"}},
		"another page's slug":       {"oldSlugs": []string{"tin"}},
	} {
		r := core.NewRecord(c)
		r.Load(map[string]any{"title": "Tin khác", "category": "thong-bao", "status": "draft"})
		r.Load(fields)
		if err := app.Save(r); err == nil {
			t.Errorf("Go code saved an article with %s", name)
		}
	}
}
