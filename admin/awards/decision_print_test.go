package awards_test

import (
	"bytes"
	"compress/zlib"
	"context"
	"io"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/browsertest"
	"github.com/daison/portal/internal/schema"
)

// TestPapersPrintInChromium prints the decision with its annex, the
// proposal and the certificates in headless Chromium, as staff print them
// (Ctrl + P, or save as PDF): the decision and the proposal on A4
// portrait, one certificate a page on A4 landscape; every face of the
// embedded serif loads, the PDF embeds that serif and no other font (no
// letter fell back to another font or to an empty box), and the PDF maps
// every Vietnamese letter of the page's key lines to real glyphs.
func TestPapersPrintInChromium(t *testing.T) {
	t.Parallel()
	w := decisionWorld(t, hoaBinh)
	// The longest achievement the registry takes: its certificate stays
	// one page.
	past := admintest.Date(time.Now().Add(-time.Hour))
	long := admintest.Create(t, w.App, schema.Honorees, map[string]any{"name": "Đặng Thị Dài", "kind": "ca-nhan", "unit": unitA, "status": "published", "publishAt": past}).Id
	admintest.Create(t, w.App, schema.Awards, map[string]any{"honoree": long, "form": "giay-khen", "kind": "hang-nam", "year": 2026, "decisionNo": "77/QĐ-UBND",
		"decisionDate": admintest.Date(time.Date(2026, 11, 23, 17, 0, 0, 0, time.UTC)), "signer": "Lê Văn Bình, Phó Chủ tịch UBND xã",
		"achievement": string([]rune(strings.Repeat("Dẫn đầu số hóa hồ sơ, kết quả giải quyết thủ tục hành chính ở bộ phận một cửa; ", 30))[:1990]), "status": "published", "publishAt": past})
	ctx := browsertest.New(t, 1123, 1123)
	for _, c := range []struct {
		doc       string
		landscape bool
		pages     int // exactly, or at least when minimum
		minimum   bool
		lines     []string
		shot      string
	}{
		{"quyet-dinh", false, 2, true, []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Căn cứ Luật Thi đua, khen thưởng", "Điều 1.", "Nơi nhận:", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Bình", "Âu Văn Bảo", "Bùi Thị Lan"}, "quan-tri-quyet-dinh-khen-thuong-in"},
		{"to-trinh", false, 2, true, []string{"TỜ TRÌNH", "Kính gửi: Chủ tịch Ủy ban nhân dân xã Hòa Bình Mẫu.", "PHÒNG VĂN HÓA – XÃ HỘI", "TRƯỞNG PHÒNG"}, "quan-tri-to-trinh-khen-thuong-in"},
		{"giay-khen", true, 4, false, []string{"GIẤY KHEN", "TẶNG", "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA BÌNH MẪU", "Đơn vị A", "Âu Văn Bảo", "Bùi Thị Lan"}, "quan-tri-giay-khen-in"},
	} {
		t.Run(c.doc, func(t *testing.T) {
			body := w.API(t, reviewer, http.MethodGet, printURL+"&doc="+c.doc, "", 200)
			if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
				t.Fatal(err)
			}
			_, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (cdp.Empty, error) {
				tree, err := cdp.Call(ctx, tg, page.GetFrameTree, cdp.Empty{})
				if err != nil {
					return cdp.Empty{}, err
				}
				return cdp.Call(ctx, tg, page.SetDocumentContent, page.SetDocumentContentParams{FrameID: tree.FrameTree.Frame.ID, HTML: body})
			})
			if err != nil {
				t.Fatal(err)
			}
			faces, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`document.fonts.ready.then(() => [...document.fonts].map(f => f.family + ' ' + f.weight + ' ' + f.style + ' ' + f.status))`, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			loaded := 0
			for _, f := range faces {
				if strings.HasPrefix(f, "Tinos ") && strings.HasSuffix(f, " loaded") {
					loaded++
				}
			}
			if loaded == 0 {
				t.Errorf("no face of the serif loaded: %v", faces)
			}
			text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range c.lines {
				if !strings.Contains(text, l) {
					t.Errorf("the page does not show %q", l)
				}
			}
			if over, err := chromedp.Run(ctx, chromedp.Evaluate[int](`[...document.querySelectorAll('.frame')].filter(f => f.scrollHeight > f.clientHeight + 1).length`)); err != nil || over > 0 {
				t.Errorf("%d certificates overflow their frame (%v)", over, err)
			}
			browsertest.Screenshot(t, ctx, c.shot)
			pdf, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
				res, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: new(true)})
				return res.Data, err
			})
			if err != nil {
				t.Fatal(err)
			}
			if dir := browsertest.ArtifactsDir(); dir != "" { // kept to look at, beside the screenshots
				_ = os.MkdirAll(filepath.Join(dir, "pdf"), 0o755)
				_ = os.WriteFile(filepath.Join(dir, "pdf", c.shot+".pdf"), pdf, 0o644)
			}
			boxes := regexp.MustCompile(`/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)`).FindAllSubmatch(pdf, -1)
			if n := len(boxes); (c.minimum && n < c.pages) || (!c.minimum && n != c.pages) {
				t.Errorf("%d pages, want %d", n, c.pages)
			}
			for _, m := range boxes {
				pw, _ := strconv.ParseFloat(string(m[1]), 64)
				ph, _ := strconv.ParseFloat(string(m[2]), 64)
				if c.landscape {
					pw, ph = ph, pw
				}
				if math.Abs(pw-595.3) > 2 || math.Abs(ph-841.9) > 2 { // A4 in points
					t.Errorf("a page is %s × %s points, not A4 (landscape: %v)", m[1], m[2], c.landscape)
				}
			}
			fonts := map[string]bool{}
			for _, m := range regexp.MustCompile(`/BaseFont\s*/(?:[A-Z]{6}\+)?([A-Za-z0-9-]+)`).FindAllSubmatch(pdf, -1) {
				fonts[string(m[1])] = true
			}
			for f := range fonts {
				if !strings.HasPrefix(f, "Tinos") {
					t.Errorf("the PDF uses %s beside the embedded serif: a letter fell back", f)
				}
			}
			mapped := pdfText(pdf)
			for _, l := range c.lines {
				for _, r := range l {
					if r > 0x7f && !mapped[r] {
						t.Errorf("the PDF draws no glyph for %q (of %q)", r, l)
					}
				}
			}
			t.Logf("%s: %d pages, %d bytes, fonts %v, %d faces loaded, %d letters mapped", c.doc, len(boxes), len(pdf), keys(fonts), loaded, len(mapped))
		})
	}
}

