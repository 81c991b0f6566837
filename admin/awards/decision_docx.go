package awards

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/daison/portal/internal/printfont"
)

// docxType is the media type of a Word document.
const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// docxSection is a section (I. TẬP THỂ, II. CÁ NHÂN) of the list.
type docxSection struct {
	Label string
	Rows  []decisionRow
}

// Sizes in half-points, as Word counts them.
const (
	pt11, pt12, pt13, pt14 = 22, 24, 26, 28
)

// papersDOCX writes one of a decision's papers (doc) as a Word document
// with the printed page's layout (Nghị định 30/2020/NĐ-CP): the head as a
// borderless two-column table, the text, the recipients beside the
// signature block, the list as tables; the certificates on A4 landscape.
// The font is Times New Roman, the decree's, with Tinos and Liberation
// Serif (the same metrics) named as its fallbacks in the font table. Every
// text is XML-escaped.
func papersDOCX(doc string, p decisionPapers, s awardSet) ([]byte, error) {
	var d strings.Builder
	d.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	total := s.Collectives + s.People
	portrait := `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>`
	switch doc {
	case paperDecision:
		writeDecision(&d, p)
		d.WriteString(pageBreak())
		writeAnnex(&d, p.Head, "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", p.Head.Attached, s.Groups, total)
		d.WriteString(portrait)
	case paperList:
		writeAnnex(&d, p.Head, "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", p.Head.Attached, s.Groups, total)
		d.WriteString(portrait)
	case paperProposal:
		writeProposal(&d, p)
		d.WriteString(pageBreak())
		writeAnnex(&d, p.Proposal.Head, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", p.Proposal.ListHead, s.Groups, total)
		d.WriteString(portrait)
	case paperCertificates:
		writeCertificates(&d, p)
		d.WriteString(`<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="851" w:left="1134" w:header="0" w:footer="0" w:gutter="0"/>` +
			`<w:pgBorders w:offsetFrom="page"><w:top w:val="double" w:sz="12" w:space="24" w:color="8A1C1C"/><w:left w:val="double" w:sz="12" w:space="24" w:color="8A1C1C"/><w:bottom w:val="double" w:sz="12" w:space="24" w:color="8A1C1C"/><w:right w:val="double" w:sz="12" w:space="24" w:color="8A1C1C"/></w:pgBorders></w:sectPr>`)
	default:
		return nil, fmt.Errorf("docx: unknown paper %q", doc)
	}
	d.WriteString(`</w:body></w:document>`)
	return packDOCX(d.String())
}

// writeHead writes the two-column head: the issuing body, its rule and the
// number left; the national name and motto, their rule and the place and
// date right.
func writeHead(d *strings.Builder, h decisionHead) {
	left := styled("center", 0, 0, false, run{p: h.BodyAbove, size: pt12}) + styled("center", 0, 0, false, run{p: h.Body, bold: true, size: pt12}) + para("────────", "center", false, false)
	if h.Number != "" {
		left += styled("center", 0, 0, false, run{p: h.Number, size: pt13})
	}
	right := styled("center", 0, 0, false, run{p: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: pt12}) + styled("center", 0, 0, false, run{p: "Độc lập - Tự do - Hạnh phúc", bold: true, size: pt13}) + para("────────────────", "center", false, false)
	if h.PlaceDate != "" {
		right += styled("center", 0, 0, false, run{p: h.PlaceDate, italic: true, size: pt13})
	}
	d.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/>` + noBorders + `<w:tblLayout w:type="fixed"/></w:tblPr>`)
	d.WriteString(`<w:tblGrid><w:gridCol w:w="3740"/><w:gridCol w:w="5610"/></w:tblGrid>`)
	d.WriteString(`<w:tr>` + tc(left, 2000) + tc(right, 3000) + `</w:tr></w:tbl>`)
}

// noBorders is a table without lines.
const noBorders = `<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`

// writeDecision writes the decision: head, title and subject, the
// authority, the legal grounds, "QUYẾT ĐỊNH:", the articles, then the
// recipients beside the signature block.
func writeDecision(d *strings.Builder, p decisionPapers) {
	writeHead(d, p.Head)
	d.WriteString(styled("center", 240, 0, false, run{p: "QUYẾT ĐỊNH", bold: true, size: pt14}))
	d.WriteString(styled("center", 0, 0, false, run{p: p.Subject, bold: true, size: pt14}))
	d.WriteString(para("────────", "center", false, false))
	d.WriteString(styled("center", 120, 120, false, run{p: p.Authority, bold: true, size: pt14}))
	for _, b := range append(append([]string(nil), p.Bases...), p.Proposed) {
		d.WriteString(styled("both", 0, 60, true, run{p: b, italic: true, size: pt14}))
	}
	d.WriteString(styled("center", 120, 120, false, run{p: "QUYẾT ĐỊNH:", bold: true, size: pt14}))
	for _, a := range p.Articles {
		d.WriteString(styled("both", 0, 120, true, run{p: a.Label + " ", bold: true, size: pt14}, run{p: a.Text, size: pt14}))
	}
	writeFoot(d, p.Recipients, p.Head.SignFor, p.Head.SignTitle, p.Head.SignName)
}

// writeProposal writes the proposal of Phòng Văn hóa – Xã hội.
func writeProposal(d *strings.Builder, p decisionPapers) {
	pr := p.Proposal
	writeHead(d, pr.Head)
	d.WriteString(styled("center", 240, 0, false, run{p: "TỜ TRÌNH", bold: true, size: pt14}))
	d.WriteString(styled("center", 0, 0, false, run{p: pr.Subject, bold: true, size: pt14}))
	d.WriteString(para("────────", "center", false, false))
	d.WriteString(styled("center", 120, 120, false, run{p: "Kính gửi: " + pr.To, size: pt14}))
	for _, t := range pr.Paragraphs {
		d.WriteString(styled("both", 0, 120, true, run{p: t, size: pt14}))
	}
	writeFoot(d, pr.Recipients, "", pr.Head.SignTitle, "")
}

// writeFoot writes "Nơi nhận:" and its lines left, the signature block
// right.
func writeFoot(d *strings.Builder, recipients []string, signFor, title, name string) {
	left := styled("left", 120, 0, false, run{p: "Nơi nhận:", bold: true, italic: true, size: pt12})
	for _, r := range recipients {
		left += styled("left", 0, 0, false, run{p: "- " + r, size: pt11})
	}
	sign := ""
	if signFor != "" {
		sign += styled("center", 120, 0, false, run{p: signFor, bold: true, size: pt14})
	}
	sign += styled("center", 0, 0, false, run{p: title, bold: true, size: pt14})
	for range 4 {
		sign += para("", "center", false, false)
	}
	sign += styled("center", 0, 0, false, run{p: name, bold: true, size: pt14})
	d.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/>` + noBorders + `</w:tblPr><w:tr>` + tc(left, 2500) + tc(sign, 2500) + `</w:tr></w:tbl>`)
}

