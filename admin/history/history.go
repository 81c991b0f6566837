// Package history keeps the earlier versions of the public records: each
// update or delete that changes a record saves the version before it in
// the revisions collection, credited to who made the change, in the same
// transaction. Who may read a version is the collection's rule (the
// record's readers, migrations); the back office restores one by sending
// it back with staff.RestoreHeader, which the audit log marks "restore".
package history

import (
	"github.com/daison/portal/records"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/daison/portal/admin/staff"
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"
)

// priority runs the history's hooks just inside the audit log's
// (audit.Priority, -50): the version is saved before the log's entry, both
// after the portal's other hooks have changed the record.
const priority = -49

// Bind binds the hooks that keep the versions to app.
func Bind(app core.App) {
	app.OnRecordUpdate(records.Collections()...).Bind(&hook.Handler[*core.RecordEvent]{
		Id: "portalHistoryUpdate", Priority: priority, Func: keepUpdated,
	})
	app.OnRecordDelete(records.Collections()...).Bind(&hook.Handler[*core.RecordEvent]{
		Id: "portalHistoryDelete", Priority: priority, Func: keepDeleted,
	})
}

// keepUpdated saves the version before an update that changed a field
// (not only the stamps).
func keepUpdated(e *core.RecordEvent) error {
	r := e.Record
	before, err := e.App.FindRecordById(r.Collection(), r.Id)
	if err != nil {
		before = r.Original()
	}
	if err := e.Next(); err != nil {
		return err
	}
	if len(check.ChangedFields(before, r)) == 0 {
		return nil
	}
	return save(e.App, staff.ActorIn(e.App), before)
}

// keepDeleted saves the last version of a deleted record.
func keepDeleted(e *core.RecordEvent) error {
	before := e.Record.Fresh()
	if err := e.Next(); err != nil {
		return err
	}
	return save(e.App, staff.ActorIn(e.App), before)
}

// save keeps version in the history, credited to who.
func save(app core.App, who *staff.Actor, version *core.Record) error {
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
	r.Set("actor", check.ClipRunes(who.Label, 300))
	if u := version.GetString("unit"); u != "" && version.Collection().Fields.GetByName("unit") != nil {
		r.Set("unit", u)
	}
	return app.Save(r)
}
