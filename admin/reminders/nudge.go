package reminders

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin/awards"
	"github.com/daison/portal/admin/staff"
	"github.com/daison/portal/internal/clock"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/staffauth"
)

// A reviewer reminds a late unit now ("Nhắc"), beside the automatic
// reminders: a notice and a mail to each of the unit's reporters, recorded
// in the reminders collection like the others, at most once a day per unit
// (the day's key, saved first under the unique index, is the lock: two
// reviewers pressing at once send one reminder).

// Routes adds the reviewers' routes of the reminders to e's router.
func Routes(e *core.ServeEvent) {
	e.Router.POST("/api/portal/reports/remind", nudgeRoute).Bind(staffauth.Require(schema.RoleReviewer))
	e.Router.GET("/api/portal/reports/reminded", nudgedRoute).Bind(staffauth.Require(schema.RoleReviewer))
}

// nudgePrefix starts the keys of the reminders a reviewer sent a unit on
// day (yyyy-mm-dd, Vietnam's).
func nudgePrefix(unit, day string) string { return "nhac:" + unit + ":" + day }

// today is the app's day in Vietnam, as the keys write it.
func today(app core.App) string { return clock.Now(app).In(schema.Vietnam).Format("2006-01-02") }

// errNudged says the unit was reminded today already.
var errNudged = errors.New("already reminded today")

// Nudge reminds the reporters of unit, now, of its report of year, as
// who (a reviewer). It returns the names reminded; errNudged when the unit
// was reminded today; a Vietnamese error when there is nothing to remind.
func Nudge(app core.App, who *staff.Actor, unit string, year int) ([]string, error) {
	u, err := app.FindRecordById(schema.Units, unit)
	if err != nil {
		return nil, fmt.Errorf("không tìm thấy đơn vị")
	}
	name := u.GetString("name")
	now := clock.Now(app).In(schema.Vietnam)
	if year < 2000 || year > now.Year() {
		return nil, fmt.Errorf("năm %d chưa bắt đầu, chưa có báo cáo nào để nhắc", year)
	}
	if n, _ := app.CountRecords(schema.UnitReports, dbx.HashExp{"unit": unit, "year": year, "state": "submitted"}); n > 0 {
		return nil, fmt.Errorf("đơn vị “%s” đã nộp báo cáo năm %d, không cần nhắc", name, year)
	}
	dl, waived := awards.UnitDeadline(app, unit, year, "report")
	if waived {
		return nil, fmt.Errorf("đơn vị “%s” được miễn nộp báo cáo năm %d", name, year)
	}
	reporters, err := staffWith(app, schema.RoleUnitReporter, unit)
	if err != nil {
		return nil, err
	}
	if len(reporters) == 0 {
		return nil, fmt.Errorf("đơn vị “%s” chưa có cán bộ đầu mối nào có tài khoản, nên không nhắc được trên hệ thống; hãy gọi điện cho đơn vị và đề nghị bộ phận quản trị (IT) tạo tài khoản", name)
	}
	// The day's lock, credited to the reviewer in the audit log.
	day := nudgePrefix(unit, today(app))
	err = staff.AsActor(app, who, func(tx core.App) error {
		rc, err := tx.FindCachedCollectionByNameOrId(schema.Reminders)
		if err != nil {
			return err
		}
		lock := core.NewRecord(rc)
		lock.Set("key", day)
		lock.Set("subject", fmt.Sprintf("Nhắc %s nộp báo cáo năm %d (%s)", name, year, who.Label))
		return tx.Save(lock)
	})
	if err != nil {
		if n, _ := app.CountRecords(schema.Reminders, dbx.HashExp{"key": day}); n > 0 {
			return nil, errNudged
		}
		return nil, fmt.Errorf("record the reminder of %s: %w", unit, err)
	}
	note := nudgeNote(unit, year, dl, now)
	var names []string
	var errs []error
	for _, s := range reporters {
		n := note
		n.Key = day + ":" + s.Id
		if _, err := Send(app, s, n); err != nil {
			errs = append(errs, err)
		}
		names = append(names, s.GetString("name"))
	}
	return names, errors.Join(errs...)
}

