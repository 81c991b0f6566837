package admin

import (
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
)

// msgShortCodeSent is refuseSentLinks' message, beside the field.
const msgShortCodeSent = "Mã liên kết ngắn do hệ thống tạo, không được gửi lên."

// refuseSentLinks refuses a create or update through the API that sends a
// short code, whatever the value and the staff role: the server gives the
// code (the records hooks), so that no one can point another page's printed QR
// short link at a page of theirs. Old slugs need no refusal: they are a
// hidden field (migration 1780000800), which PocketBase drops from what a
// non-superuser sends, and the records hooks keep them. Superusers may send
// both, because PocketBase's own dashboard sends every field of a record
// back on save; the records hooks still keep the code fixed and check any
// old slug added.
func refuseSentLinks(e *core.RecordRequestEvent) error {
	info, err := e.RequestInfo()
	if err != nil {
		return e.BadRequestError("", err)
	}
	if info.HasSuperuserAuth() {
		return e.Next()
	}
	errs := validation.Errors{}
	// info.Body is the request's data with field modifiers resolved
	// ("shortCode:autogenerate" is "shortCode"), from JSON or a form.
	if _, sent := info.Body["shortCode"]; sent {
		errs["shortCode"] = check.FieldError("validation_server_field", msgShortCodeSent)
	}
	if len(errs) > 0 {
		return e.BadRequestError("", errs)
	}
	return e.Next()
}
