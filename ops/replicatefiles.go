package ops

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/fatih/color"
	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/ops/replica"
)

// fileReplication copies the uploaded files (pb_data/storage) beside the
// databases' replicas, so that --replicate-to alone brings a lost machine
// back whole (ops/replica/files.go). Each new file is copied before the
// record that names it is written, so a record in the replica has its
// files there too; only when the replica cannot be reached is a file
// copied later (queued, retried, and shown in /api/health meanwhile).
type fileReplication struct {
	rp *replication

	mu  sync.Mutex
	f   *replica.Files
	err string
	off string // why files are not copied although --replicate-to is set
}

// putTimeout bounds how long a save waits for its files to reach the
// replica; past it the files are copied in the background.
const putTimeout = 20 * time.Second

// bindReplicateFiles starts the files' replication with the databases'
// (rp) and copies each record's new files as it is saved.
func bindReplicateFiles(app *pocketbase.PocketBase, rp *replication) *fileReplication {
	fr := &fileReplication{rp: rp}
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id:       "portalReplicateFiles",
		Priority: -4, // after the databases' replication (-5)
		Func: func(e *core.ServeEvent) error {
			if rp.to == "" {
				return e.Next()
			}
			if e.App.Settings().S3.Enabled {
				// The files are already off the machine, in PocketBase's
				// own S3 file storage.
				fr.mu.Lock()
				fr.off = "tệp tải lên nằm trên kho S3 của PocketBase (Settings → Files storage)"
				fr.mu.Unlock()
				return e.Next()
			}
			ctx, cancel := context.WithCancel(context.Background())
			f, err := replica.StartFiles(ctx, rp.to, filepath.Join(e.App.DataDir(), "storage"),
				e.App.Logger().With("component", "replica", "db", "storage"))
			if err != nil {
				cancel()
				e.App.Logger().Error("không bắt đầu được sao chép tệp tải lên", "error", err)
				color.Red("Không bắt đầu được sao chép tệp tải lên lên %s: %v", rp.to, err)
				fr.mu.Lock()
				fr.err = err.Error()
				fr.mu.Unlock()
				return e.Next()
			}
			fr.mu.Lock()
			fr.f = f
			fr.mu.Unlock()
			e.App.OnTerminate().BindFunc(func(te *core.TerminateEvent) error {
				ctx, stop := context.WithTimeout(context.Background(), 10*time.Second)
				defer stop()
				if err := f.Close(ctx); err != nil {
					te.App.Logger().Error("dừng sao chép tệp tải lên", "error", err)
				}
				cancel()
				return te.Next()
			})
			return e.Next()
		},
	})
	// After PocketBase's own handler (priority 99), which has written the
	// record's new files to the storage and is about to write the record.
	app.OnRecordCreateExecute().Bind(&hook.Handler[*core.RecordEvent]{Id: "portalReplicateNewFiles", Priority: 100, Func: fr.beforeWrite})
	app.OnRecordUpdateExecute().Bind(&hook.Handler[*core.RecordEvent]{Id: "portalReplicateNewFiles", Priority: 100, Func: fr.beforeWrite})
	return fr
}

// beforeWrite copies the record's new files to the replica before the
// record is written, unless the save is part of a transaction (the write
// lock is held: the files are queued instead).
func (fr *fileReplication) beforeWrite(e *core.RecordEvent) error {
	fr.mu.Lock()
	f := fr.f
	fr.mu.Unlock()
	if f == nil {
		return e.Next()
	}
	var keys []string
	for _, field := range e.Record.Collection().Fields {
		if field.Type() != core.FieldTypeFile {
			continue
		}
		for _, up := range e.Record.GetUnsavedFiles(field.GetName()) {
			keys = append(keys, e.Record.BaseFilesPath()+"/"+up.Name)
		}
	}
	if len(keys) == 0 {
		return e.Next()
	}
	if e.App.IsTransactional() {
		f.Queue(keys...)
		return e.Next()
	}
	ctx := e.Context
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), putTimeout)
	err := f.Put(ctx, keys...)
	cancel()
	if err != nil {
		// The save goes on: the files stay queued and the health says so.
		e.App.Logger().Error("chưa sao chép được tệp tải lên lên kho bản sao; sẽ thử lại", "error", err)
	}
	return e.Next()
}

// merge adds the files' state to the replication's part of /api/health.
func (fr *fileReplication) merge(p Part) Part {
	if fr.rp.to == "" {
		return p
	}
	fr.mu.Lock()
	f, startErr, off := fr.f, fr.err, fr.off
	fr.mu.Unlock()
	switch {
	case off != "":
		return p
	case startErr != "":
		p.OK = false
		p.Error = joinSentences(p.Error, "Không bắt đầu được sao chép tệp tải lên: "+startErr)
	case f != nil:
		if h := f.Health(); h.Pending > 0 && h.Err != nil {
			p.OK = false
			p.Error = joinSentences(p.Error, fmt.Sprintf(
				"%d tệp tải lên chưa sao chép được lên kho bản sao (từ %s; lỗi: %v); cổng đang thử lại.",
				h.Pending, h.Since.In(schema.Vietnam).Format("15:04:05 02/01/2006"), h.Err))
		}
	}
	return p
}

func joinSentences(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}

// restoreFiles brings back, from the replica at from, the uploaded files
// the records of the restored databases name (not thumbnails, nor files
// of deleted records). A file the replica does not have (the machine died
// between a file's upload and its copy, with the replica unreachable) is
// named on the console; its record is kept as it is, and the restored
// portal reports it (ops/uploads.go).
func restoreFiles(ctx context.Context, app core.App, from string) error {
	if err := app.Bootstrap(); err != nil {
		return fmt.Errorf("mở cơ sở dữ liệu đã khôi phục: %w", err)
	}
	defer app.ClearBootstrap()
	if app.Settings().S3.Enabled {
		fmt.Println("Tệp tải lên nằm trên kho S3 của PocketBase (Settings → Files storage): không cần khôi phục.")
		return nil
	}
	files, err := recordFiles(app)
	if err != nil {
		return err
	}
	keys := make([]string, len(files))
	byKey := make(map[string]storedFile, len(files))
	for i, f := range files {
		keys[i] = f.Key
		byKey[f.Key] = f
	}
	start := time.Now()
	n, bytes, missing, err := replica.RestoreFiles(ctx, from, filepath.Join(app.DataDir(), "storage"), keys)
	if err != nil {
		return fmt.Errorf("khôi phục tệp tải lên từ %s: %w", from, err)
	}
	fmt.Printf("Đã khôi phục %d tệp tải lên (%.1f MB) trong %s; các bản ghi nêu %d tệp.\n",
		n, float64(bytes)/(1<<20), time.Since(start).Round(time.Millisecond), len(files))
	if len(missing) == 0 {
		return nil
	}
	color.Red("Kho bản sao không có %d tệp mà bản ghi còn dùng (tệp tải lên ngay trước khi máy hỏng, lúc không kết nối được kho bản sao):", len(missing))
	for i, k := range missing {
		if i == 50 {
			fmt.Printf("  … và %d tệp khác\n", len(missing)-50)
			break
		}
		m := byKey[k]
		fmt.Printf("  – %s (%s/%s)\n", missingWhat(m.MissingFile), m.Collection, m.ID)
	}
	fmt.Println("Các bản ghi được giữ nguyên. Cổng báo các tệp thiếu ở /api/health và khi khởi động, và không xuất bản lên kho lưu trữ (--deploy-bucket) cho tới khi tệp được tải lại cho các bản ghi này.")
	return nil
}
