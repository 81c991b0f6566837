// Package table writes the back office's exports, lists of rows with a
// title and headers, as CSV (cells a spreadsheet would read as a formula
// neutralised) or as an Excel workbook, and answers them as a download.
package table

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/xuri/excelize/v2"

	"github.com/daison/portal/internal/schema"
)

// Table is what the exports write, as CSV or XLSX.
type Table struct {
	Title   string
	Headers []string
	Rows    [][]string
}

// csvCell makes a cell safe to open in a spreadsheet: text that starts with
// a character a spreadsheet reads as the start of a formula (= + - @), or
// with a tab or a line break before one, gets a leading single quote, as
// OWASP advises against CSV injection. A plain number ("-5", "+84912345678")
// is data, not a formula, and stays as it is.
func csvCell(s string) string {
	if s == "" || plainNumber(s) {
		return s
	}
	if strings.ContainsRune("\t\r\n", rune(s[0])) {
		return "'" + s
	}
	t := strings.TrimLeft(s, " ")
	if t != "" && strings.ContainsRune("=+-@", rune(t[0])) {
		return "'" + s
	}
	return s
}

// plainNumber reports whether s is an optionally signed run of ASCII
// digits with at most one decimal point or comma.
func plainNumber(s string) bool {
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	sep := false
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
		case (r == '.' || r == ',') && !sep && i > 0 && i < len(s)-1:
			sep = true
		default:
			return false
		}
	}
	return true
}

// CSV writes t as CSV in UTF-8 with a byte order mark, which Excel
// needs to read Vietnamese letters right; every cell goes through csvCell.
func (t Table) CSV() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	for _, row := range append([][]string{t.Headers}, t.Rows...) {
		safe := make([]string, len(row))
		for i, v := range row {
			safe[i] = csvCell(v)
		}
		if err := w.Write(safe); err != nil {
			return nil, fmt.Errorf("write csv: %w", err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, fmt.Errorf("write csv: %w", err)
	}
	return buf.Bytes(), nil
}

// countCell reports whether a cell is a count (a row number, a year, a
// rating): digits only, no sign and no leading zero, which the workbook
// stores as a number. Anything else is stored as text.
func countCell(v string) bool {
	if v == "" || len(v) >= 10 || v[0] == '0' {
		return false
	}
	for _, r := range v {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// XLSX writes t as an Excel workbook: a title row, bold headers that
// stay in view, filters and readable column widths. Text cells are written
// as strings (never formulas), whatever they start with.
func (t Table) XLSX() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Danh sách"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, fmt.Errorf("name the sheet: %w", err)
	}
	_ = f.SetCellStr(sheet, "A1", t.Title)
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2E6D9"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	wrap, _ := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	_ = f.SetCellStyle(sheet, "A1", "A1", bold)
	for i, h := range t.Headers {
		cell, _ := excelize.CoordinatesToCellName(i+1, 3)
		_ = f.SetCellStr(sheet, cell, h)
		col, _ := excelize.ColumnNumberToName(i + 1)
		width := 14.0
		if len(t.Rows) > 0 {
			width = columnWidth(h, t.Rows, i)
		}
		_ = f.SetColWidth(sheet, col, col, width)
	}
	last, _ := excelize.CoordinatesToCellName(len(t.Headers), 3)
	_ = f.SetCellStyle(sheet, "A3", last, head)
	for r, row := range t.Rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+4)
			if countCell(v) {
				n, _ := strconv.Atoi(v)
				_ = f.SetCellInt(sheet, cell, int64(n))
			} else if err := f.SetCellStr(sheet, cell, v); err != nil {
				return nil, fmt.Errorf("write cell %s: %w", cell, err)
			}
		}
	}
	if len(t.Rows) > 0 {
		end, _ := excelize.CoordinatesToCellName(len(t.Headers), len(t.Rows)+3)
		_ = f.SetCellStyle(sheet, "A4", end, wrap)
		_ = f.AutoFilter(sheet, "A3:"+end, nil)
	}
	_ = f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, fmt.Errorf("write xlsx: %w", err)
	}
	return buf.Bytes(), nil
}

// columnWidth is a width for column i that fits its longest cell, within
// readable bounds.
func columnWidth(header string, rows [][]string, i int) float64 {
	w := len([]rune(header))
	for _, r := range rows {
		if i < len(r) {
			if l := len([]rune(r[i])); l > w {
				w = l
			}
		}
	}
	switch {
	case w < 8:
		return 10
	case w > 60:
		return 60
	}
	return float64(w) + 2
}

// Send answers t in the format asked (?format=csv, default xlsx), as a file
// named after name.
func Send(e *core.RequestEvent, t Table, name string) error {
	format := e.Request.URL.Query().Get("format")
	var (
		b     []byte
		err   error
		ctype string
	)
	switch format {
	case "csv":
		b, err = t.CSV()
		ctype = "text/csv; charset=utf-8"
	case "", "xlsx":
		format = "xlsx"
		b, err = t.XLSX()
		ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	default:
		return e.BadRequestError("Định dạng không hỗ trợ: chỉ có xlsx hoặc csv.", nil)
	}
	if err != nil {
		return e.InternalServerError("", err)
	}
	e.Response.Header().Set("Content-Disposition", `attachment; filename="`+name+"."+format+`"`)
	e.Response.Header().Set("Cache-Control", "no-store")
	return e.Blob(http.StatusOK, ctype, b)
}

// Date is a record's date field as the commune reads it (dd/mm/yyyy, in
// Vietnam's time), or "" when it is empty.
func Date(r *core.Record, field string) string {
	d := r.GetDateTime(field)
	if d.IsZero() {
		return ""
	}
	return d.Time().In(schema.Vietnam).Format("02/01/2006")
}

// Round1 rounds a non-negative v to one decimal place, as rates show.
func Round1(v float64) float64 { return float64(int(v*10+0.5)) / 10 }
