// Package audit owns the audit log and the workflow stamps: who changed
// which record and when (stamps kept by the server, never taken from a
// request), a log entry for every record saved, every sign-in and every
// change IT makes to settings, collections and backups, and the guards that
// keep the log append-only for everyone (guard.go). The earlier versions of
// records are admin/history's.
package audit

import (
	"github.com/daison/portal/admin/staff"
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records"

	"errors"
	"fmt"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Bind binds the audit's hooks to app: the workflow stamps of API writes,
// the log entry of every record saved, of sign-ins and of IT's changes to
// settings, collections and backups, and the refusals that keep the log
// append-only. Call it after staff.InSession is bound and before the
// portal's other record request hooks of equal priority, as
// admin.Register does.
func Bind(app core.App) {
	app.OnRecordCreateRequest().Bind(keepStamps)
	app.OnRecordUpdateRequest().Bind(keepStamps)
	app.OnRecordCreateRequest(records.Collections()...).BindFunc(stampCreate)
	app.OnRecordUpdateRequest(records.Collections()...).BindFunc(stampUpdate)
	app.OnRecordCreate().Bind(auditCreated)
	app.OnRecordUpdate().Bind(auditUpdated)
	app.OnRecordDelete().Bind(auditDeleted)
	app.OnRecordAuthWithPasswordRequest(schema.Staff, core.CollectionNameSuperusers).BindFunc(auditLogin)
	app.OnRecordAuthWithOTPRequest(schema.Staff, core.CollectionNameSuperusers).BindFunc(auditOTPLogin)
	app.OnRecordAuthRequest().BindFunc(auditImpersonation)

	// The audit log is append-only, for IT too (guard.go).
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
	// The superusers' API routes without a hook of their own (raw SQL,
	// backups, emptying a collection).
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: "portalAuditGuard",
		Func: func(e *core.ServeEvent) error {
			e.Router.BindFunc(guardSuperuserAPI)
			return e.Next()
		},
	})
}

// stampFields are the stamps the server keeps on records: who changed a
// record, moved its state, answered a citizen or submitted a report, and
// when. A request never sets them: keepStamps puts back what is stored (or
// nothing, on create) before the hooks that stamp run.
var stampFields = func() map[string][]string {
	m := map[string][]string{
		schema.Feedback:    {"answeredBy", "answeredAt", "consentVersion", "consentAt", "retainMonths", "contactsErasedAt", "contactsErasedBy"},
		schema.UnitReports: {"submittedAt", "updatedBy"},
		commune.Collection: {"demo", "demoIds"},
	}
	for _, c := range records.Collections() {
		m[c] = []string{"updatedBy", "statusBy", "statusAt"}
	}
	// The guide library's bookkeeping (internal/guidelib).
	m[schema.Guides] = append(m[schema.Guides], "libraryId", "libraryVersion", "libraryHash", "libraryProposal")
	return m
}()

// keepStamps runs on the API's creates and updates of every collection,
// after the session starts and before the portal's other request hooks.
var keepStamps = &hook.Handler[*core.RecordRequestEvent]{
	Id:       "portalKeepStamps",
	Priority: -90,
	Func: func(e *core.RecordRequestEvent) error {
		fields := stampFields[e.Collection.Name]
		if len(fields) == 0 {
			return e.Next()
		}
		var before *core.Record
		if !e.Record.IsNew() {
			before, _ = e.App.FindRecordById(e.Collection, e.Record.Id)
		}
		for _, f := range fields {
			if before != nil {
				e.Record.Set(f, before.Get(f))
			} else {
				e.Record.Set(f, nil)
			}
		}
		return e.Next()
	},
}

// stampCreate and stampUpdate run on the API's creates and updates of the
// public collections: they stamp who last changed a record, and who last
// moved its state and when. The audit log entry and the history are
// written when the record is saved (records.go, admin/history).
func stampCreate(e *core.RecordRequestEvent) error {
	stampWorkflow(e.RequestEvent, e.Record, nil)
	return e.Next()
}

