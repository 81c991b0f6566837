// Package admin is the PocketBase side of the portal. Register binds it to
// an app: the hooks of the kinds of public record (records.Bind: NFC text,
// safe Markdown, unique slugs, short links, publication dates, each kind's
// own rules), and its own, which check uploads (decoded and bounded),
// refuse what only the server may set, hide the fields a caller may not
// see, translate errors into Vietnamese, set the security headers, guard
// staff accounts and the Markdown preview, and tell the site when a public
// record changed; and its feature packages, each bound by one call:
// admin/audit (the audit log and stamps), admin/history (earlier
// versions), admin/feedback (the citizens' forms), admin/awards (the award
// process: nominations, eligibility, reports, exports, the decision
// print), admin/reminders, admin/setup (the commune's identity), with
// admin/staff shared among them. The collections themselves are the
// migrations (migrations/).
package admin

import (
	"github.com/daison/portal/internal/staffauth"
	"io"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/daison/portal/admin/audit"
	"github.com/daison/portal/admin/awards"
	"github.com/daison/portal/admin/feedback"
	"github.com/daison/portal/admin/history"
	"github.com/daison/portal/admin/reminders"
	"github.com/daison/portal/admin/setup"
	"github.com/daison/portal/admin/staff"
	"github.com/daison/portal/internal/schema"
	// The collections, as migrations run by "serve", "migrate" and tests.
	_ "github.com/daison/portal/migrations"
	"github.com/daison/portal/records"
)

// Options connects the admin side to the rest of the portal.
type Options struct {
	// Changed is called after a create, update or delete of a public record
	// has been committed, with the collection's name. The site uses it to
	// queue a rebuild. It must not block.
	Changed func(collection string)

	// MailLog receives the mail the portal cannot send because no SMTP
	// server is set (superusers' sign-in codes, password resets); nil is
	// os.Stderr.
	MailLog io.Writer

	// SiteURL returns the public site's address, whose pages may post the
	// citizens' forms from another host; nil allows only the portal's own.
	SiteURL func() string

	// PageShell returns the live site's page shell (feedback.ShellPath),
	// in which the pages the portal answers citizens' forms with are set;
	// nil, or nil bytes: those pages stand alone.
	PageShell feedback.Shell
}

// Register binds the portal's record hooks and API middleware to app. Call it
// once, before app.Start or app.Bootstrap.
func Register(app core.App, opts Options) {
	// Uploads of every collection: images checked whole, photos
	// shrunk; thumbnails only of images within the caps.
	app.OnRecordValidate().BindFunc(checkUploads)
	app.OnRecordCreateRequest().Bind(precheckUploads)
	app.OnRecordUpdateRequest().Bind(precheckUploads)
	app.OnFileDownloadRequest().BindFunc(refuseThumb)
	// What every public record keeps, and each kind's own rules
	// (records/<kind>); the content of a kind's files is read whole.
	records.Bind(app)
	app.OnRecordValidate(filesOfKinds()...).BindFunc(checkKindFiles)
	app.OnRecordCreateRequest(records.Collections()...).BindFunc(checkRequestDates)
	app.OnRecordUpdateRequest(records.Collections()...).BindFunc(checkRequestDates)
	// Someone else's text in review goes back to draft with a comment.
	app.OnRecordUpdateRequest(schema.Articles, schema.Guides, schema.Documents).BindFunc(refuseSilentReturn)
	// Short codes and old slugs are the server's.
	app.OnRecordCreateRequest(records.Linkable()...).BindFunc(refuseSentLinks)
	app.OnRecordUpdateRequest(records.Linkable()...).BindFunc(refuseSentLinks)

	// Workflow stamps of what staff do through the API, and the
	// audit log of every change to any collection, with the history of
	// the public ones: each API write runs in one transaction
	// credited to its actor, and each record saved is logged.
	app.OnRecordCreateRequest().Bind(staff.InSession)
	app.OnRecordUpdateRequest().Bind(staff.InSession)
	app.OnRecordDeleteRequest().Bind(staff.InSession)
	audit.Bind(app)
	history.Bind(app)
	app.OnRecordAuthWithOTPRequest(schema.Staff).BindFunc(passwordFirst)
	app.OnRecordValidate(schema.Staff, core.CollectionNameSuperusers).BindFunc(checkPassword)
	app.OnRecordRequestVerificationRequest().BindFunc(refuseVerification)
	app.OnMailerSend().BindFunc(printMailWithoutSMTP(opts.MailLog))

	// Fields some callers may not see (visibility.go).
	app.OnRecordEnrich(records.Collections()...).BindFunc(showWorkflow)

	// The award process.
	awards.Bind(app)
	reminders.Bind(app)
	app.OnRecordValidate(schema.Nominations, schema.UnitReports, schema.Staff, schema.DeadlineExceptions, schema.PortalConfig).BindFunc(cleanStaffTexts)

	// Citizens' feedback.
	app.OnRecordEnrich(schema.Feedback).BindFunc(showContacts)
	feedback.Bind(app)
	setup.Bind(app, opts.Changed)

	if opts.Changed != nil {
		changed := func(e *core.RecordEvent) error {
			opts.Changed(e.Record.Collection().Name)
			return e.Next()
		}
		app.OnRecordAfterCreateSuccess(records.Collections()...).BindFunc(changed)
		app.OnRecordAfterUpdateSuccess(records.Collections()...).BindFunc(changed)
		app.OnRecordAfterDeleteSuccess(records.Collections()...).BindFunc(changed)
		// Staff answers and publications feed the site's "Hỏi – đáp" and
		// quarterly summary.
		app.OnRecordAfterUpdateSuccess(schema.Feedback).BindFunc(changed)
		// The settings carry the contacts' retention, which the forms'
		// notice states.
		app.OnRecordAfterUpdateSuccess(schema.PortalConfig).BindFunc(changed)
	}

	bindSynonyms(app, opts.Changed)
	bindHeaders(app)
	preview := newPreviewGate()
	limits := newStaffLimiter()
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: "portalTranslateErrors",
		Func: func(e *core.ServeEvent) error {
			// Around the rate limiter and everything after it, so that its
			// 429 is translated too.
			e.Router.Bind(&hook.Handler[*core.RequestEvent]{
				Id:       "portalTranslateErrors",
				Func:     translateErrors,
				Priority: apis.DefaultRateLimitMiddlewarePriority - 5,
			})
			e.Router.Bind(limits.middleware())
			e.Router.Bind(&hook.Handler[*core.RequestEvent]{
				Id:   "portalBoundThumbs",
				Func: boundThumbs,
			})
			e.Router.POST("/api/portal/logout", logoutRoute).Bind(staffauth.Require())
			e.Router.BindFunc(explainProtectedFilter)
			e.Router.POST("/api/portal/markdown", preview.serve).Bind(staffauth.Require(), apis.BodyLimit(maxPreviewBody))
			e.Router.GET("/api/portal/find/{collection}", findRoute).Bind(staffauth.Require())
			e.Router.POST("/api/portal/return/{collection}/{id}", returnRoute).Bind(staffauth.Require(schema.RoleEditor, schema.RoleReviewer), apis.BodyLimit(maxReturnBody))
			awards.Routes(e)
			reminders.Routes(e)
			guideLibraryRoutes(e)

			feedback.Routes(e, opts.SiteURL, opts.PageShell)
			return e.Next()
		},
	})
}