// writeAnnex writes a list: the issuing body (without a number: an annex
// has none of its own) and the motto, the title, what it is attached to,
// the sections as tables and the total.
func writeAnnex(d *strings.Builder, h decisionHead, title, attached string, sections []docxSection, total int) {
	writeHead(d, decisionHead{BodyAbove: h.BodyAbove, Body: h.Body})
	d.WriteString(styled("center", 240, 0, false, run{p: title, bold: true, size: pt14}))
	d.WriteString(para(attached, "center", false, true))
	for _, s := range sections {
		d.WriteString(para(s.Label, "left", true, false))
		d.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>`)
		for _, b := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			d.WriteString(`<w:` + b + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
		}
		d.WriteString(`</w:tblBorders></w:tblPr><w:tr>`)
		for _, th := range []string{"STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Thành tích", "Hình thức"} {
			d.WriteString(tc(para(th, "center", true, false), 0))
		}
		d.WriteString(`</w:tr>`)
		for i, r := range s.Rows {
			d.WriteString(`<w:tr>` + tc(para(strconv.Itoa(i+1), "center", false, false), 0))
			for _, v := range []string{r.Name, r.Where, r.Achievement, r.Form} {
				d.WriteString(tc(para(v, "left", false, false), 0))
			}
			d.WriteString(`</w:tr>`)
		}
		d.WriteString(`</w:tbl>`)
	}
	d.WriteString(para(fmt.Sprintf("Tổng số: %d tập thể, cá nhân.", total), "left", false, false))
}

// writeCertificates writes one certificate a page.
func writeCertificates(d *strings.Builder, p decisionPapers) {
	c := p.Certificate
	for i, it := range c.Items {
		if i > 0 {
			d.WriteString(pageBreak())
		}
		d.WriteString(styled("center", 0, 0, false, run{p: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: pt13}))
		d.WriteString(styled("center", 0, 0, false, run{p: "Độc lập - Tự do - Hạnh phúc", bold: true, size: pt14}))
		d.WriteString(styled("center", 600, 0, false, run{p: c.Issuer, bold: true, size: 30}))
		d.WriteString(styled("center", 120, 0, false, run{p: "TẶNG", bold: true, size: pt14}))
		d.WriteString(styled("center", 60, 120, false, run{p: c.Title, bold: true, size: 84, color: "B3121B"}))
		d.WriteString(styled("center", 0, 0, false, run{p: it.Name, bold: true, size: 44}))
		if it.Where != "" {
			d.WriteString(styled("center", 60, 0, false, run{p: it.Where, size: 30}))
		}
		for _, l := range it.Lines {
			d.WriteString(styled("center", 120, 0, false, run{p: l, italic: true, size: 30}))
		}
		d.WriteString(styled("center", 900, 0, false))
		left := para("", "left", false, false) + styled("left", 0, 0, false, run{p: c.Decision, size: pt12}) + styled("left", 0, 0, false, run{p: "Số sổ vàng: ……………", size: pt12})
		sign := ""
		if p.Head.PlaceDate != "" {
			sign += styled("center", 0, 0, false, run{p: p.Head.PlaceDate, italic: true, size: pt13})
		}
		if p.Head.SignFor != "" {
			sign += styled("center", 0, 0, false, run{p: p.Head.SignFor, bold: true, size: pt14})
		}
		sign += styled("center", 0, 0, false, run{p: p.Head.SignTitle, bold: true, size: pt14})
		for range 3 {
			sign += para("", "center", false, false)
		}
		sign += styled("center", 0, 0, false, run{p: p.Head.SignName, bold: true, size: pt14})
		d.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/>` + noBorders + `</w:tblPr><w:tr>` + tc(left, 2500) + tc(sign, 2500) + `</w:tr></w:tbl>`)
	}
}

