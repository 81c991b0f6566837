package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// Staff, roles, audit log and history. Access control lives in
// these API rules alone: the back office, the REST API and any other client
// obey the same rules. Superusers (IT) pass every rule, as in PocketBase.
//
// In update rules a field that was not sent is NULL in @request.body, and
// comparisons with NULL are false: every condition on @request.body.x is
// written "(@request.body.x:isset = false || …)".
//
// A unit's reporter works for one unit: an account with no unit (never given
// one, or whose unit was deleted) is no reporter at all, so that "unit =
// @request.auth.unit" never matches by both being empty
// (1780000900_reporter_unit.go brings older databases' rules up to this).
const (
	staffAuth          = `@request.auth.collectionName = "` + schema.Staff + `"`
	isEditor           = `(` + staffAuth + ` && @request.auth.role = "editor")`
	isReviewer         = `(` + staffAuth + ` && @request.auth.role = "reviewer")`
	isReporter         = `(` + staffAuth + ` && @request.auth.role = "unitReporter" && @request.auth.unit != "")`
	isEditorOrReviewer = `(` + staffAuth + ` && (@request.auth.role = "editor" || @request.auth.role = "reviewer"))`

	// a status sent in the body, if any, that an editor may set on an
	// initiative (not published, not archived)
	bodyStatusNotFinal = `(@request.body.status:isset = false || (@request.body.status != "published" && @request.body.status != "archived"))`
	bodyStatusProposal = `(@request.body.status:isset = false || @request.body.status = "draft" || @request.body.status = "review")`
)

func init() {
	m.Register(func(app core.App) error {
		units, err := app.FindCollectionByNameOrId(schema.Units)
		if err != nil {
			return err
		}

		// Staff accounts: managed by IT (superusers); each member reads
		// their own account, reviewers read all, and one may change one's
		// own name and password but not one's role, unit or email.
		staff := core.NewAuthCollection(schema.Staff)
		self := `id = @request.auth.id`
		staff.ListRule = types.Pointer(self + ` || ` + isReviewer)
		staff.ViewRule = types.Pointer(self + ` || ` + isReviewer)
		staff.UpdateRule = types.Pointer(self + ` && @request.body.role:isset = false && @request.body.unit:isset = false && @request.body.email:isset = false && @request.body.verified:isset = false`)
		staff.AuthToken.Duration = 12 * 60 * 60 // a working day; log in again tomorrow
		staff.Fields.Add(
			&core.TextField{Name: "name", Required: true, Max: 200, Presentable: true},
			&core.SelectField{Name: "role", Required: true, Values: vocab.StaffRoles.Keys(), MaxSelect: 1},
			&core.RelationField{Name: "unit", CollectionId: units.Id, MaxSelect: 1},
			&core.AutodateField{Name: "created", OnCreate: true},
			&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
		)
		if pw, ok := staff.Fields.GetByName("password").(*core.PasswordField); ok {
			pw.Min = 10
		}
		if err := app.Save(staff); err != nil {
			return fmt.Errorf("create staff: %w", err)
		}

		// Audit log: written by the portal's hooks only, never changed or
		// deleted (the hooks refuse it even to superusers); read by
		// reviewers and IT.
		audit := core.NewBaseCollection(schema.AuditLog)
		audit.ListRule = types.Pointer(isReviewer)
		audit.ViewRule = types.Pointer(isReviewer)
		audit.Fields.Add(
			&core.TextField{Name: "actor", Max: 300},    // "Nguyễn Văn A <a@x> (editor)"
			&core.TextField{Name: "actorId", Max: 50},   // record id of the staff member or superuser
			&core.TextField{Name: "actorKind", Max: 50}, // "staff", "_superusers", "system"
			&core.TextField{Name: "collectionRef", Max: 100},
			&core.TextField{Name: "recordRef", Max: 50},
			&core.TextField{Name: "recordTitle", Max: 300},
			&core.SelectField{Name: "action", Required: true, Values: vocab.AuditActions.Keys(), MaxSelect: 1},
			&core.JSONField{Name: "changes", MaxSize: 200000},
			&core.TextField{Name: "ip", Max: 100},
			&core.AutodateField{Name: "created", OnCreate: true},
		)
		audit.AddIndex("idx_auditLog_created", false, "created", "")
		audit.AddIndex("idx_auditLog_record", false, "collectionRef, recordRef", "")
		if err := app.Save(audit); err != nil {
			return fmt.Errorf("create auditLog: %w", err)
		}

		// History: the previous version of a record at each save, for
		// comparing and restoring. Readable by editors and reviewers, and by
		// a unit's reporter for their unit's records.
		revisions := core.NewBaseCollection(schema.Revisions)
		revRead := isEditorOrReviewer + ` || (` + isReporter + ` && unit != "" && unit = @request.auth.unit)`
		revisions.ListRule = types.Pointer(revRead)
		revisions.ViewRule = types.Pointer(revRead)
		revisions.Fields.Add(
			&core.TextField{Name: "collectionRef", Required: true, Max: 100},
			&core.TextField{Name: "recordRef", Required: true, Max: 50},
			&core.JSONField{Name: "data", MaxSize: 2 << 20},
			&core.TextField{Name: "actor", Max: 300},
			&core.RelationField{Name: "unit", CollectionId: units.Id, MaxSelect: 1},
			&core.AutodateField{Name: "created", OnCreate: true},
		)
		revisions.AddIndex("idx_revisions_record", false, "collectionRef, recordRef, created", "")
		if err := app.Save(revisions); err != nil {
			return fmt.Errorf("create revisions: %w", err)
		}

		// Who moved a record's state and when, on every public record.
		for _, name := range []string{schema.Units, schema.Articles, schema.Initiatives, schema.Honorees, schema.Awards, schema.Guides, schema.Indicators} {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				return err
			}
			c.Fields.Add(
				&core.TextField{Name: "updatedBy", Max: 300},
				&core.TextField{Name: "statusBy", Max: 300},
				&core.DateField{Name: "statusAt"},
			)
			setRoleRules(c)
			if err := app.Save(c); err != nil {
				return fmt.Errorf("roles for %s: %w", name, err)
			}
		}
		return nil
	}, func(app core.App) error {
		for _, name := range []string{schema.Revisions, schema.AuditLog, schema.Staff} {
			if c, err := app.FindCollectionByNameOrId(name); err == nil {
				if err := app.Delete(c); err != nil {
					return err
				}
			}
		}
		for _, name := range []string{schema.Units, schema.Articles, schema.Initiatives, schema.Honorees, schema.Awards, schema.Guides, schema.Indicators} {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				continue
			}
			for _, f := range []string{"updatedBy", "statusBy", "statusAt"} {
				c.Fields.RemoveByName(f)
			}
			c.CreateRule, c.UpdateRule, c.DeleteRule = nil, nil, nil
			if err := app.Save(c); err != nil {
				return err
			}
		}
		return nil
	})
}

