package ops

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/fatih/color"
	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/daison/portal/site"
	"github.com/daison/portal/site/deploy"
	"github.com/daison/portal/site/live"
)

// deployer publishes live builds to object storage: by "portal deploy",
// and after each build that went live when --deploy-auto is on.
type deployer struct {
	cfg     deploy.Config
	auto    bool
	b       *site.Builder
	kick    chan struct{}
	retry   *time.Timer // asks again a minute after a failed or held deploy
	uploads *uploadsCheck
	// failing is the error of the last deploy when it failed: the console
	// hears of a failure once, and of the recovery.
	failing string
}

// bindDeploy adds the --deploy-* flags and the "deploy" command.
func bindDeploy(app *pocketbase.PocketBase, f *pflag.FlagSet) *deployer {
	d := &deployer{kick: make(chan struct{}, 1), uploads: &uploadsCheck{}}
	share := 0.5
	if v, err := strconv.ParseFloat(os.Getenv("PORTAL_DEPLOY_MAX_DELETE_SHARE"), 64); err == nil {
		share = v
	}
	auto, _ := strconv.ParseBool(os.Getenv("PORTAL_DEPLOY_AUTO"))
	f.StringVar(&d.cfg.Bucket, "deploy-bucket", os.Getenv("PORTAL_DEPLOY_BUCKET"),
		"kho lưu trữ (S3) để xuất bản trang tĩnh cho CDN, ví dụ s3://trang?endpoint=https://s3.tinh.gov.vn&region=vn&use_path_style=true; khóa truy cập lấy từ AWS_ACCESS_KEY_ID và AWS_SECRET_ACCESS_KEY (PORTAL_DEPLOY_BUCKET)")
	f.StringVar(&d.cfg.Prefix, "deploy-prefix", os.Getenv("PORTAL_DEPLOY_PREFIX"),
		"tiền tố tên tệp trong kho, khi nhiều xã dùng chung một kho, ví dụ daison/ (PORTAL_DEPLOY_PREFIX)")
	f.BoolVar(&d.auto, "deploy-auto", auto, "tự xuất bản lên kho sau mỗi lần dựng trang thành công (PORTAL_DEPLOY_AUTO)")
	f.Float64Var(&d.cfg.MaxDeleteShare, "max-delete-share", share,
		"tỉ lệ tối đa số tệp trên kho mà một lần xuất bản được xóa (0,5 = một nửa; -1 = không giới hạn) (PORTAL_DEPLOY_MAX_DELETE_SHARE)")
	f.StringVar(&d.cfg.PurgeURL, "cdn-purge-url", os.Getenv("PORTAL_CDN_PURGE_URL"),
		"địa chỉ nhận POST {\"paths\": [...]} các đường dẫn đã thay đổi sau mỗi lần xuất bản, để CDN xóa bộ nhớ đệm (PORTAL_CDN_PURGE_URL)")
	f.StringVar(&d.cfg.PurgeCommand, "cdn-purge-command", os.Getenv("PORTAL_CDN_PURGE_COMMAND"),
		"lệnh chạy sau mỗi lần xuất bản có thay đổi, nhận các đường dẫn đã thay đổi ở đầu vào chuẩn, mỗi dòng một đường dẫn (PORTAL_CDN_PURGE_COMMAND)")

	app.RootCmd.AddCommand(&cobra.Command{
		Use:          "deploy",
		Short:        "Xuất bản bản dựng đang chạy lên kho lưu trữ S3 (--deploy-bucket) cho CDN: chỉ tải lên tệp đã thay đổi",
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if d.cfg.Bucket == "" {
				return errors.New("cần --deploy-bucket (hoặc PORTAL_DEPLOY_BUCKET): địa chỉ kho lưu trữ, ví dụ s3://trang?endpoint=…")
			}
			dir, err := live.Dir{Root: filepath.Join(app.DataDir(), "site")}.Current()
			if err != nil {
				return fmt.Errorf("tìm bản dựng đang chạy: %w", err)
			}
			if dir == "" {
				return errors.New("chưa có bản dựng nào: hãy chạy portal serve (hoặc portal build) trước")
			}
			if rep, held := d.hold(app); held {
				return errors.New(rep.Error)
			}
			// By hand: the bucket is listed, whatever the local copy says.
			cfg := d.cfg
			cfg.StateFile, cfg.Verify = live.InData(app.DataDir()).DeployStatePath(), true
			rep, err := deploy.Deploy(cmd.Context(), dir, cfg)
			deploy.WaitSaved()
			if err != nil {
				return fmt.Errorf("%s (%w)", rep.Error, err)
			}
			fmt.Printf("Đã xuất bản %s: %d tệp, tải lên %d (%d KB), xóa %d, giữ nguyên %d, trong %d ms.\n",
				filepath.Base(filepath.Dir(dir)), rep.Files, rep.Uploaded, rep.Bytes/1024, rep.Deleted, rep.Unchanged, rep.Duration)
			return nil
		},
	})
	return d
}

