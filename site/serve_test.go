package site_test

import (
	"github.com/daison/portal/internal/staffauth"
	"io/fs"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site"
)

// serveSite triggers app's serve hooks (site.Register's among them), which
// start the first build in the background, and waits for that build.
func serveSite(t *testing.T, app core.App, b *site.Builder) http.Handler {
	t.Helper()
	h := recordstest.Handler(t, app)
	waitFor(t, "the first build", 3*time.Minute, func() bool {
		st := b.Status()
		return st.Last != nil && !st.Building
	})
	return h
}

// heldFS is a site's sources that no build can read until released.
type heldFS struct {
	fs.FS
	release chan struct{}
}

func (h heldFS) Open(name string) (fs.File, error) {
	<-h.release
	return h.FS.Open(name)
}

// TestServeBeforeFirstBuild: serving starts without waiting for the first
// build. While it runs, every page of the site answers 503 with the plain
// "being built" page and the API answers (the status says a build is
// running); once the build is live, the site is served.
func TestServeBeforeFirstBuild(t *testing.T) {
	app := recordstest.NewApp(t)
	recordstest.Create(t, app, schema.Articles, map[string]any{
		"title": "Tin đầu tiên", "category": "thong-bao", "status": "published", "publishAt": recordstest.Date(time.Now().Add(-time.Hour)),
	})
	src := heldFS{FS: miniSite(goodPage), release: make(chan struct{})}
	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://x.test/", Sources: src})
	t.Cleanup(b.Close)
	site.Register(app, b, staffauth.Require)
	h := recordstest.Handler(t, app) // returns while the build waits for its sources
	waitFor(t, "the first build to start", time.Minute, func() bool { return b.Status().Building })

	for _, path := range []string{"/", "/tin-tuc/tin-dau-tien/"} {
		code, body := recordstest.Do(h, http.MethodGet, path, "", "")
		if code != http.StatusServiceUnavailable || !strings.Contains(body, "Trang web đang được dựng") || !strings.Contains(body, `http-equiv="refresh"`) {
			t.Fatalf("GET %s before the first build: %d %s", path, code, body)
		}
	}
	editor := staffToken(t, app, "editor")
	if code, body := recordstest.Do(h, http.MethodGet, "/api/site/status", editor, ""); code != 200 || !strings.Contains(body, `"building":true`) {
		t.Fatalf("status during the first build: %d %s", code, body)
	}

	close(src.release)
	waitFor(t, "the first build", 3*time.Minute, func() bool { st := b.Status(); return st.Last != nil && !st.Building })
	if st := b.Status(); !st.Last.OK() {
		t.Fatalf("first build: %+v", st.Last)
	}
	if code, body := recordstest.Do(h, http.MethodGet, "/tin-tuc/tin-dau-tien/", "", ""); code != 200 || !strings.Contains(body, "Tin đầu tiên") {
		t.Fatalf("the article after the first build: %d %s", code, body)
	}
}
