package awards

import (
	"strings"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/vocab"
)

// checkFormsInUse refuses, for each of fields set or changed by a request,
// an award form the commune does not use (its identity's award forms; all
// when it chose none). A value kept from before is left alone, so records
// made before the commune narrowed its forms stay editable.
func checkFormsInUse(app core.App, r, before *core.Record, errs validation.Errors, fields ...string) {
	var inUse vocab.List
	for _, f := range fields {
		v := r.GetString(f)
		if v == "" || (before != nil && before.GetString(f) == v) || errs[f] != nil {
			continue
		}
		if inUse == nil {
			id, err := commune.Load(app)
			if err != nil {
				app.Logger().Warn("không đọc được thông tin của xã", "component", "awards", "error", err.Error())
			}
			inUse = id.FormsInUse()
		}
		if inUse.Has(v) {
			continue
		}
		names := make([]string, len(inUse))
		for i, o := range inUse {
			names[i] = o.Label
		}
		errs[f] = check.FieldError("validation_award_form_unused",
			"Hình thức “"+vocab.AwardForms.Label(v)+"” không được xã sử dụng. Các hình thức đang dùng: "+strings.Join(names, "; ")+".")
	}
}

// checkAward runs on the API's creates and updates of awards made by staff:
// the form must be one the commune uses.
func checkAward(e *core.RecordRequestEvent) error {
	var before *core.Record
	if !e.Record.IsNew() {
		before, _ = e.App.FindRecordById(e.Record.Collection().Name, e.Record.Id)
	}
	errs := validation.Errors{}
	checkFormsInUse(e.App, e.Record, before, errs, "form")
	if len(errs) > 0 {
		return e.BadRequestError("", errs)
	}
	return e.Next()
}
