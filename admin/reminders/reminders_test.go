package reminders_test

import (
	"fmt"
	"io/fs"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/mailer"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/admin/backoffice"
	"github.com/daison/portal/admin/reminders"
	"github.com/daison/portal/internal/clock"
	"github.com/daison/portal/internal/mailpit"
	"github.com/daison/portal/internal/schema"
)

// useMailpit points the app's mail settings at a real SMTP server.
func useMailpit(t *testing.T, w *admintest.World) *mailpit.Server {
	t.Helper()
	mp := mailpit.Start(t)
	s := w.App.Settings()
	s.SMTP.Enabled = true
	s.SMTP.Host = mp.SMTPHost
	s.SMTP.Port = mp.SMTPPort
	s.Meta.SenderAddress = "cong@daison.test"
	s.Meta.SenderName = "Cổng cải cách hành chính"
	s.Meta.AppURL = "https://caicach.daison.test/"
	if err := w.App.Save(s); err != nil {
		t.Fatal(err)
	}
	// tests.TestApp swaps every mail's sender for its in-memory one; put
	// the real SMTP client of the settings back, so mail goes to mailpit.
	w.App.OnMailerSend().Bind(&hook.Handler[*core.MailerEvent]{
		Func: func(e *core.MailerEvent) error {
			e.Mailer = &mailer.SMTPClient{Host: mp.SMTPHost, Port: mp.SMTPPort}
			return e.Next()
		},
		Priority: -99998,
	})
	return mp
}

// mailTo counts the mail mailpit holds for addr whose subject contains part.
func mailTo(t *testing.T, mp *mailpit.Server, addr, part string) int {
	t.Helper()
	list, err := mp.Messages()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range list {
		if m.SentTo(addr) && strings.Contains(m.Subject, part) {
			n++
		}
	}
	return n
}

// TestDeadlineRemindersOnce: with the clock moved day by day, unit A's
// reporter gets one mail and one notice 14, 7 and 1 days before 20/11 and
// the day after, read back from a real SMTP server; running again (an
// hourly run, a restart) sends nothing twice; unit B, which filed, gets
// nothing; a reporter who turned mail off gets notices only.
func TestDeadlineRemindersOnce(t *testing.T) {
	t.Parallel()
	w := admintest.NewWorld(t)
	mp := useMailpit(t, w)
	c := clock.NewFixed(time.Date(2027, 11, 1, 8, 0, 0, 0, schema.Vietnam))
	clock.Set(w.App, c.Now)
	// Unit B files its 2027 report and its reporter turns mail off.
	w.API(t, admintest.ReporterB, http.MethodPost, "/api/collections/unitReports/records",
		fmt.Sprintf(`{"unit":%q,"year":2027,"state":"submitted","summary":"Báo cáo năm 2027"}`, admintest.UnitB), 200)
	for _, y := range []int{2026} { // and excuse both units from 2026's
		for _, u := range []string{admintest.UnitA, admintest.UnitB} {
			w.API(t, admintest.Reviewer, http.MethodPost, "/api/collections/deadlineExceptions/records",
				fmt.Sprintf(`{"unit":%q,"year":%d,"subject":"report","action":"waive"}`, u, y), 200)
		}
	}
	a := "reportera@daison.test"
	steps := []struct {
		day     int
		subject string
	}{
		{6, "Còn 14 ngày"}, {13, "Còn 7 ngày"}, {19, "Còn 1 ngày"}, {21, "Đã quá hạn"},
	}
	if n, err := reminders.RunCount(w.App); err != nil || n != 0 {
		t.Fatalf("19 days before: %d sent, %v", n, err)
	}
	for _, s := range steps {
		c.SetTo(time.Date(2027, 11, s.day, 8, 0, 0, 0, schema.Vietnam))
		for run := 0; run < 3; run++ {
			if _, err := reminders.RunCount(w.App); err != nil {
				t.Fatalf("%d/11 run %d: %v", s.day, run, err)
			}
			c.Advance(time.Hour)
		}
		if _, err := mp.WaitFor(a, 10*time.Second, func(m mailpit.Message) bool { return strings.Contains(m.Subject, s.subject) }); err != nil {
			t.Fatalf("%d/11: no mail %q: %v", s.day, s.subject, err)
		}
		if n := mailTo(t, mp, a, s.subject); n != 1 {
			t.Fatalf("%d/11: %d mails %q, want 1", s.day, n, s.subject)
		}
	}
	if n := mailTo(t, mp, a, ""); n != len(steps) {
		t.Fatalf("%d reminder mails to unit A, want %d", n, len(steps))
	}
	if n := mailTo(t, mp, "reporterb@daison.test", "báo cáo"); n != 0 {
		t.Fatalf("unit B, which filed, got %d reminders", n)
	}
	m, err := mp.WaitFor(a, time.Second, func(m mailpit.Message) bool { return strings.Contains(m.Subject, "Đã quá hạn") })
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.Text, "20/11/2027") || !strings.Contains(m.Text, "nộp muộn") || m.From == nil || m.From.Address != "cong@daison.test" {
		t.Fatalf("the mail reads %+v", m)
	}
	// It links to the unit's report of that year in the back office, at
	// the portal's public address.
	if want := "Xem tại: https://caicach.daison.test/quan-tri/bao-cao-nam/moi?nam=2027\r\n"; !strings.Contains(m.Text, want) {
		t.Fatalf("the mail does not link to the report (%q):\n%s", want, m.Text)
	}
	notices := w.API(t, admintest.ReporterA, http.MethodGet, "/api/collections/notices/records?perPage=50", "", 200)
	if !strings.Contains(notices, `"totalItems":4`) || !strings.Contains(notices, "Còn 7 ngày") {
		t.Fatalf("unit A's notices: %s", notices)
	}
	if other := w.API(t, admintest.ReporterB, http.MethodGet, "/api/collections/notices/records", "", 200); strings.Contains(other, "Còn 7 ngày") {
		t.Fatalf("unit B sees unit A's notices: %s", other)
	}
}

