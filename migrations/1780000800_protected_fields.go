package migrations

import (
	"fmt"
	"slices"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// Protected fields, history by record and a complete audit log.
//
// Fields some callers may not see are Hidden in the schema: PocketBase then
// refuses every filter and sort on them, directly or through a relation,
// a back-relation or @collection, to everyone but superusers, and leaves
// them out of every answer. The portal's enrich hooks show them again to
// those who may see them (admin/visibility.go): citizens' contacts to
// reviewers, the workflow stamps and old addresses to staff.
//
// The history (revisions) is readable by exactly those who may read the
// record it keeps: reviewers all of it; editors that of the public
// collections; a unit's reporter that of the initiatives, nominations and
// yearly reports of their unit as they are now (a record moved to another
// unit takes its history with it).
//
// The audit log learns two actions: "impersonate" (IT signed in as a staff
// member) and "refused" (a change to the log the server refused).
var (
	// protectedFields are hidden in the schema, by collection.
	protectedFields = map[string][]string{
		schema.Units:       {"updatedBy", "statusBy", "statusAt"},
		schema.Honorees:    {"updatedBy", "statusBy", "statusAt", "oldSlugs"},
		schema.Articles:    {"updatedBy", "statusBy", "statusAt", "oldSlugs"},
		schema.Initiatives: {"updatedBy", "statusBy", "statusAt", "oldSlugs"},
		schema.Awards:      {"updatedBy", "statusBy", "statusAt"},
		schema.Guides:      {"updatedBy", "statusBy", "statusAt", "oldSlugs"},
		schema.Indicators:  {"updatedBy", "statusBy", "statusAt"},
		schema.Feedback:    {"name", "phone", "email"},
	}

	// the history rule of migration 1780000200
	oldRevisionsRule = isEditorOrReviewer + ` || (` + isReporter + ` && unit != "" && unit = @request.auth.unit)`

	newAuditActions = []string{"impersonate", "refused"}
)

// revisionsRule gives each role the history of the records it may read.
func revisionsRule() string {
	public := ""
	for _, name := range []string{schema.Units, schema.Honorees, schema.Articles, schema.Initiatives, schema.Awards, schema.Guides, schema.Indicators} {
		if public != "" {
			public += " || "
		}
		public += `collectionRef = "` + name + `"`
	}
	// the version's record, as it is now, belongs to the reporter's unit
	ownUnit := func(collection string) string {
		at := `@collection.` + collection + `:` + collection // one alias per collection: aliases name the joins
		return `(collectionRef = "` + collection + `" && ` + at + `.id ?= recordRef && ` + at + `.unit ?= @request.auth.unit)`
	}
	return isReviewer +
		` || (` + isEditor + ` && (` + public + `))` +
		` || (` + isReporter + ` && @request.auth.unit != "" && (` +
		ownUnit(schema.Initiatives) + ` || ` + ownUnit(schema.Nominations) + ` || ` + ownUnit(schema.UnitReports) + `))`
}

func init() {
	m.Register(func(app core.App) error {
		if err := setProtected(app, true); err != nil {
			return err
		}
		if err := setRevisionsRule(app, revisionsRule()); err != nil {
			return err
		}
		return setAuditActions(app, vocab.AuditActions.Keys())
	}, func(app core.App) error {
		if err := setProtected(app, false); err != nil {
			return err
		}
		if err := setRevisionsRule(app, oldRevisionsRule); err != nil {
			return err
		}
		keys := slices.DeleteFunc(vocab.AuditActions.Keys(), func(k string) bool { return slices.Contains(newAuditActions, k) })
		return setAuditActions(app, keys)
	})
}

func setProtected(app core.App, hidden bool) error {
	for name, fields := range protectedFields {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			return fmt.Errorf("find %s: %w", name, err)
		}
		for _, f := range fields {
			field := c.Fields.GetByName(f)
			if field == nil {
				return fmt.Errorf("%s has no field %s", name, f)
			}
			field.SetHidden(hidden)
		}
		if err := app.Save(c); err != nil {
			return fmt.Errorf("protect the fields of %s: %w", name, err)
		}
	}
	return nil
}

func setRevisionsRule(app core.App, rule string) error {
	c, err := app.FindCollectionByNameOrId(schema.Revisions)
	if err != nil {
		return fmt.Errorf("find revisions: %w", err)
	}
	c.ListRule = types.Pointer(rule)
	c.ViewRule = types.Pointer(rule)
	if err := app.Save(c); err != nil {
		return fmt.Errorf("history rule: %w", err)
	}
	return nil
}

func setAuditActions(app core.App, keys []string) error {
	audit, err := app.FindCollectionByNameOrId(schema.AuditLog)
	if err != nil {
		return fmt.Errorf("find auditLog: %w", err)
	}
	action, ok := audit.Fields.GetByName("action").(*core.SelectField)
	if !ok {
		return fmt.Errorf("audit log: field action is not a select")
	}
	action.Values = keys
	if err := app.Save(audit); err != nil {
		return fmt.Errorf("audit actions: %w", err)
	}
	return nil
}