// setRoleRules gives a public collection the rules of the role table:
//
//	editor   articles, guides, initiatives: create, edit; publish and
//	         schedule articles and guides; initiatives only up to review
//	reviewer all an editor may; publish initiatives; units, honorees,
//	         awards, indicators
//	unitReporter  initiatives of their own unit, as drafts or for review
func setRoleRules(c *core.Collection) {
	read := *c.ListRule // the public read rule
	switch c.Name {
	case schema.Articles, schema.Guides:
		c.ListRule = types.Pointer(read + ` || ` + isEditorOrReviewer)
		c.ViewRule = c.ListRule
		c.CreateRule = types.Pointer(isEditorOrReviewer)
		c.UpdateRule = types.Pointer(isEditorOrReviewer)
		c.DeleteRule = types.Pointer(isReviewer + ` || (` + isEditor + ` && status = "draft")`)
	case schema.Initiatives:
		own := isReporter + ` && unit != "" && unit = @request.auth.unit`
		c.ListRule = types.Pointer(read + ` || ` + isEditorOrReviewer + ` || (` + own + `)`)
		c.ViewRule = c.ListRule
		c.CreateRule = types.Pointer(isReviewer +
			` || (` + isEditor + ` && ` + bodyStatusNotFinal + `)` +
			` || (` + isReporter + ` && @request.body.unit = @request.auth.unit && ` + bodyStatusProposal + `)`)
		c.UpdateRule = types.Pointer(isReviewer +
			` || (` + isEditor + ` && status != "published" && status != "archived" && ` + bodyStatusNotFinal + `)` +
			` || (` + own + ` && (status = "draft" || status = "review") && ` + bodyStatusProposal +
			` && (@request.body.unit:isset = false || @request.body.unit = @request.auth.unit))`)
		c.DeleteRule = types.Pointer(isReviewer + ` || ((` + isEditor + ` || (` + own + `)) && status = "draft")`)
	default: // units, honorees, awards, indicators
		c.ListRule = types.Pointer(read + ` || ` + isEditorOrReviewer)
		c.ViewRule = c.ListRule
		c.CreateRule = types.Pointer(isReviewer)
		c.UpdateRule = types.Pointer(isReviewer)
		c.DeleteRule = types.Pointer(isReviewer)
	}
}
