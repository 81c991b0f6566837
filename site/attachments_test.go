package site_test

import (
	"github.com/daison/portal/internal/staffauth"
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

// TestGalleryAttachmentsBodyImages: an article attaches a document and
// shows a gallery with captions and a photo placed in its text (uploaded
// with it, named in the Markdown): the page shows the captions, links the
// document and renders the photo in the text as a responsive picture. A
// text naming a photo not uploaded, or a caption too long, is refused in
// Vietnamese.
func TestGalleryAttachmentsBodyImages(t *testing.T) {
	app := recordstest.NewApp(t)
	past := recordstest.Date(time.Now().Add(-time.Hour))
	doc := document(t, app, map[string]any{"number": "7/TB-UBND", "title": "Thông báo lịch tiếp công dân", "kind": "thong-bao",
		"issuer": "UBND xã Đại Sơn", "issuedOn": "2026-10-01 00:00:00.000Z", "status": "published", "publishAt": past})

	c, err := app.FindCollectionByNameOrId(schema.Articles)
	if err != nil {
		t.Fatal(err)
	}
	file := func(name string) *filesystem.File {
		f, err := filesystem.NewFileFromBytes(jpegBytes(t, 64, 48), name)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	art := core.NewRecord(c)
	art.Load(map[string]any{"title": "Ngày hội dịch vụ công", "category": "tin-hoat-dong", "status": "published", "publishAt": past,
		"attachments": []string{doc.Id}})
	art.Set("gallery", []any{file("quay.jpg"), file("hang.jpg")})
	art.Set("bodyImages", file("so-do.jpg"))
	if err := app.Save(art); err != nil {
		t.Fatal(err)
	}
	gallery, inText := art.GetStringSlice("gallery"), art.GetStringSlice("bodyImages")
	art.Set("galleryCaptions", map[string]string{gallery[0]: "Quầy một cửa sáng thứ Hai", "khong-co.jpg": "bị bỏ"})
	art.Set("body", "Người dân xếp hàng.\n\n![Sơ đồ quầy]("+inText[0]+")\n")
	if err := app.Save(art); err != nil {
		t.Fatal(err)
	}
	var caps map[string]string
	_ = art.UnmarshalJSONField("galleryCaptions", &caps)
	if len(caps) != 1 {
		t.Errorf("captions kept %v, want only the gallery's photo", caps)
	}

	bad := art.Clone()
	bad.Set("body", "![Ảnh](anh-khac.jpg)")
	if err := app.Save(bad); err == nil || !strings.Contains(err.Error(), "chưa được tải lên cùng bài này") {
		t.Errorf("a text naming a photo not uploaded: %v", err)
	}
	bad = art.Clone()
	bad.Set("galleryCaptions", map[string]string{gallery[1]: strings.Repeat("dài ", 100)})
	if err := app.Save(bad); err == nil || !strings.Contains(err.Error(), "tối đa 300 ký tự") {
		t.Errorf("a caption of 400 characters: %v", err)
	}

	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://dai-son.test/", Sources: portal.SiteFiles})
	t.Cleanup(b.Close)
	site.Register(app, b, staffauth.Require)
	serveSite(t, app, b)
	if st := b.Status(); st.Last == nil || !st.Last.OK() || len(st.Last.Problems) != 0 {
		t.Fatalf("build: %+v", st.Last)
	}
	page, ok := readLive(t, b, "tin-tuc/"+art.GetString("slug")+"/index.html")
	if !ok {
		t.Fatal("the article is not live")
	}
	base := strings.TrimSuffix(inText[0], ".jpg")
	for _, want := range []string{
		"<figcaption>Quầy một cửa sáng thứ Hai</figcaption>",
		`alt="Quầy một cửa sáng thứ Hai"`,
		"<a href=/van-ban/" + doc.GetString("slug") + "/>Thông báo số 7/TB-UBND: Thông báo lịch tiếp công dân</a>",
		"Văn bản kèm theo",
		"/tin-tuc/" + art.GetString("slug") + "/" + base + "_",
		`alt="Sơ đồ quầy"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(page, "bị bỏ") {
		t.Error("a caption of a photo not in the gallery is on the page")
	}
}
