package ops

import (
	"github.com/pocketbase/pocketbase"
)

// Ops is the portal's operations side: what Bind registered and Wire
// connects to the site's builder.
type Ops struct {
	app *pocketbase.PocketBase
}

// Bind adds the operations flags (mail server, deploy, replication…) to
// app's command line and their startup hooks. Call it before the flags are
// parsed.
func Bind(app *pocketbase.PocketBase) *Ops {
	o := &Ops{app: app}
	f := app.RootCmd.PersistentFlags()
	bindSMTP(app, f)
	return o
}
