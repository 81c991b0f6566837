package export_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"github.com/daison/portal/records/award"
	"github.com/daison/portal/records/record"
	"image/jpeg"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gohugoio/hugo/parser/pageparser"
	"github.com/pocketbase/pocketbase/core"
	"golang.org/x/text/unicode/norm"
	"rsc.io/qr"

	"github.com/daison/portal/internal/qrsvg"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site/cards"
	"github.com/daison/portal/site/export"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// now is the export's clock in these tests.
var now = time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC)

// tricky holds titles and bodies that must come out of the content file as
// they went in.
var tricky = []struct {
	id, title, summary, body string
}{
	{"trickyquotes001", `Họp "khẩn" về 'cải cách' \ đường dẫn C:\thư mục`, `Tóm tắt có "ngoặc kép" và ---`, "Nội dung với `mã` và \"ngoặc\"."},
	{"trickydashes001", "--- +++ {} }{ ---", "", "---\ntitle: giả\n---\n\n+++\ntitle = \"giả\"\n+++\n\nThân bài sau các dấu phân cách."},
	{"trickyemoji0001", "Ngày hội chuyển đổi số 🎉🇻🇳", "Vui 😀", "Có biểu tượng 👍 trong thân bài."},
	{"trickynfd000001", "Kie\u0302\u0309m tra \u0110a\u0323i So\u031Bn", "Ba\u0309n NFD", "Va\u0306n ba\u0309n to\u0302\u0309 ho\u031Bp."},
	{"trickyempty0001", "Chỉ có tiêu đề", "", ""},
	{"trickyjson00001", `{"title":"chèn"} }}}`, "", "{{ .Title }} và } { và \\\" và \\u0000"},
}

