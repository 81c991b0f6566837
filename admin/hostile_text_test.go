package admin_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/markdown"
	"github.com/daison/portal/internal/schema"
)

// TestHostile12PathsWithoutControlCharacters: a tab (or any control
// character, space or backslash) in a path is refused wherever a path
// enters (the citizens' forms, the receipt page's way back, IT through the
// API, a guide step's link), so "/\t/evil.example" never becomes a link to
// another site; a submission stored before the rule still takes an answer.
func TestHostile12PathsWithoutControlCharacters(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.App.Settings().RateLimits.Enabled = false // many posts from one address
	for _, page := range []string{"/\t/evil.example/", "/\n/evil.example/", "/ /evil.example/", "/\u00a0/evil.example/", "/\\evil.example/", "//evil.example/", "/a\u200b/", "javascript:alert(1)"} {
		b, _ := json.Marshal(map[string]string{"kind": "huu-ich", "helpful": "co", "page": page})
		code, body := admintest.Do(w.H, http.MethodPost, "/api/portal/feedback", "", string(b))
		if code != 400 || !strings.Contains(body, `"page":{"code":"validation_feedback"`) {
			t.Errorf("page %q: %d %s", page, code, body)
		}
	}
	code, body := admintest.Do(w.H, http.MethodPost, "/api/portal/feedback", "", `{"kind":"huu-ich","helpful":"co","page":"/huong-dan/dang-ky-khai-sinh/"}`)
	if code != 201 {
		t.Fatalf("a good page: %d %s", code, body)
	}

	// The form without JavaScript: a bad way back is dropped for "/".
	rec := postForm(w.H, url.Values{"kind": {"gop-y"}, "message": {"Góp ý có đường dẫn quay lại lạ."}, "return": {"/\t/evil.example/"}})
	if loc := rec.Header().Get("Location"); rec.Code != 303 || !strings.Contains(loc, "ve=%2F&") && !strings.HasSuffix(loc, "ve=%2F") {
		t.Errorf("return: %d %s", rec.Code, loc)
	}
	code, body = admintest.Do(w.H, http.MethodGet, "/gop-y/da-nhan/?ma=GY-ABCDEF&ve=/%09/evil.example/", "", "")
	if code != 200 || strings.Contains(body, "evil.example") || !strings.Contains(body, `href="/"`) {
		t.Errorf("receipt's way back: %d %s", code, body)
	}

	// Through the API, even IT cannot store such a page.
	code, body = admintest.Do(w.H, http.MethodPost, "/api/collections/feedback/records", w.Tokens[superuser],
		`{"kind":"huu-ich","refCode":"HI-TAB001","helpful":"co","page":"/\t/evil.example/","state":"moi"}`)
	if code != 400 || !strings.Contains(body, `"page":{"code":"validation_site_path"`) {
		t.Errorf("IT stores a page with a tab: %d %s", code, body)
	}
	// One stored before the rule still takes an answer (its page is shown
	// as text by the back office).
	c, err := w.App.FindCollectionByNameOrId(schema.Feedback)
	if err != nil {
		t.Fatal(err)
	}
	legacy := core.NewRecord(c)
	legacy.Load(map[string]any{"kind": "huu-ich", "refCode": "HI-OLD001", "helpful": "co", "page": "/\t/evil.example/", "state": "moi"})
	if err := w.App.SaveNoValidate(legacy); err != nil {
		t.Fatal(err)
	}
	w.API(t, reviewer, http.MethodPatch, "/api/collections/feedback/records/"+legacy.Id, `{"answer":"Đã xem.","state":"da-tra-loi"}`, 200)

	// A guide step's link and a URL field: web addresses without them.
	for _, b := range []string{
		`{"title":"Hướng dẫn có bước lạ","status":"draft","steps":[{"title":"Bước 1","link":"https://dichvucong.gov.vn/\t/x"}]}`,
		`{"title":"Hướng dẫn có bước lạ","status":"draft","steps":[{"title":"Bước 1","link":"https://dichvucong.gov.vn/a b"}]}`,
		`{"title":"Hướng dẫn có liên kết lạ","status":"draft","portalLink":"https://dichvucong.gov.vn/\t/x"}`,
	} {
		if code, body := admintest.Do(w.H, http.MethodPost, "/api/collections/guides/records", w.Tokens[reviewer], b); code != 400 || !strings.Contains(body, "https://") {
			t.Errorf("%s: %d %s", b, code, body)
		}
	}
}

