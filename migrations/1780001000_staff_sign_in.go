package migrations

import (
	"fmt"
	"slices"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"github.com/daison/portal/internal/schema"
)

// Staff sign-in.
//
// Every auth endpoint of every auth collection gets a per-address limit
// (PocketBase's labels "*:requestOTP"…; sign-in with a password or a code
// is limited since 1780000300 by "*:authWithPassword" and "*:auth"):
// mailing codes and reset links cannot be used to flood a mailbox, codes
// and tokens cannot be guessed quickly.
//
// Staff get two-step sign-in as superusers have: password, then a code
// mailed to their address. It is required for reviewers, who read
// citizens' contacts, and offered to everyone else through the field
// "mfa", which each member may set on their own account (the update rule
// forbids only role, unit, email and verified).
func init() {
	m.Register(func(app core.App) error {
		s := app.Settings()
		for _, r := range authRateLimits {
			if !slices.ContainsFunc(s.RateLimits.Rules, func(x core.RateLimitRule) bool {
				return x.Label == r.Label && x.Audience == r.Audience
			}) {
				s.RateLimits.Rules = append(s.RateLimits.Rules, r)
			}
		}
		if err := app.Save(s); err != nil {
			return fmt.Errorf("rate limits of the auth endpoints: %w", err)
		}

		staff, err := app.FindCollectionByNameOrId(schema.Staff)
		if err != nil {
			return fmt.Errorf("staff collection: %w", err)
		}
		staff.Fields.Add(&core.BoolField{Name: "mfa"})
		staff.OTP.Enabled = true
		staff.OTP.Duration = 300
		staff.OTP.Length = 8
		staff.OTP.EmailTemplate = signInCodeMail()
		staff.MFA.Enabled = true
		staff.MFA.Duration = 1800
		staff.MFA.Rule = `role = "reviewer" || mfa = true`
		staff.AuthAlert.EmailTemplate = newLocationMail()
		if err := app.Save(staff); err != nil {
			return fmt.Errorf("two-step sign-in for staff: %w", err)
		}
		su, err := app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
		if err != nil {
			return fmt.Errorf("superusers collection: %w", err)
		}
		su.AuthAlert.EmailTemplate = newLocationMail()
		if err := app.Save(su); err != nil {
			return fmt.Errorf("sign-in alert for superusers: %w", err)
		}
		return nil
	}, func(app core.App) error {
		// The Vietnamese sign-in alert stays: PocketBase's default is English.
		s := app.Settings()
		s.RateLimits.Rules = slices.DeleteFunc(s.RateLimits.Rules, func(x core.RateLimitRule) bool {
			return slices.ContainsFunc(authRateLimits, func(r core.RateLimitRule) bool {
				return x.Label == r.Label && x.Audience == r.Audience
			})
		})
		if err := app.Save(s); err != nil {
			return err
		}
		staff, err := app.FindCollectionByNameOrId(schema.Staff)
		if err != nil {
			return err
		}
		staff.MFA.Enabled = false
		staff.MFA.Rule = ""
		staff.OTP.Enabled = false
		staff.Fields.RemoveByName("mfa")
		return app.Save(staff)
	})
}

// authRateLimits are the per-address limits of the auth endpoints that
// 1780000300 left to the general "/api/" rule.
var authRateLimits = []core.RateLimitRule{
	{Label: "*:requestOTP", MaxRequests: 5, Duration: 300},
	{Label: "*:confirmPasswordReset", MaxRequests: 5, Duration: 60},
	{Label: "*:requestVerification", MaxRequests: 3, Duration: 300},
	{Label: "*:confirmVerification", MaxRequests: 5, Duration: 60},
	{Label: "*:requestEmailChange", MaxRequests: 3, Duration: 300},
	{Label: "*:confirmEmailChange", MaxRequests: 5, Duration: 60},
	{Label: "*:authRefresh", MaxRequests: 60, Duration: 60},
	{Label: "*:listAuthMethods", MaxRequests: 30, Duration: 60},
}

// signInCodeMail is the mail that carries a one-time sign-in code, for
// superusers and staff (internal/mfalogin reads the code from it).
func signInCodeMail() core.EmailTemplate {
	return core.EmailTemplate{
		Subject: "Mã đăng nhập " + core.EmailPlaceholderAppName,
		Body: `<p>Xin chào,</p>
<p>Mã đăng nhập một lần của bạn là: <strong>` + core.EmailPlaceholderOTP + `</strong></p>
<p>Mã có hiệu lực trong 5 phút. Nếu bạn không đăng nhập, hãy bỏ qua thư này và đổi mật khẩu.</p>
<p>` + core.EmailPlaceholderAppName + `</p>`,
	}
}

// newLocationMail is the mail PocketBase sends when an account signs in
// from a device or address it has not seen (its "auth alert"), in
// Vietnamese.
func newLocationMail() core.EmailTemplate {
	return core.EmailTemplate{
		Subject: "Tài khoản của bạn vừa đăng nhập từ nơi mới – " + core.EmailPlaceholderAppName,
		Body: `<p>Xin chào,</p>
<p>Tài khoản của bạn trên ` + core.EmailPlaceholderAppName + ` vừa được đăng nhập từ một thiết bị hoặc địa chỉ mới:</p>
<p><em>` + core.EmailPlaceholderAlertInfo + `</em></p>
<p><strong>Nếu không phải bạn, hãy đổi mật khẩu ngay (mọi phiên đăng nhập khác sẽ kết thúc) và báo bộ phận công nghệ thông tin của xã.</strong></p>
<p>Nếu đúng là bạn, hãy bỏ qua thư này.</p>
<p>` + core.EmailPlaceholderAppName + `</p>`,
	}
}
