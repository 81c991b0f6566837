// Package feedback owns the citizens' forms and what staff do with what
// they send: the submissions (Submit, the JSON API and the plain form posts
// with their pages from templates/), the rules of a submission's fields,
// staff answers, a proposal turned into an initiative, the statistics and
// the export of the submissions.
package feedback

import (
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin/staff"
	"github.com/daison/portal/internal/schema"
)

// Bind binds the record hooks of the submissions to app: staff answers
// are stamped, every save keeps the rules of text and of site paths.
func Bind(app core.App) {
	app.OnRecordUpdateRequest(schema.Feedback).BindFunc(answerFeedback)
	app.OnRecordValidate(schema.Feedback).BindFunc(cleanFeedback)
}

// Routes adds the citizens' forms and the staff routes of the submissions
// to e's router. siteURL returns the public site's address, whose pages
// may post the forms from another host; nil allows only the portal's own.
func Routes(e *core.ServeEvent, siteURL func() string) {
	// Citizens' forms: JSON for the site's script, plain form posts
	// without it; small bodies only.
	sameSite := sameSiteForms(siteURL)
	e.Router.POST("/api/portal/feedback", feedbackAPI).Bind(apis.BodyLimit(64<<10), sameSite)
	e.Router.POST("/gop-y/gui", feedbackForm).Bind(apis.BodyLimit(64<<10), sameSite)
	e.Router.GET("/gop-y/da-nhan/", feedbackThanks)
	e.Router.GET("/gop-y/tra-cuu/", lookupForm)
	e.Router.POST("/gop-y/tra-cuu/", lookupPost).Bind(apis.BodyLimit(4<<10), sameSite)
	e.Router.POST("/api/portal/feedback/{id}/initiative", feedbackToInitiative).Bind(staff.Require(schema.RoleEditor, schema.RoleReviewer))
	e.Router.GET("/api/portal/feedback/stats", feedbackStats).Bind(staff.Require(schema.RoleEditor, schema.RoleReviewer))
	e.Router.GET("/api/portal/exports/feedback", exportFeedback).Bind(staff.Require(schema.RoleEditor, schema.RoleReviewer))
}
