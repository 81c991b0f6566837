package awards

import (
	"fmt"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/clock"
	"github.com/daison/portal/internal/schema"
)

// checkReportPlace keeps a yearly report where it belongs, with a
// Vietnamese reason and never by changing what was sent: its year must
// have begun (no "Báo cáo năm 2027" in December 2026), a unit's reporter
// files for their own unit only and cannot move a report to another unit
// or year, and a unit has one report a year (the unique index would say
// only "already used").
func checkReportPlace(app core.App, role string, auth, r, before *core.Record, errs validation.Errors) {
	year, unit := r.GetInt("year"), r.GetString("unit")
	now := clock.Now(app).In(schema.Vietnam)
	if (before == nil || year != before.GetInt("year")) && year > now.Year() {
		errs["year"] = check.FieldError("validation_report_year", fmt.Sprintf(
			"Năm %d chưa bắt đầu: chỉ lập báo cáo cho năm đã bắt đầu (đến năm %d). Báo cáo năm %d lập được từ ngày 01/01/%d.",
			year, now.Year(), year, year))
	}
	if role == schema.RoleUnitReporter {
		own := auth.GetString("unit")
		switch {
		case unit != own:
			errs["unit"] = check.FieldError("validation_report_unit", fmt.Sprintf(
				"Bạn là cán bộ đầu mối của %s: chỉ lập báo cáo cho đơn vị mình, không chọn được đơn vị khác.", unitLabel(app, own)))
		case before != nil && year != before.GetInt("year"):
			errs["year"] = check.FieldError("validation_report_year", fmt.Sprintf(
				"Năm của báo cáo đã lập không đổi được (báo cáo này là của năm %d). Cần báo cáo năm khác, hãy lập báo cáo mới.", before.GetInt("year")))
		}
	}
	if _, taken := errs["unit"]; taken || unit == "" || year == 0 {
		return
	}
	other, err := app.FindFirstRecordByFilter(schema.UnitReports, "unit = {:u} && year = {:y} && id != {:id}",
		dbx.Params{"u": unit, "y": year, "id": r.Id})
	if err == nil && other != nil {
		errs["year"] = check.FieldError("validation_report_exists", fmt.Sprintf(
			"Đơn vị “%s” đã có báo cáo năm %d: hãy mở báo cáo đó để sửa, không lập báo cáo thứ hai.", unitName(app, unit), year))
	}
}

// unitLabel names a unit in a sentence: đơn vị “Tên”.
func unitLabel(app core.App, id string) string {
	if n := unitName(app, id); n != "" {
		return "đơn vị “" + n + "”"
	}
	return "một đơn vị"
}

// unitName is a unit's name, or "" when there is none.
func unitName(app core.App, id string) string {
	if u, err := app.FindRecordById(schema.Units, id); err == nil {
		return u.GetString("name")
	}
	return ""
}
