package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// Late filing: a report or yearly nomination filed after its deadline is
// marked (late, daysLate: the server's) and awaits a reviewer's decision
// (lateDecision); a reviewer extends a deadline for one unit or waives a
// report (deadlineExceptions); a report may carry its signed file; a
// nomination stores the plan's criteria ticked; the summary's dossier
// window is a setting.
func init() {
	m.Register(func(app core.App) error {
		units, err := app.FindCollectionByNameOrId(schema.Units)
		if err != nil {
			return fmt.Errorf("late filing: %w", err)
		}
		for _, name := range []string{schema.Nominations, schema.UnitReports} {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				return fmt.Errorf("late filing: %w", err)
			}
			c.Fields.Add(
				&core.BoolField{Name: "late"},
				&core.NumberField{Name: "daysLate", OnlyInt: true, Min: types.Pointer(0.0), Max: types.Pointer(100000.0)},
				&core.SelectField{Name: "lateDecision", Values: vocab.LateDecisions.Keys(), MaxSelect: 1},
			)
			if name == schema.Nominations {
				c.Fields.Add(&core.SelectField{Name: "criteria", Values: vocab.AwardCriteria.Keys(), MaxSelect: len(vocab.AwardCriteria)})
			} else {
				c.Fields.Add(&core.FileField{
					Name: "signedReport", MaxSelect: 1, MaxSize: 10 << 20, Protected: true,
					MimeTypes: []string{"application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
				})
			}
			if err := app.Save(c); err != nil {
				return fmt.Errorf("late filing fields of %s: %w", name, err)
			}
		}

		config, err := app.FindCollectionByNameOrId(schema.PortalConfig)
		if err != nil {
			return fmt.Errorf("late filing: %w", err)
		}
		config.Fields.Add(
			// The 2026–2030 summary's dossier window ("theo kế hoạch tổng kết").
			&core.DateField{Name: "summaryOpens", Min: minDate, Max: maxDate},
			&core.DateField{Name: "summaryCloses", Min: minDate, Max: maxDate},
		)
		if err := app.Save(config); err != nil {
			return fmt.Errorf("summary window: %w", err)
		}

		ex := core.NewBaseCollection(schema.DeadlineExceptions)
		ex.ListRule = types.Pointer(isReviewer + ` || (` + isReporter + ` && unit = @request.auth.unit)`)
		ex.ViewRule = ex.ListRule
		ex.CreateRule = types.Pointer(isReviewer)
		ex.UpdateRule = types.Pointer(isReviewer)
		ex.DeleteRule = types.Pointer(isReviewer)
		ex.Fields.Add(
			&core.RelationField{Name: "unit", Required: true, CollectionId: units.Id, MaxSelect: 1},
			&core.NumberField{Name: "year", Required: true, OnlyInt: true, Min: types.Pointer(2000.0), Max: types.Pointer(2100.0)},
			&core.SelectField{Name: "subject", Required: true, Values: vocab.DeadlineSubjects.Keys(), MaxSelect: 1},
			&core.SelectField{Name: "action", Required: true, Values: vocab.ExceptionActions.Keys(), MaxSelect: 1},
			&core.DateField{Name: "until", Min: minDate, Max: maxDate},
			&core.TextField{Name: "reason", Max: 1000},
			&core.TextField{Name: "grantedBy", Max: 300},
			&core.AutodateField{Name: "created", OnCreate: true},
			&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
		)
		ex.AddIndex("idx_deadline_exception_one", true, "unit, year, subject", "")
		if err := app.Save(ex); err != nil {
			return fmt.Errorf("create %s: %w", schema.DeadlineExceptions, err)
		}
		return nil
	}, func(app core.App) error {
		if c, err := app.FindCollectionByNameOrId(schema.DeadlineExceptions); err == nil {
			if err := app.Delete(c); err != nil {
				return fmt.Errorf("drop %s: %w", schema.DeadlineExceptions, err)
			}
		}
		drop := map[string][]string{
			schema.Nominations:  {"late", "daysLate", "lateDecision", "criteria"},
			schema.UnitReports:  {"late", "daysLate", "lateDecision", "signedReport"},
			schema.PortalConfig: {"summaryOpens", "summaryCloses"},
		}
		for name, fields := range drop {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				continue
			}
			for _, f := range fields {
				c.Fields.RemoveByName(f)
			}
			if err := app.Save(c); err != nil {
				return fmt.Errorf("drop late filing fields of %s: %w", name, err)
			}
		}
		return nil
	})
}
