package awards

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/vntext"
)

// The printed list of a decision's awards follows Nghị định 30/2020/NĐ-CP
// (Phụ lục I): the issuing body and the national motto side by side, the
// number and symbol under the body, the place and date under the motto,
// the title and what it is attached to, sections I (collectives) and II
// (individuals) numbered, and the signature block of whoever signed it.

// decisionHead is the head of the printed list.
type decisionHead struct {
	BodyAbove, Body string // "ỦY BAN NHÂN DÂN", "XÃ HÒA BÌNH"
	Number          string // "Số: 12/QĐ-UBND"
	PlaceDate       string // "Hòa Bình, ngày 25 tháng 11 năm 2026"
	Attached        string // "(Kèm theo Quyết định số 12/QĐ-UBND ngày 25/11/2026 của Chủ tịch UBND xã Hòa Bình)"
	SignFor         string // "KT. CHỦ TỊCH", or ""
	SignTitle       string // "PHÓ CHỦ TỊCH" or "CHỦ TỊCH"
	SignName        string // the signer's name
}

// newDecisionHead lays out the head and signature of a decision's list.
func newDecisionHead(id commune.Identity, no string, date time.Time, signer string) decisionHead {
	id = id.WithDefaults()
	place := placeName(id.Commune)
	h := decisionHead{BodyAbove: "ỦY BAN NHÂN DÂN", Body: strings.ToUpper(id.Commune), Number: "Số: " + no}
	if !date.IsZero() {
		h.PlaceDate = fmt.Sprintf("%s, ngày %02d tháng %02d năm %d", place, date.Day(), int(date.Month()), date.Year())
	}
	h.SignFor, h.SignTitle, h.SignName = signBlock(signer)
	by := "Chủ tịch UBND " + id.Commune
	h.Attached = "(Kèm theo Quyết định số " + no
	if !date.IsZero() {
		h.Attached += " ngày " + date.Format("02/01/2006")
	}
	h.Attached += " của " + by + ")"
	return h
}

// placeName is the commune's name without its level, as a document's place
// is written: "xã Hòa Bình" → "Hòa Bình".
func placeName(c string) string {
	for _, level := range []string{"xã ", "phường ", "thị trấn ", "Xã ", "Phường ", "Thị trấn "} {
		if strings.HasPrefix(c, level) {
			return strings.TrimSpace(strings.TrimPrefix(c, level))
		}
	}
	return c
}

// signBlock reads who signed from the award's signer field: a vice
// chairman signs for the chairman ("KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH"),
// the chairman signs as "CHỦ TỊCH". The name is the field without the
// title, wherever it was written ("Phó Chủ tịch Lê Văn B", "Lê Văn B, Phó
// Chủ tịch UBND xã").
func signBlock(signer string) (signFor, title, name string) {
	s := strings.TrimSpace(signer)
	low := strings.ToLower(s)
	vice := strings.Contains(low, "phó chủ tịch") || strings.HasPrefix(low, "kt.")
	name = s
	for _, t := range []string{"KT. Chủ tịch", "KT. CHỦ TỊCH", "Phó Chủ tịch UBND xã", "Phó Chủ tịch", "PHÓ CHỦ TỊCH", "Chủ tịch UBND xã", "Chủ tịch", "CHỦ TỊCH"} {
		name = strings.ReplaceAll(name, t, "")
	}
	name = strings.Trim(strings.TrimSpace(name), ",–-: ")
	if i := strings.Index(name, ","); i > 0 { // "Lê Văn B, UBND xã"
		name = strings.TrimSpace(name[:i])
	}
	if vice {
		return "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", name
	}
	return "", "CHỦ TỊCH", name
}

// positionAndUnit is the "Chức vụ, đơn vị" cell: the position, then the
// unit unless the position names it already (or the collective is the
// unit itself), so that no unit is written twice.
func positionAndUnit(name, position, unit string) string {
	fold := func(s string) string { return vntext.Fold(strings.TrimSpace(s)) }
	if unit == "" || strings.Contains(fold(position), fold(unit)) || fold(name) == fold(unit) {
		return position
	}
	if position == "" {
		return unit
	}
	return position + ", " + unit
}

// sortRows orders a section's rows by unit, then name, in Vietnamese order.
func sortRows(rows []decisionRow) {
	sort.SliceStable(rows, func(i, j int) bool {
		if c := vntext.Compare(rows[i].Unit, rows[j].Unit); c != 0 {
			return c < 0
		}
		return vntext.Compare(rows[i].Name, rows[j].Name) < 0
	})
}

// decisionRow is one honoree of the printed list.
type decisionRow struct {
	Name, Where, Achievement, Form string
	Unit                           string // for the order only
	// Criteria are the plan's standards ticked on the nomination that
	// made the award, if one did.
	Criteria []string
}
