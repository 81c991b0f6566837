package ops

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"sync/atomic"
	"time"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/daison/portal/site"
)

// Ops is the portal's operations side: what Bind registered and Wire
// connects to the site's builder.
type Ops struct {
	app          *pocketbase.PocketBase
	deploy       *deployer
	replication  *replication
	files        *fileReplication
	backups      backupState
	requests     requestCounts
	metricsToken string
	// metricsTokenFile is a file holding the metrics token.
	metricsTokenFile string
	started          time.Time
	publicURL        atomic.Value // string: the site's public address (SetPublicURL)
}

// Bind adds the operations flags (mail server, deploy, replication…) and
// commands to app's command line, with their startup hooks. Call it
// before the flags are parsed.
func Bind(app *pocketbase.PocketBase) *Ops {
	o := &Ops{app: app, started: time.Now()}
	// The S3 keys and the settings' encryption key may come from files or
	// systemd credentials: into the environment, where their readers look.
	if err := loadFileSecrets(app.EncryptionEnv()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	app.OnBootstrap().BindFunc(func(e *core.BootstrapEvent) error {
		if err := checkEncryptionKey(e.App.EncryptionEnv()); err != nil {
			return err
		}
		return e.Next()
	})
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id:       "portalEncryptSettings",
		Priority: -25,
		Func: func(e *core.ServeEvent) error {
			if err := encryptSettings(e.App); err != nil {
				return err
			}
			return e.Next()
		},
	})
	f := app.RootCmd.PersistentFlags()
	bindSMTP(app, f)
	o.deploy = bindDeploy(app, f)
	o.replication = bindReplicate(app, f)
	o.files = bindReplicateFiles(app, o.replication)
	bindUploadsCheck(app, o.deploy)
	f.StringVar(&o.metricsToken, "metrics-token", "",
		"mã cho máy giám sát ngay trên dòng lệnh (không nên: hiện ra trong ps); dùng --metrics-token-file, PORTAL_METRICS_TOKEN(_FILE) hoặc systemd credential metrics-token")
	f.StringVar(&o.metricsTokenFile, "metrics-token-file", "",
		"tệp chứa mã cho phép máy giám sát (Prometheus) đọc /api/portal/metrics với header Authorization: Bearer <mã>; cán bộ đã đăng nhập luôn đọc được (hoặc PORTAL_METRICS_TOKEN, PORTAL_METRICS_TOKEN_FILE, systemd credential metrics-token)")
	o.backups.watch(app)
	return o
}

// readMetricsToken settles the metrics token: the command line's, a
// file's, the environment's or a credential's.
func (o *Ops) readMetricsToken() error {
	v, err := settleSecret(o.metricsToken, "metrics-token", o.metricsTokenFile, "PORTAL_METRICS_TOKEN", "metrics-token")
	if err != nil {
		return fmt.Errorf("mã giám sát: %w", err)
	}
	o.metricsToken = v
	return nil
}

// AfterBuild is the site's OnBuild: a build that went live is deployed to
// object storage when --deploy-auto is on.
func (o *Ops) AfterBuild(rep site.Report) { o.deploy.afterBuild(rep) }

// Wire connects the operations to the site's builder b once it exists:
// the deploys run while the portal serves; GET /api/health answers for
// everyone and GET /api/portal/metrics for staff (guard) or the metrics
// token.
func (o *Ops) Wire(b *site.Builder, guard site.Guard) {
	o.deploy.b = b
	o.app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: "portalOps",
		Func: func(e *core.ServeEvent) error {
			ctx, cancel := context.WithCancel(context.Background())
			e.App.OnTerminate().BindFunc(func(te *core.TerminateEvent) error {
				cancel()
				return te.Next()
			})
			if err := o.readMetricsToken(); err != nil {
				return err
			}
			go o.deploy.run(ctx, e.App)
			e.Router.BindFunc(func(re *core.RequestEvent) error {
				if re.Request.URL.Path == "/api/health" && (re.Request.Method == http.MethodGet || re.Request.Method == http.MethodHead) {
					return o.health(re)
				}
				return re.Next()
			})
			e.Router.GET("/api/portal/metrics", o.metrics).Bind(metricsAllowed(o.metricsToken, guard()))
			return e.Next()
		},
	})
	// Around the site's hook (priority 999), which replaces the server's
	// handler once PocketBase has built it: this one wraps the result.
	o.app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id:       "portalCountRequests",
		Priority: 998,
		Func: func(e *core.ServeEvent) error {
			if err := e.Next(); err != nil {
				return err
			}
			e.Server.Handler = o.requests.wrap(e.Server.Handler)
			return nil
		},
	})
}

// replicationHealth is the state of the database's replication.
func (o *Ops) replicationHealth() Part { return o.files.merge(o.replication.health()) }
