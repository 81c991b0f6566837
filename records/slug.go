package records

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/slug"
	"github.com/daison/portal/records/record"
)

// ensureSlug makes the slug from the record's title (its kind's
// SlugSource) when it is empty, with a number added if another record has
// it, and otherwise checks the slug staff typed: only a-z, 0-9 and hyphens,
// not used by another record.
func ensureSlug(app core.App, k *record.Kind, r *core.Record) error {
	p := record.Wrap(r)
	s := p.Slug()
	if s != "" {
		if !slug.Valid(s) {
			msg := "Địa chỉ trang chỉ được gồm chữ thường không dấu (a–z), chữ số và dấu gạch ngang, tối đa 80 ký tự"
			if suggestion := slug.Make(s); suggestion != "" {
				msg += ", ví dụ: " + suggestion
			}
			return check.FieldError("validation_slug_format", msg+".")
		}
		if slug.Reserved(s) {
			return check.FieldError("validation_slug_reserved", "Địa chỉ trang “"+s+"” được dành cho trang web (phân trang, chuyên mục…); hãy chọn địa chỉ khác.")
		}
		if slugTaken(app, r, s) {
			return check.FieldError("validation_slug_taken", "Địa chỉ trang “"+s+"” đã được dùng cho một bản ghi khác; hãy chọn địa chỉ khác.")
		}
		return nil
	}
	base := slug.Make(k.SlugSource(app, r))
	if base == "" {
		// A title of only symbols or emoji: name the page after its kind.
		base = k.SlugFallback
	}
	s = base
	for n := 2; slug.Reserved(s) || slugTaken(app, r, s); n++ {
		s = slug.WithSuffix(base, n)
	}
	p.SetSlug(s)
	return nil
}

// slugTaken reports whether another record of the collection has s as its
// slug, or had it (its old address still leads to it).
func slugTaken(app core.App, r *core.Record, s string) bool {
	filter := "slug = {:slug} && id != {:id}"
	if IsLinkable(r.Collection().Name) {
		filter = "(slug = {:slug} || oldSlugs ~ {:quoted}) && id != {:id}"
	}
	other, err := app.FindFirstRecordByFilter(r.Collection(), filter,
		dbx.Params{"slug": s, "quoted": `"` + s + `"`, "id": r.Id})
	return err == nil && other != nil
}
