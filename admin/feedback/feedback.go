// Package feedback owns the citizens' forms and what staff do with what
// they send: the submissions (Submit, the JSON API and the plain form posts
// with their pages from templates/), the rules of a submission's fields,
// staff answers, a proposal turned into an initiative, the statistics and
// the export of the submissions.
package feedback

import (
	"github.com/daison/portal/internal/staffauth"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/schema"
)

// Bind binds the record hooks of the submissions to app: staff answers
// are stamped, every save keeps the rules of text and of site paths; and
// schedules the erasure of contacts past their retention (retention.go).
func Bind(app core.App) {
	app.OnRecordUpdateRequest(schema.Feedback).BindFunc(answerFeedback)
	app.OnRecordValidate(schema.Feedback).BindFunc(cleanFeedback)
	bindRetention(app)
}

// The portal's answers to the receipt lookup's forms.
const (
	// LookupPath answers the lookup: a submission's state and answer.
	LookupPath = "/gop-y/tra-cuu/ket-qua"
	// ErasePath erases a citizen's own contact details.
	ErasePath = "/gop-y/tra-cuu/xoa-lien-he"
)

// Routes adds the citizens' forms and the staff routes of the submissions
// to e's router. siteURL returns the public site's address, whose pages
// may post the forms from another host; nil allows only the portal's own.
func Routes(e *core.ServeEvent, siteURL func() string, shell Shell) {
	if shell != nil {
		e.App.Store().Set(shellKey, shell)
	}
	// Citizens' forms: JSON for the site's script, plain form posts
	// without it; small bodies only.
	sameSite := sameSiteForms(siteURL)
	e.Router.POST("/api/portal/feedback", feedbackAPI).Bind(apis.BodyLimit(64<<10), sameSite)
	e.Router.POST("/gop-y/gui", feedbackForm).Bind(apis.BodyLimit(64<<10), sameSite)
	e.Router.GET("/gop-y/da-nhan/", feedbackThanks)
	// The receipt lookup's page is the site's (/gop-y/tra-cuu/, static on
	// any host); its forms post here, and the rate rule of POST
	// /gop-y/tra-cuu/ (a prefix) counts both. GET shows the lookup form
	// with the code of ?ma= filled in, for a receipt's link without
	// JavaScript.
	e.Router.GET(LookupPath, lookupForm)
	e.Router.POST(LookupPath, lookupPost).Bind(apis.BodyLimit(4<<10), sameSite)
	e.Router.POST(ErasePath, erasePost).Bind(apis.BodyLimit(4<<10), sameSite)
	e.Router.POST("/api/portal/feedback/{id}/erase-contacts", eraseOnRequest).Bind(staffauth.Require(schema.RoleReviewer))
	e.Router.POST("/api/portal/feedback/{id}/initiative", feedbackToInitiative).Bind(staffauth.Require(schema.RoleEditor, schema.RoleReviewer))
	e.Router.GET("/api/portal/feedback/stats", feedbackStats).Bind(staffauth.Require(schema.RoleEditor, schema.RoleReviewer))
	e.Router.GET("/api/portal/exports/feedback", exportFeedback).Bind(staffauth.Require(schema.RoleEditor, schema.RoleReviewer))
}
