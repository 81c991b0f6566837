package main

import (
	"errors"
	"fmt"
	"github.com/daison/portal/site/live"
	"os"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/spf13/cobra"

	"github.com/daison/portal/admin/backup"
	"github.com/daison/portal/ops"
)

// backups wires the backup rules, the data folder's lock while serving,
// and the "backup" and "restore" commands.
func backups(app *pocketbase.PocketBase) {
	backup.Register(app, live.FolderName)
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id:       "portalLock",
		Priority: -30,
		Func: func(e *core.ServeEvent) error {
			unlock, err := backup.Lock(e.App.DataDir())
			if errors.Is(err, backup.ErrRunning) {
				return fmt.Errorf("một portal khác đang chạy trên %s", e.App.DataDir())
			}
			if err != nil {
				return err
			}
			e.App.OnTerminate().BindFunc(func(te *core.TerminateEvent) error {
				unlock()
				return te.Next()
			})
			return e.Next()
		},
	})

	var name string
	create := &cobra.Command{
		Use:          "backup",
		Short:        "Tạo bản sao lưu (cơ sở dữ liệu và tệp tải lên) trong thư mục backups/ của --dir",
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := ready(app); err != nil {
				return err
			}
			path, err := backup.Create(app, name)
			if err != nil {
				return err
			}
			fi, _ := os.Stat(path)
			size := int64(0)
			if fi != nil {
				size = fi.Size()
			}
			fmt.Printf("Đã tạo bản sao lưu %s (%d KB).\n", path, size/1024)
			return nil
		},
	}
	create.Flags().StringVar(&name, "name", "", "tên tệp .zip (mặc định portal-<ngày giờ>.zip)")

	var from string
	restore := &cobra.Command{
		Use:          "restore FILE.zip | restore --from s3://…",
		Short:        "Khôi phục dữ liệu từ một bản sao lưu (khi portal đã dừng; dữ liệu hiện tại được chuyển sang thư mục bên cạnh), hoặc dựng lại cơ sở dữ liệu từ bản sao liên tục trên kho S3 (--from, vào thư mục --dir trống)",
		Args:         cobra.RangeArgs(0, 1),
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if from != "" {
				return ops.RestoreReplica(cmd.Context(), app, from)
			}
			if len(args) != 1 {
				return errors.New("cần tệp .zip của bản sao lưu, hoặc --from s3://… của bản sao liên tục")
			}
			old, err := backup.Restore(app.DataDir(), args[0], live.FolderName)
			if err != nil {
				return err
			}
			fmt.Printf("Đã khôi phục từ %s vào %s.\nDữ liệu trước khi khôi phục được giữ ở %s (xóa khi không cần nữa).\nChạy lại portal serve để dựng lại trang.\n", args[0], app.DataDir(), old)
			return nil
		},
	}
	restore.Flags().StringVar(&from, "from", "", "địa chỉ bản sao liên tục (--replicate-to khi chạy), ví dụ s3://saoluu/daison?endpoint=…")
	app.RootCmd.AddCommand(create, restore)
}
