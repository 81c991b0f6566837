package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"
)

// usersCollection is the auth collection PocketBase makes on every new
// database, open to anyone: its create rule "" lets an anonymous visitor
// make an account (with a 5 MB avatar of any image), sign in, and have
// verification and password-reset mails sent. The portal has no accounts
// but staff ("staff") and IT (superusers), and nothing of it reads "users".
const usersCollection = "users"

// No anonymous accounts: "users" is removed. One that holds accounts
// (made before this step) is closed instead, so that nothing is lost
// without IT seeing it: only superusers may list, create, change or delete
// its records, and signing in by password, one-time code or OAuth2 is off,
// which refuses password-reset mails too (the portal refuses verification
// mails for every collection but staff: admin.refuseVerification). Down
// gives back PocketBase's default collection.
func init() {
	m.Register(func(app core.App) error {
		users, err := app.FindCollectionByNameOrId(usersCollection)
		if err != nil || !users.IsAuth() {
			return nil // removed by IT already
		}
		n, err := app.CountRecords(users)
		if err != nil {
			return fmt.Errorf("count the accounts of %q: %w", usersCollection, err)
		}
		if n == 0 {
			if err := app.Delete(users); err != nil {
				return fmt.Errorf("remove the %q collection: %w", usersCollection, err)
			}
			return nil
		}
		users.ListRule, users.ViewRule, users.CreateRule, users.UpdateRule, users.DeleteRule, users.ManageRule = nil, nil, nil, nil, nil, nil
		users.AuthRule = nil
		users.PasswordAuth.Enabled = false
		users.OTP.Enabled = false
		users.OAuth2.Enabled = false
		users.MFA.Enabled = false
		if err := app.Save(users); err != nil {
			return fmt.Errorf("close the %q collection: %w", usersCollection, err)
		}
		app.Logger().Warn("The users collection holds accounts made before it was closed; IT may delete them in the dashboard.",
			"collection", usersCollection, "accounts", n)
		return nil
	}, func(app core.App) error {
		users, err := app.FindCollectionByNameOrId(usersCollection)
		if err != nil {
			users = core.NewAuthCollection(usersCollection, "_pb_users_auth_")
			users.Fields.Add(
				&core.TextField{Name: "name", Max: 255},
				&core.FileField{Name: "avatar", MaxSelect: 1, MimeTypes: []string{"image/jpeg", "image/png", "image/svg+xml", "image/gif", "image/webp"}},
				&core.AutodateField{Name: "created", OnCreate: true},
				&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
			)
			users.OAuth2.MappedFields.Name = "name"
			users.OAuth2.MappedFields.AvatarURL = "avatar"
		}
		// PocketBase's defaults (migrations/1640988000_init.go).
		owner := "id = @request.auth.id"
		users.ListRule, users.ViewRule, users.UpdateRule, users.DeleteRule = types.Pointer(owner), types.Pointer(owner), types.Pointer(owner), types.Pointer(owner)
		users.CreateRule, users.ManageRule = types.Pointer(""), nil
		users.AuthRule = types.Pointer("")
		users.PasswordAuth.Enabled = true
		if err := app.Save(users); err != nil {
			return fmt.Errorf("restore the %q collection: %w", usersCollection, err)
		}
		return nil
	})
}
