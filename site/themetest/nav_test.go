package themetest

import (
	"fmt"
	"strings"
	"testing"
)

// newsPages writes n news articles, one a day from 1 January 2026, so
// the newest (Tin n) comes first.
func newsPages(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "-- content/tin-tuc/tin-%d.md --\n+++\ntitle = \"Tin %d\"\ndate = %s\n+++\n", i, i, dayOf2026(i))
	}
	return b.String()
}

// dayOf2026 is the i-th day of 2026 (1 = 1 January) at 08:00 in Vietnam.
func dayOf2026(i int) string {
	months := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	m := 0
	for i > months[m] {
		i -= months[m]
		m++
	}
	return fmt.Sprintf("2026-%02d-%02dT08:00:00+07:00", m+1, i)
}

// section cuts the first element that starts with open out of html, up to
// and including its closing tag close; "" when there is none.
func section(html, open, close string) string {
	i := strings.Index(html, open)
	if i < 0 {
		return ""
	}
	j := strings.Index(html[i:], close)
	if j < 0 {
		return ""
	}
	return html[i : i+j+len(close)]
}

// TestPagination: 90 articles at 12 a page make 8 pages; each page marks
// its own number with aria-current="page" (once), links a window of two
// numbers either side, the first and the last page, a gap (…) where
// numbers are left out, and previous / next where they exist.
func TestPagination(t *testing.T) {
	b := build(t, news+newsPages(90))

	nav := func(path string) string {
		t.Helper()
		s := section(b.FileContent(path), `<nav class="pagination"`, "</nav>")
		if s == "" {
			t.Fatalf("%s has no pagination", path)
		}
		if n := strings.Count(s, `aria-current="page"`); n != 1 {
			t.Errorf("%s: aria-current=\"page\" %d times in the pagination, want 1:\n%s", path, n, s)
		}
		return s
	}

	first := nav("public/tin-tuc/index.html")
	for _, want := range []string{
		`<p class="pagination-status">Trang 1/8</p>`,
		`<li><span class="pagination-current" aria-current="page">1</span></li>`,
		`<li><a href="/tin-tuc/trang/2/" aria-label="Trang 2">2</a></li>`,
		`<li><a href="/tin-tuc/trang/3/" aria-label="Trang 3">3</a></li>`,
		`<li class="pagination-gap" aria-hidden="true">…</li>`,
		`<li><a href="/tin-tuc/trang/8/" aria-label="Trang 8">8</a></li>`,
		`<li class="pagination-next"><a href="/tin-tuc/trang/2/" rel="next">Trang sau</a></li>`,
	} {
		if !strings.Contains(first, want) {
			t.Errorf("page 1: no %s in\n%s", want, first)
		}
	}
	for _, not := range []string{`rel="prev"`, `aria-label="Trang 4"`} {
		if strings.Contains(first, not) {
			t.Errorf("page 1 should have no %s:\n%s", not, first)
		}
	}
	// The newest article opens page 1.
	b.AssertFileContent("public/tin-tuc/index.html", "Tin 90")

	fourth := nav("public/tin-tuc/trang/4/index.html")
	for _, want := range []string{
		`<p class="pagination-status">Trang 4/8</p>`,
		`<li class="pagination-prev"><a href="/tin-tuc/trang/3/" rel="prev">Trang trước</a></li>`,
		`<li><a href="/tin-tuc/" aria-label="Trang 1">1</a></li>`,
		`<li><a href="/tin-tuc/trang/2/" aria-label="Trang 2">2</a></li>`,
		`<li><span class="pagination-current" aria-current="page">4</span></li>`,
		`<li><a href="/tin-tuc/trang/6/" aria-label="Trang 6">6</a></li>`,
		`<li><a href="/tin-tuc/trang/8/" aria-label="Trang 8">8</a></li>`,
		`<li class="pagination-next"><a href="/tin-tuc/trang/5/" rel="next">Trang sau</a></li>`,
	} {
		if !strings.Contains(fourth, want) {
			t.Errorf("page 4: no %s in\n%s", want, fourth)
		}
	}
	// 1 2 3 [4] 5 6 … 8: one gap, after 6 only.
	if n := strings.Count(fourth, "pagination-gap"); n != 1 {
		t.Errorf("page 4: %d gaps, want 1:\n%s", n, fourth)
	}
	if strings.Contains(fourth, `aria-label="Trang 7"`) {
		t.Errorf("page 4 should not link page 7:\n%s", fourth)
	}

	// 1 … 3 4 [5] 6 7 8: 7 is next to the last page, so no gap after it.
	fifth := nav("public/tin-tuc/trang/5/index.html")
	want := `<li><a href="/tin-tuc/" aria-label="Trang 1">1</a></li><li class="pagination-gap" aria-hidden="true">…</li>
<li><a href="/tin-tuc/trang/3/" aria-label="Trang 3">3</a></li>`
	if !strings.Contains(fifth, want) {
		t.Errorf("page 5: no\n%s\nin\n%s", want, fifth)
	}
	want = `<li><a href="/tin-tuc/trang/7/" aria-label="Trang 7">7</a></li>
<li><a href="/tin-tuc/trang/8/" aria-label="Trang 8">8</a></li>`
	if !strings.Contains(fifth, want) {
		t.Errorf("page 5: no\n%s\nin\n%s", want, fifth)
	}
	if n := strings.Count(fifth, "pagination-gap"); n != 1 {
		t.Errorf("page 5: %d gaps, want 1:\n%s", n, fifth)
	}

	last := nav("public/tin-tuc/trang/8/index.html")
	for _, want := range []string{
		`<li><span class="pagination-current" aria-current="page">8</span></li>`,
		`<li class="pagination-prev"><a href="/tin-tuc/trang/7/" rel="prev">Trang trước</a></li>`,
		`<li><a href="/tin-tuc/" aria-label="Trang 1">1</a></li>`,
	} {
		if !strings.Contains(last, want) {
			t.Errorf("page 8: no %s in\n%s", want, last)
		}
	}
	// 1 … 6 7 [8]: the window is two numbers wide on the left too.
	if strings.Contains(last, `aria-label="Trang 5"`) || strings.Count(last, "pagination-gap") != 1 {
		t.Errorf("the last page should read 1 … 6 7 8:\n%s", last)
	}
	if strings.Contains(last, `rel="next"`) {
		t.Errorf("the last page should have no next link:\n%s", last)
	}
	// The oldest article is on the last page, alone with five others.
	b.AssertFileContent("public/tin-tuc/trang/8/index.html", ">Tin 1<", "! >Tin 90<")
}