// TestHostile16OneRulePerKindOfText: the same text is judged the same
// wherever it enters. Plain text may hold "<" and even "<b>" (it is shown
// escaped everywhere); Markdown refuses raw HTML; hidden characters and
// shortcode openings are refused in every plain field, the citizens' too;
// and a citizen's proposal always becomes an initiative, its text showing
// as written.
func TestHostile16OneRulePerKindOfText(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.App.Settings().RateLimits.Enabled = false

	// A proposal with every kind of markup-looking text.
	topic := "Giá < 5.000đ cho <x và <b>hồ sơ</b> trực tuyến"
	message := "Đề xuất: phí <script>alert(1)</script> giảm.\n[bấm](javascript:alert(1)) <https://evil.example>\n# không phải tiêu đề\n---\n1. một\n- hai\n=====\n&lt;b&gt; | a | b |\n~~gạch~~ {{ .Title }} \\ hết\r\n    thụt lề"
	code, body := admintest.Do(w.H, http.MethodPost, "/api/portal/feedback", "", mustJSON(map[string]string{"kind": "sang-kien", "topic": topic, "message": message}))
	if code != 201 {
		t.Fatalf("the citizen's proposal: %d %s", code, body)
	}
	fb, err := w.App.FindFirstRecordByData(schema.Feedback, "topic", topic)
	if err != nil {
		t.Fatal(err)
	}
	code, body = admintest.Do(w.H, http.MethodPost, "/api/portal/feedback/"+fb.Id+"/initiative", w.Tokens[editor], "")
	if code != 201 {
		t.Fatalf("to an initiative: %d %s", code, body)
	}
	fb, _ = w.App.FindRecordById(schema.Feedback, fb.Id)
	ini, err := w.App.FindRecordById(schema.Initiatives, fb.GetString("initiative"))
	if err != nil {
		t.Fatal(err)
	}
	if ini.GetString("title") != topic {
		t.Errorf("title %q, want %q", ini.GetString("title"), topic)
	}
	if ps := markdown.Check(ini.GetString("body")); len(ps) > 0 {
		t.Errorf("the body is refused Markdown: %v", ps)
	}
	html, err := markdown.Render(ini.GetString("body"))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script", `href="javascript`, `href="https://evil`, "<h1", "<ol", "<ul", "<del", "<table", "<pre", "raw HTML"} {
		if strings.Contains(html, bad) {
			t.Errorf("the citizen's text became markup (%s): %s", bad, html)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "[bấm](javascript:alert(1))", "# không phải tiêu đề", "1. một", "- hai", "&amp;lt;b&amp;gt;", "{{ .Title }}", `\ hết`} {
		if !strings.Contains(html, want) {
			t.Errorf("the citizen's text %q is not shown as written: %s", want, html)
		}
	}

	// Staff plain fields take the same text, stored as typed (what an earlier rule
	// refused as "a tag in a title" is text now: every page escapes it);
	// Markdown fields refuse raw HTML.
	for _, title := range []string{"Tin <script>alert(1)</script>", `<a onmouseover="x()">Tin</a>`} {
		got := w.API(t, reviewer, http.MethodPost, "/api/collections/articles/records", mustJSON(map[string]any{
			"title": title, "summary": "Giá < 5.000đ, <b>không</b> đổi", "category": "thong-bao", "status": "draft",
			"tags": []string{"<b>", "phí < 5.000đ"}}), 200)
		if a, err := w.App.FindRecordById(schema.Articles, jsonField(t, got, "id")); err != nil || a.GetString("title") != title || a.GetStringSlice("tags")[0] != "<b>" {
			t.Errorf("article %q stored as %v (%v)", title, a, err)
		}
	}
	w.API(t, reviewer, http.MethodPost, "/api/collections/guides/records", mustJSON(map[string]any{
		"title": "Hướng dẫn <x", "status": "draft", "steps": []map[string]string{{"title": "Bước <x", "linkText": "<Cổng>", "cost": "< 5.000đ"}}}), 200)
	for name, b := range map[string]any{
		"raw HTML in a body":      map[string]any{"title": "Tin", "category": "thong-bao", "status": "draft", "body": "<b>đậm</b>"},
		"raw HTML in a step text": map[string]any{"title": "Hướng dẫn", "status": "draft", "steps": []map[string]string{{"title": "Bước", "text": "<b>đậm</b>"}}},
	} {
		coll := "articles"
		if strings.Contains(name, "step") {
			coll = "guides"
		}
		if code, body := admintest.Do(w.H, http.MethodPost, "/api/collections/"+coll+"/records", w.Tokens[reviewer], mustJSON(b)); code != 400 || !strings.Contains(body, "mã HTML") {
			t.Errorf("%s: %d %s", name, code, body)
		}
	}

	// Hidden characters and shortcode openings: refused in every plain
	// field, wherever it enters.
	for _, bad := range []string{"Phí\u200b dịch vụ", "Phí {{< param x >}}", "Phí {{% x %}}"} {
		for name, try := range map[string]func() (int, string){
			"article title": func() (int, string) {
				return admintest.Do(w.H, http.MethodPost, "/api/collections/articles/records", w.Tokens[reviewer], mustJSON(map[string]any{"title": bad, "category": "thong-bao", "status": "draft"}))
			},
			"tag": func() (int, string) {
				return admintest.Do(w.H, http.MethodPost, "/api/collections/articles/records", w.Tokens[reviewer], mustJSON(map[string]any{"title": "Tin", "category": "thong-bao", "status": "draft", "tags": []string{bad}}))
			},
			"step title": func() (int, string) {
				return admintest.Do(w.H, http.MethodPost, "/api/collections/guides/records", w.Tokens[reviewer], mustJSON(map[string]any{"title": "Hướng dẫn", "status": "draft", "steps": []map[string]string{{"title": bad}}}))
			},
			"step cost": func() (int, string) {
				return admintest.Do(w.H, http.MethodPost, "/api/collections/guides/records", w.Tokens[reviewer], mustJSON(map[string]any{"title": "Hướng dẫn", "status": "draft", "steps": []map[string]string{{"title": "Bước", "cost": bad}}}))
			},
			"citizen topic": func() (int, string) {
				return admintest.Do(w.H, http.MethodPost, "/api/portal/feedback", "", mustJSON(map[string]string{"kind": "sang-kien", "topic": bad, "message": "Nội dung đề xuất đủ dài."}))
			},
			"citizen service": func() (int, string) {
				return admintest.Do(w.H, http.MethodPost, "/api/portal/feedback", "", mustJSON(map[string]string{"kind": "hai-long", "rating": "3", "service": bad}))
			},
			"staff answer": func() (int, string) {
				return admintest.Do(w.H, http.MethodPatch, "/api/collections/feedback/records/"+fb.Id, w.Tokens[reviewer], mustJSON(map[string]string{"answer": bad}))
			},
			"staff tag": func() (int, string) {
				return admintest.Do(w.H, http.MethodPatch, "/api/collections/feedback/records/"+fb.Id, w.Tokens[reviewer], mustJSON(map[string]any{"tags": []string{bad}}))
			},
		} {
			if code, body := try(); code != 400 || !(strings.Contains(body, "ký tự ẩn") || strings.Contains(body, "{{<")) {
				t.Errorf("%s %q: %d %s", name, bad, code, body)
			}
		}
	}
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("json: %v", err))
	}
	return string(b)
}
