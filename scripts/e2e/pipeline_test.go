package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

type record struct {
	ID   string `json:"id"`
	Slug string `json:"slug"`
}

type siteStatus struct {
	Building bool `json:"building"`
	Last     *struct {
		ID      string    `json:"id"`
		Started time.Time `json:"started"`
		Pages   int       `json:"pages"`
		Error   string    `json:"error"`
	} `json:"last"`
	LastSuccess *struct {
		ID string `json:"id"`
	} `json:"lastSuccess"`
}

// TestPublishUnpublishAndFailedBuild is the walking skeleton end to end: an
// article saved through the API is served within seconds; made a draft, its
// page goes; a build that fails leaves the site serving and says why.
func TestPublishUnpublishAndFailedBuild(t *testing.T) {
	p := start(t, false)

	title := `Xã Đại Sơn ra mắt "Tổ công nghệ số" --- cộng đồng`
	var art record
	published := time.Now()
	if code := p.api("POST", "/api/collections/articles/records", map[string]any{
		"title": title, "summary": "Tổ công nghệ số cộng đồng hỗ trợ người dân dùng dịch vụ công trực tuyến.",
		"body": "## Hỗ trợ tận nhà\n\nMỗi thôn có **một tổ** hỗ trợ.", "category": "tuyen-truyen", "status": "published",
	}, &art); code != 200 {
		t.Fatalf("create article: %d", code)
	}
	if art.Slug != "xa-dai-son-ra-mat-to-cong-nghe-so-cong-dong" {
		t.Fatalf("slug = %q", art.Slug)
	}
	page := "/tin-tuc/" + art.Slug + "/"
	latency := p.waitFor("the new article's page", 30*time.Second, func() bool {
		code, body := p.get(page)
		return code == 200 && strings.Contains(body, "Tổ công nghệ số")
	})
	t.Logf("publish → page served: %s after the API call returned (%s after it was sent)",
		latency.Round(time.Millisecond), time.Since(published).Round(time.Millisecond))
	if _, home := p.get("/"); !strings.Contains(home, page) {
		t.Errorf("the home page does not link to the new article")
	}

	// A draft never shows, and unpublishing takes the page away.
	var draft record
	p.api("POST", "/api/collections/articles/records", map[string]any{
		"title": "Bản nháp chưa duyệt", "category": "thong-bao", "status": "draft",
	}, &draft)
	if code := p.api("PATCH", "/api/collections/articles/records/"+art.ID, map[string]any{"status": "draft"}, nil); code != 200 {
		t.Fatalf("unpublish: %d", code)
	}
	p.waitFor("the unpublished page to go", 30*time.Second, func() bool {
		code, _ := p.get(page)
		return code == 404
	})
	if code, body := p.get("/tin-tuc/" + draft.Slug + "/"); code != 404 || !langVi.MatchString(body) {
		t.Fatalf("draft page answers %d (want the Vietnamese 404 page)", code)
	}

	// Break the theme: a project layout that fails on every article.
	var st siteStatus
	if code := p.api("GET", "/api/site/status", nil, &st); code != 200 || st.LastSuccess == nil {
		t.Fatalf("status: %d %+v", code, st)
	}
	broken := filepath.Join(p.SiteSrc, "layouts", "tin-tuc", "page.html")
	if err := os.MkdirAll(filepath.Dir(broken), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(broken, []byte(`{{ .Title.Khong.Co }}`), 0o644); err != nil {
		t.Fatal(err)
	}
	p.api("PATCH", "/api/collections/articles/records/"+art.ID, map[string]any{"status": "published"}, nil)
	p.waitFor("the failed build in the status", 30*time.Second, func() bool {
		st = siteStatus{}
		p.api("GET", "/api/site/status", nil, &st)
		return st.Last != nil && st.Last.Error != ""
	})
	if !strings.Contains(st.Last.Error, "page.html") {
		t.Errorf("status error does not name the template: %q", st.Last.Error)
	}
	if st.LastSuccess == nil || st.LastSuccess.ID == st.Last.ID {
		t.Errorf("the failed build counts as a success: %+v", st.LastSuccess)
	}
	if code, body := p.get("/"); code != 200 || !strings.Contains(body, "</html>") {
		t.Fatalf("the site stopped serving after a failed build: %d", code)
	}
	if code, _ := p.get(page); code != 404 {
		t.Fatalf("a failed build changed the live site: %s answers %d", page, code)
	}

	// Anonymous users cannot read the status.
	token := p.token
	p.token = ""
	if code := p.api("GET", "/api/site/status", nil, nil); code != 401 && code != 403 {
		t.Errorf("anonymous status: %d", code)
	}
	p.token = token

	// Fixed, and rebuilt on request: the article is back.
	if err := os.Remove(broken); err != nil {
		t.Fatal(err)
	}
	if code := p.api("POST", "/api/site/rebuild", nil, nil); code != 202 {
		t.Fatalf("rebuild: %d", code)
	}
	p.waitFor("the repaired build", 30*time.Second, func() bool {
		code, _ := p.get(page)
		return code == 200
	})
}

// langVi finds the page's language in minified HTML (quotes may be dropped).
var langVi = regexp.MustCompile(`<html[^>]* lang="?vi`)
