package backoffice

import (
	"encoding/json"
	"github.com/daison/portal/records"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/daison/portal/admin/admintest"
)

func do(t *testing.T, h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func testHandler() http.Handler {
	return Handler(UI(), func() ([]byte, error) { return []byte(`{"collections":{},"vocab":{}}`), nil })
}

// Every client-side route gets index.html, with the headers of a private,
// script-strict page.
func TestRoutesGetTheApplication(t *testing.T) {
	h := testHandler()
	index, _ := fs.ReadFile(UI(), "index.html")
	for _, p := range []string{"/quan-tri/", "/quan-tri/dang-nhap", "/quan-tri/bai-viet/", "/quan-tri/bai-viet/moi", "/quan-tri/mo-hinh-sang-kien/abc123def456ghi/lich-su", "/quan-tri/nhat-ky/?trang=2"} {
		rec := do(t, h, http.MethodGet, p)
		if rec.Code != 200 || rec.Body.String() != string(index) {
			t.Errorf("%s: %d, body %.60q", p, rec.Code, rec.Body.String())
			continue
		}
		hd := rec.Header()
		want := map[string]string{
			"Content-Type":            "text/html; charset=utf-8",
			"Cache-Control":           "no-cache",
			"X-Robots-Tag":            "noindex, nofollow",
			"X-Content-Type-Options":  "nosniff",
			"X-Frame-Options":         "DENY",
			"Content-Security-Policy": CSP,
		}
		for k, v := range want {
			if hd.Get(k) != v {
				t.Errorf("%s: %s = %q, want %q", p, k, hd.Get(k), v)
			}
		}
	}
}

// The policy lets no inline or evaluated script run and the back office be
// framed by no one.
func TestCSPIsStrictForScripts(t *testing.T) {
	directives := map[string]string{}
	for _, d := range strings.Split(CSP, ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			directives[f[0]] = strings.Join(f[1:], " ")
		}
	}
	if directives["script-src"] != "'self'" {
		t.Errorf("script-src = %q, want only 'self'", directives["script-src"])
	}
	if directives["frame-ancestors"] != "'none'" || directives["object-src"] != "'none'" || directives["base-uri"] != "'none'" {
		t.Errorf("CSP %q", CSP)
	}
	if strings.Contains(CSP, "unsafe-eval") {
		t.Errorf("CSP allows eval: %q", CSP)
	}
}

// Files are served with their own types; what is not there is a 404, not
// the application.
func TestAssetsAndMissingFiles(t *testing.T) {
	h := testHandler()
	for p, ctype := range map[string]string{
		"/quan-tri/assets/js/main.js":       "text/javascript; charset=utf-8",
		"/quan-tri/assets/js/views/form.js": "text/javascript; charset=utf-8",
		"/quan-tri/assets/app.css":          "text/css; charset=utf-8",
		"/quan-tri/assets/favicon.svg":      "image/svg+xml",
		"/quan-tri/meta.json":               "application/json; charset=utf-8",
	} {
		rec := do(t, h, http.MethodGet, p)
		if rec.Code != 200 || rec.Header().Get("Content-Type") != ctype {
			t.Errorf("%s: %d %q, want 200 %q", p, rec.Code, rec.Header().Get("Content-Type"), ctype)
		}
		if rec.Header().Get("ETag") == "" || rec.Header().Get("Cache-Control") != "no-cache" || rec.Header().Get("X-Robots-Tag") == "" {
			t.Errorf("%s: headers %v", p, rec.Header())
		}
	}
	for _, p := range []string{
		"/quan-tri/assets/js/khong-co.js", "/quan-tri/logo.png", "/quan-tri/assets/",
		"/quan-tri/assets/../index.html", "/quan-tri/assets/js/../../index.html", "/quan-tri/assets/js//main.js",
	} {
		if rec := do(t, h, http.MethodGet, p); rec.Code != 404 {
			t.Errorf("%s: %d, want 404", p, rec.Code)
		}
	}
}

