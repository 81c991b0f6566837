package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"github.com/daison/portal/internal/schema"
)

// Every mail the portal sends in Vietnamese. 1780000700 and 1780001000
// translated the sign-in code and the "new sign-in" alert; this one does
// the rest of PocketBase's mail to superusers and staff: password reset,
// address verification and the confirmation of a new address. Each carries
// the portal's name from the settings ({APP_NAME}, set to the commune's
// portal by 1780000700 and editable in /_/ → Settings), never "Acme".
// The links are PocketBase's own confirmation pages, as in its defaults.
func init() {
	m.Register(func(app core.App) error {
		return setAuthMails(app, func(c *core.Collection) {
			c.ResetPasswordTemplate = resetPasswordMail()
			c.VerificationTemplate = verificationMail()
			c.ConfirmEmailChangeTemplate = emailChangeMail()
			c.OTP.EmailTemplate = signInCodeMail()
			c.AuthAlert.EmailTemplate = newLocationMail()
		})
	}, func(app core.App) error {
		// Back to PocketBase's English defaults, except the sign-in code
		// and alert, which older migrations set.
		def := core.NewAuthCollection("defaults")
		return setAuthMails(app, func(c *core.Collection) {
			c.ResetPasswordTemplate = def.ResetPasswordTemplate
			c.VerificationTemplate = def.VerificationTemplate
			c.ConfirmEmailChangeTemplate = def.ConfirmEmailChangeTemplate
		})
	})
}

// setAuthMails applies set to the superusers' and the staff's collections
// and saves them.
func setAuthMails(app core.App, set func(*core.Collection)) error {
	for _, name := range []string{core.CollectionNameSuperusers, schema.Staff} {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			return fmt.Errorf("mail templates of %s: %w", name, err)
		}
		set(c)
		if err := app.Save(c); err != nil {
			return fmt.Errorf("mail templates of %s: %w", name, err)
		}
	}
	return nil
}

// mailSignature ends every mail of the portal.
const mailSignature = `<p>Trân trọng,<br/>` + core.EmailPlaceholderAppName + `</p>`

// resetPasswordMail carries the link to choose a new password.
func resetPasswordMail() core.EmailTemplate {
	return core.EmailTemplate{
		Subject: "Đặt lại mật khẩu – " + core.EmailPlaceholderAppName,
		Body: `<p>Xin chào,</p>
<p>Có yêu cầu đặt lại mật khẩu cho tài khoản của bạn trên ` + core.EmailPlaceholderAppName + `. Bấm vào liên kết dưới đây để chọn mật khẩu mới (liên kết có hiệu lực trong 30 phút):</p>
<p><a class="btn" href="` + core.EmailPlaceholderAppURL + "/_/#/auth/confirm-password-reset/" + core.EmailPlaceholderToken + `" target="_blank" rel="noopener">Đặt lại mật khẩu</a></p>
<p><i>Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn không đổi.</i></p>
` + mailSignature,
	}
}

// verificationMail asks the owner of an address to confirm it.
func verificationMail() core.EmailTemplate {
	return core.EmailTemplate{
		Subject: "Xác nhận địa chỉ thư điện tử – " + core.EmailPlaceholderAppName,
		Body: `<p>Xin chào,</p>
<p>Bấm vào liên kết dưới đây để xác nhận địa chỉ thư điện tử của tài khoản bạn trên ` + core.EmailPlaceholderAppName + `:</p>
<p><a class="btn" href="` + core.EmailPlaceholderAppURL + "/_/#/auth/confirm-verification/" + core.EmailPlaceholderToken + `" target="_blank" rel="noopener">Xác nhận địa chỉ</a></p>
<p><i>Nếu bạn không có tài khoản này, hãy bỏ qua thư này.</i></p>
` + mailSignature,
	}
}

// emailChangeMail, sent to the new address, confirms a change of address.
func emailChangeMail() core.EmailTemplate {
	return core.EmailTemplate{
		Subject: "Xác nhận địa chỉ thư điện tử mới – " + core.EmailPlaceholderAppName,
		Body: `<p>Xin chào,</p>
<p>Có yêu cầu dùng địa chỉ này cho một tài khoản trên ` + core.EmailPlaceholderAppName + `. Bấm vào liên kết dưới đây để xác nhận (cần nhập lại mật khẩu):</p>
<p><a class="btn" href="` + core.EmailPlaceholderAppURL + "/_/#/auth/confirm-email-change/" + core.EmailPlaceholderToken + `" target="_blank" rel="noopener">Xác nhận địa chỉ mới</a></p>
<p><i>Nếu bạn không yêu cầu, hãy bỏ qua thư này: tài khoản giữ địa chỉ cũ.</i></p>
` + mailSignature,
	}
}
