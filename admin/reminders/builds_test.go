package reminders_test

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/admin/reminders"
	"github.com/daison/portal/internal/clock"
	"github.com/daison/portal/internal/schema"
)

// TestBuildAlertOnce: builds failing for less than the threshold tell
// nobody; past it, the reviewer and IT each get one notice and one mail
// (read back from a real SMTP server) naming since when and why, however
// often it is checked again (each build, a restart); editors get none;
// a good build ends the incident, and the next run of failures is a new
// one, told again.
func TestBuildAlertOnce(t *testing.T) {
	t.Parallel()
	w := admintest.NewWorld(t)
	mp := useMailpit(t, w)
	c := clock.NewFixed(time.Date(2026, 12, 8, 9, 0, 0, 0, schema.Vietnam))
	clock.Set(w.App, c.Now)

	var mu sync.Mutex
	st := reminders.BuildState{LiveSince: c.Now().Add(-time.Hour)}
	set := func(s reminders.BuildState) { mu.Lock(); st = s; mu.Unlock() }
	alert := reminders.NewBuildAlert(w.App, 10*time.Minute, func() reminders.BuildState { mu.Lock(); defer mu.Unlock(); return st })
	t.Cleanup(alert.Stop)

	check := func(want int) {
		t.Helper()
		n, err := alert.Check()
		if err != nil || n != want {
			t.Fatalf("at %s: told %d (%v), want %d", c.Now().Format("15:04"), n, err, want)
		}
	}
	check(0) // builds go live
	first := c.Now()
	set(reminders.BuildState{FailingSince: first, Error: "Mẫu trang chủ bị lỗi: chia cho 0.", LiveSince: first.Add(-time.Hour)})
	check(0)
	c.Advance(9 * time.Minute)
	check(0)
	c.Advance(90 * time.Second)
	check(2) // the reviewer and IT
	for range 3 {
		c.Advance(5 * time.Minute)
		check(0)
	}

	const subject = "Trang công khai chưa cập nhật được từ 09:00 08/12/2026"
	for _, addr := range []string{"reviewer@daison.test", "it@daison.test"} {
		if n := mailTo(t, mp, addr, subject); n != 1 {
			t.Fatalf("%d mails to %s, want 1", n, addr)
		}
	}
	m, err := mp.WaitFor("reviewer@daison.test", 10*time.Second, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Từ 09:00 08/12/2026", "chưa lên trang công khai", "bản dựng tốt gần nhất (lúc 08:00 08/12/2026)", "chia cho 0", "/quan-tri/"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("the mail lacks %q:\n%s", want, m.Text)
		}
	}
	if n := mailTo(t, mp, "editor@daison.test", "Trang công khai"); n != 0 {
		t.Fatalf("an editor got %d alerts", n)
	}
	body := w.API(t, admintest.Reviewer, http.MethodGet, "/api/collections/notices/records", "", 200)
	if strings.Count(body, subject) != 1 {
		t.Fatalf("the reviewer's notices: %s", body)
	}
	body = w.API(t, admintest.Superuser, http.MethodGet, `/api/collections/notices/records?filter=(superuser!="")`, "", 200)
	if strings.Count(body, subject) != 1 {
		t.Fatalf("IT's notices: %s", body)
	}

	// A good build; later, a new run of failures: told again, once.
	set(reminders.BuildState{LiveSince: c.Now()})
	check(0)
	c.Advance(time.Hour)
	set(reminders.BuildState{FailingSince: c.Now(), Error: "Hết chỗ trên đĩa.", LiveSince: c.Now().Add(-time.Hour)})
	c.Advance(11 * time.Minute)
	check(2)
	check(0)
	if n := mailTo(t, mp, "reviewer@daison.test", "Trang công khai chưa cập nhật được"); n != 2 {
		t.Fatalf("%d alerts to the reviewer over two incidents, want 2", n)
	}
}
