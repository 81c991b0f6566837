package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// Two-step sign-in for superusers. A superuser holds every key
// to the portal, so after the password PocketBase asks for a one-time code
// mailed to the account's address (MFA = password + OTP). Until IT sets an
// SMTP server (/_/ → Settings → Mail server) the portal prints mail on its
// console instead (admin/mail.go). The code lives 5 minutes; a passed
// first step 30 minutes.
//
// The portal's mail carries its own name, not PocketBase's "Acme".
//
// The audit log learns the action "login_mfa": a password accepted, the
// code still to come.
func init() {
	m.Register(func(app core.App) error {
		s := app.Settings()
		if s.Meta.AppName == "" || s.Meta.AppName == "Acme" {
			s.Meta.AppName = "Cổng cải cách hành chính"
		}
		if s.Meta.SenderName == "" || s.Meta.SenderName == "Support" {
			s.Meta.SenderName = "Cổng cải cách hành chính"
		}
		if err := app.Save(s); err != nil {
			return fmt.Errorf("name the portal in its mail: %w", err)
		}

		su, err := app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
		if err != nil {
			return fmt.Errorf("superusers collection: %w", err)
		}
		su.OTP.Enabled = true
		su.OTP.Duration = 300
		su.OTP.Length = 8
		su.OTP.EmailTemplate = signInCodeMail()
		su.MFA.Enabled = true
		su.MFA.Duration = 1800
		su.MFA.Rule = ""
		if err := app.Save(su); err != nil {
			return fmt.Errorf("turn on MFA for superusers: %w", err)
		}

		audit, err := app.FindCollectionByNameOrId(schema.AuditLog)
		if err != nil {
			return fmt.Errorf("audit log collection: %w", err)
		}
		action, ok := audit.Fields.GetByName("action").(*core.SelectField)
		if !ok {
			return fmt.Errorf("audit log: field action is not a select")
		}
		action.Values = vocab.AuditActions.Keys()
		return app.Save(audit)
	}, func(app core.App) error {
		su, err := app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
		if err != nil {
			return err
		}
		su.MFA.Enabled = false
		su.OTP.Enabled = false
		return app.Save(su)
	})
}
