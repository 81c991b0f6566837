package ops

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fatih/color"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/list"

	"github.com/daison/portal/records"
	"github.com/daison/portal/site/deploy"
)

// storedFile is a file a record names in one of its file fields.
type storedFile struct {
	deploy.MissingFile
	Key string // its path in the file storage: <collection id>/<record id>/<name>
}

// recordFiles lists every file the records of every collection name.
func recordFiles(app core.App) ([]storedFile, error) {
	cols, err := app.FindAllCollections()
	if err != nil {
		return nil, fmt.Errorf("đọc danh sách bộ sưu tập: %w", err)
	}
	var out []storedFile
	for _, c := range cols {
		if c.IsView() {
			continue
		}
		var fields []string
		for _, f := range c.Fields {
			if f.Type() == core.FieldTypeFile {
				fields = append(fields, f.GetName())
			}
		}
		if len(fields) == 0 {
			continue
		}
		cols := append([]string{"id"}, fields...)
		title := ""
		for _, name := range []string{"title", "name", "nomineeName", "email"} {
			if f := c.Fields.GetByName(name); f != nil && f.Type() != core.FieldTypeFile {
				title = name
				cols = append(cols, name)
				break
			}
		}
		var rows []dbx.NullStringMap
		if err := app.DB().Select(cols...).From(c.Name).All(&rows); err != nil {
			return nil, fmt.Errorf("đọc tệp của %s: %w", c.Name, err)
		}
		for _, row := range rows {
			id := row["id"].String
			for _, field := range fields {
				for _, name := range list.ToUniqueStringSlice(row[field].String) {
					out = append(out, storedFile{
						MissingFile: deploy.MissingFile{Collection: c.Name, ID: id, Title: row[title].String, Field: field, File: name},
						Key:         c.Id + "/" + id + "/" + name,
					})
				}
			}
		}
	}
	return out, nil
}

// MissingUploads returns the files records name that the file storage
// lacks: on the data folder's disk, or in PocketBase's S3 file storage
// when that is set (/_/ → Settings → Files storage). Deploys are held
// while it returns any.
func MissingUploads(app core.App) ([]deploy.MissingFile, error) {
	files, err := recordFiles(app)
	if err != nil {
		return nil, err
	}
	var (
		exists  func(key string) bool
		statErr error
	)
	if app.Settings().S3.Enabled {
		fsys, err := app.NewFilesystem()
		if err != nil {
			return nil, fmt.Errorf("mở kho tệp tải lên: %w", err)
		}
		defer fsys.Close()
		objs, err := fsys.List("")
		if err != nil {
			return nil, fmt.Errorf("đọc danh sách tệp tải lên: %w", err)
		}
		have := make(map[string]bool, len(objs))
		for _, o := range objs {
			have[o.Key] = true
		}
		exists = func(key string) bool { return have[key] }
	} else {
		dir := filepath.Join(app.DataDir(), "storage")
		exists = func(key string) bool {
			_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(key)))
			if err != nil && !errors.Is(err, fs.ErrNotExist) && statErr == nil {
				statErr = err
			}
			return err == nil
		}
	}
	var missing []deploy.MissingFile
	for _, f := range files {
		if !exists(f.Key) {
			missing = append(missing, f.MissingFile)
		}
	}
	if statErr != nil {
		return missing, fmt.Errorf("đọc tệp tải lên: %w", statErr)
	}
	return missing, nil
}

// missingSentence says, in Vietnamese, which files are missing (the first
// few) for the console, the dashboard and the health.
func missingSentence(missing []deploy.MissingFile) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d tệp tải lên mà bản ghi còn dùng đã mất khỏi kho tệp của cổng", len(missing))
	for i, m := range missing {
		if i == 3 {
			fmt.Fprintf(&b, " và %d tệp khác", len(missing)-3)
			break
		}
		if i == 0 {
			b.WriteString(" (")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(missingWhat(m))
	}
	if len(missing) > 0 {
		b.WriteString(")")
	}
	return b.String()
}

// missingWhat names one missing file and its record, in the back
// office's words where it has them: ảnh bìa “x.jpg” của bài viết “…”.
func missingWhat(m deploy.MissingFile) string {
	field, noun := strings.ToLower(records.ImageLabel(m.Field)), records.Noun(m.Collection)
	if field == "" {
		field = "tệp"
	}
	if noun == "" {
		return fmt.Sprintf("%s “%s” (trường %s) của bản ghi “%s” trong %s", field, m.File, m.Field, recordName(m), m.Collection)
	}
	return fmt.Sprintf("%s “%s” của %s “%s”", field, m.File, noun, recordName(m))
}

func recordName(m deploy.MissingFile) string {
	if m.Title != "" {
		return m.Title
	}
	return m.ID
}

// uploadsCheck keeps the result of the last check of the uploaded files,
// for /api/health (which may be asked often) and the deploys.
type uploadsCheck struct {
	mu      sync.Mutex
	at      time.Time
	missing []deploy.MissingFile
	err     error
}

// uploadsMaxAge is how long a check is reused by /api/health.
const uploadsMaxAge = time.Minute

// get checks the files again when the last check is older than maxAge.
func (u *uploadsCheck) get(app core.App, maxAge time.Duration) ([]deploy.MissingFile, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.at.IsZero() || time.Since(u.at) >= maxAge {
		u.missing, u.err = MissingUploads(app)
		u.at = time.Now()
	}
	return u.missing, u.err
}

// part is the uploads' part of /api/health: whether every file a record
// names is in the file storage (while one is missing, deploys are held).
func (u *uploadsCheck) part(app core.App) Part {
	missing, err := u.get(app, uploadsMaxAge)
	p := Part{Configured: true, OK: err == nil && len(missing) == 0, At: time.Now()}
	switch {
	case err != nil:
		p.Error = "Không kiểm tra được tệp tải lên: " + err.Error()
	case len(missing) > 0:
		p.Error = missingSentence(missing) + ". Khôi phục tệp (portal restore --from …) hoặc tải lại tệp cho các bản ghi này; trong lúc đó cổng không xuất bản lên kho lưu trữ (--deploy-bucket) để không xóa tệp của các bản ghi còn tồn tại."
	}
	return p
}

// bindUploadsCheck checks the uploaded files once "serve" has started and,
// when some are missing (a machine restored without them), says so on the
// console below the addresses: the records stay as they are, their pages
// go live without the missing images, and deploys are held.
func bindUploadsCheck(app *pocketbase.PocketBase, d *deployer) {
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id:       "portalUploadsCheck",
		Priority: -3,
		Func: func(e *core.ServeEvent) error {
			if err := e.Next(); err != nil {
				return err
			}
			missing, err := d.uploads.get(e.App, 0)
			switch {
			case err != nil:
				color.Red("\nKhông kiểm tra được tệp tải lên của các bản ghi: %v", err)
			case len(missing) > 0:
				color.Red("\nCảnh báo: %s.", missingSentence(missing))
				fmt.Println("Các bản ghi vẫn được giữ nguyên; trang của chúng lên mạng không kèm tệp thiếu, và cổng không xuất bản lên kho lưu trữ (--deploy-bucket) cho tới khi đủ tệp.")
				fmt.Println("Khôi phục tệp bằng portal restore --from … (khi cổng đã dừng) hoặc tải lại tệp cho các bản ghi này; danh sách ở /api/health (phần uploads).")
			}
			return nil
		},
	})
}
