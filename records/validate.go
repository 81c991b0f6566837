package records

import (
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/records/record"
)

// Bind binds the hooks every public record's save goes through, whoever
// saves it (the API, the back office, the demo, a seed, a test): the rules
// every public record keeps and then its kind's own (record.Kind.Validate).
// The admin side binds them with its own (uploads, the API's refusals,
// audit, history); the site's tests bind them alone.
func Bind(app core.App) {
	app.OnRecordValidate(Collections()...).BindFunc(validate)
}

// validate runs before PocketBase's own field validation of a public
// record: it stores text as NFC, makes the slug when it is empty, keeps a
// linkable record's short code and old slugs, runs the kind's own checks,
// fills publishAt when a record is published without one, and then reports
// every problem at once, its own and PocketBase's, each in Vietnamese
// beside its field.
func validate(e *core.RecordEvent) error {
	r := e.Record
	k := ByCollection(r.Collection().Name)
	errs := validation.Errors{}

	check.TextsAs(r, k.Texts, errs)
	if err := ensureSlug(e.App, k, r); err != nil {
		errs["slug"] = err
	}
	if k.Linkable {
		keepLinks(e.App, r, errs)
	}
	if k.Validate != nil {
		k.Validate(e.App, r, errs)
	}
	checkURLs(r, errs)
	checkPublishedRelations(e.App, r, errs)
	if p := record.Wrap(r); p.IsPublished() && !p.HasPublishAt() {
		p.SetPublishAt(types.NowDateTime())
	}

	return check.Validate(e, errs)
}

// checkURLs keeps URL fields to web addresses (check.WebURL): PocketBase accepts
// any scheme, javascript: included, and characters a browser drops.
func checkURLs(r *core.Record, errs validation.Errors) {
	for _, f := range r.Collection().Fields {
		if f.Type() != core.FieldTypeURL {
			continue
		}
		v := r.GetString(f.GetName())
		if v == "" {
			continue
		}
		if !check.WebURL(v) {
			errs[f.GetName()] = check.FieldError("validation_url_scheme", "Liên kết phải là địa chỉ web bắt đầu bằng https:// hoặc http://, không có dấu cách hay ký tự điều khiển.")
		}
	}
}

// checkPublishedRelations: a record being published may link only to
// published records (a published article of a draft unit would show a
// broken or missing link), and the message says which to publish first.
func checkPublishedRelations(app core.App, r *core.Record, errs validation.Errors) {
	if !record.Wrap(r).IsPublished() {
		return
	}
	for _, f := range r.Collection().Fields {
		rf, ok := f.(*core.RelationField)
		if !ok {
			continue
		}
		target, err := app.FindCachedCollectionByNameOrId(rf.CollectionId)
		if err != nil || !IsPublic(target.Name) {
			continue
		}
		for _, id := range r.GetStringSlice(rf.Name) {
			rel, err := app.FindRecordById(target, id)
			if err != nil {
				continue // PocketBase's own check reports missing records
			}
			if !record.Wrap(rel).IsPublished() {
				errs[rf.Name] = check.FieldError("validation_relation_unpublished",
					"“"+check.RecordTitle(rel)+"” chưa được xuất bản: hãy xuất bản bản ghi này trước, hoặc bỏ liên kết tới nó.")
				break
			}
		}
	}
}
