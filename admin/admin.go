package admin

import (
	"io"
	"strings"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	// The collections, as migrations run by "serve", "migrate" and tests.
	_ "github.com/daison/portal/admin/migrations"
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
}

// Register binds the portal's record hooks and API middleware to app. Call it
// once, before app.Start or app.Bootstrap.
func Register(app core.App, opts Options) {
	app.OnRecordValidate(PublicCollections...).BindFunc(validatePublic)
	app.OnRecordCreateRequest(PublicCollections...).BindFunc(checkRequestDates)
	app.OnRecordUpdateRequest(PublicCollections...).BindFunc(checkRequestDates)

	// Workflow stamps, audit log and history of what staff do through the API.
	app.OnRecordCreateRequest(PublicCollections...).BindFunc(auditCreate)
	app.OnRecordUpdateRequest(PublicCollections...).BindFunc(auditUpdate)
	app.OnRecordDeleteRequest(PublicCollections...).BindFunc(auditDelete)
	app.OnRecordAuthWithPasswordRequest(Staff, core.CollectionNameSuperusers).BindFunc(auditLogin)
	app.OnRecordAuthWithOTPRequest(Staff, core.CollectionNameSuperusers).BindFunc(auditOTPLogin)
	app.OnMailerSend().BindFunc(printMailWithoutSMTP(opts.MailLog))
	app.OnRecordUpdate(AuditLog).BindFunc(appendOnly)
	app.OnRecordDelete(AuditLog).BindFunc(appendOnly)
	app.OnRecordEnrich(PublicCollections...).BindFunc(hideWorkflow)

	// The award process (issue 6).
	app.OnRecordCreateRequest(Nominations).BindFunc(checkNomination)
	app.OnRecordUpdateRequest(Nominations).BindFunc(checkNomination)
	app.OnRecordCreate(Nominations).BindFunc(approveNomination)
	app.OnRecordUpdate(Nominations).BindFunc(approveNomination)
	app.OnRecordCreateRequest(UnitReports).BindFunc(checkReport)
	app.OnRecordUpdateRequest(UnitReports).BindFunc(checkReport)
	app.OnRecordValidate(Nominations, UnitReports).BindFunc(cleanStaffTexts)
	app.OnRecordValidate(PortalConfig).BindFunc(checkDeadlineSetting)

	// Citizens' feedback (issue 7).
	app.OnRecordEnrich(Feedback).BindFunc(hideContacts)
	app.OnRecordUpdateRequest(Feedback).BindFunc(answerFeedback)

	if opts.Changed != nil {
		changed := func(e *core.RecordEvent) error {
			opts.Changed(e.Record.Collection().Name)
			return e.Next()
		}
		app.OnRecordAfterCreateSuccess(PublicCollections...).BindFunc(changed)
		app.OnRecordAfterUpdateSuccess(PublicCollections...).BindFunc(changed)
		app.OnRecordAfterDeleteSuccess(PublicCollections...).BindFunc(changed)
	}

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
				Id:   "portalApiHeaders",
				Func: apiHeaders,
			})
			e.Router.POST("/api/portal/markdown", preview.serve).Bind(RequireStaff(), apis.BodyLimit(maxPreviewBody))
			e.Router.GET("/api/portal/eligibility", eligibilityRoute).Bind(RequireStaff("reviewer"))
			e.Router.GET("/api/portal/exports/awards", exportAwards).Bind(RequireStaff("reviewer"))
			e.Router.GET("/api/portal/exports/nominations", exportNominations).Bind(RequireStaff("reviewer", "unitReporter"))
			e.Router.GET("/api/portal/reports", reportsSummary).Bind(RequireStaff("reviewer"))
			e.Router.GET("/api/portal/decisions/print", printDecision).Bind(RequireStaff("reviewer", "editor"))

			// Citizens' forms (issue 7): JSON for the site's script, plain
			// form posts without it; small bodies only.
			e.Router.POST("/api/portal/feedback", feedbackAPI).Bind(apis.BodyLimit(64 << 10))
			e.Router.POST("/gop-y/gui", feedbackForm).Bind(apis.BodyLimit(64 << 10))
			e.Router.GET("/gop-y/da-nhan/", feedbackThanks)
			e.Router.POST("/api/portal/feedback/{id}/initiative", feedbackToInitiative).Bind(RequireStaff("editor", "reviewer"))
			e.Router.GET("/api/portal/feedback/stats", feedbackStats).Bind(RequireStaff("editor", "reviewer"))
			e.Router.GET("/api/portal/exports/feedback", exportFeedback).Bind(RequireStaff("editor", "reviewer"))
			return e.Next()
		},
	})
}

// apiHeaders adds to the API's answers what PocketBase does not set: no
// content may run or be framed from them, and no referrer leaks.
func apiHeaders(e *core.RequestEvent) error {
	if strings.HasPrefix(e.Request.URL.Path, "/api/") {
		h := e.Response.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Content-Type-Options", "nosniff")
	}
	return e.Next()
}
