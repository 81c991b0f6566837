package reminders_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/clock"
	"github.com/daison/portal/internal/mailpit"
	"github.com/daison/portal/internal/schema"
)

// TestReviewerRemindsUnitNow: after the deadline a reviewer presses
// "Nhắc" for unit A: its reporter gets a notice and a mail (read back
// from a real SMTP server), recorded like the automatic reminders and in
// the audit log under the reviewer's name; a second press the same day is
// refused in Vietnamese, the next day goes; a unit that filed, a year not
// begun and an editor are refused.
func TestReviewerRemindsUnitNow(t *testing.T) {
	t.Parallel()
	w := admintest.NewWorld(t)
	mp := useMailpit(t, w)
	c := clock.NewFixed(time.Date(2027, 11, 25, 9, 30, 0, 0, schema.Vietnam))
	clock.Set(w.App, c.Now)
	w.API(t, admintest.ReporterB, http.MethodPost, "/api/collections/unitReports/records",
		fmt.Sprintf(`{"unit":%q,"year":2027,"state":"submitted","summary":"Báo cáo năm 2027"}`, admintest.UnitB), 200)
	remind := func(who, unit string, year, want int) string {
		return w.API(t, who, http.MethodPost, "/api/portal/reports/remind", fmt.Sprintf(`{"unit":%q,"year":%d}`, unit, year), want)
	}
	a := "reportera@daison.test"

	got := remind(admintest.Reviewer, admintest.UnitA, 2027, 200)
	if !strings.Contains(got, "Đã nhắc") {
		t.Fatalf("the reviewer is told: %s", got)
	}
	m, err := mp.WaitFor(a, 10*time.Second, func(m mailpit.Message) bool { return strings.Contains(m.Subject, "nhắc nộp báo cáo") })
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.Text, "năm 2027") || !strings.Contains(m.Text, "đã quá 5 ngày") || !strings.Contains(m.Text, "/quan-tri/bao-cao-nam/moi?nam=2027") {
		t.Fatalf("the mail reads:\n%s", m.Text)
	}
	notices := w.API(t, admintest.ReporterA, http.MethodGet, "/api/collections/notices/records", "", 200)
	if !strings.Contains(notices, "Phòng Văn hóa – Xã hội nhắc nộp báo cáo") {
		t.Fatalf("unit A's notices: %s", notices)
	}
	if n, _ := w.App.CountRecords(schema.Reminders, dbx.NewExp("key LIKE 'nhac:%'")); n != 2 {
		t.Fatalf("%d reminders recorded, want the day's lock and one for the reporter", n)
	}
	if n, _ := w.App.CountRecords(schema.AuditLog, dbx.NewExp("collectionRef = 'reminders' AND actor LIKE '%reviewer@daison.test%'")); n != 1 {
		t.Errorf("the reminder is in the audit log under the reviewer %d times, want 1", n)
	}
	if got := w.API(t, admintest.Reviewer, http.MethodGet, "/api/portal/reports/reminded", "", 200); !strings.Contains(got, fmt.Sprintf(`%q:"`, admintest.UnitA)) {
		t.Errorf("today's reminders: %s", got)
	}

	// Once a day per unit.
	if got := remind(admintest.Reviewer, admintest.UnitA, 2027, 409); !strings.Contains(got, "đã được nhắc hôm nay") {
		t.Errorf("a second reminder the same day: %s", got)
	}
	if got := remind(admintest.Reviewer, admintest.UnitA, 2026, 409); !strings.Contains(got, "đã được nhắc hôm nay") {
		t.Errorf("a second reminder the same day (another year): %s", got)
	}
	c.Advance(24 * time.Hour)
	remind(admintest.Reviewer, admintest.UnitA, 2027, 200)
	if n := mailTo(t, mp, a, "nhắc nộp báo cáo"); n != 2 {
		t.Errorf("%d reminder mails to unit A over two days, want 2", n)
	}

	if got := remind(admintest.Reviewer, admintest.UnitB, 2027, 400); !strings.Contains(got, "đã nộp báo cáo năm 2027") {
		t.Errorf("reminding a unit that filed: %s", got)
	}
	if got := remind(admintest.Reviewer, admintest.UnitB, 2028, 400); !strings.Contains(got, "chưa bắt đầu") {
		t.Errorf("reminding of a year not begun: %s", got)
	}
	remind(admintest.Editor, admintest.UnitA, 2027, 403)
	remind(admintest.ReporterA, admintest.UnitA, 2027, 403)
}
