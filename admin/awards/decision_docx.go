package awards

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
)

// docxType is the media type of a Word document.
const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// docxSection is a section (I. TẬP THỂ, II. CÁ NHÂN) of the list.
type docxSection struct {
	Label string
	Rows  []decisionRow
}

// decisionDOCX writes the printed list as a Word document with the same
// layout (Nghị định 30/2020/NĐ-CP): the head as a borderless two-column
// table, the sections as tables, the signature block. Times New Roman 13,
// A4 with the decree's margins. Every text is XML-escaped.
func decisionDOCX(h decisionHead, sections []docxSection, total int) ([]byte, error) {
	var d strings.Builder
	d.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	left := para(h.BodyAbove, "center", false, false) + para(h.Body, "center", true, false) + para("────────", "center", false, false) + para(h.Number, "center", false, false)
	right := para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "center", true, false) + para("Độc lập - Tự do - Hạnh phúc", "center", true, false) + para("────────────────", "center", false, false)
	if h.PlaceDate != "" {
		right += para(h.PlaceDate, "center", false, true)
	}
	d.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr>`)
	d.WriteString(`<w:tr>` + tc(left, 2000) + tc(right, 3000) + `</w:tr></w:tbl>`)
	d.WriteString(para("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", "center", true, false))
	d.WriteString(para(h.Attached, "center", false, true))
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
	sign := ""
	if h.SignFor != "" {
		sign += para(h.SignFor, "center", true, false)
	}
	sign += para(h.SignTitle, "center", true, false) + para("", "center", false, false) + para("", "center", false, false) + para("", "center", false, false) + para(h.SignName, "center", true, false)
	d.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/></w:tblPr><w:tr>` + tc(para("", "left", false, false), 2500) + tc(sign, 2500) + `</w:tr></w:tbl>`)
	d.WriteString(`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr></w:body></w:document>`)

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	parts := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`},
		{"word/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60"/></w:pPr></w:pPrDefault></w:docDefaults></w:styles>`},
		{"word/document.xml", d.String()},
	}
	for _, p := range parts {
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

// para is one paragraph of escaped text.
func para(text, align string, bold, italic bool) string {
	var rpr string
	if bold {
		rpr += `<w:b/>`
	}
	if italic {
		rpr += `<w:i/>`
	}
	var esc bytes.Buffer
	_ = xml.EscapeText(&esc, []byte(text))
	return `<w:p><w:pPr><w:jc w:val="` + align + `"/></w:pPr><w:r><w:rPr>` + rpr + `</w:rPr><w:t xml:space="preserve">` + esc.String() + `</w:t></w:r></w:p>`
}

// tc is a table cell of the given width (fiftieths of a percent; 0: auto).
func tc(content string, width int) string {
	w := `<w:tcW w:w="0" w:type="auto"/>`
	if width > 0 {
		w = `<w:tcW w:w="` + strconv.Itoa(width) + `" w:type="pct"/>`
	}
	return `<w:tc><w:tcPr>` + w + `</w:tcPr>` + content + `</w:tc>`
}
