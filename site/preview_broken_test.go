package site_test

import (
	"github.com/daison/portal/internal/staffauth"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	portal "github.com/daison/portal"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site"
)

// patchedFS is a site's sources with some files replaced.
type patchedFS struct {
	base  fs.FS
	files fstest.MapFS
}

func (p patchedFS) Open(name string) (fs.File, error) {
	if _, ok := p.files[name]; ok {
		return p.files.Open(name)
	}
	return p.base.Open(name)
}

// brokenNotFound is a 404 page template that fails (Hugo's div by zero),
// as a theme edited through --site-src may: no record's page is there to
// hold back, so every full build fails.
const brokenNotFound = `{{ define "main" }}{{ div 1 0 }}{{ end }}`

// TestPreviewWhileBuildsFail: with the real theme and a 404 page template
// that fails every full build, the preview of an article (a draft, and a
// published one) still renders its page, and a document's (a section
// without a small site) too; nothing the preview renders reaches the live
// site.
func TestPreviewWhileBuildsFail(t *testing.T) {
	app := recordstest.NewApp(t)
	past := recordstest.Date(time.Now().Add(-time.Hour))
	live := recordstest.Create(t, app, schema.Articles, map[string]any{
		"title": "Tin đã đăng trước", "category": "thong-bao", "status": "published", "publishAt": past, "body": "Nội dung cũ.",
	})
	src := patchedFS{base: portal.SiteFiles, files: fstest.MapFS{}}
	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://dai-son.test/", Sources: src})
	t.Cleanup(b.Close)
	if _, err := b.Build("đầu tiên"); err != nil {
		t.Fatal(err)
	}
	goodLive, _ := b.Dir().Current()

	src.files["themes/daison/layouts/404.html"] = &fstest.MapFile{Data: []byte(brokenNotFound)}
	if _, err := b.Build("giao diện hỏng"); err == nil {
		t.Fatal("a build with a broken 404 page went live")
	}
	draft := recordstest.Create(t, app, schema.Articles, map[string]any{
		"title": "Bản nháp xem trước khi trang lỗi", "category": "thong-bao", "status": "draft", "body": "Nội dung **mới**.",
	})
	for _, rec := range []struct {
		name, title string
		page        func() ([]byte, error)
	}{
		{"draft", "Bản nháp xem trước khi trang lỗi", func() ([]byte, error) { return b.Preview(draft) }},
		{"published", "Tin đã đăng trước", func() ([]byte, error) { return b.Preview(live) }},
	} {
		page, err := rec.page()
		if err != nil {
			t.Fatalf("preview of the %s article while builds fail: %v", rec.name, err)
		}
		if !strings.Contains(string(page), rec.title) || !strings.Contains(string(page), "<style>") || !strings.Contains(string(page), `content="noindex, nofollow"`) {
			t.Fatalf("preview of the %s article: %.400s", rec.name, page)
		}
	}
	doc := document(t, app, map[string]any{
		"number": "12/KH-UBND", "title": "Kế hoạch thử nghiệm xem trước", "kind": "ke-hoach", "issuer": "UBND xã Đại Sơn",
		"issuedOn": "2026-06-24 00:00:00.000Z", "status": "draft",
	})
	if page, err := b.Preview(doc); err != nil || !strings.Contains(string(page), "Kế hoạch thử nghiệm xem trước") {
		t.Fatalf("preview of a document while builds fail: %v %.300s", err, page)
	}
	if cur, _ := b.Dir().Current(); cur != goodLive {
		t.Fatalf("the live build moved to %s", cur)
	}
	if _, ok := readLive(t, b, "tin-tuc/"+draft.GetString("slug")+"/index.html"); ok {
		t.Fatal("the previewed draft is on the live site")
	}
	// Each preview's folder is gone.
	left, _ := filepath.Glob(filepath.Join(b.Dir().Root, ".preview-*"))
	if len(left) > 0 {
		t.Fatalf("preview folders left: %v", left)
	}
}

// TestPreviewLimits: one account's preview at a time (a second, while the
// first renders, is refused with a Vietnamese message and Retry-After),
// and at most a dozen a minute; another account's previews are not held
// back by them.
func TestPreviewLimits(t *testing.T) {
	app := recordstest.NewApp(t)
	held := heldFS{FS: miniSite(goodPage), release: make(chan struct{})}
	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://x.test/", Sources: held})
	t.Cleanup(b.Close)
	site.Register(app, b, staffauth.Require)
	h := recordstest.Handler(t, app)
	draft := recordstest.Create(t, app, schema.Articles, map[string]any{"title": "Bài xem trước", "category": "thong-bao", "status": "draft"})
	url := "/api/portal/preview/articles/" + draft.Id
	editor, reviewer := staffToken(t, app, "editor"), staffToken(t, app, "reviewer")

	// The editor's first preview waits on the held sources (as a slow
	// render would); the second is refused at once.
	var wg sync.WaitGroup
	var firstCode int
	var firstBody string
	wg.Add(1)
	go func() {
		defer wg.Done()
		firstCode, firstBody = recordstest.Do(h, http.MethodGet, url, editor, "")
	}()
	waitFor(t, "the first preview to start", time.Minute, func() bool {
		left, _ := filepath.Glob(filepath.Join(b.Dir().Root, ".preview-*"))
		return len(left) > 0
	})
	code, body := recordstest.Do(h, http.MethodGet, url, editor, "")
	if code != http.StatusTooManyRequests || !strings.Contains(body, "vẫn đang được tạo") {
		t.Fatalf("a second preview of the same account at once: %d %s", code, body)
	}
	close(held.release)
	wg.Wait()
	if firstCode != 200 || !strings.Contains(firstBody, "Bài xem trước") {
		t.Fatalf("the first preview: %d %.300s", firstCode, firstBody)
	}
	waitFor(t, "the first build", 3*time.Minute, func() bool { st := b.Status(); return st.Last != nil && !st.Building })

	// A dozen a minute: the first went, eleven more go, the next is
	// refused; the reviewer's still go.
	for i := 2; i <= 12; i++ {
		if code, body := recordstest.Do(h, http.MethodGet, url, editor, ""); code != 200 {
			t.Fatalf("preview %d: %d %s", i, code, body)
		}
	}
	code, body = recordstest.Do(h, http.MethodGet, url, editor, "")
	if code != http.StatusTooManyRequests || !strings.Contains(body, "trong một phút") {
		t.Fatalf("the 13th preview in a minute: %d %s", code, body)
	}
	if code, body := recordstest.Do(h, http.MethodGet, url, reviewer, ""); code != 200 {
		t.Fatalf("another account's preview: %d %s", code, body)
	}
	if _, err := os.Stat(b.Dir().Root); err != nil {
		t.Fatal(err)
	}
}