// TestNoticesOfDossiers: a filed nomination reaches the reviewer (mail and
// notice); returned, it reaches the unit's reporter with the comment; a
// reporter who turned mail off gets the notice without mail; nothing twice.
func TestNoticesOfDossiers(t *testing.T) {
	t.Parallel()
	w := admintest.NewWorld(t)
	mp := useMailpit(t, w)
	noms := "/api/collections/nominations/records"
	self, err := w.App.FindAuthRecordByEmail(schema.Staff, "reportera@daison.test")
	if err != nil {
		t.Fatal(err)
	}
	w.API(t, admintest.ReporterA, http.MethodPatch, "/api/collections/staff/records/"+self.Id, `{"mailOptOut":true}`, 200)
	year := time.Now().Year() + 1
	got := w.API(t, admintest.ReporterA, http.MethodPost, noms, fmt.Sprintf(`{"unit":%q,"year":%d,"nomineeName":"Hà Văn Sơn","nomineeKind":"ca-nhan","requestedForm":"giay-khen","kind":"hang-nam","achievements":"Một cửa điện tử","state":"submitted"}`, admintest.UnitA, year), 200)
	id := admintest.JSONField(t, got, "id")
	m, err := mp.WaitFor("reviewer@daison.test", 10*time.Second, func(m mailpit.Message) bool {
		return strings.Contains(m.Subject, "Hà Văn Sơn") && strings.Contains(m.Subject, "chờ xem xét")
	})
	if err != nil {
		t.Fatal(err)
	}
	// The mail links to the dossier itself in the back office.
	if want := "Xem tại: https://caicach.daison.test/quan-tri/ho-so-khen-thuong/" + id + "\r\n"; !strings.Contains(m.Text, want) {
		t.Fatalf("the mail does not link to the dossier (%q):\n%s", want, m.Text)
	}
	w.API(t, admintest.Reviewer, http.MethodPatch, noms+"/"+id, `{"state":"returned","comment":"Bổ sung bảng số liệu."}`, 200)
	w.API(t, admintest.Reviewer, http.MethodPatch, noms+"/"+id, `{"comment":"Nhắc lại: bổ sung trước thứ Sáu."}`, 200)
	notices := w.API(t, admintest.ReporterA, http.MethodGet, "/api/collections/notices/records", "", 200)
	if !strings.Contains(notices, `"totalItems":1`) || !strings.Contains(notices, "Trả lại để bổ sung") || !strings.Contains(notices, "Bổ sung bảng số liệu.") {
		t.Fatalf("the unit's notices: %s", notices)
	}
	time.Sleep(300 * time.Millisecond) // any stray mail would have arrived
	if n := mailTo(t, mp, "reportera@daison.test", ""); n != 0 {
		t.Fatalf("%d mails to a reporter who turned mail off", n)
	}
	if n := mailTo(t, mp, "reviewer@daison.test", ""); n != 1 {
		t.Fatalf("%d mails to the reviewer, want 1", n)
	}
	// Only the addressee marks a notice read, and changes nothing else.
	var nid string
	if i := strings.Index(notices, `"id":"`); i >= 0 {
		nid = notices[i+6 : i+21]
	}
	w.API(t, admintest.ReporterB, http.MethodPatch, "/api/collections/notices/records/"+nid, `{"read":true}`, 404)
	w.API(t, admintest.ReporterA, http.MethodPatch, "/api/collections/notices/records/"+nid, `{"title":"Khác"}`, 403)
	w.API(t, admintest.ReporterA, http.MethodPatch, "/api/collections/notices/records/"+nid, `{"read":true}`, 200)
}

// The addresses reminders link to are routes of the back office: the
// paths of its process.js.
func TestLinksAreBackOfficeRoutes(t *testing.T) {
	process, err := fs.ReadFile(backoffice.UI(), "assets/js/process.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{reminders.NominationsPath, reminders.ReportsPath} {
		seg := strings.Trim(strings.TrimPrefix(p, backoffice.Prefix), "/")
		if !strings.HasPrefix(p, backoffice.Prefix) || !regexp.MustCompile(`(?m)^\s+\w+: '`+regexp.QuoteMeta(seg)+`',$`).Match(process) {
			t.Errorf("%s: %q is not among process.js's PATHS", p, seg)
		}
	}
}
