package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/schema"
)

// rewardSettingFields are the portal's settings of reward money and
// numbers: the base salary (đồng), the coefficients by form (JSON), the
// commune's yearly fund for awards (đồng, 0: not set) and the yearly caps
// on Giấy khen to people and to collectives (0: none).
var rewardSettingFields = []string{"baseSalary", "rewardCoefficients", "rewardBudget", "maxPeopleAwards", "maxCollectiveAwards"}

// Reward money and numbers within bounds, set by reviewers.
func init() {
	m.Register(func(app core.App) error {
		config, err := app.FindCollectionByNameOrId(schema.PortalConfig)
		if err != nil {
			return fmt.Errorf("reward settings: %w", err)
		}
		money := types.Pointer(1e12)
		config.Fields.Add(
			&core.NumberField{Name: "baseSalary", OnlyInt: true, Min: types.Pointer(0.0), Max: types.Pointer(1e9)},
			&core.JSONField{Name: "rewardCoefficients", MaxSize: 4000},
			&core.NumberField{Name: "rewardBudget", OnlyInt: true, Min: types.Pointer(0.0), Max: money},
			&core.NumberField{Name: "maxPeopleAwards", OnlyInt: true, Min: types.Pointer(0.0), Max: types.Pointer(100000.0)},
			&core.NumberField{Name: "maxCollectiveAwards", OnlyInt: true, Min: types.Pointer(0.0), Max: types.Pointer(100000.0)},
		)
		if err := app.Save(config); err != nil {
			return fmt.Errorf("reward settings: %w", err)
		}
		return nil
	}, func(app core.App) error {
		config, err := app.FindCollectionByNameOrId(schema.PortalConfig)
		if err != nil {
			return nil
		}
		for _, f := range rewardSettingFields {
			config.Fields.RemoveByName(f)
		}
		if err := app.Save(config); err != nil {
			return fmt.Errorf("drop the reward settings: %w", err)
		}
		return nil
	})
}
