package migrations

import (
	"fmt"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"github.com/daison/portal/internal/schema"
)

// staffMailLinks are, for each of PocketBase's confirmation links, the
// page of the back office that takes its token in place of the
// dashboard's (/_/, which staff do not use). The token goes in the
// fragment, which never reaches a server's log. Superusers keep /_/.
var staffMailLinks = []struct {
	dashboard, backoffice string
	template              func(c *core.Collection) *core.EmailTemplate
}{
	{"/_/#/auth/confirm-password-reset/", "/quan-tri/dat-lai-mat-khau#",
		func(c *core.Collection) *core.EmailTemplate { return &c.ResetPasswordTemplate }},
	{"/_/#/auth/confirm-verification/", "/quan-tri/xac-nhan-email#",
		func(c *core.Collection) *core.EmailTemplate { return &c.VerificationTemplate }},
	{"/_/#/auth/confirm-email-change/", "/quan-tri/doi-email#",
		func(c *core.Collection) *core.EmailTemplate { return &c.ConfirmEmailChangeTemplate }},
}

// Staff's password reset, address verification and address change mails
// open the back office (/quan-tri/), which confirms the token, at the
// Application URL that "serve" sets from --base-url.
func init() {
	m.Register(func(app core.App) error {
		return relinkStaffMail(app, func(dashboard, backoffice string) (string, string) { return dashboard, backoffice })
	}, func(app core.App) error {
		return relinkStaffMail(app, func(dashboard, backoffice string) (string, string) { return backoffice, dashboard })
	})
}

// relinkStaffMail replaces, in the staff's mails, each link's old form by
// its new one as swap orders them.
func relinkStaffMail(app core.App, swap func(dashboard, backoffice string) (from, to string)) error {
	c, err := app.FindCollectionByNameOrId(schema.Staff)
	if err != nil {
		return fmt.Errorf("staff's mail links: %w", err)
	}
	for _, l := range staffMailLinks {
		from, to := swap(l.dashboard, l.backoffice)
		t := l.template(c)
		t.Body = strings.ReplaceAll(t.Body, core.EmailPlaceholderAppURL+from, core.EmailPlaceholderAppURL+to)
	}
	if err := app.Save(c); err != nil {
		return fmt.Errorf("staff's mail links: %w", err)
	}
	return nil
}
