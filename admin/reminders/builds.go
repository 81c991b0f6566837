package reminders

import (
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/clock"
	"github.com/daison/portal/internal/schema"
)

// DefaultBuildAlertAfter is how long the site's builds may fail before
// reviewers and IT are told.
const DefaultBuildAlertAfter = 10 * time.Minute

// BuildState is what the build alert reads of the site's builds.
type BuildState struct {
	// FailingSince is when the first of the builds that failed since the
	// last good one began; zero while the last build went live.
	FailingSince time.Time
	// Error is why the last build failed, in Vietnamese for staff.
	Error string
	// LiveSince is when the build now live began (zero: none is).
	LiveSince time.Time
}

// BuildAlert tells reviewers and IT (superusers), by an in-app notice and
// a mail, when the site's builds have failed for longer than After:
// whatever staff publish meanwhile does not reach the public. It is sent
// once per incident (a run of failed builds, known by the time the first
// began, which survives restarts), each under a unique key in the
// reminders collection like every reminder.
type BuildAlert struct {
	app   core.App
	after time.Duration
	state func() BuildState

	mu    sync.Mutex
	timer *time.Timer
}

// NewBuildAlert returns the alert of app's builds, whose state reads
// them; after is how long they may fail first (DefaultBuildAlertAfter
// when not positive).
func NewBuildAlert(app core.App, after time.Duration, state func() BuildState) *BuildAlert {
	if after <= 0 {
		after = DefaultBuildAlertAfter
	}
	return &BuildAlert{app: app, after: after, state: state}
}

// Check sends the alert if the builds have failed for After by the app's
// clock (internal/clock); while they fail for less, it arranges to check
// again when they will have, so that the alert goes out on time even when
// no build runs then. Call it after each build and when serving starts. It
// reports how many people it told.
func (a *BuildAlert) Check() (int, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
	st := a.state()
	if st.FailingSince.IsZero() {
		return 0, nil
	}
	if wait := st.FailingSince.Add(a.after).Sub(clock.Now(a.app)); wait > 0 {
		a.timer = time.AfterFunc(wait+time.Second, func() {
			if _, err := a.Check(); err != nil {
				a.app.Logger().Error("Không gửi được cảnh báo dựng trang thất bại", slog.String("error", err.Error()))
			}
		})
		return 0, nil
	}
	people, err := buildAlertees(a.app)
	if err != nil {
		return 0, err
	}
	sent := 0
	var errs []error
	for _, p := range people {
		ok, err := Send(a.app, p, buildNote(p, st, clock.Now(a.app)))
		if err != nil {
			errs = append(errs, err)
		}
		if ok {
			sent++
		}
	}
	return sent, errors.Join(errs...)
}

// Stop cancels a pending check.
func (a *BuildAlert) Stop() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
}

// buildAlertees are the reviewers and the superusers.
func buildAlertees(app core.App) ([]*core.Record, error) {
	people, err := staffWith(app, schema.RoleReviewer, "")
	if err != nil {
		return nil, err
	}
	su, err := app.FindAllRecords(core.CollectionNameSuperusers)
	if err != nil {
		return nil, fmt.Errorf("read superusers: %w", err)
	}
	return append(people, su...), nil
}

// buildNote is the alert for p of the incident st, at now.
func buildNote(p *core.Record, st BuildState, now time.Time) Note {
	at := func(t time.Time) string { return t.In(schema.Vietnam).Format("15:04 02/01/2006") }
	mins := int(now.Sub(st.FailingSince).Minutes())
	n := Note{
		Key:     fmt.Sprintf("dung-trang-loi:%s:%s:%s", st.FailingSince.UTC().Format(time.RFC3339Nano), p.Collection().Name, p.Id),
		Subject: "Trang công khai chưa cập nhật được từ " + at(st.FailingSince),
		Link:    "/quan-tri/",
	}
	n.Text = fmt.Sprintf("Từ %s (đã %d phút), mọi lần dựng trang đều thất bại: những gì cán bộ lưu và xuất bản từ lúc đó chưa lên trang công khai, kể cả bài hẹn giờ.", at(st.FailingSince), mins)
	if !st.LiveSince.IsZero() {
		n.Text += fmt.Sprintf(" Trang công khai vẫn chạy bản dựng tốt gần nhất (lúc %s).", at(st.LiveSince))
	} else {
		n.Text += " Trang công khai chưa có bản dựng nào."
	}
	if st.Error != "" {
		n.Text += "\n\nLỗi của lần dựng gần nhất: " + st.Error
	}
	n.Text += "\n\nCổng tự dựng lại sau mỗi lần lỗi. Bộ phận kỹ thuật (IT) xem chi tiết ở mục Tổng quan của trang quản trị; " +
		"khi trang dựng lại được, các bản ghi hiện \"Đã lên trang lúc …\". Thư này chỉ gửi một lần cho mỗi đợt lỗi."
	return n
}