// nudgeNote is what a unit's reporters are told when a reviewer reminds
// them.
func nudgeNote(unit string, year int, dl, now time.Time) Note {
	date := dl.Format("02/01/2006")
	n := Note{
		Subject: fmt.Sprintf("Phòng Văn hóa – Xã hội nhắc nộp báo cáo cải cách hành chính năm %d", year),
		Link:    fmt.Sprintf("%smoi?nam=%d", ReportsPath, year),
	}
	if now.After(dl) {
		n.Text = fmt.Sprintf("Đơn vị của bạn chưa nộp báo cáo kết quả phong trào thi đua cải cách hành chính năm %d; hạn cuối là %s, đã quá %d ngày. Phòng Văn hóa – Xã hội đề nghị đơn vị nộp ngay: báo cáo sẽ được ghi là nộp muộn và được xem xét.",
			year, date, awards.DaysLate(dl, now))
	} else {
		n.Text = fmt.Sprintf("Đơn vị của bạn chưa nộp báo cáo kết quả phong trào thi đua cải cách hành chính năm %d. Hạn cuối là %s; Phòng Văn hóa – Xã hội đề nghị đơn vị sớm hoàn thành và nộp.", year, date)
	}
	return n
}

// nudgeRoute answers POST /api/portal/reports/remind {"unit", "year"}.
func nudgeRoute(e *core.RequestEvent) error {
	var in struct {
		Unit string `json:"unit"`
		Year int    `json:"year"`
	}
	if err := e.BindBody(&in); err != nil || in.Unit == "" {
		return e.BadRequestError("Hãy chọn đơn vị và năm báo cáo cần nhắc.", err)
	}
	names, err := Nudge(e.App, staff.RequestActor(e), in.Unit, in.Year)
	switch {
	case errors.Is(err, errNudged):
		return e.Error(http.StatusConflict, "Đơn vị này đã được nhắc hôm nay; mỗi đơn vị chỉ nhắc một lần một ngày. Hãy nhắc lại vào ngày mai, hoặc gọi điện cho đơn vị.", nil)
	case err != nil && len(names) == 0:
		return e.BadRequestError("Không nhắc được: "+err.Error()+".", nil)
	case err != nil:
		// Recorded and posted; a mail did not go (the log says why).
		e.App.Logger().Error("Nhắc đơn vị: có thư không gửi được", "error", err.Error())
		return e.JSON(http.StatusOK, map[string]any{"reminded": names,
			"message": "Đã gửi thông báo tới " + strings.Join(names, ", ") + " trên trang quản trị; có thư điện tử chưa gửi được (xem nhật ký hệ thống)."})
	}
	return e.JSON(http.StatusOK, map[string]any{"reminded": names,
		"message": "Đã nhắc " + strings.Join(names, ", ") + " (thông báo trên trang quản trị và thư điện tử)."})
}

// nudgedRoute answers GET /api/portal/reports/reminded: the units a
// reviewer reminded today, each with the time ("HH:MM").
func nudgedRoute(e *core.RequestEvent) error {
	day := today(e.App)
	rs, err := e.App.FindRecordsByFilter(schema.Reminders, "key ~ {:p}", "", 0, 0, dbx.Params{"p": "nhac:%:" + day})
	if err != nil {
		return e.InternalServerError("", err)
	}
	out := map[string]string{}
	for _, r := range rs {
		parts := strings.Split(r.GetString("key"), ":")
		if len(parts) != 3 || parts[2] != day { // the day's lock, not each person's
			continue
		}
		out[parts[1]] = r.GetDateTime("created").Time().In(schema.Vietnam).Format("15:04")
	}
	return e.JSON(http.StatusOK, map[string]any{"units": out})
}
