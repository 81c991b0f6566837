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
		ID          string       `json:"id"`
		Started     time.Time    `json:"started"`
		Pages       int          `json:"pages"`
		Error       string       `json:"error"`
		FailedPages []failedPage `json:"failedPages"`
	} `json:"last"`
	LastSuccess *struct {
		ID string `json:"id"`
	} `json:"lastSuccess"`
}

// failedPage is a page a build held back (site.FailedPage).
type failedPage struct {
	URL      string `json:"url"`
	Section  bool   `json:"section"`
	ID       string `json:"id"`
	Template string `json:"template"`
	Line     int    `json:"line"`
	Kept     bool   `json:"kept"`
	Message  string `json:"message"`
}

// TestPublishUnpublishAndFailedBuild is the walking skeleton end to end: an
// article saved through the API is served within seconds; made a draft, its
// page goes; a page the theme fails on stays off the site while the rest
// goes live, and the status says which and why.
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

	// Break the theme: a project layout that fails on every article. The
	// build goes live without the article (it has no last good copy: it
	// was unpublished), the status names its page, the site keeps serving.
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
	var failed failedPage
	p.waitFor("the failing page in the status", 30*time.Second, func() bool {
		st = siteStatus{}
		p.api("GET", "/api/site/status", nil, &st)
		if st.Last == nil {
			return false
		}
		for _, fp := range st.Last.FailedPages {
			if fp.ID == art.ID {
				failed = fp
				return true
			}
		}
		return false
	})
	if failed.URL != page || failed.Template != "tin-tuc/page.html" || failed.Kept || !strings.Contains(failed.Message, page) {
		t.Errorf("failed page = %+v", failed)
	}
	if st.Last.Error != "" || st.LastSuccess == nil || st.LastSuccess.ID != st.Last.ID {
		t.Errorf("the build that held one page back did not go live: %+v", st)
	}
	if code, body := p.get("/"); code != 200 || !strings.Contains(body, "</html>") {
		t.Fatalf("the site stopped serving: %d", code)
	}
	if code, _ := p.get(page); code != 404 {
		t.Fatalf("a page Hugo failed on is served: %s answers %d", page, code)
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
