package site_test

import (
	"bytes"
	"encoding/binary"
	"github.com/daison/portal/internal/staffauth"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	portal "github.com/daison/portal"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site"
	"github.com/daison/portal/site/export"
	"github.com/daison/portal/site/live"
)

// Security fault 2: one corrupt image stopped every build. The
// files here are written into the storage directly, past the upload
// checks (as a file stored before those checks, a restore or an import
// would be): the build leaves the image out, the record's page and every
// other page go live, and staff are told in Vietnamese which record to fix.

func picture(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 4), uint8(y * 4), 0x80, 0xff})
		}
	}
	return img
}

func pngBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, picture(w, h)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func jpegBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, picture(w, h), nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pngChunk is one PNG chunk with its checksum.
func pngChunk(kind string, data []byte) []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	out = append(out, kind...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(append([]byte(kind), data...)))
}

// corruptPNG is a PNG of w×h pixels whose header is valid (its size
// reads) but whose image data is not a zlib stream.
func corruptPNG(w, h int) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	ihdr = append(ihdr, 8, 6, 0, 0, 0) // 8-bit RGBA
	out := []byte("\x89PNG\r\n\x1a\n")
	out = append(out, pngChunk("IHDR", ihdr)...)
	out = append(out, pngChunk("IDAT", bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 64))...)
	return append(out, pngChunk("IEND", nil)...)
}

// corruptJPEG is a JPEG cut right after its scan's header: its size
// reads, its pixels do not.
func corruptJPEG(t *testing.T, w, h int) []byte {
	t.Helper()
	good := jpegBytes(t, w, h)
	sos := bytes.Index(good, []byte{0xff, 0xda})
	if sos < 0 {
		t.Fatal("no scan in the JPEG")
	}
	n := int(binary.BigEndian.Uint16(good[sos+2:]))
	return append([]byte(nil), good[:sos+2+n+16]...)
}

// withFiles saves a new record with files (name → content) in field.
func withFiles(t *testing.T, app core.App, collection string, fields map[string]any, field string, files ...[]byte) *core.Record {
	t.Helper()
	c, err := app.FindCollectionByNameOrId(collection)
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(c)
	r.Load(fields)
	var fs []*filesystem.File
	for i, data := range files {
		f, err := filesystem.NewFileFromBytes(data, "anh-"+string(rune('a'+i))+".png")
		if err != nil {
			t.Fatal(err)
		}
		fs = append(fs, f)
	}
	if len(fs) == 1 {
		r.Set(field, fs[0])
	} else {
		r.Set(field, fs)
	}
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
	return r
}

