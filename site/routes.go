package site

import (
	"context"
	"net/http"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/site/search"
)

// Register wires the site into a PocketBase app: on serve it runs the
// build queue, which builds the site at once in the background, serves the
// live site at "/" (a "being built" page until a first build is live) and
// adds
//
//	GET  /api/site/status   the last build and the one live (staff, IT)
//	GET  /api/site/live/{collection}?ids=…  which version of those records
//	     the live build holds, and since when (staff, IT)
//	POST /api/site/rebuild  asks for a build now (editors, reviewers, IT)
//	GET  /api/portal/preview/{collection}/{id}  a record's page as it would
//	     be published, for staff who may see it (drafts included)
//
// guard checks who may use these routes (the entry passes
// staffauth.Require). It returns the queue; admin's change notifications
// go to its Trigger.
func Register(app core.App, b *Builder, guard Guard) *Queue {
	q := NewQueue(b)

	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: "portalSite",
		Func: func(e *core.ServeEvent) error {
			b.dropOldOverlay()
			var next time.Time
			if last := b.Status().LastSuccess; last != nil {
				next = last.NextPublish
			}
			// Listen at once: the last good build is served meanwhile, or,
			// on a first start, a page saying the site is being built
			// (live.Dir.Handler). The build runs in the background; a
			// failure is reported to staff, not fatal.
			if b.Live() {
				q.Trigger("khởi động") // records may have changed while the portal was stopped
			} else {
				q.Trigger("khởi động lần đầu")
			}
			ctx, cancel := context.WithCancel(context.Background())
			app.OnTerminate().BindFunc(func(te *core.TerminateEvent) error {
				cancel()
				b.Close()
				return te.Next()
			})
			go q.Run(ctx, next)

			e.Router.GET("/api/site/status", func(re *core.RequestEvent) error {
				return re.JSON(http.StatusOK, b.Status())
			}).Bind(guard())
			e.Router.POST("/api/site/rebuild", func(re *core.RequestEvent) error {
				q.Trigger("yêu cầu dựng lại từ " + re.Auth.Email())
				return re.JSON(http.StatusAccepted, map[string]string{"message": "Đã yêu cầu dựng lại trang."})
			}).Bind(guard(schema.RoleEditor, schema.RoleReviewer))
			e.Router.GET("/api/site/live/{collection}", liveRoute(b)).Bind(guard())
			e.Router.GET("/api/portal/preview/{collection}/{id}", previewRoute(b, newPreviewLimits())).Bind(guard())

			if e.Router.HasRoute(http.MethodGet, sitePattern) {
				return e.Next()
			}
			// The search page answers ?q= itself (site/search); every
			// other page is the live build's file.
			srv := search.NewServer(b.Dir(), b.Dir().Handler())
			b.search.Store(srv)
			// The reader's display settings without JavaScript (display.go).
			siteHandler := withDisplay(srv)
			e.Router.GET(sitePattern, func(re *core.RequestEvent) error {
				siteHandler.ServeHTTP(re.Response, re.Request)
				return nil
			})
			if err := e.Next(); err != nil {
				return err
			}
			// PocketBase has built its router: page views skip its
			// middlewares (the activity log writes a row per request).
			if mux, ok := serverMux(e); ok {
				e.Server.Handler = &sitePath{mux: mux, site: siteHandler}
			}
			return nil
		},
		// After other handlers, so their routes are known.
		Priority: 999,
	})
	return q
}

// Guard returns a route middleware that lets through superusers and the
// staff members with one of roles (any staff member when none is given),
// and refuses everyone else.
type Guard func(roles ...string) *hook.Handler[*core.RequestEvent]

// sitePattern is the route of the public site: every GET no other route
// takes.
const sitePattern = "/{path...}"

// sitePath sends the requests PocketBase's router would give the public
// site's catch-all route straight to the site's handler, without the API's
// middlewares: no activity log row, rate limit or body limit for a page
// view. Everything else (the API, the dashboard, the back office, the
// citizens' forms) goes through the router as before.
type sitePath struct {
	mux  *http.ServeMux
	site http.Handler
}

func (p *sitePath) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		if _, pattern := p.mux.Handler(r); pattern == http.MethodGet+" "+sitePattern {
			p.site.ServeHTTP(w, r)
			return
		}
	}
	p.mux.ServeHTTP(w, r)
}

// serverMux returns the router PocketBase built for e's server, if any
// (tests trigger the serve hooks without a server).
func serverMux(e *core.ServeEvent) (*http.ServeMux, bool) {
	if e.Server == nil {
		return nil, false
	}
	mux, ok := e.Server.Handler.(*http.ServeMux)
	return mux, ok
}
