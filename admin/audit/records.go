package audit

import (
	"sort"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/daison/portal/admin/staff"
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// Every create, update and delete of a record of any collection is logged
// when it is saved, in the same transaction when there is one: by whom (the
// request's actor, or the portal itself for Go code and commands), which
// fields, and for fields of choices and links their values before and
// after. Text is never copied into the log: a citizen's words and contacts
// stay in their record and go with it when it is deleted. Updates and
// deletes of the public collections keep the previous version in the
// history (admin/history, whose hooks run inside these).
//
// Not logged one by one: the log itself; the creation of history versions
// (written as part of a logged change); PocketBase's sign-in bookkeeping
// (sign-ins are logged as such); and citizens' submissions through the
// portal's forms, which are their own record (reference code, time).
var notAudited = map[string]bool{
	schema.AuditLog:                true,
	core.CollectionNameMFAs:        true,
	core.CollectionNameOTPs:        true,
	core.CollectionNameAuthOrigins: true,
}

// Priority puts the audit hooks around the portal's other record hooks,
// so that what those change is logged too.
const Priority = -50

var (
	auditCreated = &hook.Handler[*core.RecordEvent]{Id: "portalAuditCreate", Priority: Priority, Func: auditRecordCreate}
	auditUpdated = &hook.Handler[*core.RecordEvent]{Id: "portalAuditUpdate", Priority: Priority, Func: auditRecordUpdate}
	auditDeleted = &hook.Handler[*core.RecordEvent]{Id: "portalAuditDelete", Priority: Priority, Func: auditRecordDelete}
)

func auditRecordCreate(e *core.RecordEvent) error {
	if err := e.Next(); err != nil {
		return err
	}
	name := e.Record.Collection().Name
	who := staff.ActorIn(e.App)
	if notAudited[name] || name == schema.Revisions || (name == schema.Feedback && who == staff.System) {
		return nil
	}
	changes := map[string]any{"fields": setFields(e.Record)}
	if v := choiceValues(nil, e.Record); len(v) > 0 {
		changes["values"] = v
	}
	return writeEntry(e.App, who, "create", e.Record, changes)
}

func auditRecordUpdate(e *core.RecordEvent) error {
	r := e.Record
	if notAudited[r.Collection().Name] {
		return e.Next()
	}
	before, err := e.App.FindRecordById(r.Collection(), r.Id)
	if err != nil {
		before = r.Original()
	}
	if err := e.Next(); err != nil {
		return err
	}
	changed := check.ChangedFields(before, r)
	if len(changed) == 0 {
		return nil
	}
	who := staff.ActorIn(e.App)
	action, changes := "update", map[string]any{"fields": changed}
	if v := choiceValues(before, r); len(v) > 0 {
		changes["values"] = v
	}
	if who.RestoreOf != "" && who.Target == r.Id {
		action, changes["revision"] = "restore", who.RestoreOf
	}
	if err := writeEntry(e.App, who, action, r, changes); err != nil {
		return err
	}
	if from, to := before.GetString("status"), r.GetString("status"); from != to && r.Collection().Fields.GetByName("status") != nil {
		return writeEntry(e.App, who, "status", r, map[string]any{
			"from": from, "to": to,
			"text": vocab.Status.Label(from) + " → " + vocab.Status.Label(to),
		})
	}
	return nil
}

func auditRecordDelete(e *core.RecordEvent) error {
	if notAudited[e.Record.Collection().Name] {
		return e.Next()
	}
	before := e.Record.Fresh()
	if err := e.Next(); err != nil {
		return err
	}
	who := staff.ActorIn(e.App)
	var changes any
	if v := choiceValues(nil, before); len(v) > 0 {
		changes = map[string]any{"values": v}
	}
	return writeEntry(e.App, who, "delete", before, changes)
}

// setFields lists the fields a new record was given, in name order.
func setFields(r *core.Record) []string {
	var out []string
	for _, f := range r.Collection().Fields {
		if !check.IsSystemField(f.GetName()) && !check.IsEmpty(r.Get(f.GetName())) {
			out = append(out, f.GetName())
		}
	}
	sort.Strings(out)
	return out
}

// choiceValues gives the values of a record's visible choice, link, number
// and yes/no fields (a role, a state, a unit…): before and after those that
// changed, or, without before, those set. Nothing a person typed.
func choiceValues(before, after *core.Record) map[string]any {
	out := map[string]any{}
	for _, f := range after.Collection().Fields {
		name := f.GetName()
		switch f.Type() {
		case core.FieldTypeSelect, core.FieldTypeRelation, core.FieldTypeNumber, core.FieldTypeBool:
		default:
			continue
		}
		if f.GetHidden() || check.IsSystemField(name) {
			continue
		}
		v := after.Get(name)
		switch {
		case before == nil && !check.IsEmpty(v):
			out[name] = v
		case before != nil && !check.SameValue(before.Get(name), v):
			out[name] = map[string]any{"from": before.Get(name), "to": v}
		}
	}
	return out
}
