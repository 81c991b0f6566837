package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/privacy"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// personalDataFields are the feedback's record of consent and erasure, all
// set by the server only: the version of the notice the citizen agreed to,
// when, and the retention it stated; when the contacts were erased, and why.
var personalDataFields = []string{"consentVersion", "consentAt", "retainMonths", "contactsErasedAt", "contactsErasedBy"}

// Citizens' personal data: each consent is stored with the notice's
// version and time, contacts are erased a set time after the answer (the
// period in the portal's settings, reviewers', 12 months to start with)
// or by the citizen, and the erasure is recorded.
func init() {
	m.Register(func(app core.App) error {
		fb, err := app.FindCollectionByNameOrId(schema.Feedback)
		if err != nil {
			return fmt.Errorf("personal data: %w", err)
		}
		fb.Fields.Add(
			&core.TextField{Name: "consentVersion", Max: 20},
			&core.DateField{Name: "consentAt"},
			&core.NumberField{Name: "retainMonths", OnlyInt: true, Min: types.Pointer(0.0), Max: types.Pointer(float64(privacy.MaxMonths))},
			&core.DateField{Name: "contactsErasedAt"},
			&core.SelectField{Name: "contactsErasedBy", Values: vocab.ContactErasures.Keys(), MaxSelect: 1},
		)
		if err := app.Save(fb); err != nil {
			return fmt.Errorf("personal data fields of feedback: %w", err)
		}
		config, err := app.FindCollectionByNameOrId(schema.PortalConfig)
		if err != nil {
			return fmt.Errorf("personal data: %w", err)
		}
		config.Fields.Add(&core.NumberField{Name: privacy.ConfigField, OnlyInt: true,
			Min: types.Pointer(float64(privacy.MinMonths)), Max: types.Pointer(float64(privacy.MaxMonths))})
		if err := app.Save(config); err != nil {
			return fmt.Errorf("retention setting: %w", err)
		}
		cfgs, err := app.FindAllRecords(config)
		if err != nil {
			return fmt.Errorf("read portalConfig: %w", err)
		}
		for _, cfg := range cfgs {
			cfg.Set(privacy.ConfigField, privacy.DefaultMonths)
			if err := app.SaveNoValidate(cfg); err != nil {
				return fmt.Errorf("default retention: %w", err)
			}
		}
		return nil
	}, func(app core.App) error {
		if config, err := app.FindCollectionByNameOrId(schema.PortalConfig); err == nil {
			config.Fields.RemoveByName(privacy.ConfigField)
			if err := app.Save(config); err != nil {
				return fmt.Errorf("drop the retention setting: %w", err)
			}
		}
		fb, err := app.FindCollectionByNameOrId(schema.Feedback)
		if err != nil {
			return nil
		}
		for _, f := range personalDataFields {
			fb.Fields.RemoveByName(f)
		}
		if err := app.Save(fb); err != nil {
			return fmt.Errorf("drop the personal data fields of feedback: %w", err)
		}
		return nil
	})
}
