package feedback

import (
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
)

// cleanFeedback keeps the rules of text and of site paths on every save of
// a citizen's submission, whoever makes it (the citizens' forms, staff
// answering and tagging, IT through the API): each text field that changed
// is stored and checked as its kind says (check.Text: the message and the
// answer are multi-line, the rest single-line), changed tags as tags
// (check.Tags), and a changed page must be a path on the site (check.SitePath).
// Fields that did not change are left as stored, so that a submission kept
// from before a rule still takes an answer.
func cleanFeedback(e *core.RecordEvent) error {
	r := e.Record
	orig := r.Original()
	changed := func(field string) bool {
		return r.IsNew() || !check.Unchanged(r.Get(field), orig.Get(field))
	}
	errs := validation.Errors{}
	for _, f := range r.Collection().Fields {
		name := f.GetName()
		if f.Type() != core.FieldTypeText || !changed(name) {
			continue
		}
		v, p := check.Text(check.KindOf(schema.Feedback, name), r.GetString(name))
		r.Set(name, v)
		if p != nil {
			errs[name] = check.FieldError(p.Code, p.Message)
		}
	}
	if page := r.GetString("page"); page != "" && changed("page") && !check.SitePath(page) {
		errs["page"] = check.FieldError("validation_site_path", "Địa chỉ trang không hợp lệ: phải là đường dẫn của một trang trên cổng này, bắt đầu bằng “/”.")
	}
	if changed("tags") {
		if err := check.Tags(r); err != nil {
			errs["tags"] = err
		}
	}
	return check.Validate(e, errs)
}
