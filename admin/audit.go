package admin

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/vocab"
)

// Staff-side collections (issue 5).
const (
	Staff     = "staff"
	AuditLog  = "auditLog"
	Revisions = "revisions"
)

// RestoreHeader, sent with the update that restores a version from the
// history, carries the version's id: the audit log then says "restore".
const RestoreHeader = "X-Portal-Restore-Of"

// workflowFields are stamped by the portal on every public record: who last
// changed it, and who last moved its state and when. They are for staff,
// and hidden from anonymous readers of the API.
var workflowFields = []string{"updatedBy", "statusBy", "statusAt"}

// actorOf names who makes a request: a staff member, an IT superuser, or
// "hệ thống" for the portal itself.
func actorOf(e *core.RequestEvent) (label, id, kind string) {
	if e == nil || e.Auth == nil {
		return "Hệ thống", "", "system"
	}
	a := e.Auth
	kind = a.Collection().Name
	return personLabel(a), a.Id, kind
}

// personLabel names a staff member or superuser for the log and the stamps:
// "Nguyễn Văn A (a@daison.gov.vn, Biên tập viên …)".
func personLabel(a *core.Record) string {
	if a.IsSuperuser() {
		return "Quản trị hệ thống (" + a.Email() + ")"
	}
	label := a.GetString("name") + " (" + a.Email()
	if role := a.GetString("role"); role != "" {
		label += ", " + vocab.StaffRoles.Label(role)
	}
	return label + ")"
}

// stampWorkflow sets updatedBy, and statusBy/statusAt when the state
// changes (or on create), from the request's actor.
func stampWorkflow(e *core.RequestEvent, r *core.Record, before *core.Record) {
	label, _, _ := actorOf(e)
	r.Set("updatedBy", label)
	if before == nil || before.GetString("status") != r.GetString("status") {
		r.Set("statusBy", label)
		r.Set("statusAt", types.NowDateTime())
	}
}

// auditCreate, auditUpdate and auditDelete wrap the API's record requests
// of the public collections: they stamp the workflow fields, and after the
// change is committed write the audit log entry and, for an update or a
// delete, the previous version into the history.
func auditCreate(e *core.RecordRequestEvent) error {
	stampWorkflow(e.RequestEvent, e.Record, nil)
	if err := e.Next(); err != nil {
		return err
	}
	fields := map[string]any{}
	for _, f := range e.Record.Collection().Fields {
		if !f.GetHidden() && !isSystemField(f.GetName()) {
			if v := e.Record.Get(f.GetName()); !isEmpty(v) {
				fields[f.GetName()] = v
			}
		}
	}
	writeAudit(e.App, e.RequestEvent, "create", e.Record, fields)
	return nil
}

func auditUpdate(e *core.RecordRequestEvent) error {
	before, err := e.App.FindRecordById(e.Collection, e.Record.Id)
	if err != nil {
		return e.Next() // nothing stored to compare with; PocketBase answers
	}
	stampWorkflow(e.RequestEvent, e.Record, before)
	if err := e.Next(); err != nil {
		return err
	}
	changed := changedFields(before, e.Record)
	if len(changed) == 0 {
		return nil
	}
	saveRevision(e.App, e.RequestEvent, before)
	action, changes := "update", map[string]any{"fields": changed}
	// The back office marks a restore from the history with the version's id.
	if rev := e.Request.Header.Get(RestoreHeader); rev != "" {
		action, changes["revision"] = "restore", rev
	}
	writeAudit(e.App, e.RequestEvent, action, e.Record, changes)
	if from, to := before.GetString("status"), e.Record.GetString("status"); from != to {
		writeAudit(e.App, e.RequestEvent, "status", e.Record, map[string]any{
			"from": from, "to": to,
			"text": vocab.Status.Label(from) + " → " + vocab.Status.Label(to),
		})
	}
	return nil
}

func auditDelete(e *core.RecordRequestEvent) error {
	before := e.Record.Fresh()
	if err := e.Next(); err != nil {
		return err
	}
	saveRevision(e.App, e.RequestEvent, before)
	writeAudit(e.App, e.RequestEvent, "delete", before, nil)
	return nil
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
		label = personLabel(rec)
	}
	entry := &auditEntry{
		Actor: label, ActorKind: c.Name, Action: action,
		Collection: c.Name, Changes: map[string]any{"identity": identity}, IP: e.RealIP(),
	}
	if rec != nil {
		entry.ActorID, entry.RecordID = rec.Id, rec.Id
	}
	entry.save(e.App)
}

