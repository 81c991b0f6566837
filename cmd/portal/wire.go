package main

import (
	"fmt"
	"github.com/daison/portal/internal/staffauth"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fatih/color"
	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	portal "github.com/daison/portal"
	"github.com/daison/portal/admin"
	"github.com/daison/portal/admin/backoffice"
	"github.com/daison/portal/admin/feedback"
	"github.com/daison/portal/admin/reminders"
	"github.com/daison/portal/demo"
	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/ops"
	"github.com/daison/portal/site"
	"github.com/daison/portal/site/live"
)

// options are the portal's own flags, beside PocketBase's (--dir, --http…).
type options struct {
	demo    bool   // load the demo content into an empty database
	baseURL string // public address of the site
	siteSrc string // a folder with hugo.toml, content/ and themes/ to use instead of the built-in ones
	timeout time.Duration
	incr    bool
	alert   time.Duration // how long builds may fail before reviewers and IT are told
	ops     *ops.Ops      // mail, deploy, replication, health (package ops)
}

func bindFlags(app *pocketbase.PocketBase) *options {
	o := &options{}
	f := app.RootCmd.PersistentFlags()
	f.BoolVar(&o.demo, "demo", false, "nạp dữ liệu mẫu vào cơ sở dữ liệu trống (serve, seed)")
	f.StringVar(&o.baseURL, "base-url", os.Getenv("PORTAL_BASE_URL"),
		"địa chỉ công khai của trang, ví dụ https://caicach.daison.gov.vn/ (mặc định: địa chỉ của --http; biến môi trường PORTAL_BASE_URL)")
	f.StringVar(&o.siteSrc, "site-src", os.Getenv("PORTAL_SITE_SRC"),
		"thư mục chứa hugo.toml, content/ và themes/ dùng thay cho bản đóng gói sẵn, khi sửa giao diện (biến môi trường PORTAL_SITE_SRC)")
	f.DurationVar(&o.timeout, "build-timeout", site.DefaultBuildTimeout,
		"thời gian tối đa của một lần dựng trang; quá thời gian này tiến trình dựng bị dừng và trang cũ vẫn được phục vụ")
	f.DurationVar(&o.alert, "build-alert-after", envDuration("PORTAL_BUILD_ALERT_AFTER", reminders.DefaultBuildAlertAfter),
		"khi việc dựng trang thất bại liên tục quá thời gian này, cán bộ thẩm định và IT nhận thông báo và thư (một lần cho mỗi đợt lỗi; PORTAL_BUILD_ALERT_AFTER)")
	f.BoolVar(&o.incr, "incremental", true,
		"dựng từng phần: sau khi lưu vài bản ghi chỉ dựng lại các trang liên quan (giữ trang web trong bộ nhớ của tiến trình dựng, khoảng 300 MB với 1.000 bản ghi; trang trên 8.000 trang luôn được dựng toàn bộ)")
	return o
}

// envDuration is the duration in the environment variable name, or def.
func envDuration(name string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv(name)); err == nil && d > 0 {
		return d
	}
	return def
}

// sources returns the site's sources: the folder of --site-src, or those
// built into the binary.
func (o *options) sources() (fs.FS, error) {
	if o.siteSrc == "" {
		return portal.SiteFiles, nil
	}
	if _, err := os.Stat(filepath.Join(o.siteSrc, "hugo.toml")); err != nil {
		return nil, fmt.Errorf("--site-src %s: không thấy hugo.toml: %w", o.siteSrc, err)
	}
	return os.DirFS(o.siteSrc), nil
}

// parts are the wired pieces a subcommand may need.
type parts struct {
	opts     *options
	builder  *site.Builder
	accounts []demo.Account // made by serve --demo, printed once
}