func TestMethodsAndRevalidation(t *testing.T) {
	h := testHandler()
	if rec := do(t, h, http.MethodPost, "/quan-tri/"); rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %d %v", rec.Code, rec.Header())
	}
	rec := do(t, h, http.MethodHead, "/quan-tri/assets/js/api.js")
	if rec.Code != 200 || rec.Body.Len() != 0 || rec.Header().Get("Content-Length") == "" {
		t.Errorf("HEAD: %d, %d bytes, %v", rec.Code, rec.Body.Len(), rec.Header())
	}
	etag := rec.Header().Get("ETag")
	if rec := do(t, h, http.MethodGet, "/quan-tri/assets/js/api.js", "If-None-Match", etag); rec.Code != http.StatusNotModified {
		t.Errorf("If-None-Match %s: %d, want 304", etag, rec.Code)
	}
}

var (
	importRe      = regexp.MustCompile(`(?m)^\s*import\s+[^;]*?from\s+'([^']+)'|import\('([^']+)'\)`)
	scriptTag     = regexp.MustCompile(`(?i)<script\b[^>]*>([^<]*)</script>`)
	inlineHandler = regexp.MustCompile(`(?i)<[a-z][^>]*\son[a-z]+\s*=`)
	styleAttr     = regexp.MustCompile(`(?i)<[a-z][^>]*\sstyle\s*=`)
)

// The page has no inline script the policy would block, and every module
// a module imports is there (a typo would leave a blank page).
func TestIndexAndModulesAreWhole(t *testing.T) {
	ui := UI()
	index, err := fs.ReadFile(ui, "index.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range scriptTag.FindAllSubmatch(index, -1) {
		if !strings.Contains(string(m[0]), " src=") || strings.TrimSpace(string(m[1])) != "" {
			t.Errorf("index.html has an inline script: %q", m[0])
		}
	}
	for _, re := range []*regexp.Regexp{inlineHandler, styleAttr} {
		if m := re.Find(index); m != nil {
			t.Errorf("index.html has %q, which the policy blocks or discourages", m)
		}
	}
	for _, ref := range []string{"/quan-tri/assets/app.css", "/quan-tri/assets/js/main.js", "/quan-tri/assets/favicon.svg"} {
		if !strings.Contains(string(index), `"`+ref+`"`) {
			t.Errorf("index.html does not load %s", ref)
		}
		if _, err := fs.Stat(ui, strings.TrimPrefix(ref, "/quan-tri/")); err != nil {
			t.Errorf("%s: %v", ref, err)
		}
	}
	if !strings.Contains(string(index), `<html lang="vi">`) || !strings.Contains(string(index), `class="skip-link" href="#noi-dung"`) {
		t.Errorf("index.html lacks its language or its skip link")
	}
	n := 0
	err = fs.WalkDir(ui, "assets/js", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".js") {
			return err
		}
		n++
		src, err := fs.ReadFile(ui, p)
		if err != nil {
			return err
		}
		if strings.Contains(string(src), "eval(") || strings.Contains(string(src), "new Function") || strings.Contains(string(src), ".innerHTML =") {
			t.Errorf("%s uses eval, new Function or innerHTML", p)
		}
		for _, m := range importRe.FindAllStringSubmatch(string(src), -1) {
			ref := m[1] + m[2]
			if !strings.HasPrefix(ref, ".") {
				t.Errorf("%s imports %q: only relative imports of our own files", p, ref)
				continue
			}
			target := path.Join(path.Dir(p), ref)
			if _, err := fs.Stat(ui, target); err != nil {
				t.Errorf("%s imports %s, which is missing", p, ref)
			}
		}
		return nil
	})
	if err != nil || n < 10 {
		t.Errorf("walked %d modules: %v", n, err)
	}
}

