package themetest

import (
	"strings"
	"testing"
)

// statsPage is the statistics page of the honour roll as the export
// writes it (content/vinh-danh/thong-ke/index.md, layout "thong-ke").
const statsPage = `
-- content/vinh-danh/_index.md --
+++
title = "Vinh danh"
+++
-- content/vinh-danh/thong-ke/index.md --
+++
title = "Thống kê"
layout = "thong-ke"
+++
`

// TestBarsChart: bar lengths are proportional to the counts (the largest
// 300 wide, an empty count still 3 so it shows), each bar's number sits 6
// after its end, the shares add up from the counts, the description names
// the total and the largest, and a row links only to a path on the site.
func TestBarsChart(t *testing.T) {
	b := build(t, statsPage+`
-- data/stats.json --
{"totalAwards": 15, "awardsByYear": [
 {"key": "2025", "label": "Năm 2025", "count": 5, "url": "//evil.example/"},
 {"key": "2026", "label": "Năm 2026", "count": 10, "url": "/vinh-danh/nam/2026/"},
 {"key": "2024", "label": "Năm 2024", "count": 0, "url": "javascript:alert(1)"}
]}
`)
	html := b.FileContent("public/vinh-danh/thong-ke/index.html")
	chart := section(html, `<svg class="bar-chart-svg"`, "</svg>")
	for _, want := range []string{
		`viewBox="0 0 360 148" width="360" height="148"`,
		`<desc id="khen-thuong-theo-nam-bieu-do-d">Tổng cộng 15 lượt khen thưởng; nhiều nhất là Năm 2026 với 10.`,
		`<rect class="bar" x="0" y="24" width="150.0" height="18" rx="2"/>`,
		`<text class="bar-value" x="156.0" y="38">5</text>`,
		`<rect class="bar" x="0" y="72" width="300.0" height="18" rx="2"/>`,
		`<text class="bar-value" x="306.0" y="86">10</text>`,
		`<rect class="bar" x="0" y="120" width="3.0" height="18" rx="2"/>`,
		`<text class="bar-value" x="9.0" y="134">0</text>`,
	} {
		if !strings.Contains(chart, want) {
			t.Errorf("bar chart: no %s in\n%s", want, chart)
		}
	}
	if strings.Contains(chart, "<a ") {
		t.Errorf("the chart (an image) should hold no links:\n%s", chart)
	}
	table := section(html, `<table class="table table--stat">`, "</table>")
	for _, want := range []string{
		`<tr><th scope="row">Năm 2025</th><td class="num">5</td><td class="num">33%</td></tr>`,
		`<tr><th scope="row"><a href="/vinh-danh/nam/2026/">Năm 2026</a></th><td class="num">10</td><td class="num">67%</td></tr>`,
		`<tr><th scope="row">Năm 2024</th><td class="num">0</td><td class="num">0%</td></tr>`,
		`<tr><th scope="row">Tổng</th><td class="num">15</td><td class="num">100%</td></tr>`,
	} {
		if !strings.Contains(table, want) {
			t.Errorf("bar chart's table: no %s in\n%s", want, table)
		}
	}
	b.AssertFileContent("public/vinh-danh/thong-ke/index.html",
		"! evil.example",
		"! javascript:",
		// A statistic without data says so instead of drawing nothing.
		`<p class="empty">Chưa có số liệu.</p>`,
	)
}

