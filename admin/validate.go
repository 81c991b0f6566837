package admin

import (
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
)

// cleanStaffTexts stores the texts of the staff-only collections as NFC and
// checks them like those of public records: staff members' own names (a
// line break in one would forge lines of the audit log and the stamps),
// nominations, unit reports, deadline exceptions and the award settings.
func cleanStaffTexts(e *core.RecordEvent) error {
	errs := validation.Errors{}
	check.Texts(e.Record, errs)
	return check.Validate(e, errs)
}
