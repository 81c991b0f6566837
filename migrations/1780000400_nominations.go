package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// Nominations, yearly reports and the award rules. Staff only:
// a unit's reporter works on their own unit's dossiers and report; reviewers
// (Phòng Văn hóa – Xã hội) see and decide all. The state machine and the
// deadline are enforced by hooks (admin/awards/nominations.go), these rules say who
// may touch what.
func init() {
	m.Register(func(app core.App) error {
		units, err := app.FindCollectionByNameOrId(schema.Units)
		if err != nil {
			return err
		}
		honorees, err := app.FindCollectionByNameOrId(schema.Honorees)
		if err != nil {
			return err
		}
		initiatives, err := app.FindCollectionByNameOrId(schema.Initiatives)
		if err != nil {
			return err
		}
		awards, err := app.FindCollectionByNameOrId(schema.Awards)
		if err != nil {
			return err
		}

		// Portal settings staff can change: one record.
		config := core.NewBaseCollection(schema.PortalConfig)
		config.ListRule = types.Pointer(staffAuth)
		config.ViewRule = types.Pointer(staffAuth)
		config.UpdateRule = types.Pointer(isReviewer)
		config.Fields.Add(
			// dd/mm: yearly nominations and reports close on this day.
			&core.TextField{Name: "reportDeadline", Required: true, Max: 5, Pattern: `^(0[1-9]|[12][0-9]|3[01])/(0[1-9]|1[0-2])$`},
			&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
		)
		if err := app.Save(config); err != nil {
			return fmt.Errorf("create portalConfig: %w", err)
		}
		cfg := core.NewRecord(config)
		cfg.Set("reportDeadline", "20/11")
		if err := app.Save(cfg); err != nil {
			return fmt.Errorf("default portalConfig: %w", err)
		}

		ownUnit := isReporter + ` && unit = @request.auth.unit`
		bodyOwnUnit := `(@request.body.unit:isset = false || @request.body.unit = @request.auth.unit)`
		bodyDraftOrSubmit := `(@request.body.state:isset = false || @request.body.state = "draft" || @request.body.state = "submitted")`

		nominations := core.NewBaseCollection(schema.Nominations)
		nominations.ListRule = types.Pointer(isReviewer + ` || (` + ownUnit + `)`)
		nominations.ViewRule = nominations.ListRule
		nominations.CreateRule = types.Pointer(isReviewer + ` || (` + isReporter + ` && @request.body.unit = @request.auth.unit && ` + bodyDraftOrSubmit + `)`)
		nominations.UpdateRule = types.Pointer(isReviewer + ` || (` + ownUnit + ` && (state = "draft" || state = "returned") && ` + bodyOwnUnit + ` && ` + bodyDraftOrSubmit + `)`)
		nominations.DeleteRule = types.Pointer(isReviewer + ` || (` + ownUnit + ` && state = "draft")`)
		nominations.Fields.Add(
			&core.RelationField{Name: "unit", Required: true, CollectionId: units.Id, MaxSelect: 1},
			&core.NumberField{Name: "year", Required: true, OnlyInt: true, Min: types.Pointer(2000.0), Max: types.Pointer(2100.0)},
			// The nominee: an honoree already in the registry, or a new
			// individual or collective described here.
			&core.RelationField{Name: "nominee", CollectionId: honorees.Id, MaxSelect: 1},
			&core.TextField{Name: "nomineeName", Max: 200, Presentable: true},
			&core.SelectField{Name: "nomineeKind", Values: vocab.HonoreeKinds.Keys(), MaxSelect: 1},
			&core.TextField{Name: "nomineePosition", Max: 200},
			&core.SelectField{Name: "requestedForm", Required: true, Values: vocab.AwardForms.Keys(), MaxSelect: 1},
			&core.SelectField{Name: "kind", Required: true, Values: vocab.AwardKinds.Keys(), MaxSelect: 1},
			&core.TextField{Name: "achievements", Required: true, Max: 5000},
			&core.RelationField{Name: "initiatives", CollectionId: initiatives.Id, MaxSelect: 10},
			&core.FileField{
				Name: "dossier", MaxSelect: 10, MaxSize: 10 << 20, Protected: true,
				MimeTypes: []string{
					"application/pdf",
					"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
					"image/jpeg", "image/png", "image/webp",
				},
			},
			&core.SelectField{Name: "state", Required: true, Values: vocab.NominationStates.Keys(), MaxSelect: 1},
			// A comment sent with a save: the hooks move it into history.
			&core.TextField{Name: "comment", Max: 2000},
			// Who did what and when, comments included (kept by the hooks).
			&core.JSONField{Name: "history", MaxSize: 200000},
			// The council's decision, recorded by a reviewer.
			&core.TextField{Name: "decisionNo", Max: 50},
			&core.DateField{Name: "decisionDate", Min: minDate, Max: maxDate},
			&core.TextField{Name: "signer", Max: 200},
			&core.SelectField{Name: "decidedForm", Values: vocab.AwardForms.Keys(), MaxSelect: 1},
			&core.RelationField{Name: "awards", CollectionId: awards.Id, MaxSelect: 10},
			&core.DateField{Name: "submittedAt"},
			&core.AutodateField{Name: "created", OnCreate: true},
			&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
		)
		nominations.AddIndex("idx_nominations_unit_year", false, "unit, year", "")
		nominations.AddIndex("idx_nominations_state", false, "state", "")
		if err := app.Save(nominations); err != nil {
			return fmt.Errorf("create nominations: %w", err)
		}

		reports := core.NewBaseCollection(schema.UnitReports)
		reports.ListRule = types.Pointer(isReviewer + ` || (` + ownUnit + `)`)
		reports.ViewRule = reports.ListRule
		reports.CreateRule = types.Pointer(isReviewer + ` || (` + isReporter + ` && @request.body.unit = @request.auth.unit)`)
		reports.UpdateRule = types.Pointer(isReviewer + ` || (` + ownUnit + ` && ` + bodyOwnUnit + `)`)
		reports.DeleteRule = types.Pointer(isReviewer)
		nonNeg := types.Pointer(0.0)
		pct := types.Pointer(100.0)
		reports.Fields.Add(
			&core.RelationField{Name: "unit", Required: true, CollectionId: units.Id, MaxSelect: 1},
			&core.NumberField{Name: "year", Required: true, OnlyInt: true, Min: types.Pointer(2000.0), Max: types.Pointer(2100.0)},
			&core.SelectField{Name: "state", Required: true, Values: vocab.ReportStates.Keys(), MaxSelect: 1},
			&core.TextField{Name: "summary", Required: true, Max: 20000}, // Markdown
			&core.NumberField{Name: "dossiers", OnlyInt: true, Min: nonNeg, Max: types.Pointer(1e6)},
			&core.NumberField{Name: "onTimeRate", Min: nonNeg, Max: pct},
			&core.NumberField{Name: "onlineRate", Min: nonNeg, Max: pct},
			&core.NumberField{Name: "satisfaction", Min: nonNeg, Max: pct},
			&core.NumberField{Name: "initiativesApplied", OnlyInt: true, Min: nonNeg, Max: types.Pointer(1000.0)},
			&core.NumberField{Name: "trainings", OnlyInt: true, Min: nonNeg, Max: types.Pointer(10000.0)},
			&core.DateField{Name: "submittedAt"},
			&core.TextField{Name: "updatedBy", Max: 300},
			&core.AutodateField{Name: "created", OnCreate: true},
			&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
		)
		reports.AddIndex("idx_unitReports_unit_year", true, "unit, year", "")
		if err := app.Save(reports); err != nil {
			return fmt.Errorf("create unitReports: %w", err)
		}

		// One achievement earns one award: a normalised key of the
		// achievement, unique per honoree, and one award per initiative and
		// honoree.
		awards.Fields.Add(&core.TextField{Name: "achievementKey", Max: 2000, Hidden: true})
		awards.AddIndex("idx_awards_achievement", true, "honoree, achievementKey", "achievementKey != ''")
		awards.AddIndex("idx_awards_initiative", true, "honoree, initiative", "initiative != ''")
		return app.Save(awards)
	}, func(app core.App) error {
		for _, name := range []string{schema.UnitReports, schema.Nominations, schema.PortalConfig} {
			if c, err := app.FindCollectionByNameOrId(name); err == nil {
				if err := app.Delete(c); err != nil {
					return err
				}
			}
		}
		if awards, err := app.FindCollectionByNameOrId(schema.Awards); err == nil {
			awards.RemoveIndex("idx_awards_achievement")
			awards.RemoveIndex("idx_awards_initiative")
			awards.Fields.RemoveByName("achievementKey")
			return app.Save(awards)
		}
		return nil
	})
}