func stampUpdate(e *core.RecordRequestEvent) error {
	before, err := e.App.FindRecordById(e.Collection, e.Record.Id)
	if err != nil {
		return e.Next() // nothing stored to compare with; PocketBase answers
	}
	stampWorkflow(e.RequestEvent, e.Record, before)
	return e.Next()
}

// stampWorkflow sets updatedBy, and statusBy/statusAt when the state
// changes (or on create), from the request's actor.
func stampWorkflow(e *core.RequestEvent, r *core.Record, before *core.Record) {
	label, _, _ := staff.ActorOf(e)
	r.Set("updatedBy", label)
	if before == nil || before.GetString("status") != r.GetString("status") {
		r.Set("statusBy", label)
		r.Set("statusAt", types.NowDateTime())
	}
}

// auditLogin records staff and superuser logins, successful or not.
func auditLogin(e *core.RecordAuthWithPasswordRequestEvent) error {
	err := e.Next()
	logLogin(e.RequestEvent, e.Collection, e.Record, e.Identity, err)
	return err
}

// auditOTPLogin logs the second step of a superuser's sign-in: the one-time
// code mailed after the password.
func auditOTPLogin(e *core.RecordAuthWithOTPRequestEvent) error {
	err := e.Next()
	identity := ""
	if e.Record != nil {
		identity = e.Record.Email()
	}
	logLogin(e.RequestEvent, e.Collection, e.Record, identity, err)
	return err
}

// logLogin writes a login attempt to the audit log: "login" when it
// succeeded, "login_mfa" when the password was right and a one-time code
// must follow (apis.ErrMFA), "login_failed" otherwise.
func logLogin(e *core.RequestEvent, c *core.Collection, rec *core.Record, identity string, err error) {
	action := "login"
	switch {
	case errors.Is(err, apis.ErrMFA):
		action = "login_mfa"
	case err != nil:
		action = "login_failed"
	}
	label := identity
	if rec != nil {
		label = staff.PersonLabel(rec)
	}
	entry := &auditEntry{
		Actor: label, ActorKind: c.Name, Action: action,
		Collection: c.Name, Changes: map[string]any{"identity": identity}, IP: e.RealIP(),
	}
	if rec != nil {
		entry.ActorID, entry.RecordID = rec.Id, rec.Id
	}
	entry.logEntry(e.App)
}

// auditEntry is one line of the audit log.
type auditEntry struct {
	Actor, ActorID, ActorKind string
	Collection, RecordID      string
	Title, Action, IP         string
	Changes                   any
}

// save appends the entry to the log. Before the log's collection exists
// (the first migrations) there is nothing to write to.
func (a *auditEntry) save(app core.App) error {
	c, err := app.FindCachedCollectionByNameOrId(schema.AuditLog)
	if err != nil {
		return nil
	}
	r := core.NewRecord(c)
	r.Set("actor", check.ClipRunes(a.Actor, 300))
	r.Set("actorId", a.ActorID)
	r.Set("actorKind", a.ActorKind)
	r.Set("collectionRef", a.Collection)
	r.Set("recordRef", a.RecordID)
	r.Set("recordTitle", check.ClipRunes(a.Title, 300))
	r.Set("action", a.Action)
	r.Set("ip", a.IP)
	if a.Changes != nil {
		r.Set("changes", a.Changes)
	}
	if err := app.Save(r); err != nil {
		return fmt.Errorf("ghi nhật ký %s %s/%s: %w", a.Action, a.Collection, a.RecordID, err)
	}
	return nil
}

// logEntry appends an entry and, when it cannot, says so in the server's
// log: for what is logged beside a change (logins, refusals), not as part
// of it.
func (a *auditEntry) logEntry(app core.App) {
	if err := a.save(app); err != nil {
		app.Logger().Error("không ghi được nhật ký", "error", err)
	}
}

// writeEntry logs an action of who on record r.
func writeEntry(app core.App, who *staff.Actor, action string, r *core.Record, changes any) error {
	return (&auditEntry{
		Actor: who.Label, ActorID: who.ID, ActorKind: who.Kind, IP: who.IP,
		Collection: r.Collection().Name, RecordID: r.Id, Title: check.RecordTitle(r),
		Action: action, Changes: changes,
	}).save(app)
}
