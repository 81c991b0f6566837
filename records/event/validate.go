package event

import (
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
)

// slugSource: an event's page is named after its title.
func slugSource(_ core.App, r *core.Record) string { return Of(r).Title() }

// validate: an event is held on a day, which its page and its list show.
func validate(_ core.App, r *core.Record, errs validation.Errors) {
	if Of(r).Date().IsZero() {
		errs["date"] = check.FieldError("validation_event_date", "Hãy nhập ngày diễn ra sự kiện.")
	}
}