// run is a run of text with its look.
type run struct {
	p            string
	bold, italic bool
	size         int    // half-points; 0: the document's
	color        string // hex, or ""
}

// styled is a paragraph of runs: aligned, spaced before and after (in
// twentieths of a point), its first line indented as the decree's body
// text is.
func styled(align string, before, after int, indent bool, runs ...run) string {
	var b strings.Builder
	b.WriteString(`<w:p><w:pPr><w:spacing w:before="` + strconv.Itoa(before) + `" w:after="` + strconv.Itoa(after) + `"/>`)
	if indent {
		b.WriteString(`<w:ind w:firstLine="720"/>`)
	}
	b.WriteString(`<w:jc w:val="` + align + `"/></w:pPr>`)
	for _, r := range runs {
		b.WriteString(`<w:r><w:rPr>`)
		if r.bold {
			b.WriteString(`<w:b/>`)
		}
		if r.italic {
			b.WriteString(`<w:i/>`)
		}
		if r.color != "" {
			b.WriteString(`<w:color w:val="` + r.color + `"/>`)
		}
		if r.size > 0 {
			b.WriteString(`<w:sz w:val="` + strconv.Itoa(r.size) + `"/><w:szCs w:val="` + strconv.Itoa(r.size) + `"/>`)
		}
		b.WriteString(`</w:rPr><w:t xml:space="preserve">` + escapeXML(r.p) + `</w:t></w:r>`)
	}
	b.WriteString(`</w:p>`)
	return b.String()
}

// pageBreak is a paragraph that starts a new page.
func pageBreak() string { return `<w:p><w:r><w:br w:type="page"/></w:r></w:p>` }

// escapeXML escapes text for an XML text node.
func escapeXML(s string) string {
	var esc bytes.Buffer
	_ = xml.EscapeText(&esc, []byte(s))
	return esc.String()
}

