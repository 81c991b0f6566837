package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/schema"
)

// Reminders: each one sent is recorded under a unique key (nothing goes
// twice, across restarts); in-app notices for staff, each readable and
// markable as read by its addressee only; a staff member may turn mail off
// (mailOptOut) and still get the notices.
func init() {
	m.Register(func(app core.App) error {
		staff, err := app.FindCollectionByNameOrId(schema.Staff)
		if err != nil {
			return fmt.Errorf("reminders: %w", err)
		}
		staff.Fields.Add(&core.BoolField{Name: "mailOptOut"})
		if err := app.Save(staff); err != nil {
			return fmt.Errorf("staff mail opt-out: %w", err)
		}

		rem := core.NewBaseCollection(schema.Reminders)
		rem.ListRule = types.Pointer(isReviewer)
		rem.ViewRule = rem.ListRule
		rem.Fields.Add(
			&core.TextField{Name: "key", Required: true, Max: 300},
			&core.RelationField{Name: "staff", CollectionId: staff.Id, MaxSelect: 1, CascadeDelete: true},
			&core.TextField{Name: "subject", Max: 300},
			&core.BoolField{Name: "mailed"},
			&core.AutodateField{Name: "created", OnCreate: true},
		)
		rem.AddIndex("idx_reminders_key", true, "key", "")
		if err := app.Save(rem); err != nil {
			return fmt.Errorf("create %s: %w", schema.Reminders, err)
		}

		own := staffAuth + ` && staff = @request.auth.id`
		notices := core.NewBaseCollection(schema.Notices)
		notices.ListRule = types.Pointer(own)
		notices.ViewRule = notices.ListRule
		notices.UpdateRule = types.Pointer(own + ` && @request.body.staff:isset = false && @request.body.title:isset = false && @request.body.body:isset = false && @request.body.link:isset = false`)
		notices.Fields.Add(
			&core.RelationField{Name: "staff", Required: true, CollectionId: staff.Id, MaxSelect: 1, CascadeDelete: true},
			&core.TextField{Name: "title", Required: true, Max: 300},
			&core.TextField{Name: "body", Max: 2000},
			&core.TextField{Name: "link", Max: 300},
			&core.BoolField{Name: "read"},
			&core.AutodateField{Name: "created", OnCreate: true},
		)
		notices.AddIndex("idx_notices_staff", false, "staff, created", "")
		if err := app.Save(notices); err != nil {
			return fmt.Errorf("create %s: %w", schema.Notices, err)
		}
		return nil
	}, func(app core.App) error {
		for _, name := range []string{schema.Notices, schema.Reminders} {
			if c, err := app.FindCollectionByNameOrId(name); err == nil {
				if err := app.Delete(c); err != nil {
					return fmt.Errorf("drop %s: %w", name, err)
				}
			}
		}
		if staff, err := app.FindCollectionByNameOrId(schema.Staff); err == nil {
			staff.Fields.RemoveByName("mailOptOut")
			if err := app.Save(staff); err != nil {
				return fmt.Errorf("drop staff mail opt-out: %w", err)
			}
		}
		return nil
	})
}