type auditEntry struct {
	Actor, ActorID, ActorKind string
	Collection, RecordID      string
	Title, Action, IP         string
	Changes                   any
}

func (a *auditEntry) save(app core.App) {
	c, err := app.FindCachedCollectionByNameOrId(AuditLog)
	if err != nil {
		app.Logger().Error("audit log collection missing", "error", err)
		return
	}
	r := core.NewRecord(c)
	r.Set("actor", a.Actor)
	r.Set("actorId", a.ActorID)
	r.Set("actorKind", a.ActorKind)
	r.Set("collectionRef", a.Collection)
	r.Set("recordRef", a.RecordID)
	r.Set("recordTitle", truncateRunes(a.Title, 300))
	r.Set("action", a.Action)
	r.Set("ip", a.IP)
	if a.Changes != nil {
		r.Set("changes", a.Changes)
	}
	if err := app.Save(r); err != nil {
		app.Logger().Error("không ghi được nhật ký", "action", a.Action, "record", a.RecordID, "error", err)
	}
}

func writeAudit(app core.App, e *core.RequestEvent, action string, r *core.Record, changes any) {
	label, id, kind := actorOf(e)
	ip := ""
	if e != nil {
		ip = e.RealIP()
	}
	(&auditEntry{
		Actor: label, ActorID: id, ActorKind: kind,
		Collection: r.Collection().Name, RecordID: r.Id, Title: recordTitle(r),
		Action: action, IP: ip, Changes: changes,
	}).save(app)
}

// saveRevision keeps a version of a record in the history.
func saveRevision(app core.App, e *core.RequestEvent, version *core.Record) {
	c, err := app.FindCachedCollectionByNameOrId(Revisions)
	if err != nil {
		app.Logger().Error("revisions collection missing", "error", err)
		return
	}
	data := map[string]any{}
	for _, f := range version.Collection().Fields {
		if f.Type() == core.FieldTypePassword {
			continue
		}
		data[f.GetName()] = version.Get(f.GetName())
	}
	label, _, _ := actorOf(e)
	r := core.NewRecord(c)
	r.Set("collectionRef", version.Collection().Name)
	r.Set("recordRef", version.Id)
	r.Set("data", data)
	r.Set("actor", label)
	if u := version.GetString("unit"); u != "" && version.Collection().Fields.GetByName("unit") != nil {
		r.Set("unit", u)
	}
	if err := app.Save(r); err != nil {
		app.Logger().Error("không lưu được phiên bản trước", "record", version.Id, "error", err)
	}
}

// changedFields lists the fields whose value differs, in name order,
// leaving out what the portal stamps itself.
func changedFields(before, after *core.Record) []string {
	var out []string
	for _, f := range after.Collection().Fields {
		name := f.GetName()
		if isSystemField(name) {
			continue
		}
		if !sameValue(before.Get(name), after.Get(name)) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

func isSystemField(name string) bool {
	switch name {
	case "id", "created", "updated", "updatedBy", "statusBy", "statusAt":
		return true
	}
	return false
}

func sameValue(a, b any) bool {
	if reflect.DeepEqual(a, b) {
		return true
	}
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && string(ja) == string(jb)
}

func isEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case bool:
		return !x
	case []string:
		return len(x) == 0
	case types.DateTime:
		return x.IsZero()
	case types.JSONRaw:
		return len(x) == 0 || string(x) == "null"
	}
	return false
}

// recordTitle is a record's title or name, for people reading the log.
func recordTitle(r *core.Record) string {
	for _, f := range []string{"title", "name", "slug"} {
		if s := r.GetString(f); s != "" {
			return s
		}
	}
	return r.Id
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

// appendOnly refuses any change to an audit log entry once written, even by
// a superuser or Go code.
func appendOnly(e *core.RecordEvent) error {
	return fmt.Errorf("nhật ký hoạt động chỉ được ghi thêm, không được sửa hay xóa")
}

// hideWorkflow hides the staff-side fields of public records from readers
// who are not staff or IT.
func hideWorkflow(e *core.RecordEnrichEvent) error {
	if auth := e.RequestInfo.Auth; auth == nil || (!auth.IsSuperuser() && auth.Collection().Name != Staff) {
		e.Record.Hide(workflowFields...)
		e.Record.Hide("oldSlugs")
	}
	return e.Next()
}
