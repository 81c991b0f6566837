package themetest

import (
	"fmt"
	"strings"
	"testing"
)

// newKind is a kind of record the theme does not know, added as
// layouts/section.html says: its item partial, its page template, its
// list settings, its strings and its section's page; its records have a
// unit.
const newKind = `
-- themes/daison/layouts/_partials/item/su-kien.html --
<article class="item item--event"><h{{ .level }} class="item-title"><a href="{{ .page.RelPermalink }}">{{ .page.Title }}</a></h{{ .level }}><p class="item-meta">{{ .page.Params.place }}</p></article>
-- themes/daison/layouts/su-kien/page.html --
{{ define "main" }}<article class="event"><h1>{{ .Title }}</h1><p>{{ .Params.place }}</p></article>{{ end }}
-- themes/daison/data/lists/su-kien.toml --
class = "cards"
heading = "allEventsTitle"
sort = "date"
pagerSize = 2
[unit]
  weight = 15
  title = "unitEvents"
  dates = true
-- i18n/vi.toml --
allEventsTitle = "Tất cả sự kiện"
unitEvents = "Sự kiện của đơn vị"
-- content/su-kien/_index.md --
+++
title = "Sự kiện"
+++
Hội nghị sơ kết, tổng kết và tập huấn.
-- content/su-kien/so-ket.md --
+++
title = "Sơ kết 6 tháng"
date = 2026-07-10T08:00:00+07:00
place = "Hội trường UBND xã"
unit = { title = "Văn phòng", url = "/don-vi/van-phong/" }
+++
-- content/su-kien/tap-huan.md --
+++
title = "Tập huấn VNeID"
date = 2026-03-02T08:00:00+07:00
place = "Nhà văn hóa thôn"
unit = { title = "Văn phòng", url = "/don-vi/van-phong/" }
+++
-- content/su-kien/tong-ket.md --
+++
title = "Tổng kết năm"
date = 2026-12-20T08:00:00+07:00
place = "Hội trường UBND xã"
+++
-- content/don-vi/_index.md --
+++
title = "Đơn vị"
+++
-- content/don-vi/van-phong.md --
+++
title = "Văn phòng"
+++
-- content/tin-tuc/_index.md --
+++
title = "Tin tức"
+++
-- content/tin-tuc/hop.md --
+++
title = "Họp giao ban"
date = 2026-05-04T08:00:00+07:00
unit = { title = "Văn phòng", url = "/don-vi/van-phong/" }
+++
-- content/bao-cao/_index.md --
+++
title = "Báo cáo"
+++
-- content/bao-cao/quy-1.md --
+++
title = "Báo cáo quý I"
summary = "Kết quả quý I."
+++
`

// TestNewKindPlugsIn: a kind of record the theme does not know lists its
// records with its own item partial, heading, order and page size, and
// shows them on its units' pages, without a change to a shared template;
// a section with no files of its own in the theme lists title and summary.
func TestNewKindPlugsIn(t *testing.T) {
	b := build(t, newKind)

	first := b.FileContent("public/su-kien/index.html")
	main := section(first, `<main`, `</main>`)
	for _, want := range []string{
		"Hội nghị sơ kết, tổng kết và tập huấn.",
		`<h2 id="danh-sach" class="list-title">Tất cả sự kiện <span class="count">(3)</span></h2>
<div class="cards">
<article class="item item--event"><h3 class="item-title"><a href="/su-kien/tong-ket/">Tổng kết năm</a></h3><p class="item-meta">Hội trường UBND xã</p></article>
<article class="item item--event"><h3 class="item-title"><a href="/su-kien/so-ket/">Sơ kết 6 tháng</a></h3>`,
		`<p class="pagination-status">Trang 1/2</p>`,
	} {
		if !strings.Contains(main, want) {
			t.Errorf("/su-kien/: no\n%s\nin\n%s", want, main)
		}
	}
	if strings.Contains(main, "Tập huấn VNeID") {
		t.Errorf("/su-kien/ shows the third event on the first page of two:\n%s", main)
	}
	b.AssertFileContent("public/su-kien/trang/2/index.html",
		`<h3 class="item-title"><a href="/su-kien/tap-huan/">Tập huấn VNeID</a></h3>`)
	b.AssertFileContent("public/su-kien/so-ket/index.html",
		`<article class="event"><h1>Sơ kết 6 tháng</h1><p>Hội trường UBND xã</p></article>`)

	unit := section(b.FileContent("public/don-vi/van-phong/index.html"), `<main`, `</main>`)
	events := strings.Index(unit, `<h2 id="dv-su-kien">Sự kiện của đơn vị <span class="count">(2)</span></h2>`)
	news := strings.Index(unit, `<h2 id="dv-tin-tuc">`)
	if events < 0 || news < 0 || events > news {
		t.Errorf("the unit's page should list its 2 events before its news (weight 15 < 30):\n%s", unit)
	}
	if !strings.Contains(unit, `<li><a href="/su-kien/so-ket/">Sơ kết 6 tháng</a> <span class="muted">– <time datetime="2026-07-10">10/07/2026</time></span></li>`) {
		t.Errorf("the unit's events lack a dated link:\n%s", unit)
	}

	b.AssertFileContent("public/bao-cao/index.html", `<div class="list">
<article class="item">
<h2 class="item-title"><a href="/bao-cao/quy-1/">Báo cáo quý I</a></h2>
<p class="item-summary">Kết quả quý I.</p>
</article>
</div>`, `! class="list-title"`, `! class="browse"`)
}