func TestExportGolden(t *testing.T) {
	app := recordstest.NewApp(t)
	unit := recordstest.Create(t, app, schema.Units, map[string]any{
		"id": "unitvanphong001", "name": "Văn phòng HĐND và UBND xã", "kind": "phong-chuyen-mon",
		"status": "published", "publishAt": recordstest.Date(now.Add(-72 * time.Hour)),
	})
	for i, c := range tricky {
		fields := map[string]any{
			"id": c.id, "title": c.title, "summary": c.summary, "body": c.body,
			"shortCode": "gda" + string(rune('a'+i)), // fixed, for the golden files
			"category":  "tin-hoat-dong", "status": "published",
			"publishAt": recordstest.Date(now.Add(-24 * time.Hour)),
		}
		if c.id == "trickyquotes001" {
			fields["unit"] = unit.Id
			fields["tags"] = []string{"VNeID", "dịch vụ công"}
		}
		recordstest.Create(t, app, schema.Articles, fields)
	}

	root := t.TempDir()
	res, err := export.Run(app, root, export.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Pages[schema.Articles]; got != len(tricky) {
		t.Fatalf("exported %d articles, want %d", got, len(tricky))
	}

	lastmod := regexp.MustCompile(`"lastmod": "[^"]*"`)
	files, _ := filepath.Glob(filepath.Join(root, "content", "*", "*", "index.md"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// lastmod is the record's update time, set by PocketBase.
		b = lastmod.ReplaceAll(b, []byte(`"lastmod": "…"`))
		rel, _ := filepath.Rel(filepath.Join(root, "content"), f)
		golden := filepath.Join("testdata", "golden", strings.ReplaceAll(filepath.Dir(rel), string(filepath.Separator), "--")+".md")
		if *update {
			if err := os.WriteFile(golden, b, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./site/export -update to create it)", err)
		}
		if !bytes.Equal(b, want) {
			t.Errorf("%s differs from %s:\n%s", rel, golden, b)
		}
	}
}

// TestExportRoundTrip reads each exported page back with Hugo's own page
// parser: the title, summary and body must be what was stored, in NFC.
func TestExportRoundTrip(t *testing.T) {
	app := recordstest.NewApp(t)
	for _, c := range tricky {
		recordstest.Create(t, app, schema.Articles, map[string]any{
			"id": c.id, "title": c.title, "summary": c.summary, "body": c.body,
			"category": "thong-bao", "status": "published",
			"publishAt": recordstest.Date(now.Add(-time.Hour)),
		})
	}
	root := t.TempDir()
	if _, err := export.Run(app, root, export.Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	for _, c := range tricky {
		r, err := app.FindRecordById(schema.Articles, c.id)
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(filepath.Join(root, "content", "tin-tuc", r.GetString("slug"), "index.md"))
		if err != nil {
			t.Fatal(err)
		}
		cf, err := pageparser.ParseFrontMatterAndContent(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: Hugo cannot parse the page: %v", c.id, err)
		}
		want := norm.NFC.String(c.title)
		if got := cf.FrontMatter["title"]; got != want {
			t.Errorf("%s: title = %q, want %q", c.id, got, want)
		}
		if got, want := cf.FrontMatter["summary"], norm.NFC.String(c.summary); want != "" && got != want {
			t.Errorf("%s: summary = %q, want %q", c.id, got, want)
		}
		if got, want := strings.TrimSpace(string(cf.Content)), strings.TrimSpace(norm.NFC.String(c.body)); got != want {
			t.Errorf("%s: body = %q, want %q", c.id, got, want)
		}
		if d, _ := cf.FrontMatter["description"].(string); d == "" {
			t.Errorf("%s: empty description", c.id)
		}
	}
}

func TestEncodeNeutralisesShortcodes(t *testing.T) {
	b, err := export.Encode(record.Page{Title: "{{< x >}}", Params: map[string]any{}}, "a {{< param title >}} b {{% y %}}")
	if err != nil {
		t.Fatal(err)
	}
	if pageparser.HasShortcode(string(b[bytes.IndexByte(b, '}')+1:])) {
		t.Fatalf("body still holds a shortcode: %s", b)
	}
	items, err := pageparser.ParseBytes(b, pageparser.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.IsLeftShortcodeDelim() {
			t.Fatalf("Hugo sees a shortcode in %s", b)
		}
	}
}

// TestExportVisibility: drafts, records in review, archived and scheduled
// records are not exported, nor links to them; the earliest scheduled time
// is reported.
func TestExportVisibility(t *testing.T) {
	app := recordstest.NewApp(t)
	// Published first (a record may only be published with published
	// links), then taken back: the export must drop the links.
	draftUnit := recordstest.Create(t, app, schema.Units, map[string]any{
		"name": "Đơn vị nháp", "kind": "khac", "status": "published", "publishAt": recordstest.Date(now.Add(-2 * time.Hour)),
	})
	h := recordstest.Create(t, app, schema.Honorees, map[string]any{
		"name": "Nguyễn Văn An", "kind": "ca-nhan", "status": "published", "unit": draftUnit.Id,
		"publishAt": recordstest.Date(now.Add(-time.Hour)),
	})
	hidden := recordstest.Create(t, app, schema.Honorees, map[string]any{
		"name": "Trần Thị Bình", "kind": "ca-nhan", "status": "published",
		"publishAt": recordstest.Date(now.Add(-time.Hour)),
	})
	recordstest.Create(t, app, schema.Awards, map[string]any{
		"honoree": h.Id, "form": "giay-khen", "kind": "dot-xuat", "year": 2026, "achievement": "Thành tích A",
		"decisionNo": "12/QĐ-UBND", "decisionDate": recordstest.Date(time.Date(2026, 7, 9, 1, 0, 0, 0, time.UTC)),
		"status": "published", "publishAt": recordstest.Date(now.Add(-time.Hour)),
	})
	recordstest.Create(t, app, schema.Awards, map[string]any{
		"honoree": hidden.Id, "form": "giay-khen", "kind": "dot-xuat", "year": 2026, "achievement": "Thành tích B",
		"status": "published", "publishAt": recordstest.Date(now.Add(-time.Hour)),
	})
	recordstest.Create(t, app, schema.Awards, map[string]any{
		"honoree": h.Id, "form": "giay-khen", "kind": "hang-nam", "year": 2026, "achievement": "Thành tích nháp",
		"status": "draft",
	})
	for r, status := range map[*core.Record]string{draftUnit: "draft", hidden: "review"} {
		r.Set("status", status)
		if err := app.Save(r); err != nil {
			t.Fatal(err)
		}
	}
	soon := now.Add(90 * time.Minute)
	recordstest.Create(t, app, schema.Articles, map[string]any{
		"title": "Hẹn giờ", "category": "thong-bao", "status": "published", "publishAt": recordstest.Date(soon),
	})
	recordstest.Create(t, app, schema.Articles, map[string]any{
		"title": "Lưu trữ", "category": "thong-bao", "status": "archived", "publishAt": recordstest.Date(now.Add(-time.Hour)),
	})

	root := t.TempDir()
	res, err := export.Run(app, root, export.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total() != 1 || res.Pages[schema.Honorees] != 1 {
		t.Fatalf("pages = %v, want only the published honoree", res.Pages)
	}
	if !res.NextPublish.Equal(soon.Truncate(time.Millisecond)) {
		t.Fatalf("NextPublish = %v, want %v", res.NextPublish, soon)
	}
	b, err := os.ReadFile(filepath.Join(root, "content", "vinh-danh", "nguyen-van-an", "index.md"))
	if err != nil {
		t.Fatal(err)
	}
	var fm struct {
		Date   string `json:"date"`
		Params struct {
			Unit   *record.Ref   `json:"unit"`
			Awards []award.Entry `json:"awards"`
		} `json:"params"`
	}
	if err := json.NewDecoder(bytes.NewReader(b)).Decode(&fm); err != nil {
		t.Fatal(err)
	}
	if fm.Params.Unit != nil {
		t.Errorf("links to a draft unit: %+v", fm.Params.Unit)
	}
	if len(fm.Params.Awards) != 1 || fm.Params.Awards[0].Achievement != "Thành tích A" || fm.Params.Awards[0].DecisionDate != "09/07/2026" {
		t.Errorf("awards = %+v, want only the published one, dated 09/07/2026", fm.Params.Awards)
	}
	if !strings.HasSuffix(fm.Date, "+07:00") {
		t.Errorf("date %q is not in Vietnam's time", fm.Date)
	}
}

// TestExportSharing: a linkable record's bundle holds its QR code and its
// 1200×630 share card; the site gets a default card. The QR code encodes
// the short link tagged ?nguon=qr, a sparser code than the full address: checked by encoding the
// expected payload again and comparing the SVG, and by counting modules.
func TestExportSharing(t *testing.T) {
	app := recordstest.NewApp(t)
	g := recordstest.Create(t, app, schema.Guides, map[string]any{
		"title": "Đăng ký khai sinh trực tuyến", "status": "published",
		"publishAt": recordstest.Date(now.Add(-time.Hour)),
	})
	root := t.TempDir()
	cache := &cards.Cache{Dir: t.TempDir()}
	if _, err := export.Run(app, root, export.Options{Now: now, BaseURL: "https://caicach.daison.gov.vn/", Cards: cache}); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "content", "huong-dan", g.GetString("slug"))
	wantURL := "https://caicach.daison.gov.vn/l/" + g.GetString("shortCode") + "/?nguon=qr"
	longURL := "https://caicach.daison.gov.vn/huong-dan/dang-ky-khai-sinh-truc-tuyen/?nguon=qr"
	short, err1 := qr.Encode(wantURL, qr.Q)
	long, err2 := qr.Encode(longURL, qr.Q)
	if err1 != nil || err2 != nil || short.Size >= long.Size {
		t.Errorf("the short link's code is not sparser: %d modules a side, the page's %d (%v %v)", short.Size, long.Size, err1, err2)
	}
	svg, err := os.ReadFile(filepath.Join(dir, "qr.svg"))
	if err != nil {
		t.Fatal(err)
	}
	same, _ := qrsvg.SVG(wantURL, "Mã QR dẫn tới trang “Đăng ký khai sinh trực tuyến”")
	if !bytes.Equal(svg, same) {
		t.Errorf("qr.svg does not encode %s", wantURL)
	}
	for _, f := range []string{filepath.Join(dir, "the-chia-se.jpg"), filepath.Join(root, "static", "the-chia-se.jpg")} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		img, err := jpeg.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if s := img.Bounds().Size(); s.X != 1200 || s.Y != 630 || len(b) > 300<<10 {
			t.Errorf("%s: %v, %d bytes", f, s, len(b))
		}
	}
	page, _ := os.ReadFile(filepath.Join(dir, "index.md"))
	for _, want := range []string{`"qr": "qr.svg"`, `"qrUrl": "` + wantURL + `"`, `"src": "the-chia-se.jpg"`, `"shortUrl": "/l/`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("front matter lacks %s", want)
		}
	}
}

func TestExportStats(t *testing.T) {
	app := recordstest.NewApp(t)
	past := recordstest.Date(now.Add(-time.Hour))
	u := recordstest.Create(t, app, schema.Units, map[string]any{"name": "Phòng Kinh tế", "kind": "phong-chuyen-mon", "status": "published", "publishAt": past})
	h := recordstest.Create(t, app, schema.Honorees, map[string]any{"name": "Tổ một cửa", "kind": "tap-the", "unit": u.Id, "status": "published", "publishAt": past})
	hidden := recordstest.Create(t, app, schema.Honorees, map[string]any{"name": "Nháp", "kind": "ca-nhan", "status": "published", "publishAt": past})
	for i, a := range []struct {
		h, form, kind string
		year          int
	}{{h.Id, "giay-khen", "hang-nam", 2025}, {h.Id, "giay-khen", "hang-nam", 2026}, {h.Id, "bang-khen-thanh-pho", "dot-xuat", 2026}, {hidden.Id, "giay-khen", "hang-nam", 2026}} {
		recordstest.Create(t, app, schema.Awards, map[string]any{"honoree": a.h, "form": a.form, "kind": a.kind, "year": a.year,
			"achievement": fmt.Sprintf("Thành tích %d", i), "status": "published", "publishAt": past})
	}
	// The honoree goes back to draft: its awards leave the statistics.
	hidden.Set("status", "draft")
	if err := app.Save(hidden); err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	if _, err := export.Run(app, root, export.Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(root, "data", "stats.json"))
	if err != nil {
		t.Fatal(err)
	}
	var st export.Stats
	if err := json.Unmarshal(b, &st); err != nil {
		t.Fatal(err)
	}
	if st.TotalAwards != 3 || len(st.AwardsByYear) != 2 || st.AwardsByYear[1].Count != 2 || st.AwardsByYear[1].URL != "/vinh-danh/nam/2026/" {
		t.Fatalf("awards by year: %+v (total %d)", st.AwardsByYear, st.TotalAwards)
	}
	if len(st.AwardsByUnit) != 1 || st.AwardsByUnit[0].Count != 3 || st.AwardsByForm[0].Label != "Giấy khen của Chủ tịch UBND xã" {
		t.Fatalf("by unit %+v, by form %+v", st.AwardsByUnit, st.AwardsByForm)
	}
}
