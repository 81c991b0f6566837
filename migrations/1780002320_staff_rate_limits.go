package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// guestOnlyLimits are the per-address limits of 1780000300 that count
// anonymous requests only from now on: PocketBase counts every rule by
// address, so a commune office behind one address met the citizens' 20
// creates in 5 seconds (a burst of 50 saves: 27 refused). Staff are
// limited per account instead (admin/staff_limits.go).
var guestOnlyLimits = []string{"*:create", "/api/batch", "/api/"}

func init() {
	m.Register(func(app core.App) error {
		return setLimitAudience(app, "", core.RateLimitRuleAudienceGuest)
	}, func(app core.App) error {
		return setLimitAudience(app, core.RateLimitRuleAudienceGuest, "")
	})
}

// setLimitAudience moves the guestOnlyLimits rules of audience from to
// audience to; rules IT changed otherwise are left as they are.
func setLimitAudience(app core.App, from, to string) error {
	s := app.Settings()
	changed := false
	for i, r := range s.RateLimits.Rules {
		for _, label := range guestOnlyLimits {
			if r.Label == label && r.Audience == from {
				s.RateLimits.Rules[i].Audience = to
				changed = true
			}
		}
	}
	if !changed {
		return nil
	}
	if err := app.Save(s); err != nil {
		return fmt.Errorf("rate limits of staff per account: %w", err)
	}
	return nil
}
