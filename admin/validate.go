package admin

import (
	"github.com/daison/portal/records"
	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/admin/awards"
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/slug"
	"github.com/daison/portal/internal/vocab"
)

// validatePublic runs before PocketBase's own field validation of a public
// record, on every save (API, back office, seed): it stores text as NFC,
// makes the slug when it is empty, fills publishAt when a record is
// published without one, and then reports every problem at once, its own and
// PocketBase's, each in Vietnamese beside its field.
func validatePublic(e *core.RecordEvent) error {
	r := e.Record
	errs := validation.Errors{}

	check.TextsAs(r, records.ByCollection(r.Collection().Name).Texts, errs)
	if err := ensureSlug(e.App, r); err != nil {
		errs["slug"] = err
	}
	if records.IsLinkable(r.Collection().Name) {
		keepLinks(e.App, r, errs)
	}
	switch r.Collection().Name {
	case schema.Articles:
		if err := check.Tags(r); err != nil {
			errs["tags"] = err
		}
	case schema.Guides:
		if err := cleanSteps(r); err != nil {
			errs["steps"] = err
		}
	case schema.Awards:
		if err := awards.CheckOneAward(e.App, r); err != nil {
			errs["achievement"] = err
		}
	}
	checkURLs(r, errs)
	checkPublishedRelations(e.App, r, errs)
	if r.GetString("status") == vocab.StatusPublished && r.GetDateTime("publishAt").IsZero() {
		r.Set("publishAt", types.NowDateTime())
	}

	return check.Validate(e, errs)
}

// cleanStaffTexts stores the texts of the staff-only collections as NFC and
// checks them like those of public records: staff members' own names (a
// line break in one would forge lines of the audit log and the stamps),
// nominations, unit reports, deadline exceptions and the award settings.
func cleanStaffTexts(e *core.RecordEvent) error {
	errs := validation.Errors{}
	check.Texts(e.Record, errs)
	return check.Validate(e, errs)
}

// ensureSlug makes the slug from the record's title when it is empty, with a
// number added if another record has it, and otherwise checks the slug staff
// typed: only a-z, 0-9 and hyphens, not used by another record.
func ensureSlug(app core.App, r *core.Record) error {
	s := r.GetString("slug")
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
	source, err := slugSource(app, r)
	if err != nil {
		return check.FieldError("validation_slug_source", "Không tạo được địa chỉ trang.")
	}
	base := slug.Make(source)
	if base == "" {
		// A title of only symbols or emoji: name the page after its kind.
		base = records.ByCollection(r.Collection().Name).SlugFallback
	}
	s = base
	for n := 2; slug.Reserved(s) || slugTaken(app, r, s); n++ {
		s = slug.WithSuffix(base, n)
	}
	r.Set("slug", s)
	return nil
}

// slugTaken reports whether another record of the collection has s as its
// slug, or had it (its old address still leads to it).
func slugTaken(app core.App, r *core.Record, s string) bool {
	filter := "slug = {:slug} && id != {:id}"
	if records.IsLinkable(r.Collection().Name) {
		filter = "(slug = {:slug} || oldSlugs ~ {:quoted}) && id != {:id}"
	}
	other, err := app.FindFirstRecordByFilter(r.Collection(), filter,
		dbx.Params{"slug": s, "quoted": `"` + s + `"`, "id": r.Id})
	return err == nil && other != nil
}
