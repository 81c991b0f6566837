package reminders

import (
	"errors"
	"fmt"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin/awards"
	"github.com/daison/portal/internal/clock"
	"github.com/daison/portal/internal/schema"
)

// step is the reminder due days before a deadline (negative: after it),
// "" when none is: "14" from 14 days before, "7" from 7, "1" from the day
// before (the deadline's own day included), "sau-han" once it has passed.
// Only the latest step due is sent: a portal stopped over one step does
// not send two at once.
func step(days int) string {
	switch {
	case days < 0:
		return "sau-han"
	case days <= 1:
		return "1"
	case days <= 7:
		return "7"
	case days <= 14:
		return "14"
	}
	return ""
}

// daysUntil is the number of calendar days (Vietnam's) from now to dl.
func daysUntil(now, dl time.Time) int {
	a := now.In(schema.Vietnam)
	b := dl.In(schema.Vietnam)
	da := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	db := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Hours() / 24)
}

// Run sends the deadline reminders due now (the app's clock): to each
// unit reporter whose unit has not filed this year's or last year's
// report and was not excused. It reports how many it sent.
func Run(app core.App) error {
	_, err := RunCount(app)
	return err
}

// RunCount is Run, and how many reminders it sent.
func RunCount(app core.App) (int, error) {
	now := clock.Now(app)
	reporters, err := staffWith(app, schema.RoleUnitReporter, "")
	if err != nil {
		return 0, err
	}
	sent := 0
	var errs []error
	for _, year := range []int{now.Year() - 1, now.Year()} {
		for _, s := range reporters {
			unit := s.GetString("unit")
			if unit == "" {
				continue
			}
			dl, waived := awards.UnitDeadline(app, unit, year, "report")
			if waived {
				continue
			}
			if n, _ := app.CountRecords(schema.UnitReports, dbx.HashExp{"unit": unit, "year": year, "state": "submitted"}); n > 0 {
				continue
			}
			days := daysUntil(now, dl)
			st := step(days)
			if st == "" || (st == "sau-han" && days < -30) {
				continue
			}
			ok, err := Send(app, s, deadlineNote(s, unit, year, st, days, dl))
			if err != nil {
				errs = append(errs, err)
			}
			if ok {
				sent++
			}
		}
	}
	return sent, errors.Join(errs...)
}

// deadlineNote is the reminder of a step.
func deadlineNote(s *core.Record, unit string, year int, st string, days int, dl time.Time) Note {
	date := dl.Format("02/01/2006")
	// The unit's report of the year: the back office opens the draft if
	// there is one, else a new one.
	n := Note{Key: fmt.Sprintf("han:%s:%s:%d:bao-cao:%s", s.Id, unit, year, st), Link: fmt.Sprintf("%smoi?nam=%d", ReportsPath, year)}
	switch {
	case st == "sau-han":
		n.Subject = fmt.Sprintf("Đã quá hạn nộp báo cáo cải cách hành chính năm %d (hạn %s)", year, date)
		n.Text = fmt.Sprintf("Đơn vị của bạn chưa nộp báo cáo kết quả phong trào thi đua cải cách hành chính năm %d; hạn cuối là %s. Đơn vị vẫn nộp được: báo cáo sẽ được ghi là nộp muộn và Phòng Văn hóa – Xã hội xem xét.", year, date)
	case days == 0:
		n.Subject = fmt.Sprintf("Hôm nay là hạn cuối nộp báo cáo cải cách hành chính năm %d", year)
		n.Text = fmt.Sprintf("Đơn vị của bạn chưa nộp báo cáo năm %d. Hạn cuối là hết ngày hôm nay, %s.", year, date)
	default:
		n.Subject = fmt.Sprintf("Còn %d ngày đến hạn nộp báo cáo cải cách hành chính năm %d (%s)", days, year, date)
		n.Text = fmt.Sprintf("Đơn vị của bạn chưa nộp báo cáo kết quả phong trào thi đua cải cách hành chính năm %d. Hạn cuối là %s.", year, date)
	}
	return n
}