// packDOCX zips a document body with its styles and its font table, the
// serif's four faces embedded (obfuscated with their keys as the Office
// format asks).
func packDOCX(document string) ([]byte, error) {
	font, alt := printfont.DOCXFamily, printfont.AltNames
	var embeds, fontRels strings.Builder
	var fontFiles [][2]string
	fontRels.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, f := range printfont.Faces() {
		key := fontKeys[i%len(fontKeys)]
		n := strconv.Itoa(i + 1)
		embeds.WriteString(`<w:` + f.Element + ` r:id="rIdF` + n + `" w:fontKey="{` + key + `}"/>`)
		fontRels.WriteString(`<Relationship Id="rIdF` + n + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/font" Target="fonts/font` + n + `.odttf"/>`)
		fontFiles = append(fontFiles, [2]string{"word/fonts/font" + n + ".odttf", string(obfuscateFont(f.TTF, key))})
	}
	fontRels.WriteString(`</Relationships>`)
	fontTable := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<w:font w:name="` + font + `"><w:altName w:val="` + alt + `"/><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/>` + embeds.String() + `</w:font>` +
		`<w:font w:name="` + printfont.Family + `"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`
	styles := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="` + font + `" w:hAnsi="` + font + `" w:cs="` + font + `" w:eastAsia="` + font + `"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60"/></w:pPr></w:pPrDefault></w:docDefaults></w:styles>`
	settings := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:embedTrueTypeFonts/><w:saveSubsetFonts/></w:settings>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	parts := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/></Relationships>`},
		{"word/styles.xml", styles},
		{"word/settings.xml", settings},
		{"word/fontTable.xml", fontTable},
		{"word/_rels/fontTable.xml.rels", fontRels.String()},
		{"word/document.xml", document},
	}
	for _, p := range append(parts, fontFiles...) {
		w, err := zw.Create(p[0])
		if err != nil {
			return nil, fmt.Errorf("docx part %s: %w", p[0], err)
		}
		if _, err := w.Write([]byte(p[1])); err != nil {
			return nil, fmt.Errorf("docx part %s: %w", p[0], err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	return buf.Bytes(), nil
}

// fontKeys are the keys the embedded faces are obfuscated with, one a
// face (any GUIDs will do: the obfuscation only marks the font as
// embedded, it hides nothing).
var fontKeys = []string{
	"5C3F2C1A-8E0B-4D7E-9B1A-3A6F0C2D4E51",
	"7A1D9E44-2B6C-4F3A-8D0E-1C5B7A9F2E63",
	"1E8B3C5D-9F2A-4B6C-A7D1-6E0F3B2C8D75",
	"9D2E7F16-4A3B-4C8D-B5E0-2F7A1C6D3E87",
}

// obfuscateFont obfuscates a font file for a Word document (ECMA-376 Part
// 2, §17.8.1): its first 32 bytes XORed with the key's 16 bytes taken in
// reverse order of the GUID's hexadecimal digits.
func obfuscateFont(ttf []byte, guid string) []byte {
	hexDigits := strings.ReplaceAll(guid, "-", "")
	var key [16]byte
	for i := range 16 {
		v, _ := strconv.ParseUint(hexDigits[2*i:2*i+2], 16, 8)
		key[15-i] = byte(v)
	}
	out := append([]byte(nil), ttf...)
	for i := 0; i < 32 && i < len(out); i++ {
		out[i] ^= key[i%16]
	}
	return out
}

// para is one paragraph of escaped text.
func para(text, align string, bold, italic bool) string {
	var rpr string
	if bold {
		rpr += `<w:b/>`
	}
	if italic {
		rpr += `<w:i/>`
	}
	return `<w:p><w:pPr><w:jc w:val="` + align + `"/></w:pPr><w:r><w:rPr>` + rpr + `</w:rPr><w:t xml:space="preserve">` + escapeXML(text) + `</w:t></w:r></w:p>`
}

// tc is a table cell of the given width (fiftieths of a percent; 0: auto).
func tc(content string, width int) string {
	w := `<w:tcW w:w="0" w:type="auto"/>`
	if width > 0 {
		w = `<w:tcW w:w="` + strconv.Itoa(width) + `" w:type="pct"/>`
	}
	return `<w:tc><w:tcPr>` + w + `</w:tcPr>` + content + `</w:tc>`
}
