package ops

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// The backups' health from the store's listing: none is not healthy (but
// while the first is made it says so), a failure after the newest backup
// is not, nor a newest backup older than the schedule's last run (an
// hour's grace); a store that cannot be read is not.
func TestBackupHealthOf(t *testing.T) {
	nightly := core.BackupsConfig{Cron: "0 19 * * *"} // 02:00 in Vietnam
	at := func(s string) time.Time {
		v, err := time.Parse("2006-01-02 15:04", s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	files := func(times ...string) []backupFile {
		var out []backupFile
		for i, s := range times {
			out = append(out, backupFile{Name: "b" + string(rune('0'+i)) + ".zip", ModTime: at(s)})
		}
		return out
	}
	for _, c := range []struct {
		name     string
		cfg      core.BackupsConfig
		files    []backupFile
		listErr  error
		failedAt string
		creating bool
		now      string
		ok       bool
		error    string
	}{
		{name: "none", cfg: nightly, now: "2026-12-07 10:00", error: "Chưa có bản sao lưu nào"},
		{name: "the first being made", cfg: nightly, creating: true, now: "2026-12-07 10:00", error: "bản đầu tiên đang được tạo"},
		{name: "last night's", cfg: nightly, files: files("2026-12-05 19:00", "2026-12-06 19:01"), now: "2026-12-07 10:00", ok: true},
		{name: "tonight's not due yet", cfg: nightly, files: files("2026-12-06 19:01"), now: "2026-12-07 19:30", ok: true},
		{name: "tonight's missed", cfg: nightly, files: files("2026-12-06 19:01"), now: "2026-12-07 20:30", error: "Thiếu bản sao lưu theo lịch lúc 07/12/2026 19:00"},
		{name: "a week missed", cfg: nightly, files: files("2026-11-30 19:01"), now: "2026-12-07 10:00", error: "Thiếu bản sao lưu theo lịch lúc 06/12/2026 19:00"},
		{name: "made by hand, no schedule", files: files("2026-01-01 00:00"), now: "2026-12-07 10:00", ok: true},
		{name: "no schedule, none", now: "2026-12-07 10:00", error: "Lịch sao lưu tự động đang tắt"},
		{name: "failed after the newest", cfg: nightly, files: files("2026-12-06 19:01"), failedAt: "2026-12-07 19:00", now: "2026-12-07 19:05", error: "thất bại: disk full"},
		{name: "failed before the newest", cfg: nightly, files: files("2026-12-06 19:01"), failedAt: "2026-12-06 12:00", now: "2026-12-07 10:00", ok: true},
		{name: "store unreadable", cfg: nightly, listErr: errors.New("connection refused"), now: "2026-12-07 10:00", error: "Không đọc được kho sao lưu (local): connection refused"},
	} {
		var failed time.Time
		if c.failedAt != "" {
			failed = at(c.failedAt)
		}
		h := backupHealthOf(c.cfg, c.files, c.listErr, failed, "disk full", c.creating, at(c.now))
		if h.OK != c.ok || !strings.Contains(h.Error, c.error) || (c.ok && h.Error != "") {
			t.Errorf("%s: %+v, want ok %v and an error with %q", c.name, h, c.ok, c.error)
		}
		if c.name == "last night's" && (h.Count != 2 || h.Latest != "b1.zip") {
			t.Errorf("%s: %+v", c.name, h)
		}
	}
}
