package site_test

import (
	jsonv2 "encoding/json/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site"
	"github.com/daison/portal/site/live"
)

// miniSite is a tiny theme and config, so these tests exercise the build
// pipeline (export, Hugo, swap) apart from the portal's real theme, which
// the end-to-end tests cover.
func miniSite(pageTemplate string) fstest.MapFS {
	return fstest.MapFS{
		"hugo.toml": {Data: []byte(`title = "Thử"
theme = "mini"
buildFuture = true
disableKinds = ["taxonomy", "term"]
`)},
		"content/_index.md":              {Data: []byte("+++\ntitle = \"Trang chủ\"\n+++\n")},
		"themes/mini/layouts/home.html":  {Data: []byte(`<h1>{{ .Title }}</h1>{{ range site.RegularPages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}`)},
		"themes/mini/layouts/list.html":  {Data: []byte(`<h1>{{ .Title }}</h1>`)},
		"themes/mini/layouts/page.html":  {Data: []byte(pageTemplate)},
		"themes/mini/layouts/404.html":   {Data: []byte(`<h1>Không tìm thấy</h1>`)},
		"themes/mini/static/favicon.ico": {Data: []byte("icon")},
		"static/robots.txt":              {Data: []byte("User-agent: *")},
	}
}

func miniFile(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

const goodPage = `<h1>{{ .Title }}</h1><p class="cat">{{ .Params.category.label }}</p>{{ .Content }}`

func readLive(t *testing.T, b *site.Builder, rel string) (string, bool) {
	t.Helper()
	body, err := os.ReadFile(filepath.Join(b.Dir().LivePath(), rel))
	if err != nil {
		return "", false
	}
	return string(body), true
}

func TestBuildPublishUnpublishAndFailure(t *testing.T) {
	app := recordstest.NewApp(t)
	root := t.TempDir()
	src := miniSite(goodPage)
	b := site.New(app, site.Config{Root: root, BaseURL: "http://dai-son.test/", Sources: src})

	a := recordstest.Create(t, app, schema.Articles, map[string]any{
		"title": `Tin "đầu tiên" --- của Đại Sơn`, "body": "Xin **chào** bà con.", "category": "thong-bao",
		"status": "published", "publishAt": recordstest.Date(time.Now().Add(-time.Minute)),
	})
	rep, err := b.Build("thử")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Records != 1 || rep.Pages < 3 {
		t.Fatalf("report = %+v, want 1 record and ≥ 3 pages", rep)
	}
	for _, f := range []string{"favicon.ico", "robots.txt"} {
		if _, ok := readLive(t, b, f); !ok {
			t.Errorf("static file %s was not published", f)
		}
	}
	page, ok := readLive(t, b, "tin-tuc/tin-dau-tien-cua-dai-son/index.html")
	if !ok || !strings.Contains(page, `Tin "đầu tiên" --- của Đại Sơn`) || !strings.Contains(page, "<strong>chào</strong>") || !strings.Contains(page, "Thông báo") {
		t.Fatalf("article page = %q", page)
	}

	// Unpublished: gone after the next build.
	a.Set("status", "draft")
	if err := app.Save(a); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Build("thử"); err != nil {
		t.Fatal(err)
	}
	if _, ok := readLive(t, b, "tin-tuc/tin-dau-tien-cua-dai-son/index.html"); ok {
		t.Fatal("a draft's page is still live")
	}
	if home, _ := readLive(t, b, "index.html"); strings.Contains(home, "đầu tiên") {
		t.Fatal("the home page still links to the draft")
	}

	// A page template that fails on the article: the rest of the site
	// goes live without it (it has no last good copy: it was a draft),
	// and the status names it.
	a.Set("status", "published")
	if err := app.Save(a); err != nil {
		t.Fatal(err)
	}
	src["themes/mini/layouts/page.html"] = &fstest.MapFile{Data: []byte(`{{ .Title.Nope }}`)}
	rep, err = b.Build("thử lỗi một trang")
	if err != nil {
		t.Fatalf("one failing page stopped the build: %v", err)
	}
	var named *site.FailedPage
	for i, fp := range rep.FailedPages {
		if fp.ID == a.Id {
			named = &rep.FailedPages[i]
		}
	}
	if named == nil || named.Kept || named.Template != "page.html" || named.Line != 1 || named.Collection != schema.Articles ||
		named.URL != "/tin-tuc/tin-dau-tien-cua-dai-son/" || !strings.Contains(named.Message, "chưa có trên trang") {
		t.Fatalf("failed pages = %+v", rep.FailedPages)
	}
	if !rep.OK() || b.Status().LastSuccess.ID != rep.ID {
		t.Fatalf("a build that held a page back did not go live: %+v", b.Status())
	}
	if _, ok := readLive(t, b, "tin-tuc/tin-dau-tien-cua-dai-son/index.html"); ok {
		t.Fatal("a page Hugo failed on is live")
	}
	if home, _ := readLive(t, b, "index.html"); strings.Contains(home, "đầu tiên") {
		t.Fatal("the home page links to a page that is not live")
	}
	goodLive, _ := b.Dir().Current()

	// A theme that fails everywhere: the build fails after a bounded
	// number of runs, the live site stays, the status tells why.
	for _, f := range []string{"home.html", "list.html", "page.html", "404.html"} {
		src["themes/mini/layouts/"+f] = &fstest.MapFile{Data: []byte(`{{ .Title.Nope }}`)}
	}
	rep, err = b.Build("thử lỗi")
	if err == nil {
		t.Fatal("a broken theme built")
	}
	if cur, _ := b.Dir().Current(); cur != goodLive {
		t.Fatalf("live moved to %s after a failed build", cur)
	}
	if _, ok := readLive(t, b, "index.html"); !ok {
		t.Fatal("the live site is gone")
	}
	st := b.Status()
	if st.Last == nil || st.Last.Error == "" || !strings.Contains(st.Last.Error, ".html") {
		t.Fatalf("status does not report the template error: %+v", st.Last)
	}
	if st.LastSuccess == nil || st.LastSuccess.ID == st.Last.ID {
		t.Fatalf("last success = %+v", st.LastSuccess)
	}
	// The status survives a restart.
	again := site.New(app, site.Config{Root: root, BaseURL: "http://dai-son.test/", Sources: src})
	if got := again.Status(); got.Last == nil || got.Last.Error != st.Last.Error {
		t.Fatalf("status after restart = %+v", got.Last)
	}

	// Fixed: the next build goes live with the article back.
	fixed := miniSite(goodPage)
	for k, v := range fixed {
		src[k] = v
	}
	if _, err := b.Build("sửa"); err != nil {
		t.Fatal(err)
	}
	if _, ok := readLive(t, b, "tin-tuc/tin-dau-tien-cua-dai-son/index.html"); !ok {
		t.Fatal("the article did not come back")
	}
	// Old builds are pruned: live plus at most Keep others.
	builds, _ := os.ReadDir(live.Dir{Root: root}.BuildsPath())
	if len(builds) > 3 {
		t.Fatalf("%d builds kept", len(builds))
	}
}

func TestBuildToReplacesFolderOnlyOnSuccess(t *testing.T) {
	app := recordstest.NewApp(t)
	recordstest.Create(t, app, schema.Guides, map[string]any{
		"title": "Đăng ký khai sinh", "status": "published", "publishAt": recordstest.Date(time.Now().Add(-time.Hour)),
		"steps": []schema.Step{{Title: "Chuẩn bị giấy tờ"}, {Title: "Nộp hồ sơ", Link: "https://dichvucong.gov.vn/"}},
	})
	out := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "cu.html"), []byte("cũ"), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := miniSite(`{{ .Nope.Deeper }}`)
	for _, f := range []string{"home.html", "list.html", "404.html"} {
		broken["themes/mini/layouts/"+f] = miniFile(`{{ .Nope.Deeper }}`)
	}
	if _, err := site.BuildTo(app, site.Config{BaseURL: "http://x.test/", Sources: broken}, out); err == nil {
		t.Fatal("a broken build succeeded")
	}
	if _, err := os.Stat(filepath.Join(out, "cu.html")); err != nil {
		t.Fatal("a failed build touched the output folder")
	}
	rep, err := site.BuildTo(app, site.Config{BaseURL: "http://x.test/", Sources: miniSite(goodPage)}, out)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Records != 1 {
		t.Fatalf("records = %d", rep.Records)
	}
	if _, err := os.Stat(filepath.Join(out, "huong-dan", "dang-ky-khai-sinh", "index.html")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "cu.html")); err == nil {
		t.Fatal("the old output was not replaced")
	}
	// A page template that fails: the folder gets the new build, with the
	// page it had kept.
	guide := filepath.Join(out, "huong-dan", "dang-ky-khai-sinh", "index.html")
	before, _ := os.ReadFile(guide)
	rep, err = site.BuildTo(app, site.Config{BaseURL: "http://x.test/", Sources: miniSite(`{{ .Nope.Deeper }}`)}, out)
	if err != nil {
		t.Fatalf("one failing page stopped portal build: %v", err)
	}
	if after, _ := os.ReadFile(guide); string(after) != string(before) || len(before) == 0 {
		t.Fatal("the page that failed lost the copy the folder had")
	}
	if fp := rep.FailedPages; len(fp) == 0 || fp[0].URL != "/huong-dan/dang-ky-khai-sinh/" || !fp[0].Kept {
		t.Fatalf("failed pages = %+v", rep.FailedPages)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public-build-*"))
	if len(leftovers) > 0 {
		t.Fatalf("temporary folders left: %v", leftovers)
	}
}

