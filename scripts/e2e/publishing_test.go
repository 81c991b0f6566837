package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// publishWithin is how long an article may take from the API call to its
// page: as TestPublishUnpublishAndFailedBuild allows.
const publishWithin = 30 * time.Second

// TestNewPortalFeedbackThenArticle: on a brand-new portal (no demo, never
// set up), a citizen's satisfaction rating, a "was this page useful" vote
// and an indicator of 0 with a target of 0 are posted; an article
// published next still goes live in the usual time, and the pages those
// feed answer.
func TestNewPortalFeedbackThenArticle(t *testing.T) {
	p := start(t, false)
	for _, x := range []map[string]any{
		{"kind": "hai-long", "rating": "5", "service": "Đăng ký khai sinh", "channel": "quay-mot-cua", "idempotencyKey": "e2e-moi-hai-long"},
		{"kind": "huu-ich", "page": "/gop-y/", "helpful": "co", "idempotencyKey": "e2e-moi-huu-ich"},
	} {
		if code := p.api("POST", "/api/portal/feedback", x, nil); code != 201 {
			t.Fatalf("posting %v: %d", x["kind"], code)
		}
	}
	p.createRecord("indicators", map[string]any{"metric": "dung-han", "year": 2026, "quarter": 1, "value": 0, "target": 0, "status": "published"})
	art := p.createRecord("articles", map[string]any{"title": "Tin đầu tiên của cổng mới", "category": "thong-bao", "status": "published"})
	page := "/tin-tuc/" + art.Slug + "/"
	took := p.waitFor("the new article's page", publishWithin, func() bool {
		code, body := p.get(page)
		return code == 200 && strings.Contains(body, "Tin đầu tiên của cổng mới")
	})
	t.Logf("article live %s after the API call", took.Round(time.Millisecond))
	if _, list := p.get("/tin-tuc/"); !strings.Contains(list, page) {
		t.Error("the article is not on /tin-tuc/")
	}
	for path, want := range map[string]string{"/gop-y/thong-ke/": "</html>", "/chi-so/": "0,0", "/": "</html>"} {
		if code, body := p.get(path); code != 200 || !strings.Contains(body, want) {
			t.Errorf("%s answers %d (want %q in it)", path, code, want)
		}
	}
	var st siteStatus
	p.api("GET", "/api/site/status", nil, &st)
	if st.Last == nil || st.Last.Error != "" || len(st.Last.FailedPages) != 0 {
		t.Errorf("status = %+v", st.Last)
	}
}

// TestBrokenSectionThroughSiteSrc: IT breaks the guides' template in the
// --site-src folder; a new article still goes live on its page and on
// /tin-tuc/ in the usual time, the guide keeps its last good page, and
// GET /api/site/status names the failing page and template.
func TestBrokenSectionThroughSiteSrc(t *testing.T) {
	p := start(t, false)
	guide := p.createRecord("guides", map[string]any{"title": "Đăng ký khai sinh trên VNeID", "status": "published"})
	guidePage := "/huong-dan/" + guide.Slug + "/"
	p.waitFor("the guide's page", publishWithin, func() bool {
		code, _ := p.get(guidePage)
		return code == 200
	})
	tpl := filepath.Join(p.SiteSrc, "themes", "daison", "layouts", "huong-dan", "page.html")
	if err := os.WriteFile(tpl, []byte("{{ define \"main\" }}\n<h1>{{ .Title.Khong.Co }}</h1>\n{{ end }}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	art := p.createRecord("articles", map[string]any{"title": "Tin mới khi mẫu hướng dẫn hỏng", "category": "thong-bao", "status": "published"})
	page := "/tin-tuc/" + art.Slug + "/"
	took := p.waitFor("the new article on its page and on /tin-tuc/", publishWithin, func() bool {
		code, body := p.get(page)
		_, list := p.get("/tin-tuc/")
		return code == 200 && strings.Contains(body, "Tin mới khi mẫu hướng dẫn hỏng") && strings.Contains(list, page)
	})
	t.Logf("article live %s after the API call, with the guides' template broken", took.Round(time.Millisecond))
	var st siteStatus
	if code := p.api("GET", "/api/site/status", nil, &st); code != 200 || st.Last == nil {
		t.Fatalf("status: %d", code)
	}
	if len(st.Last.FailedPages) != 1 {
		t.Fatalf("failed pages = %+v", st.Last.FailedPages)
	}
	// Every new portal has the guide library's guides besides this one, so
	// all the section's pages fail and the status names them as one: the
	// section, its template and line.
	fp := st.Last.FailedPages[0]
	if fp.URL != "/huong-dan/" || !fp.Section || fp.Template != "huong-dan/page.html" || fp.Line != 2 || !fp.Kept ||
		!strings.Contains(fp.Message, "/huong-dan/") || !strings.Contains(fp.Message, "huong-dan/page.html") {
		t.Errorf("failed page = %+v", fp)
	}
	t.Logf("status names it: %s", fp.Message)
	if code, body := p.get(guidePage); code != 200 || !strings.Contains(body, "Đăng ký khai sinh trên VNeID") {
		t.Errorf("the guide lost its last good page: %d", code)
	}

	// The guide edited while its page cannot be built: the back office is
	// told its saved version is not live, and why; the site keeps the
	// version it had.
	var edited struct {
		Updated string `json:"updated"`
	}
	if code := p.api("PATCH", "/api/collections/guides/records/"+guide.ID, map[string]any{"title": "Đăng ký khai sinh trên VNeID (sửa)"}, &edited); code != 200 {
		t.Fatalf("editing the guide: %d", code)
	}
	var live struct {
		Records map[string]struct {
			Updated string `json:"updated"`
		} `json:"records"`
		Held map[string]string `json:"held"`
	}
	p.waitFor("the edited guide reported held back", publishWithin, func() bool {
		live.Held = nil
		p.api("GET", "/api/site/live/guides?ids="+guide.ID, nil, &live)
		return live.Held[guide.ID] != ""
	})
	if r, ok := live.Records[guide.ID]; !ok || r.Updated == edited.Updated {
		t.Errorf("the live build is said to hold the edited guide's version: %+v (saved %s)", live.Records, edited.Updated)
	}
	if !strings.Contains(live.Held[guide.ID], "huong-dan/page.html") {
		t.Errorf("why the guide is held: %q", live.Held[guide.ID])
	}
	if _, body := p.get(guidePage); strings.Contains(body, "(sửa)") {
		t.Errorf("the guide's page shows the edit its template cannot render")
	}
}
