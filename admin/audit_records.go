package admin

import (
	"sort"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/daison/portal/admin/check"
	"github.com/daison/portal/admin/staff"
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
// history.
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

// auditPriority puts the audit hooks around the portal's other record hooks,
// so that what those change is logged too.
const auditPriority = -50

var (
	auditCreated = &hook.Handler[*core.RecordEvent]{Id: "portalAuditCreate", Priority: auditPriority, Func: auditRecordCreate}
	auditUpdated = &hook.Handler[*core.RecordEvent]{Id: "portalAuditUpdate", Priority: auditPriority, Func: auditRecordUpdate}
	auditDeleted = &hook.Handler[*core.RecordEvent]{Id: "portalAuditDelete", Priority: auditPriority, Func: auditRecordDelete}
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
	changed := changedFields(before, r)
	if len(changed) == 0 {
		return nil
	}
	who := staff.ActorIn(e.App)
	if schema.IsPublic(r.Collection().Name) {
		if err := saveRevision(e.App, who, before); err != nil {
			return err
		}
	}
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
	if schema.IsPublic(before.Collection().Name) {
		if err := saveRevision(e.App, who, before); err != nil {
			return err
		}
	}
	var changes any
	if v := choiceValues(nil, before); len(v) > 0 {
		changes = map[string]any{"values": v}
	}
	return writeEntry(e.App, who, "delete", before, changes)
}

// saveRevision keeps a version of a record in the history.
func saveRevision(app core.App, who *staff.Actor, version *core.Record) error {
	c, err := app.FindCachedCollectionByNameOrId(schema.Revisions)
	if err != nil {
		return nil // before the history's migration
	}
	data := map[string]any{}
	for _, f := range version.Collection().Fields {
		if f.Type() == core.FieldTypePassword {
			continue
		}
		data[f.GetName()] = version.Get(f.GetName())
	}
	r := core.NewRecord(c)
	r.Set("collectionRef", version.Collection().Name)
	r.Set("recordRef", version.Id)
	r.Set("data", data)
	r.Set("actor", truncateRunes(who.Label, 300))
	if u := version.GetString("unit"); u != "" && version.Collection().Fields.GetByName("unit") != nil {
		r.Set("unit", u)
	}
	return app.Save(r)
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
		if !check.SameValue(before.Get(name), after.Get(name)) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// setFields lists the fields a new record was given, in name order.
func setFields(r *core.Record) []string {
	var out []string
	for _, f := range r.Collection().Fields {
		if !isSystemField(f.GetName()) && !check.IsEmpty(r.Get(f.GetName())) {
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
		if f.GetHidden() || isSystemField(name) {
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

// isSystemField tells the fields the log leaves out: the record's id and
// times, the stamps, and an account's token key (changed with its
// password, which is logged by name).
func isSystemField(name string) bool {
	switch name {
	case "id", "created", "updated", "updatedBy", "statusBy", "statusAt", core.FieldNameTokenKey:
		return true
	}
	return false
}

// recordTitle names a record for people reading the log and messages: its
// title, name or reference code, never a field hidden from the API (a
// citizen's name).
func recordTitle(r *core.Record) string {
	for _, name := range []string{"title", "name", "nomineeName", "refCode", "slug", core.FieldNameEmail} {
		if f := r.Collection().Fields.GetByName(name); f == nil || f.GetHidden() {
			continue
		}
		if s := r.GetString(name); s != "" {
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
