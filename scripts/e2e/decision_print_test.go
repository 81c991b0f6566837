package e2e

import (
	"context"
	"encoding/base64"
	"io"
	"math"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/daison/portal/internal/browsertest"
)

// TestDecisionListPrint opens a decision in Chromium, as a reviewer
// prints it from the running portal: the issuing body and the number sit
// left of the national motto and the place and date (Nghị định
// 30/2020/NĐ-CP), the legal grounds, the articles, the recipients and the
// signature block "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" follow, then the annex
// with its sections; it prints on A4.
func TestDecisionListPrint(t *testing.T) {
	p := start(t, false)
	unit := p.createRecord("units", map[string]any{"name": "Văn phòng HĐND và UBND xã", "kind": "phong-chuyen-mon", "status": "published"})
	for _, h := range []map[string]any{
		{"name": "Tổ một cửa", "kind": "tap-the", "unit": unit.ID, "status": "published"},
		{"name": "Bùi Thị Lan", "kind": "ca-nhan", "position": "Công chức Văn phòng HĐND và UBND xã", "unit": unit.ID, "status": "published"},
	} {
		hon := p.createRecord("honorees", h)
		p.createRecord("awards", map[string]any{"honoree": hon.ID, "form": "giay-khen", "kind": "hang-nam", "year": 2026, "decisionNo": "88/QĐ-UBND",
			"decisionDate": "2026-11-24 03:00:00.000Z", "signer": "Phó Chủ tịch UBND xã Trần Văn Phó", "achievement": "Hoàn thành xuất sắc nhiệm vụ", "status": "published"})
	}
	p.createStaff(reviewerEmail, reviewerPassword, reviewerName, "reviewer", "")
	token, err := p.StaffToken(reviewerEmail, reviewerPassword)
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodGet, p.URL+"/api/portal/decisions/print?no="+url.QueryEscape("88/QĐ-UBND"), nil)
	req.Header.Set("Authorization", token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("print: %d %s", res.StatusCode, body)
	}

	ctx := browsertest.New(t, 794, 1123)
	err = chromedp.Do(ctx, chromedp.Navigate("data:text/html;charset=utf-8;base64,"+base64.StdEncoding.EncodeToString(body)), chromedp.WaitReady(chromedp.CSS(".sign")))
	if err != nil {
		t.Fatal(err)
	}
	// Side by side: the body's block left of the motto's, on one line.
	geo, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => {
		const r = (s) => document.querySelector(s).getBoundingClientRect();
		const b = r('.body'), m = r('.motto'), no = r('.no'), pl = r('.place');
		return [b.right, m.left, Math.abs(b.top - m.top), no.top - b.top, pl.top - m.top];
	})()`))
	if err != nil || len(geo) != 5 {
		t.Fatalf("layout: %v %v", geo, err)
	}
	if geo[0] > geo[1] || geo[2] > 30 || geo[3] <= 0 || geo[4] <= 0 {
		t.Errorf("the head is not laid out as the decree's: body right %.0f, motto left %.0f, tops %.0f apart, number %.0f under, date %.0f under", geo[0], geo[1], geo[2], geo[3], geo[4])
	}
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	at := 0
	for _, want := range []string{"ỦY BAN NHÂN DÂN", "Số: 88/QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ngày 24 tháng 11 năm 2026",
		"QUYẾT ĐỊNH", "Căn cứ Luật Thi đua, khen thưởng", "QUYẾT ĐỊNH:", "Điều 1.", "Điều 3.", "Nơi nhận:", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Phó",
		"DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", "I. TẬP THỂ", "Tổ một cửa", "II. CÁ NHÂN", "Bùi Thị Lan"} {
		i := strings.Index(text[at:], want)
		if i < 0 {
			t.Errorf("the printed list lacks %q in its place:\n%s", want, text)
			continue
		}
		at += i + len(want)
	}
	if strings.Contains(text, "Công chức Văn phòng HĐND và UBND xã, Văn phòng HĐND và UBND xã") {
		t.Error("the unit is written twice")
	}
	browsertest.Screenshot(t, ctx, "quan-tri-danh-sach-khen-thuong-in")
	pdf, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		res, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: new(true)})
		return res.Data, err
	})
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)`).FindSubmatch(pdf)
	var w, h float64
	if m != nil {
		w, _ = strconv.ParseFloat(string(m[1]), 64)
		h, _ = strconv.ParseFloat(string(m[2]), 64)
	}
	if math.Abs(w-595.3) > 2 || math.Abs(h-841.9) > 2 { // A4 in points
		t.Errorf("the list does not print on A4: %q", m)
	}
}
