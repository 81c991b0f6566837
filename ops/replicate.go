package ops

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/spf13/pflag"

	"github.com/daison/portal/admin/backup"
	"github.com/daison/portal/ops/replica"
)

// replication is the continuous copy of the databases (--replicate-to).
type replication struct {
	to string

	mu  sync.Mutex
	r   *replica.Replicator
	err string
}

// bindReplicate adds --replicate-to: while "serve" runs, the databases are
// copied to object storage within a second of each write
// (ops/replica, Litestream).
func bindReplicate(app *pocketbase.PocketBase, f *pflag.FlagSet) *replication {
	rp := &replication{}
	f.StringVar(&rp.to, "replicate-to", os.Getenv("PORTAL_REPLICATE_TO"),
		"sao chép liên tục cơ sở dữ liệu lên kho S3 (Litestream), ví dụ s3://saoluu/daison?endpoint=https://s3.tinh.gov.vn&region=vn; khôi phục bằng portal restore --from cùng địa chỉ (PORTAL_REPLICATE_TO)")
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id:       "portalReplicate",
		Priority: -5,
		Func: func(e *core.ServeEvent) error {
			if rp.to == "" {
				return e.Next()
			}
			r, err := replica.Start(context.Background(), e.App.DataDir(), rp.to, e.App.Logger())
			if err != nil {
				// The portal serves anyway; the health says replication is down.
				e.App.Logger().Error("không bắt đầu được sao chép cơ sở dữ liệu", "error", err)
				rp.mu.Lock()
				rp.err = err.Error()
				rp.mu.Unlock()
				return e.Next()
			}
			rp.mu.Lock()
			rp.r = r
			rp.mu.Unlock()
			e.App.OnTerminate().BindFunc(func(te *core.TerminateEvent) error {
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				if err := r.Close(ctx); err != nil {
					te.App.Logger().Error("dừng sao chép cơ sở dữ liệu", "error", err)
				}
				return te.Next()
			})
			return e.Next()
		},
	})
	return rp
}

// health is the replication's part of /api/health.
func (rp *replication) health() Part {
	if rp.to == "" {
		return Part{}
	}
	rp.mu.Lock()
	defer rp.mu.Unlock()
	if rp.r == nil {
		return Part{Configured: true, Error: "Không bắt đầu được sao chép cơ sở dữ liệu: " + rp.err}
	}
	ok, last := rp.r.Health()
	p := Part{Configured: true, OK: ok, At: last}
	if !ok {
		p.Error = "Bản sao cơ sở dữ liệu trên kho lưu trữ chưa được cập nhật trong 30 giây qua: kiểm tra kết nối tới kho và khóa truy cập."
	}
	return p
}

// RestoreReplica is "portal restore --from URL": the databases of app's
// data folder rebuilt from the replicas at URL (--replicate-to of the
// lost machine). The portal must be stopped.
func RestoreReplica(ctx context.Context, app core.App, from string) error {
	unlock, err := backup.Lock(app.DataDir())
	if errors.Is(err, backup.ErrRunning) {
		return backup.ErrRunning
	}
	if err != nil {
		return err
	}
	defer unlock()
	// PocketBase opened (or created) the databases on start: close them.
	if err := app.ClearBootstrap(); err != nil {
		return fmt.Errorf("đóng cơ sở dữ liệu: %w", err)
	}
	start := time.Now()
	old, err := replica.Restore(ctx, from, app.DataDir())
	if err != nil {
		return err
	}
	fmt.Printf("Đã dựng lại cơ sở dữ liệu từ %s vào %s trong %s.\n", from, app.DataDir(), time.Since(start).Round(time.Millisecond))
	if old != "" {
		fmt.Printf("Cơ sở dữ liệu có sẵn trước đó được giữ ở %s (xóa khi không cần nữa).\n", old)
	}
	if err := restoreFiles(ctx, app, from); err != nil {
		return err
	}
	fmt.Printf("Chạy portal serve --dir %s (thêm --replicate-to để tiếp tục sao chép).\n", app.DataDir())
	return nil
}