// TestUnitPageBlocks: a unit's page lists its honorees, initiatives and
// news, each block at most 20 links and then a link to all of them on the
// unit's page of the section's ways to browse, when there is one.
func TestUnitPageBlocks(t *testing.T) {
	var files strings.Builder
	files.WriteString(`
-- content/don-vi/_index.md --
+++
title = "Đơn vị"
+++
-- content/don-vi/van-phong.md --
+++
title = "Văn phòng"
+++
-- content/vinh-danh/_index.md --
+++
title = "Vinh danh"
+++
-- content/tin-tuc/_index.md --
+++
title = "Tin tức"
+++
-- content/mo-hinh-sang-kien/_index.md --
+++
title = "Mô hình, sáng kiến"
+++
-- content/mo-hinh-sang-kien/mot-cua.md --
+++
title = "Một cửa thân thiện"
unit = { title = "Văn phòng", url = "/don-vi/van-phong/" }
+++
`)
	for i := 1; i <= 21; i++ {
		fmt.Fprintf(&files, "-- content/vinh-danh/nguoi-%d.md --\n+++\ntitle = \"Người %d\"\nvinh-danh-don-vi = [\"van-phong\"]\nunit = { title = \"Văn phòng\", url = \"/don-vi/van-phong/\" }\n+++\n", i, i)
	}
	for i := 1; i <= 21; i++ {
		fmt.Fprintf(&files, "-- content/tin-tuc/tin-%d.md --\n+++\ntitle = \"Tin %d\"\ndate = %s\nunit = { title = \"Văn phòng\", url = \"/don-vi/van-phong/\" }\n+++\n", i, i, dayOf2026(i))
	}
	b := build(t, files.String())
	unit := section(b.FileContent("public/don-vi/van-phong/index.html"), `<main`, `</main>`)

	honorees := section(unit, `<section class="block" aria-labelledby="dv-vinh-danh">`, `</section>`)
	initiatives := section(unit, `<section class="block" aria-labelledby="dv-mo-hinh-sang-kien">`, `</section>`)
	news := section(unit, `<section class="block" aria-labelledby="dv-tin-tuc">`, `</section>`)
	if honorees == "" || initiatives == "" || news == "" {
		t.Fatalf("the unit's page lacks a block:\n%s", unit)
	}
	if !(strings.Index(unit, honorees) < strings.Index(unit, initiatives) && strings.Index(unit, initiatives) < strings.Index(unit, news)) {
		t.Errorf("blocks out of order (honorees, initiatives, news):\n%s", unit)
	}
	for _, c := range []struct {
		name, block string
		want        []string
	}{
		{"honorees", honorees, []string{
			`<h2 id="dv-vinh-danh">Tập thể, cá nhân được vinh danh <span class="count">(21)</span></h2>`,
			`<p class="muted">Đang hiển thị 20 mục mới nhất. <a href="/vinh-danh/don-vi/van-phong/">Xem tất cả tập thể, cá nhân được vinh danh của đơn vị</a></p>`,
		}},
		{"initiatives", initiatives, []string{
			`<h2 id="dv-mo-hinh-sang-kien">Mô hình, sáng kiến của đơn vị <span class="count">(1)</span></h2>`,
			`<li><a href="/mo-hinh-sang-kien/mot-cua/">Một cửa thân thiện</a></li>`,
		}},
		{"news", news, []string{
			`<h2 id="dv-tin-tuc">Tin tức của đơn vị <span class="count">(21)</span></h2>`,
			`<ul class="links">
<li><a href="/tin-tuc/tin-21/">Tin 21</a> <span class="muted">– <time datetime="2026-01-21">21/01/2026</time></span></li>`,
			`<p class="muted">Đang hiển thị 20 mục mới nhất.</p>`,
		}},
	} {
		for _, w := range c.want {
			if !strings.Contains(c.block, w) {
				t.Errorf("%s: no\n%s\nin\n%s", c.name, w, c.block)
			}
		}
	}
	if strings.Contains(news, "Tin 1<") {
		t.Errorf("news: the oldest of 21 should be left out:\n%s", news)
	}
}
