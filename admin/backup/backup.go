// Package backup keeps the portal's data safe: PocketBase's consistent zip
// backups (the database copied with VACUUM INTO, and the uploaded files),
// made daily with retention and on demand, without the site's builds (which
// any build regenerates), and a restore for when the portal is stopped.
package backup

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/archive"
	"github.com/pocketbase/pocketbase/tools/osutils"
)

// LockName is the file a running portal locks in its data folder.
const LockName = "portal.lock"

// Register keeps the lock of a running portal and the entries of the data
// folder named in keep (the site's builds and caches, which any build
// makes again: the entry passes their folder's name) out of PocketBase's
// backups (made by the daily schedule, the dashboard or Create) and out of
// their restores.
func Register(app core.App, keep ...string) {
	keep = append([]string{LockName}, keep...)
	app.OnBackupCreate().BindFunc(func(e *core.BackupEvent) error {
		e.Exclude = append(e.Exclude, keep...)
		return e.Next()
	})
	app.OnBackupRestore().BindFunc(func(e *core.BackupEvent) error {
		e.Exclude = append(e.Exclude, keep...)
		return e.Next()
	})
}

// Create makes a backup named name (a generated one when empty) in the data
// folder's backups/ and returns its path.
func Create(app core.App, name string) (string, error) {
	if name == "" {
		name = "portal-" + time.Now().Format("20060102-150405") + ".zip"
	}
	if err := app.CreateBackup(context.Background(), name); err != nil {
		return "", fmt.Errorf("tạo bản sao lưu: %w", err)
	}
	return filepath.Join(app.DataDir(), core.LocalBackupsDirName, name), nil
}

// ErrRunning means the portal is running on the data folder: restoring
// under it would lose what it writes.
var ErrRunning = errors.New("portal đang chạy trên thư mục dữ liệu này: hãy dừng nó trước khi khôi phục")

// Lock takes the data folder's lock for a running portal (or a restore) and
// returns its release. It fails with ErrRunning when another process holds
// it.
func Lock(dataDir string) (func(), error) {
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(dataDir, LockName), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("khóa thư mục dữ liệu: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrRunning
		}
		return nil, fmt.Errorf("khóa thư mục dữ liệu: %w", err)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// Restore replaces the data of the stopped portal in dataDir with the
// backup zip: the current data is moved beside the folder first (to
// <dataDir>.truoc-khoi-phuc-<time>, whose path is returned) so that nothing
// is lost; the backups, the lock and the entries named in keep (the site's
// builds) stay where they are.
func Restore(dataDir, zipPath string, keep ...string) (string, error) {
	unlock, err := Lock(dataDir)
	if err != nil {
		return "", err
	}
	defer unlock()

	tmp := filepath.Join(dataDir, core.LocalTempDirName)
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return "", err
	}
	extracted, err := os.MkdirTemp(tmp, "restore-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(extracted)
	if err := archive.Extract(zipPath, extracted); err != nil {
		return "", fmt.Errorf("giải nén %s: %w", zipPath, err)
	}
	if _, err := os.Stat(filepath.Join(extracted, "data.db")); err != nil {
		return "", fmt.Errorf("%s không phải bản sao lưu của portal (thiếu data.db): %w", zipPath, err)
	}

	old := filepath.Clean(dataDir) + ".truoc-khoi-phuc-" + time.Now().Format("20060102-150405")
	skip := append([]string{core.LocalBackupsDirName, core.LocalTempDirName, LockName}, keep...)
	if err := osutils.MoveDirContent(dataDir, old, skip...); err != nil {
		return "", fmt.Errorf("chuyển dữ liệu hiện tại sang %s: %w", old, err)
	}
	if err := osutils.MoveDirContent(extracted, dataDir, skip...); err != nil {
		// Put the data back as it was.
		_ = osutils.MoveDirContent(old, dataDir, skip...)
		return "", fmt.Errorf("đưa bản sao lưu vào %s: %w", dataDir, err)
	}
	return old, nil
}
