package site_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	portal "github.com/daison/portal"
	"github.com/daison/portal/demo"
	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/vntext"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site"
)

// otherCommune is a made-up commune: its portal must carry its name on
// every page and nothing of Đại Sơn's.
var otherCommune = map[string]any{
	"commune": "xã Hòa Bình Mẫu", "province": "tỉnh Thử Nghiệm",
	"siteName": "Cổng cải cách hành chính xã Hòa Bình Mẫu", "mark": "HB",
	"owner": "Ủy ban nhân dân xã Hòa Bình Mẫu", "movement": "Hòa Bình Mẫu phục vụ Nhân dân 2026 – 2030",
	"address": "Số 1 đường Thử, xã Hòa Bình Mẫu", "phone": "0203 3000 000", "email": "lienhe@hoabinhmau.example",
	"officeHours": "Thứ Hai đến thứ Sáu, 7 giờ 30 – 17 giờ", "responsible": "Người Thử Nghiệm",
	"responsibleTitle": "Phó Chủ tịch UBND xã", "counterAddress": "Tầng 1, trụ sở UBND xã Hòa Bình Mẫu",
	"counterHours": "Sáng thứ Bảy, 7 giờ 30 – 11 giờ 30", "colour": "xanh-la",
	"planNumber": "7/KH-UBND", "planDate": "15/06/2026", "planText": "## I. Mục đích\n\nKế hoạch thử của xã Hòa Bình Mẫu.",
}

// TestBuildOtherCommune builds the real site (theme, hand-written pages,
// generated records) for a made-up commune and checks that every page of
// every type names it, that the contacts and the plan come from its
// settings, and that no page names Đại Sơn.
func TestBuildOtherCommune(t *testing.T) {
	app := recordstest.NewApp(t)
	if _, err := demo.Synthetic(app, 240, 7); err != nil {
		t.Fatal(err)
	}
	recordstest.Create(t, app, commune.Collection, otherCommune)

	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://hoa-binh.test/", Sources: portal.SiteFiles})
	t.Cleanup(b.Close)
	rep, err := b.Build("thử xã khác")
	if err != nil || !rep.OK() {
		t.Fatalf("build: %v %+v", err, rep)
	}
	live, err := filepath.EvalSymlinks(b.Dir().LivePath())
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	err = filepath.WalkDir(live, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, ".xml") && !strings.HasSuffix(p, ".svg") {
			return err
		}
		rel, _ := filepath.Rel(live, p)
		body, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		text := string(body)
		if f := vntext.Fold(text); strings.Contains(f, "dai son") || strings.Contains(f, "dai-son") || strings.Contains(text, "ĐS") {
			t.Errorf("%s names Đại Sơn", rel)
		}
		if strings.HasSuffix(p, ".html") && !strings.Contains(text, "Hòa Bình Mẫu") {
			t.Errorf("%s does not name the commune", rel)
		}
		kinds[pageKind(rel)]++
		if strings.Contains(text, "poster-warning") {
			t.Errorf("%s warns of a loopback address, built for http://hoa-binh.test/", rel)
		}

		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"home", "section", "page", "taxonomy", "term", "poster", "contact", "plan", "404", "feed", "favicon"} {
		if kinds[k] == 0 {
			t.Errorf("no %s page in the build (kinds seen: %v)", k, kinds)
		}
	}

	home, _ := readLive(t, b, "index.html")

	for _, want := range []string{
		`<a href=tel:02033000000>0203 3000 000</a>`,
		`<a href=mailto:lienhe@hoabinhmau.example>lienhe@hoabinhmau.example</a>`,
		"Người Thử Nghiệm, Phó Chủ tịch UBND xã", `<span class=brand-mark aria-hidden=true>HB</span>`,
		`<meta name=theme-color content="#1d5231">`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("the home page's header or footer lacks %q", want)
		}
	}
	if strings.Contains(home, commune.DemoBanner) {
		t.Error("a portal without demo data shows the demo banner")
	}
	contact, _ := readLive(t, b, "lien-he/index.html")
	for _, want := range []string{"Tầng 1, trụ sở UBND xã Hòa Bình Mẫu", "Sáng thứ Bảy, 7 giờ 30 – 11 giờ 30", "Thứ Hai đến thứ Sáu"} {
		if !strings.Contains(contact, want) {
			t.Errorf("/lien-he/ lacks %q", want)
		}
	}
	plan, _ := readLive(t, b, "ke-hoach/index.html")
	if !strings.Contains(plan, "Kế hoạch thử của xã Hòa Bình Mẫu") || !strings.Contains(plan, "7/KH-UBND") {
		t.Error("/ke-hoach/ does not show the commune's plan")
	}
}

// pageKind names the kind of a built file by its path.
func pageKind(rel string) string {
	rel = filepath.ToSlash(rel)
	parts := strings.Split(strings.TrimSuffix(rel, "/index.html"), "/")
	switch {
	case rel == "index.html":
		return "home"
	case rel == "404.html":
		return "404"
	case strings.HasSuffix(rel, ".xml"):
		return "feed"
	case strings.HasSuffix(rel, ".svg"):
		if strings.Contains(rel, "favicon") {
			return "favicon"
		}
		return "svg"
	case strings.HasSuffix(rel, "/qr/index.html"):
		return "poster"
	case parts[0] == "lien-he":
		return "contact"
	case parts[0] == "ke-hoach":
		return "plan"
	case len(parts) == 1:
		return "section"
	case parts[0] == "l":
		return "redirect"
	case len(parts) == 2 && (parts[1] == "chuyen-muc" || parts[1] == "loai" || parts[1] == "nam" || parts[1] == "don-vi" || parts[1] == "linh-vuc" || parts[1] == "tu-khoa" || parts[1] == "doi-tuong" || parts[1] == "hinh-thuc"):
		return "taxonomy"
	case len(parts) == 3 && parts[1] != "trang":
		return "term"
	}
	return "page"
}
