package records

import (
	"fmt"
	"slices"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/shortcode"
	"github.com/daison/portal/internal/slug"
	"github.com/daison/portal/records/record"
)

// keepLinks gives a new record its short code, refuses a change of the code,
// and remembers the old slug when the slug changes. Go code (seeds,
// imports) and superusers may give a code or old slugs themselves: a code
// must be free in every linkable collection (the short links share /l/),
// and an old slug added must be a free, unreserved page address. Through
// the API, the admin side refuses a code sent by anyone else, and old
// slugs are a hidden field PocketBase drops from what they send.
func keepLinks(app core.App, r *core.Record, errs validation.Errors) {
	p := record.Wrap(r)
	if r.IsNew() {
		code := p.ShortCode()
		switch {
		case code == "":
			code, err := newShortCode(app)
			if err != nil {
				errs["shortCode"] = check.FieldError("validation_short_code", "Không tạo được mã liên kết ngắn; hãy lưu lại.")
				return
			}
			p.SetShortCode(code)
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
	stored, err := app.FindRecordById(r.Collection(), r.Id)
	if err != nil {
		return
	}
	orig := record.Wrap(stored)
	code, was := p.ShortCode(), orig.ShortCode()
	switch {
	case code != was && was != "":
		errs["shortCode"] = check.FieldError("validation_short_code", "Mã liên kết ngắn là cố định, không được thay đổi (mã in trên áp phích QR sẽ không còn đúng).")
	case code != was && !shortcode.Valid(code):
		errs["shortCode"] = check.FieldError("validation_short_code", "Mã liên kết ngắn không hợp lệ.")
	case code != was && shortCodeTaken(app, r, code):
		errs["shortCode"] = codeTakenError(code)
	}
	keepOldSlugs(app, r, orig.OldSlugs(), orig.Slug(), errs)
}

// keepOldSlugs adds the slug a record leaves (left) to its old slugs, drops
// its current slug from them (renamed back to an earlier one), and checks
// every old slug that was not stored before (stored) and is not the one it
// leaves: only Go code or a superuser can add one.
func keepOldSlugs(app core.App, r *core.Record, stored []string, left string, errs validation.Errors) {
	p := record.Wrap(r)
	now := p.Slug()
	slugs := p.OldSlugs()
	if left != "" && left != now && !slices.Contains(slugs, left) {
		slugs = append(slugs, left)
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
	p.SetOldSlugs(kept)
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
	for _, name := range Linkable() {
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
