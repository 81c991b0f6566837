package site_test

import (
	"strings"
	"testing"

	portal "github.com/daison/portal"
	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/privacy"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site"
)

// TestLookupPageAndNoticeInBuild builds the real site and reads its
// output, which a deploy copies to the bucket as it is: the receipt lookup
// is a static page (/gop-y/tra-cuu/index.html) in the site's look, with
// the demo banner and the menu, whose two plain forms post to the portal;
// the comment and proposal forms of /gop-y/ carry the notice about
// personal data in the commune's name, with the retention reviewers set.
func TestLookupPageAndNoticeInBuild(t *testing.T) {
	app := recordstest.NewApp(t)
	id := map[string]any{}
	for k, v := range otherCommune {
		id[k] = v
	}
	id["demo"] = true
	recordstest.Create(t, app, commune.Collection, id)
	cfg, err := app.FindFirstRecordByFilter(schema.PortalConfig, "")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Set(privacy.ConfigField, 9)
	if err := app.Save(cfg); err != nil {
		t.Fatal(err)
	}

	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://hoa-binh.test/", Sources: portal.SiteFiles})
	t.Cleanup(b.Close)
	rep, err := b.Build("tra cứu và dữ liệu cá nhân")
	if err != nil || !rep.OK() {
		t.Fatalf("build: %v %+v", err, rep)
	}
	page, ok := readLive(t, b, "gop-y/tra-cuu/index.html")
	if !ok {
		t.Fatal("the build has no gop-y/tra-cuu/index.html")
	}
	for _, want := range []string{
		"Tra cứu kết quả xử lý góp ý</h1>", commune.DemoBanner, `class=site-nav`, "Hòa Bình Mẫu",
		"/gop-y/tra-cuu/ket-qua", "/gop-y/tra-cuu/xoa-lien-he", "name=ma", "name=so", "name=email", "name=xac-nhan",
		"tự động xóa sau 9 tháng", "Xóa thông tin liên hệ của tôi",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("/gop-y/tra-cuu/ lacks %q", want)
		}
	}
	// Plain forms: the feedback script must leave them alone.
	if strings.Contains(page, "fb-form") {
		t.Error("/gop-y/tra-cuu/'s forms are taken for the feedback forms")
	}

	form, _ := readLive(t, b, "gop-y/index.html")
	notice := privacy.For(commune.FromGetter(func(k string) string { s, _ := otherCommune[k].(string); return s }, true), 9)
	for _, want := range []string{
		"Ủy ban nhân dân xã Hòa Bình Mẫu. Chỉ cán bộ", "9 tháng kể từ khi ý kiến được trả lời", notice.Consent,
		"lienhe@hoabinhmau.example", "data-version=" + privacy.Version, "aria-describedby=gop-y-du-lieu-ca-nhan",
		"aria-describedby=sang-kien-du-lieu-ca-nhan", "/gop-y/tra-cuu/",
	} {
		if !strings.Contains(form, want) {
			t.Errorf("/gop-y/ lacks %q", want)
		}
	}
	if n := strings.Count(form, "Về thông tin cá nhân của bạn"); n != 2 {
		t.Errorf("/gop-y/ shows the notice %d times, want 2 (a comment and a proposal)", n)
	}
}
