// Package reminders keeps deadlines and dossiers from falling through: it
// mails (through the portal's mail settings) and posts an in-app notice to
// each unit's reporters 14, 7 and 1 days before a yearly report they have
// not filed is due and the day after; to a unit's reporters when its
// nomination is returned or decided; to reviewers when something new
// awaits them. Each reminder is recorded under a unique key in the
// reminders collection before it goes out, so none is sent twice, across
// restarts too; the deadline check runs hourly on PocketBase's cron.
package reminders

import (
	"fmt"
	"log/slog"
	"net/mail"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/mailer"

	"github.com/daison/portal/internal/schema"
)

// CronID names the hourly deadline check in PocketBase's cron.
const CronID = "portalReminders"

// Bind schedules the deadline check (hourly on PocketBase's cron, which
// starts with "serve": a stopped portal catches up within the hour after
// it starts, the reminders collection saying what was already sent) and
// binds the notices of nominations returned or decided and of filings
// awaiting a reviewer.
func Bind(app core.App) {
	app.Cron().MustAdd(CronID, "7 * * * *", func() {
		if err := Run(app); err != nil {
			app.Logger().Error("Nhắc hạn nộp báo cáo không chạy được", slog.String("error", err.Error()))
		}
	})
	app.OnRecordAfterCreateSuccess(schema.Nominations, schema.UnitReports).BindFunc(onFiling)
	app.OnRecordAfterUpdateSuccess(schema.Nominations, schema.UnitReports).BindFunc(onFiling)
}

// The back office's addresses of a nomination and of a yearly report
// (its process.js's PATHS), which reminders link to.
const (
	NominationsPath = "/quan-tri/ho-so-khen-thuong/"
	ReportsPath     = "/quan-tri/bao-cao-nam/"
)

// Note is one reminder for one person.
type Note struct {
	Key     string // unique: the same key is never sent twice
	Subject string
	Text    string
	Link    string // a back-office path
}

// Send records n for the staff member s (or the superuser s) and, the
// first time only, posts the in-app notice and mails it (unless s turned
// mail off). It reports whether this call sent it.
func Send(app core.App, s *core.Record, n Note) (bool, error) {
	to := "staff"
	if s.IsSuperuser() {
		to = "superuser"
	}
	if n2, _ := app.CountRecords(schema.Reminders, dbx.HashExp{"key": n.Key}); n2 > 0 {
		return false, nil
	}
	rc, err := app.FindCachedCollectionByNameOrId(schema.Reminders)
	if err != nil {
		return false, fmt.Errorf("reminders: %w", err)
	}
	rem := core.NewRecord(rc)
	rem.Set("key", n.Key)
	rem.Set(to, s.Id)
	rem.Set("subject", n.Subject)
	if err := app.Save(rem); err != nil {
		// Another run recorded it first (the unique key): it is sent.
		if n2, _ := app.CountRecords(schema.Reminders, dbx.HashExp{"key": n.Key}); n2 > 0 {
			return false, nil
		}
		return false, fmt.Errorf("record reminder %s: %w", n.Key, err)
	}
	nc, err := app.FindCachedCollectionByNameOrId(schema.Notices)
	if err != nil {
		return false, fmt.Errorf("notices: %w", err)
	}
	notice := core.NewRecord(nc)
	notice.Set(to, s.Id)
	notice.Set("title", n.Subject)
	notice.Set("body", n.Text)
	notice.Set("link", n.Link)
	if err := app.Save(notice); err != nil {
		return true, fmt.Errorf("notice %s: %w", n.Key, err)
	}
	if s.GetBool("mailOptOut") || s.Email() == "" {
		return true, nil
	}
	meta := app.Settings().Meta
	msg := &mailer.Message{
		From:    mail.Address{Name: meta.SenderName, Address: meta.SenderAddress},
		To:      []mail.Address{{Name: s.GetString("name"), Address: s.Email()}},
		Subject: n.Subject,
		Text:    n.Text + mailFooter(meta.AppURL, n.Link),
	}
	if err := app.NewMailClient().Send(msg); err != nil {
		return true, fmt.Errorf("mail %s to %s: %w", n.Key, s.Email(), err)
	}
	rem.Set("mailed", true)
	if err := app.Save(rem); err != nil {
		return true, fmt.Errorf("mark reminder %s mailed: %w", n.Key, err)
	}
	return true, nil
}

// mailFooter ends a reminder mail with where to act and how to stop mail.
func mailFooter(appURL, link string) string {
	s := "\n\n"
	if link != "" {
		s += "Xem tại: " + strings.TrimSuffix(appURL, "/") + link + "\n"
	}
	return s + "Bạn có thể tắt thư nhắc tại mục Tài khoản trong trang quản trị; thông báo vẫn hiện trên trang quản trị."
}

// staffWith lists the staff of a role (of one unit, when unit is not "").
func staffWith(app core.App, role, unit string) ([]*core.Record, error) {
	filter, params := "role = {:r}", dbx.Params{"r": role}
	if unit != "" {
		filter += " && unit = {:u}"
		params["u"] = unit
	}
	list, err := app.FindRecordsByFilter(schema.Staff, filter, "created", 0, 0, params)
	if err != nil {
		return nil, fmt.Errorf("read staff (%s): %w", role, err)
	}
	return list, nil
}
