package feedback

import (
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/admin/staff"
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/clock"
	"github.com/daison/portal/internal/privacy"
	"github.com/daison/portal/internal/schema"
)

// RetentionCronID names the hourly erasure of contacts kept past their
// period, in PocketBase's cron.
const RetentionCronID = "portalEraseContacts"

// retentionEraser is who the audit log credits with the scheduled erasure.
var retentionEraser = &staff.Actor{Label: "Hệ thống (xóa khi hết thời hạn lưu giữ)", Kind: "system"}

// bindRetention schedules EraseExpired hourly (PocketBase's cron runs while
// "serve" does; a portal stopped for a while catches up at its first run)
// and keeps the retention setting within its bounds.
func bindRetention(app core.App) {
	app.Cron().MustAdd(RetentionCronID, "23 * * * *", func() {
		if _, err := EraseExpired(app); err != nil {
			app.Logger().Error("Không xóa được thông tin liên hệ hết thời hạn lưu giữ", "component", "feedback", slog.String("error", err.Error()))
		}
	})
	app.OnRecordValidate(schema.PortalConfig).BindFunc(checkRetentionSetting)
}

// Expired is one submission whose contacts EraseExpired erased: its id and
// the fields erased.
type Expired struct {
	ID     string
	Fields []string
}

// EraseExpired erases the contacts of every submission whose retention
// has run out at the app's clock: the period in force (privacy.Months),
// or the shorter one its citizen was told (retainMonths), counted from the
// answer, or, for a submission closed without one, from when it was last
// changed. A submission not yet answered keeps them: staff may still need
// to reach its citizen. Each erasure is saved (and audited) on its own and
// logged with the record's id and the fields, never the values; one that
// fails does not stop the others.
func EraseExpired(app core.App) ([]Expired, error) {
	now := clock.Now(app)
	current := privacy.Months(app)
	// No period is shorter than MinMonths: older records are the only
	// candidates.
	cut := now.AddDate(0, -privacy.MinMonths, 0).UTC().Format(types.DefaultDateLayout)
	rs, err := app.FindRecordsByFilter(schema.Feedback,
		`(name != "" || phone != "" || email != "") && ((answeredAt != "" && answeredAt <= {:cut}) || (answeredAt = "" && state = "da-dong" && updated <= {:cut}))`,
		"created", 0, 0, dbx.Params{"cut": cut})
	if err != nil {
		return nil, fmt.Errorf("find contacts past their retention: %w", err)
	}
	var done []Expired
	var failed []string
	for _, r := range rs {
		if due := retentionDue(r, current); due.IsZero() || now.Before(due) {
			continue
		}
		fields, err := eraseContacts(app, r, erasedByRetention, retentionEraser, now)
		if err != nil {
			failed = append(failed, r.Id)
			app.Logger().Error("không xóa được thông tin liên hệ hết hạn", "component", "feedback", "record", r.Id, "error", err.Error())
			continue
		}
		done = append(done, Expired{ID: r.Id, Fields: fields})
	}
	if len(done) > 0 {
		ids := make([]string, len(done))
		for i, x := range done {
			ids[i] = x.ID
		}
		app.Logger().Info("Đã xóa thông tin liên hệ hết thời hạn lưu giữ", "component", "feedback",
			"count", len(done), "months", current, "records", strings.Join(ids, ","))
	}
	if len(failed) > 0 {
		return done, fmt.Errorf("%d submissions kept their contacts past retention: %s", len(failed), strings.Join(failed, ","))
	}
	return done, nil
}

// checkRetentionSetting keeps the retention period reviewers set within
// privacy's bounds (0, not set, means the default), with a Vietnamese
// message.
func checkRetentionSetting(e *core.RecordEvent) error {
	f := e.Record.Collection().Fields.GetByName(privacy.ConfigField)
	if f == nil {
		return e.Next() // before the setting's migration
	}
	n := e.Record.GetFloat(privacy.ConfigField)
	if n != 0 && (n != float64(int(n)) || privacy.Clamp(int(n)) != int(n)) {
		return check.Validate(e, validation.Errors{privacy.ConfigField: check.FieldError("validation_retention_months",
			fmt.Sprintf("Thời hạn lưu thông tin liên hệ phải là số tháng, từ %d đến %d.", privacy.MinMonths, privacy.MaxMonths))})
	}
	return e.Next()
}

// retentionDue is when a submission's contacts are due for erasure under
// months, or the zero time when nothing starts the count yet.
func retentionDue(r *core.Record, months int) time.Time {
	from := r.GetDateTime("answeredAt").Time()
	if from.IsZero() && r.GetString("state") == "da-dong" {
		from = r.GetDateTime("updated").Time()
	}
	if from.IsZero() {
		return time.Time{}
	}
	if told := r.GetInt("retainMonths"); told > 0 && told < months {
		months = told
	}
	return from.AddDate(0, months, 0)
}
