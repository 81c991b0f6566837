package admin

import (
	"errors"
	"fmt"
	"net/http"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/password"
	"github.com/daison/portal/internal/schema"
)

// Accounts of staff and IT: easy passwords are
// refused, a one-time code is only ever the second step of a sign-in, and
// signing out ends every token of the account.

// checkPassword refuses a new password of a staff member or superuser that
// internal/password finds easy to guess, beside the field, with the
// account's other problems if any.
func checkPassword(e *core.RecordEvent) error {
	err := e.Next()
	plain := e.Record.GetString(core.FieldNamePassword) // set only while a new password is being saved
	if plain == "" {
		return err
	}
	weak := password.Check(plain, e.Record.Email(), e.Record.GetString("name"))
	if weak == nil {
		return err
	}
	verrs := validation.Errors{}
	if err != nil && !errors.As(err, &verrs) {
		return err
	}
	if _, ok := verrs[core.FieldNamePassword]; !ok {
		verrs[core.FieldNamePassword] = validation.NewError("validation_password_guessable", weak.Error()+" "+password.Advice)
	}
	return verrs
}

// passwordFirst refuses a staff member's sign-in with a mailed code alone:
// the code is the second step, after the password (PocketBase would
// otherwise let an account without two-step sign-in in with the code
// only, so that whoever reads the mailbox holds the account).
func passwordFirst(e *core.RecordAuthWithOTPRequestEvent) error {
	info, err := e.RequestInfo()
	if err != nil {
		return fmt.Errorf("read the sign-in request: %w", err)
	}
	mfaID, _ := info.Body["mfaId"].(string)
	if mfaID == "" {
		mfaID = info.Query["mfaId"]
	}
	if mfaID == "" {
		return e.BadRequestError("Hãy đăng nhập bằng email và mật khẩu trước; mã gửi qua email chỉ là bước thứ hai.", nil)
	}
	return e.Next()
}

// refuseVerification refuses a request for an address verification mail
// of any collection but staff: the only accounts are staff and IT
// (superusers, whom PocketBase never mails one), and a collection closed
// rather than removed (PocketBase's default "users", when it held
// accounts) must not mail whatever addresses were signed up in it. The
// answer is PocketBase's own for an unknown address (204, nothing sent),
// so that it tells nothing of which addresses are there.
func refuseVerification(e *core.RecordRequestVerificationRequestEvent) error {
	if e.Collection.Name != schema.Staff {
		return e.NoContent(http.StatusNoContent)
	}
	return e.Next()
}

// logoutRoute is POST /api/portal/logout: it ends the session of the staff
// member or superuser who sends it, and every other session of that
// account, by giving the account a new token key (PocketBase's tokens are
// signed with it, so every token issued before no longer opens anything).
func logoutRoute(e *core.RequestEvent) error {
	rec, err := e.App.FindRecordById(e.Auth.Collection(), e.Auth.Id)
	if err != nil {
		return e.UnauthorizedError("Phiên đăng nhập không còn hiệu lực.", err)
	}
	rec.RefreshTokenKey()
	// No validation: nothing but the key changes, and an account saved
	// under older rules must still be able to sign out.
	if err := e.App.SaveNoValidate(rec); err != nil {
		return e.InternalServerError("Không kết thúc được phiên đăng nhập. Vui lòng thử lại.", fmt.Errorf("logout %s %s: %w", rec.Collection().Name, rec.Id, err))
	}
	return e.NoContent(http.StatusNoContent)
}
