package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestEditorToolbar: an editor writes an article with the toolbar only
// (no Markdown typed: a heading, bold words, a list, a link, a table and a
// quote, each by its button, then the words), sees the result in the live
// preview, pastes a piece of a Word document (headings, Word's list
// paragraphs and a table kept; its styles, comments and picture dropped)
// and publishes: the article's page on the site shows it all.
func TestEditorToolbar(t *testing.T) {
	p := start(t, false)
	p.createStaff(editorEmail, editorPassword, editorName, "editor", "")
	b := newBrowser(t, p, 1280)
	b.login(editorEmail, editorPassword)
	b.open("/quan-tri/bai-viet/moi")
	b.waitVisible("#f-title")
	b.typeInto("#f-title", "Viết bài bằng thanh công cụ")
	b.selectValue("#f-category", "tin-hoat-dong")

	tool := func(id string) {
		b.t.Helper()
		b.click(`//div[@role="toolbar"]//button[@data-tool="` + id + `"]`)
	}
	// Each button leaves its placeholder selected: typing replaces it.
	tool("heading")
	b.press("Tổ công nghệ số")
	b.step("end of the text", chromedpEnd("#f-body"))
	tool("bold")
	b.press("Hỗ trợ tận nhà")
	b.step("end of the text", chromedpEnd("#f-body"))
	tool("list")
	b.press("Cài VNeID")
	b.step("end of the text", chromedpEnd("#f-body"))
	tool("link")
	b.press("Cổng Dịch vụ công")
	b.step("select the address", evalVoid(`(() => { const a = document.getElementById('f-body'); const i = a.value.indexOf('(https://)'); a.focus(); a.setSelectionRange(i + 1, i + 9); })()`))
	b.press("https://dichvucong.gov.vn")
	b.step("end of the text", chromedpEnd("#f-body"))
	tool("table")
	b.step("end of the text", chromedpEnd("#f-body"))
	tool("quote")
	b.press("Người dân hài lòng")

	body := b.value("#f-body")
	for _, want := range []string{"## Tổ công nghệ số", "**Hỗ trợ tận nhà**", "- Cài VNeID", "[Cổng Dịch vụ công](https://dichvucong.gov.vn)", "| Cột 1 | Cột 2 |", "> Người dân hài lòng"} {
		if !strings.Contains(body, want) {
			t.Errorf("the toolbar did not write %q:\n%s", want, body)
		}
	}
	b.waitText(".markdown-preview h2", "Tổ công nghệ số")
	b.waitText(".markdown-preview blockquote", "Người dân hài lòng")
	for sel, want := range map[string]string{".markdown-preview strong": "Hỗ trợ tận nhà", ".markdown-preview li": "Cài VNeID",
		".markdown-preview a": "Cổng Dịch vụ công", ".markdown-preview table th": "Cột 1"} {
		if got := b.text(sel); !strings.Contains(got, want) {
			t.Errorf("the preview's %s says %q, want %q", sel, got, want)
		}
	}

	// Paste from Word: its clipboard HTML.
	word := `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:"Times New Roman"}</style></head><body>` +
		`<h1 class=MsoHeading1>Kết quả năm 2026<o:p></o:p></h1>` +
		`<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span>Hồ sơ đúng hạn<o:p></o:p></p>` +
		`<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·</span>Thanh toán trực tuyến<o:p></o:p></p>` +
		`<table class=MsoTableGrid><tr><td><p>Chỉ số</p></td><td><p>Kết quả</p></td></tr><tr><td><p>Đúng hạn</p></td><td><p>98%</p></td></tr></table>` +
		`<p class=MsoNormal><span style='color:red;font-size:14pt'>Đoạn có <b>chữ đậm</b></span><img src="file:///C:/anh.png"><!--[if gte mso 9]><xml>x</xml><![endif]--><script>alert(1)</script></p></body></html>`
	b.step("paste from Word", evalVoid(`(() => {
		const a = document.getElementById('f-body');
		a.focus(); a.setSelectionRange(a.value.length, a.value.length);
		const dt = new DataTransfer();
		dt.setData('text/html', `+jsString(word)+`);
		dt.setData('text/plain', 'Kết quả năm 2026');
		a.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
	})()`))
	body = b.value("#f-body")
	for _, want := range []string{"## Kết quả năm 2026", "- Hồ sơ đúng hạn\n- Thanh toán trực tuyến", "| Chỉ số | Kết quả |", "| Đúng hạn | 98% |", "Đoạn có **chữ đậm**"} {
		if !strings.Contains(body, want) {
			t.Errorf("the paste from Word lacks %q:\n%s", want, body)
		}
	}
	for _, bad := range []string{"<", "mso", "alert", "file:", "Times New Roman", "color"} {
		if strings.Contains(body, bad) {
			t.Errorf("the paste from Word kept %q:\n%s", bad, body)
		}
	}
	b.waitText(".markdown-preview", "Thanh toán trực tuyến")
	b.shot("quan-tri-thanh-cong-cu")

	b.clickButton("Xuất bản ngay")
	b.waitText(".notice-success", "Đã xuất bản")
	id := b.recordIDFromURL("/quan-tri/bai-viet/")
	var rec struct {
		Slug string `json:"slug"`
		Body string `json:"body"`
	}
	p.api("GET", "/api/collections/articles/records/"+id, nil, &rec)
	if rec.Body != strings.ReplaceAll(body, "\r\n", "\n") || !strings.Contains(rec.Body, "## Tổ công nghệ số") {
		t.Errorf("stored body differs from the field:\n%s", rec.Body)
	}
	page := "/tin-tuc/" + rec.Slug + "/"
	p.waitFor("the article on the site", 2*time.Minute, func() bool { code, _ := p.get(page); return code == 200 })
	_, html := p.get(page)
	for _, want := range []string{">Tổ công nghệ số</h2>", "<strong>Hỗ trợ tận nhà</strong>", "<li>Cài VNeID", "https://dichvucong.gov.vn", "<table", "<blockquote", "Thanh toán trực tuyến"} {
		if !strings.Contains(html, want) {
			t.Errorf("the article's page lacks %q", want)
		}
	}
}

// evalVoid runs a script in the page as a step.
func evalVoid(js string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](js)
}

// chromedpEnd puts the cursor at the end of a text field, as a click
// after its last line would.
func chromedpEnd(css string) chromedp.Action[chromedp.Void] {
	return evalVoid(fmt.Sprintf(`(() => { const a = document.querySelector(%q); a.focus(); a.setSelectionRange(a.value.length, a.value.length); })()`, css))
}
