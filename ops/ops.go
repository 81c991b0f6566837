package ops

import (
	"context"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/daison/portal/site"
)

// Ops is the portal's operations side: what Bind registered and Wire
// connects to the site's builder.
type Ops struct {
	app    *pocketbase.PocketBase
	deploy *deployer
}

// Bind adds the operations flags (mail server, deploy, replication…) and
// commands to app's command line, with their startup hooks. Call it
// before the flags are parsed.
func Bind(app *pocketbase.PocketBase) *Ops {
	o := &Ops{app: app}
	f := app.RootCmd.PersistentFlags()
	bindSMTP(app, f)
	o.deploy = bindDeploy(app, f)
	return o
}

// AfterBuild is the site's OnBuild: a build that went live is deployed to
// object storage when --deploy-auto is on.
func (o *Ops) AfterBuild(rep site.Report) { o.deploy.afterBuild(rep) }

// Wire connects the operations to the site's builder b once it exists:
// the deploys run while the portal serves.
func (o *Ops) Wire(b *site.Builder) {
	o.deploy.b = b
	o.app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: "portalOps",
		Func: func(e *core.ServeEvent) error {
			ctx, cancel := context.WithCancel(context.Background())
			e.App.OnTerminate().BindFunc(func(te *core.TerminateEvent) error {
				cancel()
				return te.Next()
			})
			go o.deploy.run(ctx, e.App)
			return e.Next()
		},
	})
}