// TestStatusJSON: the status is answered by PocketBase with encoding/json/v2,
// which refuses a bare time.Duration; durations go out as milliseconds.
func TestStatusJSON(t *testing.T) {
	st := site.Status{Last: &site.Report{ID: "x", Reason: "khởi động", Duration: site.Millis(1500 * time.Millisecond)}}
	b, err := jsonv2.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"durationMs":1500`) || !strings.Contains(string(b), "khởi động") {
		t.Fatalf("status JSON = %s", b)
	}
}

// TestBuildToRelativeDataFolder: "portal build --dir pb_data", a data
// folder relative to the working folder, builds.
func TestBuildToRelativeDataFolder(t *testing.T) {
	app := recordstest.NewApp(t)
	recordstest.Create(t, app, schema.Guides, map[string]any{
		"title": "Đăng ký kết hôn", "status": "published", "publishAt": recordstest.Date(time.Now().Add(-time.Hour)),
	})
	t.Chdir(t.TempDir())
	if _, err := site.BuildTo(app, site.Config{Root: filepath.Join("pb_data", "site"), BaseURL: "http://x.test/", Sources: miniSite(goodPage)}, "public"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join("public", "huong-dan", "dang-ky-ket-hon", "index.html")); err != nil {
		t.Fatal(err)
	}
}
