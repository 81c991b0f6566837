package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Daily backups: at 02:00 Vietnam time every night (PocketBase's
// cron runs in UTC: 19:00), the last 14 kept, unless IT has set a schedule
// of their own.
func init() {
	m.Register(func(app core.App) error {
		s := app.Settings()
		if s.Backups.Cron != "" {
			return nil
		}
		s.Backups.Cron = "0 19 * * *"
		s.Backups.CronMaxKeep = 14
		return app.Save(s)
	}, nil)
}