// wire binds admin's hooks and the site's build and serving to app.
func wire(app *pocketbase.PocketBase, o *options) *parts {
	p := &parts{opts: o}
	var queue *site.Queue
	var alert *reminders.BuildAlert
	admin.Register(app, admin.Options{
		Changed: func(collection string) {
			if queue != nil {
				queue.Trigger("dữ liệu " + collection + " thay đổi")
			}
		},
		// Without --base-url the site is the portal's own host, which
		// the forms' origin check allows anyway.
		SiteURL: func() string { return o.baseURL },
		// The live build's page around receipts and lookup results.
		PageShell: func() []byte {
			b, err := os.ReadFile(filepath.Join(live.InData(app.DataDir()).LivePath(), filepath.FromSlash(feedback.ShellPath)))
			if err != nil {
				return nil
			}
			return b
		},
	})

	backoffice.Register(app)

	srcs, err := o.sources()
	if err != nil {
		color.Red("%v", err)
		os.Exit(2)
	}
	p.builder = site.New(app, site.Config{
		Root:         live.InData(app.DataDir()).Root,
		BaseURL:      o.baseURL,
		Sources:      srcs,
		BuildTimeout: o.timeout,
		Incremental:  o.incr,
		OnBuild: func(rep site.Report) {
			o.ops.AfterBuild(rep)
			checkBuildAlert(app, alert)
		},
	})
	o.ops.Wire(p.builder, staffauth.Require)
	alert = reminders.NewBuildAlert(app, o.alert, func() reminders.BuildState {
		st := p.builder.Status()
		bs := reminders.BuildState{FailingSince: st.FailingSince}
		if st.Last != nil && !st.Last.OK() {
			bs.Error = st.Last.Error
		}
		if st.LastSuccess != nil {
			bs.LiveSince = st.LastSuccess.Started
		}
		return bs
	})
	// Builds may have been failing when the portal stopped.
	app.OnServe().BindFunc(func(e *core.ServeEvent) error {
		e.App.OnTerminate().BindFunc(func(te *core.TerminateEvent) error {
			alert.Stop()
			return te.Next()
		})
		go checkBuildAlert(e.App, alert)
		return e.Next()
	})

	// The guide library first: the demo's guides adapt some of its guides.
	// A failure is logged and the portal serves on.
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id:       "portalGuideLibrary",
		Priority: -20,
		Func: func(e *core.ServeEvent) error {
			if err := seedGuides(e.App, os.Stdout); err != nil {
				e.App.Logger().Error("Không nạp được thư viện hướng dẫn", "error", err.Error())
			}
			return e.Next()
		},
	})
	// Before the site's own serve hook (priority 999): demo content first,
	// so the first build already shows it.
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id:       "portalDemo",
		Priority: -10,
		Func: func(e *core.ServeEvent) error {
			if o.demo {
				if err := loadDemo(e.App); err != nil {
					return err
				}
				// Only with --demo: one account per role to try the back
				// office, printed once with the addresses (printBanner).
				accounts, err := demo.CreateAccounts(e.App)
				if err != nil {
					return fmt.Errorf("tạo tài khoản mẫu: %w", err)
				}
				p.accounts = accounts
			}
			// No hidden installer account: printBanner says how to make the
			// first one.
			e.InstallerFunc = nil
			return e.Next()
		},
	})
	publicAddress(app, p)
	queue = site.Register(app, p.builder, staffauth.Require)
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id:       "portalBanner",
		Priority: 1000,
		Func: func(e *core.ServeEvent) error {
			if err := e.Next(); err != nil {
				return err
			}
			printBanner(app, e, o)
			printDemoAccounts(app, e, p.accounts)
			o.ops.Started(e.App)
			return nil
		},
	})
	return p
}

// checkBuildAlert tells reviewers and IT if the builds have failed for
// too long (reminders.BuildAlert).
func checkBuildAlert(app core.App, alert *reminders.BuildAlert) {
	if alert == nil {
		return
	}
	if _, err := alert.Check(); err != nil {
		app.Logger().Error("Không gửi được cảnh báo dựng trang thất bại", "error", err.Error())
	}
}

