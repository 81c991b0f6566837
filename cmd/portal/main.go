// Command portal is a commune's reform portal in one binary: PocketBase (the
// database, its API and dashboard) with the portal's collections and hooks,
// and the build step that regenerates the static public site with Hugo.
//
//	portal serve [--http 127.0.0.1:8090] [--dir pb_data] [--demo]
//	portal build --out DIR [--dir pb_data]
//	portal seed --demo [--dir pb_data]
//	portal superuser | migrate | …   (PocketBase's own commands)
package main

import (
	"log"
	"os"
	"syscall"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/plugins/migratecmd"

	"github.com/daison/portal/ops"
	"github.com/daison/portal/site"

	// Hugo formats dates in Asia/Ho_Chi_Minh; a server without the system
	// time zone database must still know it.
	_ "time/tzdata"
)

func main() {
	// Everything the portal writes (the databases, uploads, backups,
	// builds) is its own: pb_data is made 0700 and its files 0600, under
	// systemd or not. "portal build --out" opens its output to readers.
	syscall.Umask(0o077)

	// The same binary runs Hugo in a worker process (site/worker.go).
	site.RunWorkerIfAsked()

	// Not PocketBase's "dev" mode under go run: it logs every SQL query.
	// With a key in PORTAL_ENCRYPTION_KEY (or its file or credential:
	// ops), PocketBase's settings are stored encrypted.
	app := pocketbase.NewWithConfig(pocketbase.Config{DefaultDev: false, DBConnect: ops.DBConnect,
		DefaultEncryptionEnv: ops.EncryptionEnv})
	app.RootCmd.Use = "portal"
	app.RootCmd.Short = "Cổng thông tin phong trào thi đua cải cách hành chính của xã, phường"

	opts := bindFlags(app)
	opts.ops = ops.Bind(app)
	trustProxy(app)
	backups(app)
	// Read the portal's own flags now: the hooks below depend on them.
	_ = app.RootCmd.ParseFlags(os.Args[1:])

	// "migrate" for the schema in migrations/ (Go migrations; no
	// automigrate from dashboard edits: the schema lives in the code).
	migratecmd.MustRegister(app, app.RootCmd, migratecmd.Config{Automigrate: false})

	p := wire(app, opts)
	app.RootCmd.AddCommand(buildCommand(app, p), seedCommand(app, opts), staffCommand(app), initCommand(app), demoCommand(app))

	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}
