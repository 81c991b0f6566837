package admin

import (
	"fmt"
	"github.com/daison/portal/records"
	"slices"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/shortcode"
	"github.com/daison/portal/internal/slug"
)

// msgShortCodeSent is refuseSentLinks' message, beside the field.
const msgShortCodeSent = "Mã liên kết ngắn do hệ thống tạo, không được gửi lên."

// refuseSentLinks refuses a create or update through the API that sends a
// short code, whatever the value and the staff role: the server gives the
// code (keepLinks), so that no one can point another page's printed QR
// short link at a page of theirs. Old slugs need no refusal: they are a
// hidden field (migration 1780000800), which PocketBase drops from what a
// non-superuser sends, and keepLinks records them. Superusers may send both, because
// PocketBase's own dashboard sends every field of a record back on save;
// keepLinks still keeps the code fixed and checks any old slug added.
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

// keepLinks gives a new record its short code, refuses a change of the code,
// and remembers the old slug when the slug changes. Go code (seeds,
// imports) and superusers may give a code or old slugs themselves: a code
// must be free in every linkable collection (the short links share /l/),
// and an old slug added must be a free, unreserved page address.
func keepLinks(app core.App, r *core.Record, errs validation.Errors) {
	if r.IsNew() {
		code := r.GetString("shortCode")
		switch {
		case code == "":
			code, err := newShortCode(app)
			if err != nil {
				errs["shortCode"] = check.FieldError("validation_short_code", "Không tạo được mã liên kết ngắn; hãy lưu lại.")
				return
			}
			r.Set("shortCode", code)
		case !shortcode.Valid(code):
			errs["shortCode"] = check.FieldError("validation_short_code", "Mã liên kết ngắn không hợp lệ.")
		case shortCodeTaken(app, r, code):
			errs["shortCode"] = codeTakenError(code)
		}
		keepOldSlugs(app, r, nil, "", errs)
		return
	}
	// The stored version, not r.Original(): a record kept in memory across
	// saves (Go code, the demo loader) has a stale original.
	orig, err := app.FindRecordById(r.Collection(), r.Id)
	if err != nil {
		return
	}
	code, was := r.GetString("shortCode"), orig.GetString("shortCode")
	switch {
	case code != was && was != "":
		errs["shortCode"] = check.FieldError("validation_short_code", "Mã liên kết ngắn là cố định, không được thay đổi (mã in trên áp phích QR sẽ không còn đúng).")
	case code != was && !shortcode.Valid(code):
		errs["shortCode"] = check.FieldError("validation_short_code", "Mã liên kết ngắn không hợp lệ.")
	case code != was && shortCodeTaken(app, r, code):
		errs["shortCode"] = codeTakenError(code)
	}
	keepOldSlugs(app, r, schema.OldSlugs(orig), orig.GetString("slug"), errs)
}

// keepOldSlugs adds the slug a record leaves (left) to its old slugs, drops
// its current slug from them (renamed back to an earlier one), and checks
// every old slug that was not stored before (stored) and is not the one it
// leaves: only Go code or a superuser can add one.
func keepOldSlugs(app core.App, r *core.Record, stored []string, left string, errs validation.Errors) {
	now := r.GetString("slug")
	slugs := schema.OldSlugs(r)
	if left != "" && left != now {
		slugs = appendUnique(slugs, left)
	}
	var kept []string
	for _, s := range slugs {
		if s == now || slices.Contains(kept, s) {
			continue
		}
		if s != left && !slices.Contains(stored, s) {
			if msg := oldSlugProblem(app, r, s); msg != "" {
				errs["oldSlugs"] = check.FieldError("validation_old_slug", msg)
				return
			}
		}
		kept = append(kept, s)
	}
	if len(kept) == 0 {
		r.Set("oldSlugs", nil)
	} else {
		r.Set("oldSlugs", kept)
	}
}

// oldSlugProblem says why s cannot be an old address of r, or "".
func oldSlugProblem(app core.App, r *core.Record, s string) string {
	switch {
	case !slug.Valid(s):
		return fmt.Sprintf("Địa chỉ cũ “%s” không đúng dạng địa chỉ trang (chữ thường không dấu, chữ số, dấu gạch ngang).", s)
	case slug.Reserved(s):
		return fmt.Sprintf("Địa chỉ cũ “%s” được dành cho trang web (phân trang, chuyên mục…), không dẫn tới một trang riêng được.", s)
	case slugTaken(app, r, s):
		return fmt.Sprintf("Địa chỉ cũ “%s” đang là địa chỉ (hoặc địa chỉ cũ) của một trang khác.", s)
	}
	return ""
}

func codeTakenError(code string) validation.Error {
	return check.FieldError("validation_short_code", "Mã liên kết ngắn “"+code+"” đã thuộc về một trang khác.")
}

// newShortCode returns a code no record of any linkable collection has.
func newShortCode(app core.App) (string, error) {
	for {
		code, err := shortcode.New()
		if err != nil {
			return "", fmt.Errorf("new short code: %w", err)
		}
		if !shortCodeTaken(app, nil, code) {
			return code, nil
		}
	}
}

// shortCodeTaken reports whether a record of any linkable collection other
// than r (nil: any record) has code: all short links share /l/.
func shortCodeTaken(app core.App, r *core.Record, code string) bool {
	for _, name := range records.Linkable() {
		self := ""
		if r != nil && r.Collection().Name == name {
			self = r.Id
		}
		// "shortCode != ''" lets SQLite use the partial unique index.
		var n int
		err := app.DB().Select("count(*)").From(name).
			Where(dbx.NewExp("shortCode = {:code} AND shortCode != '' AND id != {:self}", dbx.Params{"code": code, "self": self})).
			Row(&n)
		if err == nil && n > 0 {
			return true
		}
	}
	return false
}

func appendUnique(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