// afterBuild asks for a deploy of a build that went live.
func (d *deployer) afterBuild(rep site.Report) {
	if !d.auto || d.cfg.Bucket == "" || !rep.OK() {
		return
	}
	select {
	case d.kick <- struct{}{}:
	default: // one is already asked for: it will take the newest build
	}
}

// hold checks, before a deploy, that every file a record names is in the
// file storage. When one is not (a machine restored without its uploads),
// the build has left it out, and a deploy would delete its copies from the
// bucket although the record is still there: the deploy is held, with the
// reason, and the bucket stays as it is.
func (d *deployer) hold(app core.App) (deploy.Report, bool) {
	missing, err := d.uploads.get(app, 0)
	if err == nil && len(missing) == 0 {
		return deploy.Report{}, false
	}
	rep := deploy.Report{Started: time.Now(), Refused: true}
	if err != nil {
		rep.Error = "Chưa xuất bản lên kho lưu trữ: không kiểm tra được tệp tải lên của các bản ghi (" + err.Error() +
			"). Trang cũ trên kho lưu trữ vẫn được giữ nguyên."
		return rep, true
	}
	rep.Error = "Chưa xuất bản lên kho lưu trữ: " + missingSentence(missing) +
		". Xuất bản lúc này sẽ xóa ảnh và tệp của những bản ghi vẫn còn khỏi trang công khai. Hãy khôi phục tệp (portal restore --from …) hoặc tải lại tệp cho các bản ghi này; trang cũ trên kho lưu trữ vẫn được giữ nguyên."
	rep.MissingFiles = missing[:min(len(missing), 100)]
	return rep, true
}

// run deploys the live build each time one is asked for, until ctx ends.
func (d *deployer) run(ctx context.Context, app core.App) {
	cfg := d.cfg
	cfg.StateFile = d.b.Dir().DeployStatePath()
	for {
		select {
		case <-ctx.Done():
			return
		case <-d.kick:
		}
		dir, err := d.b.Dir().Current()
		if err != nil || dir == "" {
			continue
		}
		build := filepath.Base(filepath.Dir(dir))
		if rep, held := d.hold(app); held {
			rep.Build = build
			last := d.b.Status().Deploy
			d.b.SetDeploy(rep)
			if last == nil || last.Error != rep.Error {
				// Once per reason on the console, not each minute.
				color.Red("%s", rep.Error)
				app.Logger().Error("không xuất bản lên kho lưu trữ: thiếu tệp tải lên", "build", build, "missing", len(rep.MissingFiles))
			}
			d.retryLater(build)
			continue
		}
		rep, err := deploy.Deploy(ctx, dir, cfg)
		rep.Build = build
		d.b.SetDeploy(rep)
		if err != nil {
			app.Logger().Error("xuất bản lên kho lưu trữ thất bại; trang cũ trên kho được giữ nguyên", "build", rep.Build, "error", err)
			if rep.Error != d.failing {
				say(false, "Xuất bản bản dựng %s lên kho %s thất bại; trang cũ trên kho được giữ nguyên, thử lại mỗi phút: %s (%v)",
					rep.Build, redactURL(d.cfg.Bucket), rep.Error, err)
			}
			d.failing = rep.Error
			// Try again a little later, unless a newer build asks first.
			d.retryLater(rep.Build)
			continue
		}
		app.Logger().Info("đã xuất bản lên kho lưu trữ", "build", rep.Build, "uploaded", rep.Uploaded,
			"deleted", rep.Deleted, "hashed", rep.Hashed, "listed", rep.Listed, "durationMs", rep.Duration)
		if d.failing != "" {
			say(true, "Xuất bản lên kho %s hoạt động trở lại (bản dựng %s).", redactURL(d.cfg.Bucket), rep.Build)
			d.failing = ""
		}
	}
}

// retryLater asks for a deploy again in a minute (one timer, moved on by
// each failure): the live build is deployed then, whichever it is.
func (d *deployer) retryLater(build string) {
	if d.retry == nil {
		d.retry = time.AfterFunc(time.Minute, func() { d.afterBuild(site.Report{ID: build}) })
		return
	}
	d.retry.Reset(time.Minute)
}
