package ops

import (
	"fmt"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/cron"

	"github.com/daison/portal/admin/backup"
)

// backupHealth is the backups' part of /api/health: the newest backup in
// the backup store (pb_data/backups, or the S3 store set in /_/ →
// Settings → Backups), whoever made it (the nightly schedule, the
// dashboard, "portal backup", another run of the portal).
type backupHealth struct {
	Part
	Count  int    `json:"count"`            // backups in the store
	Latest string `json:"latest,omitempty"` // the newest one's name
	Store  string `json:"store"`            // "local" or "s3"
}

// backupsCacheFor is how long a reading of the backup store serves the
// health's answers (a monitor may ask every few seconds; an S3 store is a
// request away).
const backupsCacheFor = 10 * time.Second

// backupGrace is how long after its scheduled time a backup may take
// before the health calls it missed.
const backupGrace = time.Hour

// backupState keeps the outcome of the last backup this process tried and
// the last reading of the store.
type backupState struct {
	mu       sync.Mutex
	failedAt time.Time // the last backup this process tried, when it failed
	failure  string
	creating bool // a first backup is being made at start

	read   backupHealth
	readAt time.Time
}

// watch records each backup's outcome (the nightly one, the dashboard's,
// "portal backup" when run in this process) and says a failure on the
// console.
func (s *backupState) watch(app core.App) {
	// A new backup store (/_/ → Settings → Backups) is read at once.
	app.OnSettingsReload().BindFunc(func(e *core.SettingsReloadEvent) error {
		s.mu.Lock()
		s.readAt = time.Time{}
		s.mu.Unlock()
		return e.Next()
	})
	app.OnBackupCreate().BindFunc(func(e *core.BackupEvent) error {
		err := e.Next()
		s.mu.Lock()
		if err != nil {
			s.failedAt, s.failure = time.Now(), err.Error()
		}
		s.readAt = time.Time{} // read the store again
		s.mu.Unlock()
		if err != nil {
			say(false, "Sao lưu %s thất bại: %v", e.Name, err)
		}
		return err
	})
}

// get returns the backups' health, reading the store at most every
// backupsCacheFor.
func (s *backupState) get(app core.App) backupHealth {
	s.mu.Lock()
	if !s.readAt.IsZero() && time.Since(s.readAt) < backupsCacheFor {
		h := s.read
		s.mu.Unlock()
		return h
	}
	s.mu.Unlock()
	objs, listErr := listBackups(app)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.read = backupHealthOf(app.Settings().Backups, objs, listErr, s.failedAt, s.failure, s.creating, time.Now())
	s.readAt = time.Now()
	return s.read
}

// backupFile is one backup in the store.
type backupFile struct {
	Name    string
	ModTime time.Time
	Size    int64
}

// listBackups lists the backups (zip files) of app's backup store.
func listBackups(app core.App) ([]backupFile, error) {
	fsys, err := app.NewBackupsFilesystem()
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	objs, err := fsys.List("")
	if err != nil {
		return nil, err
	}
	var out []backupFile
	for _, o := range objs {
		if strings.HasSuffix(strings.ToLower(o.Key), ".zip") {
			out = append(out, backupFile{Name: path.Base(o.Key), ModTime: o.ModTime, Size: o.Size})
		}
	}
	return out, nil
}

// backupHealthOf judges the backups at now: the store's listing (or why it
// failed), the last failure of this process and whether a first backup is
// being made. No backup at all is not healthy; nor is a newest backup
// older than the schedule's last run (an hour's grace), nor a failure
// after it.
func backupHealthOf(cfg core.BackupsConfig, files []backupFile, listErr error, failedAt time.Time, failure string, creating bool, now time.Time) backupHealth {
	h := backupHealth{Store: "local"}
	if cfg.S3.Enabled {
		h.Store = "s3"
	}
	// Every portal keeps backups (nightly by default): none is a problem
	// even when IT turned the schedule off.
	h.Configured = true
	if listErr != nil {
		h.Error = "Không đọc được kho sao lưu (" + h.Store + "): " + listErr.Error()
		return h
	}
	h.Count = len(files)
	var newest backupFile
	for _, f := range files {
		if f.ModTime.After(newest.ModTime) {
			newest = f
		}
	}
	h.At, h.Latest = newest.ModTime, newest.Name
	switch {
	case !failedAt.IsZero() && failedAt.After(newest.ModTime):
		h.At = failedAt
		h.Error = "Lần sao lưu gần nhất (" + failedAt.Format("02/01/2006 15:04") + ") thất bại: " + failure
	case len(files) == 0 && creating:
		h.Error = "Chưa có bản sao lưu nào; bản đầu tiên đang được tạo."
	case len(files) == 0:
		h.Error = "Chưa có bản sao lưu nào trong kho sao lưu (" + h.Store + "). Tạo ngay bằng lệnh portal backup hoặc ở /_/ → Settings → Backups."
		if cfg.Cron == "" {
			h.Error += " Lịch sao lưu tự động đang tắt."
		}
	case cfg.Cron != "":
		if due, ok := missedRun(cfg.Cron, newest.ModTime, now); ok {
			h.Error = fmt.Sprintf("Thiếu bản sao lưu theo lịch lúc %s (giờ UTC); bản mới nhất là %s lúc %s.",
				due.Format("02/01/2006 15:04"), newest.Name, newest.ModTime.Format("02/01/2006 15:04"))
		}
	}
	h.OK = h.Error == ""
	return h
}

// missedRun returns the latest time the backup schedule expr (PocketBase's
// cron, in UTC) was due after newest and more than backupGrace before now.
func missedRun(expr string, newest, now time.Time) (time.Time, bool) {
	sched, err := cron.NewSchedule(expr)
	if err != nil {
		return time.Time{}, false
	}
	const maxLookBack = 40 * 24 * time.Hour
	stop := newest
	if now.Sub(stop) > maxLookBack {
		stop = now.Add(-maxLookBack)
	}
	for t := now.Add(-backupGrace).UTC().Truncate(time.Minute); t.After(stop); t = t.Add(-time.Minute) {
		if sched.IsDue(cron.NewMoment(t)) {
			return t, true
		}
	}
	return time.Time{}, false
}

// firstBackup makes a backup when the store holds none (a new portal, or
// one restored from its replica on a new machine), so that the health
// does not wait for the night to be true.
func (s *backupState) firstBackup(app core.App) {
	if files, err := listBackups(app); err != nil || len(files) > 0 || app.Settings().Backups.Cron == "" {
		return
	}
	s.mu.Lock()
	s.creating, s.readAt = true, time.Time{}
	s.mu.Unlock()
	name := "portal-" + time.Now().Format("20060102-150405") + "-dau-tien.zip"
	if _, err := backup.Create(app, name); err == nil {
		say(true, "Đã tạo bản sao lưu đầu tiên %s (kho sao lưu chưa có bản nào).", name)
	}
	s.mu.Lock()
	s.creating, s.readAt = false, time.Time{}
	s.mu.Unlock()
}
