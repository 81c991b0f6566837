package awards

import (
	"fmt"
	"github.com/daison/portal/internal/staffauth"
	"math"
	"time"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/admin/staff"
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/clock"
	"github.com/daison/portal/internal/schema"
)

// UnitDeadline is the deadline of subject ("report" or "nomination") for
// one unit in year: the portal's deadline, or the later day a reviewer
// extended it to for that unit. waived is true when a reviewer excused the
// unit from filing it.
func UnitDeadline(app core.App, unit string, year int, subject string) (dl time.Time, waived bool) {
	dl = Deadline(app, year)
	ex, err := app.FindFirstRecordByFilter(schema.DeadlineExceptions,
		"unit = {:u} && year = {:y} && subject = {:s}", dbx.Params{"u": unit, "y": year, "s": subject})
	if err != nil || ex == nil {
		return dl, false
	}
	if ex.GetString("action") == "waive" {
		return dl, true
	}
	if until := ex.GetDateTime("until").Time(); !until.IsZero() {
		d := until.In(schema.Vietnam)
		if end := time.Date(d.Year(), d.Month(), d.Day(), 23, 59, 59, 0, schema.Vietnam); end.After(dl) {
			dl = end
		}
	}
	return dl, false
}

// DaysLate is how many days after dl a filing at now came: 1 for any time
// of the day after the deadline's, 0 when it was on time.
func DaysLate(dl, now time.Time) int {
	if !now.After(dl) {
		return 0
	}
	return int(math.Ceil(now.Sub(dl).Hours() / 24))
}

// markFiled stamps a record being filed now: the submission time and,
// after its deadline, late with the days late, awaiting a reviewer's
// decision (a reviewer filing it late accepts it by doing so). Only the
// server writes these fields.
func markFiled(e *core.RecordRequestEvent, dl time.Time) {
	now := clock.Now(e.App)
	r := e.Record
	if dt, err := types.ParseDateTime(now); err == nil {
		r.Set("submittedAt", dt)
	}
	if n := DaysLate(dl, now); !dl.IsZero() && n > 0 {
		r.Set("late", true)
		r.Set("daysLate", n)
		decision := "pending"
		if staffauth.Role(e.RequestEvent) == schema.RoleReviewer {
			decision = "accepted"
		}
		r.Set("lateDecision", decision)
	}
}

// checkLateDecision keeps a reviewer's decision on a late filing: only for
// a record filed late, only accepted or refused, and a late nomination
// goes to the council only once accepted.
func checkLateDecision(r, before *core.Record, to string, errs validation.Errors) {
	late := before != nil && before.GetBool("late")
	d := r.GetString("lateDecision")
	if before != nil && d != before.GetString("lateDecision") {
		switch {
		case !late:
			errs["lateDecision"] = check.FieldError("validation_late_decision", "Hồ sơ này nộp đúng hạn, không cần xét nộp muộn.")
		case d != "accepted" && d != "refused":
			errs["lateDecision"] = check.FieldError("validation_late_decision", "Hãy chọn “Chấp nhận” hoặc “Không chấp nhận” hồ sơ nộp muộn.")
		}
	}
	if late && to == "forwarded" && before.GetString("state") != "forwarded" && d != "accepted" {
		errs["lateDecision"] = check.FieldError("validation_late_decision", fmt.Sprintf(
			"Hồ sơ nộp muộn %d ngày: hãy chấp nhận hồ sơ nộp muộn trước khi trình Hội đồng.", before.GetInt("daysLate")))
	}
}

// checkException runs on a reviewer's saves of a deadline exception: an
// extension needs its new day, later than the portal's deadline; who granted
// it is stamped by the server.
func checkException(e *core.RecordRequestEvent) error {
	r := e.Record
	if r.GetString("action") == "extend" {
		dl := Deadline(e.App, r.GetInt("year"))
		until := r.GetDateTime("until").Time()
		if until.IsZero() || !until.In(schema.Vietnam).After(dl) {
			return e.BadRequestError("", validation.Errors{"until": check.FieldError("validation_extension",
				fmt.Sprintf("Hãy chọn ngày gia hạn sau hạn chung %s.", dl.Format("02/01/2006")))})
		}
	}
	label, _, _ := staff.ActorOf(e.RequestEvent)
	r.Set("grantedBy", label)
	return e.Next()
}