// meta.json describes the public collections as the database has them,
// the kinds of public record as their descriptors say, and the fixed
// choices with their Vietnamese labels.
func TestMeta(t *testing.T) {
	app := admintest.NewApp(t, nil)
	b, err := Meta(app)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Collections map[string]struct {
			ID     string      `json:"id"`
			Fields []fieldMeta `json:"fields"`
		} `json:"collections"`
		Kinds map[string]kindMeta `json:"kinds"`
		Vocab map[string][]option `json:"vocab"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range records.All {
		got := m.Kinds[k.Collection]
		if got.Section != k.Section || got.Noun == "" || len(got.Editors) == 0 || len(got.Publishers) == 0 {
			t.Errorf("meta's kind %s: %+v", k.Collection, got)
		}
	}
	if m.Kinds["articles"].Section != "tin-tuc" || m.Kinds["awards"].Section != "" || !m.Kinds["guides"].Linkable {
		t.Errorf("meta's kinds: %+v", m.Kinds)
	}
	for _, name := range metaCollections {
		if m.Collections[name].ID == "" || len(m.Collections[name].Fields) == 0 {
			t.Errorf("meta has no %s", name)
		}
	}
	field := func(coll, name string) fieldMeta {
		for _, f := range m.Collections[coll].Fields {
			if f.Name == name {
				return f
			}
		}
		t.Fatalf("meta: no %s.%s", coll, name)
		return fieldMeta{}
	}
	if f := field("articles", "title"); !f.Required || f.Max != 250 || f.Type != "text" {
		t.Errorf("articles.title: %+v", f)
	}
	if f := field("articles", "cover"); f.MaxSize != 25<<20 || len(f.MimeTypes) != 3 || f.MaxSelect != 1 {
		t.Errorf("articles.cover: %+v", f)
	}
	if f := field("initiatives", "photos"); f.MaxSelect != 20 {
		t.Errorf("initiatives.photos: %+v", f)
	}
	if f := field("initiatives", "honorees"); f.Collection != "honorees" || f.MaxSelect != 20 {
		t.Errorf("initiatives.honorees: %+v", f)
	}
	if f := field("indicators", "quarter"); f.Min == nil || *f.Min != 1 || f.Max != 4 || !f.OnlyInt {
		t.Errorf("indicators.quarter: %+v", f)
	}
	// The award process and the feedback queue.
	if f := field("nominations", "dossier"); f.MaxSize != 10<<20 || f.MaxSelect != 10 || len(f.MimeTypes) != 5 {
		t.Errorf("nominations.dossier: %+v", f)
	}
	if f := field("unitReports", "onlineRate"); f.Max != 100 || f.Min == nil || *f.Min != 0 {
		t.Errorf("unitReports.onlineRate: %+v", f)
	}
	if f := field("portalConfig", "reportDeadline"); !f.Required || f.Max != 5 {
		t.Errorf("portalConfig.reportDeadline: %+v", f)
	}
	for _, f := range m.Collections["feedback"].Fields {
		if f.Name == "idempotencyKey" || f.Name == "ipHash" {
			t.Errorf("meta shows the hidden field feedback.%s", f.Name)
		}
	}
	for _, name := range []string{"status", "articleCategories", "initiativeKinds", "awardForms", "stepLogic", "auditActions", "staffRoles",
		"nominationStates", "reportStates", "feedbackKinds", "feedbackStates", "channels", "helpful"} {
		if len(m.Vocab[name]) == 0 {
			t.Errorf("meta has no vocabulary %s", name)
		}
	}
	if got := m.Vocab["status"][0]; got.Key != "draft" || got.Label != "Bản nháp" {
		t.Errorf("the first status is %+v", got)
	}
}

// The pages that take a mailed token (migration 1780002310's links) are
// routes of recover.js, answered with the application.
func TestMailedLinksAreRoutes(t *testing.T) {
	recover, err := fs.ReadFile(UI(), "assets/js/views/recover.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, seg := range []string{"dat-lai-mat-khau", "xac-nhan-email", "doi-email"} {
		if !strings.Contains(string(recover), ": '"+seg+"',") {
			t.Errorf("the mailed link's page %s is not a route of recover.js", seg)
		}
		if rec := do(t, testHandler(), "GET", Prefix+seg); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "main.js") {
			t.Errorf("GET %s%s: %d", Prefix, seg, rec.Code)
		}
	}
}