// TestLineChart: the values' line and the targets' dashes are placed on
// a y axis from a round number below the lowest value to one above the
// highest (here 40–100 in steps of 10, 162 units tall from y=34), the
// quarters spread across the width; one point is drawn in the middle
// with no line.
func TestLineChart(t *testing.T) {
	b := build(t, `
-- content/chi-so/index.md --
+++
title = "Chỉ số"
+++
-- data/indicators.json --
{"metrics": [
 {"key": "dung-han", "label": "Hồ sơ đúng hạn", "unit": "%", "points": [
  {"period": "Quý I/2026", "quarter": 1, "year": 2026, "value": 50, "target": 60},
  {"period": "Quý II/2026", "quarter": 2, "year": 2026, "value": 100}
 ]},
 {"key": "mot-diem", "label": "Một điểm", "unit": "", "points": [
  {"period": "Quý I/2026", "quarter": 1, "year": 2026, "value": 7}
 ]}
]}
`)
	html := b.FileContent("public/chi-so/index.html")
	two := section(html, `<svg class="chart-svg" viewBox="0 0 360 236" width="360" height="236" role="img" aria-labelledby="dung-han-bieu-do-t`, "</svg>")
	for _, want := range []string{
		`<title id="dung-han-bieu-do-t">Biểu đồ: Hồ sơ đúng hạn</title>`,
		// Numbers with a decimal comma; no target said for the last quarter,
		// which has none.
		`<desc id="dung-han-bieu-do-d">Từ Quý I/2026 đến Quý II/2026, kết quả đi từ 50,0% đến 100,0%.</desc>`,
		`<text x="182" y="16">Mục tiêu</text>`,
		`<polyline class="chart-value" points="58.0,169.0 334.0,34.0"/>`,
		`<circle cx="58.0" cy="169.0" r="4"/>`,
		`<circle cx="334.0" cy="34.0" r="4"/>`,
		// The target of Q1 (60) reaches half way to Q2.
		`<line class="chart-target" x1="44.0" y1="142.0" x2="196.0" y2="142.0"/>`,
		// Grid from 40 % to 100 %.
		`<line x1="44" y1="196.0" x2="348" y2="196.0"/>`,
		`<text x="38" y="200.0">40%</text>`,
		`<line x1="44" y1="34.0" x2="348" y2="34.0"/>`,
		`<text x="38" y="38.0">100%</text>`,
		`<text x="58.0" y="213">Quý I</text>`,
		`<text x="58.0" y="229">2026</text>`,
		// The value's number above its dot (the target is 27 above it).
		`<text x="58.0" y="160.0">`,
	} {
		if !strings.Contains(two, want) {
			t.Errorf("line chart: no %s in\n%s", want, two)
		}
	}
	if n := strings.Count(two, "<line x1="); n != 7 {
		t.Errorf("line chart: %d grid lines, want 7 (40 to 100 by 10):\n%s", n, two)
	}
	if strings.Contains(two, "<text x=\"38\" y=\"208.0\">") || strings.Contains(two, ">110%<") {
		t.Errorf("line chart: the grid goes beyond 40–100 %%:\n%s", two)
	}
	one := section(html, `aria-labelledby="mot-diem-bieu-do-t`, "</svg>")
	for _, want := range []string{
		`<circle cx="196.0" cy="115.0" r="4"/>`,
		`<desc id="mot-diem-bieu-do-d">Quý I/2026: 7,0.</desc>`,
	} {
		if !strings.Contains(one, want) {
			t.Errorf("one-point chart: no %s in\n%s", want, one)
		}
	}
	if one == "" || strings.Contains(one, "<polyline") || strings.Contains(one, "chart-target") {
		t.Errorf("a chart of one point has a dot, no line and no target:\n%s", one)
	}
}

// TestBarsChartAllZero: a quarter with submissions none of which is
// handled yet counts 0: the summary page builds (a share of a zero total
// would fail the whole build) and shows no share.
func TestBarsChartAllZero(t *testing.T) {
	b := build(t, `
-- content/gop-y/_index.md --
+++
title = "Góp ý"
+++
-- content/gop-y/thong-ke/index.md --
+++
title = "Thống kê góp ý"
layout = "thong-ke"
+++
-- data/feedbackquarters.json --
[{"key": "2026-4", "label": "Quý IV/2026", "received": 3, "handled": 0, "avgDays": 0, "ratings": 0, "avgRating": 0, "satisfied": 0, "count": 0, "url": ""}]
`)
	html := b.FileContent("public/gop-y/thong-ke/index.html")
	if !strings.Contains(html, "Quý IV/2026") || strings.Contains(html, "NaN") || !strings.Contains(html, `<td class="num">–</td>`) {
		t.Errorf("the summary with nothing handled:\n%s", section(html, `<table class="table table--stat">`, "</table>"))
	}
}
