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
// 262 wide in a chart 320 wide, so that its 16-unit text is never drawn
// under 16 px on a 360 px phone; an empty count still 3 so it shows), each
// bar's number sits 6 after its end, a label too long for one line goes
// on two (cut at a space), the shares add up from the counts, the description names
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
		`viewBox="0 0 320 166" width="320" height="166"`,
		`<desc id="khen-thuong-theo-nam-bieu-do-d">Tổng cộng 15 lượt khen thưởng; nhiều nhất là Năm 2026 với 10.`,
		`<text class="bar-label" x="0" y="18">Năm 2025</text>`,
		`<rect class="bar" x="0" y="30" width="131.0" height="18" rx="2"/>`,
		`<text class="bar-value" x="137.0" y="45">5</text>`,
		`<rect class="bar" x="0" y="84" width="262.0" height="18" rx="2"/>`,
		`<text class="bar-value" x="268.0" y="99">10</text>`,
		`<rect class="bar" x="0" y="138" width="3.0" height="18" rx="2"/>`,
		`<text class="bar-value" x="9.0" y="153">0</text>`,
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
// highest (here 40–100 in steps of 10, 166 units tall from y=36), the
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
	two := section(html, `<svg class="chart-svg" viewBox="0 0 320 248" width="320" height="248" role="img" aria-labelledby="dung-han-bieu-do-t`, "</svg>")
	for _, want := range []string{
		`<title id="dung-han-bieu-do-t">Biểu đồ: Hồ sơ đúng hạn</title>`,
		// Numbers with a decimal comma; no target said for the last quarter,
		// which has none.
		`<desc id="dung-han-bieu-do-d">Từ Quý I/2026 đến Quý II/2026, kết quả đi từ 50,0% đến 100,0%.</desc>`,
		`<text x="186" y="18">Mục tiêu</text>`,
		`<polyline class="chart-value" points="62.0,174.3 294.0,36.0"/>`,
		`<circle cx="62.0" cy="174.3" r="4"/>`,
		`<circle cx="294.0" cy="36.0" r="4"/>`,
		// The target of Q1 (60) reaches half way to Q2.
		`<line class="chart-target" x1="48.0" y1="146.7" x2="178.0" y2="146.7"/>`,
		// Grid from 40 % to 100 %.
		`<line x1="48" y1="202.0" x2="308" y2="202.0"/>`,
		`<text x="42" y="207.0">40%</text>`,
		`<line x1="48" y1="36.0" x2="308" y2="36.0"/>`,
		`<text x="42" y="41.0">100%</text>`,
		`<text x="62.0" y="222">Quý I</text>`,
		`<text x="62.0" y="241">2026</text>`,
		// The value's number above its dot (the target is 28 above it).
		`<text x="62.0" y="164.3">`,
	} {
		if !strings.Contains(two, want) {
			t.Errorf("line chart: no %s in\n%s", want, two)
		}
	}
	if n := strings.Count(two, "<line x1="); n != 7 {
		t.Errorf("line chart: %d grid lines, want 7 (40 to 100 by 10):\n%s", n, two)
	}
	if strings.Contains(two, ">30%<") || strings.Contains(two, ">110%<") {
		t.Errorf("line chart: the grid goes beyond 40–100 %%:\n%s", two)
	}
	one := section(html, `aria-labelledby="mot-diem-bieu-do-t`, "</svg>")
	for _, want := range []string{
		`<circle cx="178.0" cy="119.0" r="4"/>`,
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
	if !strings.Contains(html, "Quý IV/2026") || strings.Contains(html, "NaN") || !strings.Contains(html, `data-label="Điểm hài lòng trung bình">–</td>`) {
		t.Errorf("the summary with nothing handled:\n%s", section(html, `<table class="table table--stat table--cards">`, "</table>"))
	}
}

// TestBarsChartLongLabel: a label too long for one line of the chart (30
// letters) goes on two, cut at a space, and its bar moves down a line;
// the table below keeps it whole.
func TestBarsChartLongLabel(t *testing.T) {
	b := build(t, statsPage+`
-- data/stats.json --
{"totalAwards": 2, "awardsByUnit": [
 {"key": "a", "label": "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", "count": 2, "url": ""}
]}
`)
	html := b.FileContent("public/vinh-danh/thong-ke/index.html")
	chart := section(html, `<svg class="bar-chart-svg"`, "</svg>")
	for _, want := range []string{
		`<text class="bar-label" x="0" y="18">Văn phòng Hội đồng nhân dân và</text>`,
		`<text class="bar-label" x="0" y="38">Ủy ban nhân dân xã</text>`,
		`<rect class="bar" x="0" y="50" width="262.0" height="18" rx="2"/>`,
	} {
		if !strings.Contains(chart, want) {
			t.Errorf("bar chart with a long label: no %s in\n%s", want, chart)
		}
	}
	if !strings.Contains(html, `>Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã</th>`) {
		t.Errorf("the table lost the label's whole text")
	}
}
