package site_test

import (
	"github.com/daison/portal/internal/staffauth"
	"github.com/daison/portal/site/search"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	portal "github.com/daison/portal"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site"
)

var planPDF = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")

// document saves a document with its PDF.
func document(t *testing.T, app core.App, fields map[string]any) *core.Record {
	t.Helper()
	c, err := app.FindCollectionByNameOrId(schema.Documents)
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(c)
	r.Load(fields)
	f, err := filesystem.NewFileFromBytes(planPDF, "ke-hoach-da-ky.pdf")
	if err != nil {
		t.Fatal(err)
	}
	r.Set("file", f)
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
	return r
}

// A published document gets its page under /van-ban/ with its file to
// download, is listed by year and kind, in the sitemap and the search
// index; the plan's page links to the signed plan; an award links to its
// decision. A draft shows nowhere.
func TestDocumentsOnSite(t *testing.T) {
	app := recordstest.NewApp(t)
	past := recordstest.Date(time.Now().Add(-time.Hour))
	plan := document(t, app, map[string]any{
		"number": "105/KH-UBND", "title": "Kế hoạch phát động phong trào thi đua cải cách hành chính giai đoạn 2026 – 2030",
		"summary": "Mục đích, sáu nội dung thi đua và tiêu chuẩn khen thưởng.", "kind": "ke-hoach", "issuer": "UBND xã Đại Sơn",
		"signer": "Nguyễn Văn Chủ", "issuedOn": "2026-06-24 00:00:00.000Z", "movementPlan": true, "status": "published", "publishAt": past,
	})
	decision := document(t, app, map[string]any{
		"number": "12/QĐ-UBND", "title": "Quyết định khen thưởng năm 2026", "kind": "quyet-dinh", "issuer": "UBND xã Đại Sơn",
		"issuedOn": "2026-11-25 00:00:00.000Z", "status": "published", "publishAt": past,
	})
	document(t, app, map[string]any{
		"number": "99/TB-UBND", "title": "Thông báo còn nháp", "kind": "thong-bao", "issuer": "UBND xã Đại Sơn",
		"issuedOn": "2026-07-01 00:00:00.000Z", "status": "draft",
	})
	h := recordstest.Create(t, app, schema.Honorees, map[string]any{"name": "Trần Thị Bích", "kind": "ca-nhan", "status": "published", "publishAt": past})
	recordstest.Create(t, app, schema.Awards, map[string]any{"honoree": h.Id, "form": "giay-khen", "kind": "hang-nam", "year": 2026,
		"decisionNo": "12/QĐ-UBND", "achievement": "Hoàn thành xuất sắc nhiệm vụ", "decisionDoc": decision.Id, "status": "published", "publishAt": past})

	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://dai-son.test/", Sources: portal.SiteFiles})
	t.Cleanup(b.Close)
	site.Register(app, b, staffauth.Require)
	serveSite(t, app, b)
	if st := b.Status(); st.Last == nil || !st.Last.OK() || len(st.Last.Problems) != 0 {
		t.Fatalf("build: %+v", st.Last)
	}
	slug := plan.GetString("slug")
	page, ok := readLive(t, b, "van-ban/"+slug+"/index.html")
	if !ok {
		t.Fatalf("no page for the plan at /van-ban/%s/", slug)
	}
	for _, want := range []string{"105/KH-UBND", "24/06/2026", "UBND xã Đại Sơn", "Nguyễn Văn Chủ", "Mục đích, sáu nội dung",
		`href=/van-ban/` + slug + `/` + slug + `.pdf download`, "Tải văn bản về (PDF, 1 KB)"} {
		if !strings.Contains(page, want) {
			t.Errorf("the plan's page lacks %q", want)
		}
	}
	if pdf, ok := readLive(t, b, "van-ban/"+slug+"/"+slug+".pdf"); !ok || pdf != string(planPDF) {
		t.Errorf("the PDF is not published as stored: %v", ok)
	}
	list, _ := readLive(t, b, "van-ban/index.html")
	if !strings.Contains(list, "Kế hoạch phát động") || !strings.Contains(list, "12/QĐ-UBND") || strings.Contains(list, "Thông báo còn nháp") {
		t.Errorf("/van-ban/ lists the wrong documents")
	}
	if !strings.Contains(list, `href=/van-ban/nam/2026/>`) || !strings.Contains(list, `href=/van-ban/loai/ke-hoach/>`) {
		t.Errorf("/van-ban/ offers no browsing by year and kind")
	}
	if year, ok := readLive(t, b, "van-ban/nam/2026/index.html"); !ok || !strings.Contains(year, "105/KH-UBND") {
		t.Errorf("/van-ban/nam/2026/ lacks the plan")
	}
	if kind, ok := readLive(t, b, "van-ban/loai/quyet-dinh/index.html"); !ok || !strings.Contains(kind, "12/QĐ-UBND") || strings.Contains(kind, "105/KH-UBND") {
		t.Errorf("/van-ban/loai/quyet-dinh/ lists the wrong documents")
	}
	if sm, _ := readLive(t, b, "sitemap.xml"); !strings.Contains(sm, "/van-ban/"+slug+"/</loc>") {
		t.Errorf("the sitemap lacks the plan")
	}
	// Search finds the plan by its number and by words of its title.
	public, err := filepath.EvalSymlinks(b.Dir().LivePath())
	if err != nil {
		t.Fatal(err)
	}
	set, err := search.Load(public)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"105/KH-UBND", "ke hoach phat dong phong trao"} {
		res := set.Index.Search(q)
		found := false
		for i, h := range res.Hits {
			if i < 3 && set.Docs[h.Doc].URL == "/van-ban/"+slug+"/" {
				found = true
			}
		}
		if !found {
			t.Errorf("search %q does not find the plan in its first three results", q)
		}
	}
	if kh, _ := readLive(t, b, "ke-hoach/index.html"); !strings.Contains(kh, `href=/van-ban/`+slug+`/>`) {
		t.Errorf("the plan's page does not link to the signed plan")
	}
	honoree, _ := readLive(t, b, "vinh-danh/"+h.GetString("slug")+"/index.html")
	if !strings.Contains(honoree, `<a href=/van-ban/`+decision.GetString("slug")+`/>12/QĐ-UBND</a>`) {
		t.Errorf("the award does not link to its decision")
	}
	if d, _ := readLive(t, b, "van-ban/"+decision.GetString("slug")+"/index.html"); !strings.Contains(d, "Trần Thị Bích") {
		t.Errorf("the decision's page does not list its award")
	}
}
