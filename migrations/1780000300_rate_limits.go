package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Rate limits: PocketBase's limiter, off by default, is
// turned on with rules per client IP. Staff logins are limited so that a
// password cannot be guessed quickly, yet a commune office behind one
// address can still log in all at once in the morning. IT can tune the
// rules in the dashboard (Settings → Rate limiting).
func init() {
	m.Register(func(app core.App) error {
		s := app.Settings()
		s.RateLimits.Enabled = true
		s.RateLimits.Rules = []core.RateLimitRule{
			{Label: "*:authWithPassword", Audience: core.RateLimitRuleAudienceGuest, MaxRequests: 10, Duration: 60},
			{Label: "*:auth", MaxRequests: 10, Duration: 60},
			{Label: "*:requestPasswordReset", MaxRequests: 3, Duration: 300},
			{Label: "*:create", MaxRequests: 20, Duration: 5},
			{Label: "/api/batch", MaxRequests: 3, Duration: 1},
			{Label: "/api/", MaxRequests: 300, Duration: 10},
		}
		return app.Save(s)
	}, func(app core.App) error {
		s := app.Settings()
		s.RateLimits.Enabled = false
		return app.Save(s)
	})
}
