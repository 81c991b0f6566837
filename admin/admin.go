package admin

import (
	"github.com/daison/portal/internal/schema"

	"io"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	// The collections, as migrations run by "serve", "migrate" and tests.
	"github.com/daison/portal/admin/feedback"
	_ "github.com/daison/portal/admin/migrations"
	"github.com/daison/portal/admin/staff"
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
}

// Register binds the portal's record hooks and API middleware to app. Call it
// once, before app.Start or app.Bootstrap.
func Register(app core.App, opts Options) {
	// Uploads of every collection: images checked whole, photos
	// shrunk; thumbnails only of images within the caps.
	app.OnRecordValidate().BindFunc(checkUploads)
	app.OnFileDownloadRequest().BindFunc(refuseThumb)
	app.OnRecordValidate(schema.PublicCollections...).BindFunc(validatePublic)
	app.OnRecordValidate(schema.Documents).BindFunc(checkDocument)
	app.OnRecordValidate(schema.Articles, schema.Initiatives).BindFunc(checkGallery)
	app.OnRecordCreateRequest(schema.PublicCollections...).BindFunc(checkRequestDates)
	app.OnRecordUpdateRequest(schema.PublicCollections...).BindFunc(checkRequestDates)
	// Short codes and old slugs are the server's (security fault 3).
	app.OnRecordCreateRequest(schema.Linkable...).BindFunc(refuseSentLinks)
	app.OnRecordUpdateRequest(schema.Linkable...).BindFunc(refuseSentLinks)

	// Workflow stamps of what staff do through the API, and the
	// audit log of every change to any collection, with the history of
	// the public ones: each API write runs in one transaction
	// credited to its actor, and each record saved is logged.
	app.OnRecordCreateRequest().Bind(staff.InSession)
	app.OnRecordUpdateRequest().Bind(staff.InSession)
	app.OnRecordDeleteRequest().Bind(staff.InSession)
	app.OnRecordCreateRequest().Bind(keepStamps)
	app.OnRecordUpdateRequest().Bind(keepStamps)
	app.OnRecordCreateRequest(schema.PublicCollections...).BindFunc(stampCreate)
	app.OnRecordUpdateRequest(schema.PublicCollections...).BindFunc(stampUpdate)
	app.OnRecordCreate().Bind(auditCreated)
	app.OnRecordUpdate().Bind(auditUpdated)
	app.OnRecordDelete().Bind(auditDeleted)
	app.OnRecordAuthWithPasswordRequest(schema.Staff, core.CollectionNameSuperusers).BindFunc(auditLogin)
	app.OnRecordAuthWithOTPRequest(schema.Staff, core.CollectionNameSuperusers).BindFunc(auditOTPLogin)
	app.OnRecordAuthWithOTPRequest(schema.Staff).BindFunc(passwordFirst)
	app.OnRecordValidate(schema.Staff, core.CollectionNameSuperusers).BindFunc(checkPassword)
	app.OnRecordAuthRequest().BindFunc(auditImpersonation)
	app.OnMailerSend().BindFunc(printMailWithoutSMTP(opts.MailLog))

	// The audit log is append-only, for IT too (audit_guard.go).
	app.OnRecordCreateRequest(schema.AuditLog).Bind(refuseLogWrite)
	app.OnRecordUpdateRequest(schema.AuditLog).Bind(refuseLogWrite)
	app.OnRecordDeleteRequest(schema.AuditLog).Bind(refuseLogWrite)
	app.OnRecordUpdate(schema.AuditLog).BindFunc(appendOnly)
	app.OnRecordDelete(schema.AuditLog).BindFunc(appendOnly)
	app.OnCollectionCreateRequest().BindFunc(guardCollectionChange("create"))
	app.OnCollectionUpdateRequest().BindFunc(guardCollectionChange("update"))
	app.OnCollectionDeleteRequest().BindFunc(guardCollectionChange("delete"))
	app.OnCollectionsImportRequest().BindFunc(guardImport)
	app.OnSettingsUpdateRequest().BindFunc(auditSettings)

	// Fields some callers may not see (visibility.go).
	app.OnRecordEnrich(schema.PublicCollections...).BindFunc(showWorkflow)

	// The award process.
	app.OnRecordCreateRequest(schema.Nominations).BindFunc(checkNomination)
	app.OnRecordUpdateRequest(schema.Nominations).BindFunc(checkNomination)
	app.OnRecordCreate(schema.Nominations).BindFunc(approveNomination)
	app.OnRecordUpdate(schema.Nominations).BindFunc(approveNomination)
	app.OnRecordCreateRequest(schema.UnitReports).BindFunc(checkReport)
	app.OnRecordUpdateRequest(schema.UnitReports).BindFunc(checkReport)
	app.OnRecordValidate(schema.Nominations, schema.UnitReports).BindFunc(cleanStaffTexts)
	app.OnRecordValidate(schema.PortalConfig).BindFunc(checkDeadlineSetting)

	// Citizens' feedback.
	app.OnRecordEnrich(schema.Feedback).BindFunc(showContacts)
	feedback.Bind(app)

	if opts.Changed != nil {
		changed := func(e *core.RecordEvent) error {
			opts.Changed(e.Record.Collection().Name)
			return e.Next()
		}
		app.OnRecordAfterCreateSuccess(schema.PublicCollections...).BindFunc(changed)
		app.OnRecordAfterUpdateSuccess(schema.PublicCollections...).BindFunc(changed)
		app.OnRecordAfterDeleteSuccess(schema.PublicCollections...).BindFunc(changed)
	}

	bindHeaders(app)
	preview := newPreviewGate()
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
			e.Router.Bind(&hook.Handler[*core.RequestEvent]{
				Id:   "portalBoundThumbs",
				Func: boundThumbs,
			})
			e.Router.POST("/api/portal/logout", logoutRoute).Bind(staff.Require())
			e.Router.BindFunc(guardSuperuserAPI)
			e.Router.BindFunc(explainProtectedFilter)
			e.Router.POST("/api/portal/markdown", preview.serve).Bind(staff.Require(), apis.BodyLimit(maxPreviewBody))
			e.Router.GET("/api/portal/eligibility", eligibilityRoute).Bind(staff.Require(schema.RoleReviewer))
			e.Router.GET("/api/portal/exports/awards", exportAwards).Bind(staff.Require(schema.RoleReviewer))
			e.Router.GET("/api/portal/exports/nominations", exportNominations).Bind(staff.Require(schema.RoleReviewer, schema.RoleUnitReporter))
			e.Router.GET("/api/portal/reports", reportsSummary).Bind(staff.Require(schema.RoleReviewer))
			e.Router.GET("/api/portal/decisions/print", printDecision).Bind(staff.Require(schema.RoleReviewer, schema.RoleEditor))

			feedback.Routes(e, opts.SiteURL)
			return e.Next()
		},
	})
}