// pdfText returns the characters a PDF's fonts map their glyphs to (their
// ToUnicode maps, inflated).
func pdfText(pdf []byte) map[rune]bool {
	out := map[rune]bool{}
	hex := regexp.MustCompile(`<([0-9A-Fa-f]+)>`)
	for _, m := range regexp.MustCompile(`(?s)stream\r?\n(.*?)endstream`).FindAllSubmatch(pdf, -1) {
		zr, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(io.LimitReader(zr, 4<<20))
		if !bytes.Contains(b, []byte("beginbfchar")) && !bytes.Contains(b, []byte("beginbfrange")) {
			continue
		}
		for _, blk := range regexp.MustCompile(`(?s)beginbf(?:char|range)(.*?)endbf`).FindAllSubmatch(b, -1) {
			for _, line := range strings.Split(string(blk[1]), "\n") {
				hs := hex.FindAllStringSubmatch(line, -1)
				if len(hs) < 2 {
					continue
				}
				if len(hs) == 3 { // a range: <lo> <hi> <first>
					lo, _ := strconv.ParseUint(hs[0][1], 16, 32)
					hi, _ := strconv.ParseUint(hs[1][1], 16, 32)
					first, _ := strconv.ParseUint(hs[2][1], 16, 32)
					for i := uint64(0); i <= hi-lo && i < 1<<16; i++ {
						out[rune(first+i)] = true
					}
					continue
				}
				u := hs[1][1]
				for i := 0; i+4 <= len(u); i += 4 {
					v, _ := strconv.ParseUint(u[i:i+4], 16, 32)
					out[rune(v)] = true
				}
			}
		}
	}
	return out
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
