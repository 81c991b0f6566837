package main

import (
	"fmt"
	"strings"

	"github.com/fatih/color"
	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/daison/portal/ops"
)

// defaultAppURL is PocketBase's Application URL before anyone sets it.
const defaultAppURL = "http://localhost:8090"

// publicAddress settles, when "serve" starts, the site's public address:
// --base-url, or else the address it listens at. The site is built for
// it, and PocketBase's Application URL (the links of its mail: password
// reset, address confirmation; the reminders' links) follows it: always
// when --base-url is given, and otherwise only over PocketBase's default
// or another loopback address, so that a public address IT typed in /_/
// stays. While the address is a loopback one the console says so loudly
// (as do the back office's dashboard, /api/health and every QR poster).
func publicAddress(app *pocketbase.PocketBase, p *parts) {
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id:       "portalPublicAddress",
		Priority: -11,
		Func: func(e *core.ServeEvent) error {
			base := p.opts.baseURL
			if base == "" {
				base = serverURL(app, e)
				p.builder.SetBaseURL(base)
			}
			p.opts.ops.SetPublicURL(base)
			if err := setAppURL(e.App, base, p.opts.baseURL != ""); err != nil {
				return err
			}
			if ops.LoopbackURL(base) {
				warnLoopback(base)
			}
			return e.Next()
		},
	})
}

// setAppURL makes PocketBase's Application URL the site's address base
// (without its trailing slash); given says it came from --base-url.
func setAppURL(app core.App, base string, given bool) error {
	want := strings.TrimSuffix(base, "/")
	s := app.Settings()
	cur := s.Meta.AppURL
	if cur == want || (!given && cur != "" && cur != defaultAppURL && !ops.LoopbackURL(cur)) {
		return nil
	}
	s.Meta.AppURL = want
	if err := app.Save(s); err != nil {
		return fmt.Errorf("đặt Application URL theo --base-url: %w", err)
	}
	return nil
}

// warnLoopback prints, on the console, that the public address leads
// nowhere outside this machine.
func warnLoopback(base string) {
	warn := color.New(color.Bold, color.FgRed)
	line := strings.Repeat("!", 78)
	warn.Println(line)
	warn.Printf("!! CẢNH BÁO: địa chỉ công khai là %s\n", base)
	warn.Println(line)
	color.Red(ops.LoopbackWarning)
	warn.Println(line)
}