// loadDemo loads the demo content if the database has no public record yet.
func loadDemo(app core.App) error {
	empty, err := demo.Empty(app)
	if err != nil {
		return fmt.Errorf("kiểm tra dữ liệu mẫu: %w", err)
	}
	if !empty {
		color.Yellow("Cơ sở dữ liệu đã có nội dung: không nạp dữ liệu mẫu.")
		return nil
	}
	counts, err := demo.Load(app)
	if err != nil {
		return fmt.Errorf("nạp dữ liệu mẫu: %w", err)
	}
	color.Green("Đã nạp dữ liệu mẫu: %v", counts)
	color.New(color.Bold, color.FgYellow).Println(commune.DemoBanner + ". Xóa toàn bộ dữ liệu mẫu bằng lệnh \"portal demo clear\".")
	return nil
}

// serverURL is the address the server listens at, as a URL ending in "/";
// a wildcard host (0.0.0.0, ::) becomes 127.0.0.1.
func serverURL(app *pocketbase.PocketBase, e *core.ServeEvent) string {
	scheme := "http"
	if serve, _, err := app.RootCmd.Find([]string{"serve"}); err == nil {
		if f := serve.Flags().Lookup("https"); f != nil && f.Value.String() != "" {
			scheme = "https"
		}
	}
	host, port, err := net.SplitHostPort(e.Server.Addr)
	if err != nil {
		return scheme + "://" + e.Server.Addr + "/"
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	return scheme + "://" + net.JoinHostPort(host, port) + "/"
}

func printBanner(app *pocketbase.PocketBase, e *core.ServeEvent, o *options) {
	addr := strings.TrimSuffix(serverURL(app, e), "/")
	bold := color.New(color.Bold)
	id, err := commune.Load(e.App)
	if err != nil {
		color.Red("%v", err)
	}
	bold.Println("\n" + id.SiteName)
	if id.Demo {
		color.New(color.Bold, color.FgYellow).Println(commune.DemoBanner)
	}
	fmt.Printf("├─ Trang công khai:       %s/\n", addr)
	fmt.Printf("├─ Trang quản trị (cán bộ): %s/quan-tri/\n", addr)
	fmt.Printf("├─ Quản trị hệ thống (IT): %s/_/\n", addr)
	fmt.Printf("└─ API:                   %s/api/\n", addr)
	exe := "portal"
	if len(os.Args) > 0 && !strings.Contains(os.Args[0], "go-build") {
		exe = os.Args[0]
	} else {
		exe = "go run ./cmd/portal"
	}
	if n, err := e.App.CountRecords(core.CollectionNameSuperusers); err == nil && n == 0 {
		color.Magenta("\nChưa có tài khoản quản trị hệ thống (IT). Tạo tài khoản đầu tiên bằng lệnh:")
		color.Cyan("  %s superuser upsert EMAIL MẬT_KHẨU\n", exe)
		fmt.Println("rồi đăng nhập ở /_/: sau mật khẩu, nhập mã một lần gửi tới EMAIL.")
	}
	if n, err := e.App.CountRecords(schema.Staff); err == nil && n == 0 {
		color.Magenta("\nChưa có tài khoản cán bộ. Tạo tài khoản (vai trò editor, reviewer hoặc unitReporter) bằng lệnh:")
		color.Cyan("  %s staff upsert EMAIL MẬT_KHẨU --name \"Họ và tên\" --role editor\n", exe)
		fmt.Println("rồi đăng nhập ở /quan-tri/.")
	}
	if ops.LoopbackURL(o.ops.PublicURL()) {
		color.New(color.Bold, color.FgRed).Println("\n" + ops.LoopbackWarning)
	}
	if !e.App.Settings().SMTP.Enabled {
		color.Yellow("\nChưa cấu hình máy chủ thư (SMTP, ở /_/ → Settings → Mail server): thư của cổng, như mã đăng nhập một lần, được in ra đây.")
	}
}