// storedPath is where the local storage keeps a record's file.
func storedPath(t *testing.T, app core.App, r *core.Record, name string) string {
	t.Helper()
	p := filepath.Join(app.DataDir(), "storage", filepath.FromSlash(r.BaseFilesPath()), name)
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// overwriteStored writes data over a record's stored file, as a file
// stored before the upload checks, or a restore, would leave it.
func overwriteStored(t *testing.T, app core.App, r *core.Record, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(storedPath(t, app, r, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

var (
	vietnameseLetter = regexp.MustCompile(`[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]`)
	// what must not reach staff: Go's and Hugo's English, server paths
	notForStaff = regexp.MustCompile(`(?i)zlib|invalid|header|unexpected|eof|error|failed|template:|execute|no such file|/tmp/|/root/|pb_data|storage/|\.md\b`)
)

// staffText fails unless s is a Vietnamese message with nothing of the
// server in it.
func staffText(t *testing.T, what, s string) {
	t.Helper()
	if !vietnameseLetter.MatchString(s) {
		t.Errorf("%s is not Vietnamese: %q", what, s)
	}
	if m := notForStaff.FindString(s); m != "" {
		t.Errorf("%s shows staff %q: %s", what, m, s)
	}
}

// problemOf returns the report's problem about record r, failing if there
// is none.
func problemOf(t *testing.T, rep site.Report, r *core.Record) export.Problem {
	t.Helper()
	for _, p := range rep.Problems {
		if p.ID == r.Id {
			return p
		}
	}
	t.Fatalf("no problem reported about %s %s: %+v", r.Collection().Name, r.Id, rep.Problems)
	return export.Problem{}
}

// TestHostile02CorruptCover: a published article whose stored cover is a
// PNG with a valid header and broken data no longer stops the build: the
// other article goes live with its cover, the broken one without it, and
// the status staff read (the API) names the article and what to do, in
// Vietnamese. A new cover fixes it at the next build; the preview works
// meanwhile.
func TestHostile02CorruptCover(t *testing.T) {
	app := recordstest.NewApp(t)
	past := recordstest.Date(time.Now().Add(-time.Hour))
	good := withFiles(t, app, schema.Articles, map[string]any{"title": "Bài có ảnh tốt", "category": "thong-bao", "status": "published", "publishAt": past}, "cover", pngBytes(t, 64, 48))
	bad := withFiles(t, app, schema.Articles, map[string]any{"title": "Bài có ảnh hỏng", "category": "thong-bao", "status": "published", "publishAt": past}, "cover", pngBytes(t, 64, 48))
	overwriteStored(t, app, bad, bad.GetString("cover"), corruptPNG(64, 48))

	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://dai-son.test/", Sources: portal.SiteFiles})
	t.Cleanup(b.Close)
	site.Register(app, b, staffauth.Require)
	h := serveSite(t, app, b)
	st := b.Status()
	if st.Last == nil || !st.Last.OK() {
		t.Fatalf("one corrupt cover stopped the build: %+v", st.Last)
	}
	rep := *st.Last

	goodPage, ok := readLive(t, b, "tin-tuc/"+good.GetString("slug")+"/index.html")
	if !ok || !strings.Contains(goodPage, "/tin-tuc/"+good.GetString("slug")+"/cover_") {
		t.Fatalf("the good article is not live with its cover: %v", ok)
	}
	badPage, ok := readLive(t, b, "tin-tuc/"+bad.GetString("slug")+"/index.html")
	if !ok || !strings.Contains(badPage, "Bài có ảnh hỏng") {
		t.Fatal("the article with the corrupt cover is not live")
	}
	if strings.Contains(badPage, "/tin-tuc/"+bad.GetString("slug")+"/cover") {
		t.Fatal("the corrupt cover is on its page")
	}

	p := problemOf(t, rep, bad)
	if p.Collection != schema.Articles || p.Field != "cover" || p.Title != "Bài có ảnh hỏng" || p.File != bad.GetString("cover") ||
		!strings.Contains(p.Message, "“Bài có ảnh hỏng”") || !strings.Contains(p.Message, "bị hỏng") || !strings.Contains(p.Message, "tải lên ảnh khác") {
		t.Errorf("problem = %+v", p)
	}
	staffText(t, "the problem", p.Message)
	if len(rep.Problems) != 1 {
		t.Errorf("problems = %+v, want only the broken cover", rep.Problems)
	}

	// What the dashboard reads.
	editor := staffToken(t, app, "editor")
	code, body := recordstest.Do(h, http.MethodGet, "/api/site/status", editor, "")
	if code != 200 || !strings.Contains(body, `"problems"`) || !strings.Contains(body, bad.Id) || !strings.Contains(body, "bị hỏng") {
		t.Fatalf("status API: %d %s", code, body)
	}

	// The preview of the broken article works too, without the cover.
	if page, err := b.Preview(bad); err != nil || !strings.Contains(string(page), "Bài có ảnh hỏng") {
		t.Fatalf("preview: %v", err)
	}

	// Built again with nothing changed: the file is not decoded again
	// (its verdict is kept), and still reported.
	rep, err := b.Build("lần hai")
	if err != nil || len(rep.Problems) != 1 {
		t.Fatalf("second build: %v %+v", err, rep.Problems)
	}

	// A new cover: the next build puts it on the page, and the problem is
	// gone.
	f, _ := filesystem.NewFileFromBytes(jpegBytes(t, 80, 60), "anh-moi.jpg")
	bad.Set("cover", f)
	if err := app.Save(bad); err != nil {
		t.Fatal(err)
	}
	rep, err = b.Build("sửa ảnh")
	if err != nil || len(rep.Problems) != 0 {
		t.Fatalf("after a new cover: %v %+v", err, rep.Problems)
	}
	if page, _ := readLive(t, b, "tin-tuc/"+bad.GetString("slug")+"/index.html"); !strings.Contains(page, "/tin-tuc/"+bad.GetString("slug")+"/cover_") {
		t.Fatal("the new cover is not on the page")
	}
}

// TestHostile02CorruptPhotos: the same for honorees' and initiatives'
// photos: a JPEG cut short, a PNG whose header claims 20,000 × 20,000
// pixels (refused before anything is decoded), and a stored file gone
// missing each leave only that image out, named to staff.
func TestHostile02CorruptPhotos(t *testing.T) {
	app := recordstest.NewApp(t)
	past := recordstest.Date(time.Now().Add(-time.Hour))
	honoree := func(name string, photo []byte) *core.Record {
		return withFiles(t, app, schema.Honorees, map[string]any{"name": name, "kind": "ca-nhan", "status": "published", "publishAt": past}, "photo", photo)
	}
	fine := honoree("Trần Thị Tốt", jpegBytes(t, 60, 60))
	cut := honoree("Nguyễn Văn Hỏng", jpegBytes(t, 60, 60))
	overwriteStored(t, app, cut, cut.GetString("photo"), corruptJPEG(t, 60, 60))
	bomb := honoree("Tổ Ảnh Quá Lớn", pngBytes(t, 40, 40))
	overwriteStored(t, app, bomb, bomb.GetString("photo"), corruptPNG(20000, 20000))
	ini := withFiles(t, app, schema.Initiatives, map[string]any{"title": "Sáng kiến hai ảnh", "kind": "sang-kien", "field": "chuyen-doi-so", "status": "published", "publishAt": past},
		"photos", pngBytes(t, 50, 40), pngBytes(t, 50, 40))
	gone := ini.GetStringSlice("photos")[1]
	if err := os.Remove(storedPath(t, app, ini, gone)); err != nil {
		t.Fatal(err)
	}

	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://dai-son.test/", Sources: portal.SiteFiles})
	t.Cleanup(b.Close)
	rep, err := b.Build("thử")
	if err != nil {
		t.Fatalf("bad photos stopped the build: %v", err)
	}
	page := func(section string, r *core.Record) string {
		t.Helper()
		body, ok := readLive(t, b, section+"/"+r.GetString("slug")+"/index.html")
		if !ok {
			t.Fatalf("%s/%s is not live", section, r.GetString("slug"))
		}
		return body
	}
	if !strings.Contains(page("vinh-danh", fine), "/vinh-danh/"+fine.GetString("slug")+"/anh_") {
		t.Error("the good honoree's photo is not on the page")
	}
	for _, r := range []*core.Record{cut, bomb} {
		if strings.Contains(page("vinh-danh", r), "/vinh-danh/"+r.GetString("slug")+"/anh") {
			t.Errorf("%s: the bad photo is on the page", r.GetString("name"))
		}
	}
	iniPage := page("mo-hinh-sang-kien", ini)
	if !strings.Contains(iniPage, "/anh-1_") || strings.Contains(iniPage, "/anh-2") {
		t.Error("the initiative's page does not show its one good photo alone")
	}

	for _, c := range []struct {
		r          *core.Record
		title, say string
	}{
		{cut, "Nguyễn Văn Hỏng", "bị hỏng"},
		{bomb, "Tổ Ảnh Quá Lớn", "quá lớn (20.000 × 20.000 điểm ảnh)"},
		{ini, "Sáng kiến hai ảnh", "Không tìm thấy tệp"},
	} {
		p := problemOf(t, rep, c.r)
		if p.Title != c.title || !strings.Contains(p.Message, "“"+c.title+"”") || !strings.Contains(p.Message, c.say) {
			t.Errorf("problem = %+v, want it to name %q and say %q", p, c.title, c.say)
		}
		staffText(t, "the problem", p.Message)
	}
	if len(rep.Problems) != 3 {
		t.Errorf("problems = %+v", rep.Problems)
	}
}

// TestHostile02ShareCards: the share cards are files too. A cached card
// written over with garbage is drawn again (Hugo reads every card's
// header); cards that cannot be drawn at all leave the pages live without
// them, and staff are told once.
func TestHostile02ShareCards(t *testing.T) {
	app := recordstest.NewApp(t)
	past := recordstest.Date(time.Now().Add(-time.Hour))
	a := recordstest.Create(t, app, schema.Articles, map[string]any{"title": "Bài có ảnh chia sẻ", "category": "thong-bao", "status": "published", "publishAt": past})
	root := t.TempDir()
	b := site.New(app, site.Config{Root: root, BaseURL: "http://dai-son.test/", Sources: portal.SiteFiles})
	t.Cleanup(b.Close)
	if _, err := b.Build("đầu"); err != nil {
		t.Fatal(err)
	}
	cacheDir := live.Dir{Root: root}.CardCachePath()
	bundleCard := filepath.Join(live.Dir{Root: root}.SrcPath(), "content", "tin-tuc", a.GetString("slug"), "the-chia-se.jpg")
	cached, err := filepath.Glob(filepath.Join(cacheDir, "*.jpg"))
	if err != nil || len(cached) < 2 {
		t.Fatalf("cached cards: %v %v", cached, err)
	}
	for _, c := range cached { // the article's card and the site's
		if err := os.WriteFile(c, []byte("không phải ảnh JPEG"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.Build("thẻ hỏng"); err != nil {
		t.Fatalf("a damaged cached card stopped the build: %v", err)
	}
	for _, f := range []string{bundleCard, filepath.Join(b.Dir().LivePath(), "tin-tuc", a.GetString("slug"), "the-chia-se.jpg"), filepath.Join(b.Dir().LivePath(), "the-chia-se.jpg")} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if cfg, err := jpeg.DecodeConfig(bytes.NewReader(data)); err != nil || cfg.Width != 1200 {
			t.Errorf("%s is not a card after the build: %v", f, err)
		}
	}

	// No card can be drawn (the cache is not a folder): the pages go live
	// all the same.
	if err := os.RemoveAll(cacheDir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cacheDir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	a.Set("title", "Bài đổi tên, chưa có ảnh chia sẻ")
	if err := app.Save(a); err != nil {
		t.Fatal(err)
	}
	rep, err := b.Build("không vẽ được thẻ")
	if err != nil {
		t.Fatalf("cards that cannot be drawn stopped the build: %v", err)
	}
	page, ok := readLive(t, b, "tin-tuc/"+a.GetString("slug")+"/index.html")
	if !ok || !strings.Contains(page, "Bài đổi tên, chưa có ảnh chia sẻ") {
		t.Fatal("the renamed article is not live")
	}
	if len(rep.Problems) != 1 || rep.Problems[0].ID != "" || !strings.Contains(rep.Problems[0].Message, "ảnh chia sẻ") {
		t.Fatalf("problems = %+v, want one about the share cards", rep.Problems)
	}
	staffText(t, "the problem", rep.Problems[0].Message)
}

// TestHostile02RenderAhead: the ahead lane, which renders saved records'
// pages at once on a large site, puts a page whose new cover is corrupt
// live without it, instead of failing.
func TestHostile02RenderAhead(t *testing.T) {
	app := recordstest.NewApp(t)
	past := recordstest.Date(time.Now().Add(-time.Hour))
	recordstest.Create(t, app, schema.Articles, map[string]any{"title": "Bài khác", "category": "thong-bao", "status": "published", "publishAt": past})
	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://dai-son.test/", Sources: portal.SiteFiles, RenderAheadPages: 1})
	t.Cleanup(b.Close)
	if _, err := b.Build("đầu"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.RenderAhead(); err != nil { // the lane's first run copies the build's sources
		t.Fatal(err)
	}
	bad := withFiles(t, app, schema.Articles, map[string]any{"title": "Bài mới ảnh hỏng", "category": "thong-bao", "status": "published", "publishAt": past}, "cover", pngBytes(t, 64, 48))
	overwriteStored(t, app, bad, bad.GetString("cover"), corruptPNG(64, 48))
	var overlay string
	b.OnAhead(func(o string) { overlay = o })
	n, _, err := b.RenderAhead()
	if err != nil || n == 0 || overlay == "" {
		t.Fatalf("render ahead: %d pages, %v", n, err)
	}
	page, err := os.ReadFile(filepath.Join(overlay, "tin-tuc", bad.GetString("slug"), "index.html"))
	if err != nil || !strings.Contains(string(page), "Bài mới ảnh hỏng") || strings.Contains(string(page), "/cover") {
		t.Fatalf("page rendered ahead: %v", err)
	}
}

// TestHostile02HugoFailsOnImage: an image that decodes here but that Hugo
// still fails on (its WebP decoder is not Go's) is left out and the build
// run again, once; the image is named to staff. The theme here fails on
// the 65-pixel-wide cover as Hugo's image processing would.
func TestHostile02HugoFailsOnImage(t *testing.T) {
	app := recordstest.NewApp(t)
	past := recordstest.Date(time.Now().Add(-time.Hour))
	ok := withFiles(t, app, schema.Articles, map[string]any{"title": "Bài ảnh thường", "category": "thong-bao", "status": "published", "publishAt": past}, "cover", pngBytes(t, 64, 48))
	odd := withFiles(t, app, schema.Articles, map[string]any{"title": "Bài ảnh lạ", "category": "thong-bao", "status": "published", "publishAt": past}, "cover", pngBytes(t, 65, 48))
	src := miniSite(`<h1>{{ .Title }}</h1>{{ with .Params.cover }}{{ with $.Resources.Get .src }}` +
		`{{ if eq .Width 65 }}{{ errorf "filter %s%s: image: unknown format" $.RelPermalink .Name }}{{ end }}` +
		`<img src="{{ (.Resize "32x").RelPermalink }}">{{ end }}{{ end }}`)
	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://dai-son.test/", Sources: src})
	t.Cleanup(b.Close)
	rep, err := b.Build("thử")
	if err != nil {
		t.Fatalf("the build did not recover from Hugo's failure on one image: %v", err)
	}
	if page, _ := readLive(t, b, "tin-tuc/"+ok.GetString("slug")+"/index.html"); !strings.Contains(page, "<img") {
		t.Error("the other article lost its cover")
	}
	if page, found := readLive(t, b, "tin-tuc/"+odd.GetString("slug")+"/index.html"); !found || strings.Contains(page, "<img") {
		t.Errorf("the image Hugo failed on: page live %v, still shown", found)
	}
	p := problemOf(t, rep, odd)
	if !strings.Contains(p.Message, "“Bài ảnh lạ”") || !strings.Contains(p.Message, "không xử lý được") {
		t.Errorf("problem = %+v", p)
	}
	staffText(t, "the problem", p.Message)
}

// TestHostile02StaffError: when Hugo itself fails (a broken template), what
// staff read names the template and line in Vietnamese, without Hugo's
// English or the server's folders: of the page held back when the rest
// went live, and of the build when the whole theme is broken.
func TestHostile02StaffError(t *testing.T) {
	app := recordstest.NewApp(t)
	recordstest.Create(t, app, schema.Articles, map[string]any{"title": "Bài", "category": "thong-bao", "status": "published", "publishAt": recordstest.Date(time.Now().Add(-time.Hour))})
	root := t.TempDir()
	src := miniSite(`{{ .Title.Nope }}`)
	b := site.New(app, site.Config{Root: root, BaseURL: "http://dai-son.test/", Sources: src})
	t.Cleanup(b.Close)
	rep, err := b.Build("thử")
	if err != nil || len(rep.FailedPages) == 0 {
		t.Fatalf("pages failing did not go live without them: %v %+v", err, rep.FailedPages)
	}
	for _, fp := range rep.FailedPages {
		if !strings.Contains(fp.Message, "“page.html”, dòng 1") || strings.Contains(fp.Message, root) {
			t.Errorf("held page = %q", fp.Message)
		}
		staffText(t, "the held page", fp.Message)
	}

	for _, f := range []string{"home.html", "list.html", "404.html"} {
		src["themes/mini/layouts/"+f] = miniFile(`{{ .Title.Nope }}`)
	}
	rep, err = b.Build("thử")
	// Hugo v0.165 now and then stalls on a theme broken everywhere before it
	// names where (its error collector deadlocks); the build then says so in
	// general words. Staff would build again: so does the test, twice at most.
	for try := 0; try < 2 && err != nil && !strings.Contains(err.Error(), "can't evaluate field Nope"); try++ {
		t.Logf("Hugo stalled without naming the failure (%v); building again", err)
		rep, err = b.Build("thử")
	}
	if err == nil {
		t.Fatal("a broken theme built")
	}
	if !strings.Contains(rep.Error, ".html”, dòng 1") || strings.Contains(rep.Error, root) {
		t.Errorf("error = %q", rep.Error)
	}
	staffText(t, "the build error", rep.Error)
	if !strings.Contains(err.Error(), "can't evaluate field Nope") {
		t.Errorf("the error for the log lost Hugo's detail: %v", err)
	}
}
