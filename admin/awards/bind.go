// Package awards owns the award process: units' nominations and yearly
// reports with their deadlines and the fields each role may write, the
// plan's rule of one award per achievement, the eligibility report of the
// 2026–2030 summary, the exports of awards and nominations, and the
// printable list of a decision (templates/decision.html).
package awards

import (
	"github.com/daison/portal/internal/staffauth"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/schema"
)

// Bind binds the record hooks of the award process to app: nominations and
// reports checked and stamped, an approved nomination turned into its award,
// awards' forms among those the commune uses, the reporting deadline
// setting checked.
func Bind(app core.App) {
	app.OnRecordCreateRequest(schema.Nominations).BindFunc(checkNomination)
	app.OnRecordUpdateRequest(schema.Nominations).BindFunc(checkNomination)
	app.OnRecordCreate(schema.Nominations).BindFunc(approveNomination)
	app.OnRecordUpdate(schema.Nominations).BindFunc(approveNomination)
	app.OnRecordCreateRequest(schema.UnitReports).BindFunc(checkReport)
	app.OnRecordUpdateRequest(schema.UnitReports).BindFunc(checkReport)
	app.OnRecordCreateRequest(schema.Awards).BindFunc(checkAward)
	app.OnRecordUpdateRequest(schema.Awards).BindFunc(checkAward)
	app.OnRecordValidate(schema.PortalConfig).BindFunc(checkDeadlineSetting)
	app.OnRecordCreateRequest(schema.DeadlineExceptions).BindFunc(checkException)
	app.OnRecordUpdateRequest(schema.DeadlineExceptions).BindFunc(checkException)
}

// Routes adds the staff routes of the award process to e's router: the
// eligibility report, the exports, the reports' summary and the decision
// print.
func Routes(e *core.ServeEvent) {
	e.Router.GET("/api/portal/eligibility", eligibilityRoute).Bind(staffauth.Require(schema.RoleReviewer))
	e.Router.GET("/api/portal/exports/awards", exportAwards).Bind(staffauth.Require(schema.RoleReviewer))
	e.Router.GET("/api/portal/exports/nominations", exportNominations).Bind(staffauth.Require(schema.RoleReviewer, schema.RoleUnitReporter))
	e.Router.GET("/api/portal/reports", reportsSummary).Bind(staffauth.Require(schema.RoleReviewer))
	e.Router.GET("/api/portal/exports/reports", exportReports).Bind(staffauth.Require(schema.RoleReviewer))
	e.Router.GET("/api/portal/overdue", overdueRoute).Bind(staffauth.Require(schema.RoleReviewer, schema.RoleUnitReporter))
	e.Router.GET("/api/portal/decisions/print", printDecision).Bind(staffauth.Require(schema.RoleReviewer, schema.RoleEditor))
}