// TestPaginationOnePage: a section that fits on one page has no
// pagination at all.
func TestPaginationOnePage(t *testing.T) {
	b := build(t, news+newsPages(12))
	b.AssertFileContent("public/tin-tuc/index.html", "Tin 12", "! pagination-current")
	b.AssertFileExists("public/tin-tuc/trang/2/index.html", false)
}

// TestBreadcrumbs: the trail runs home › section (› taxonomy on a term
// page) and ends in the page itself, marked aria-current="page" and not a
// link; the home page has no trail.
func TestBreadcrumbs(t *testing.T) {
	b := build(t, news+`
-- content/tin-tuc/bai-mot.md --
+++
title = "Bài một"
date = 2026-03-07T09:00:00+07:00
tin-tuc-chuyen-muc = ["thong-bao"]
+++
-- content/tin-tuc-chuyen-muc/_index.md --
+++
title = "Chuyên mục tin"
+++
-- content/tin-tuc-chuyen-muc/thong-bao/_index.md --
+++
title = "Thông báo"
slug = "thong-bao"
taxonomyTitle = "Chuyên mục"
taxonomyUrl = "/tin-tuc/chuyen-muc/"
+++
`)
	crumbs := func(path string) string {
		t.Helper()
		return section(b.FileContent(path), `<nav class="breadcrumbs container" aria-label="Vị trí trang">`, "</nav>")
	}
	page := crumbs("public/tin-tuc/bai-mot/index.html")
	want := `<ol>
<li><a href="/">Trang chủ</a></li>
<li><a href="/tin-tuc/">Tin tức</a></li>
<li><span aria-current="page">Bài một</span></li>
</ol>`
	if !strings.Contains(page, want) {
		t.Errorf("an article's trail:\n%s\nwant\n%s", page, want)
	}
	term := crumbs("public/tin-tuc/chuyen-muc/thong-bao/index.html")
	want = `<ol>
<li><a href="/">Trang chủ</a></li>
<li><a href="/tin-tuc/">Tin tức</a></li>
<li><a href="/tin-tuc/chuyen-muc/">Chuyên mục</a></li>
<li><span aria-current="page">Thông báo</span></li>
</ol>`
	if !strings.Contains(term, want) {
		t.Errorf("a term page's trail:\n%s\nwant\n%s", term, want)
	}
	sec := crumbs("public/tin-tuc/index.html")
	want = `<ol>
<li><a href="/">Trang chủ</a></li>
<li><span aria-current="page">Tin tức</span></li>
</ol>`
	if !strings.Contains(sec, want) {
		t.Errorf("a section's trail:\n%s\nwant\n%s", sec, want)
	}
	b.AssertFileContent("public/index.html", `! class="breadcrumbs`)
}
