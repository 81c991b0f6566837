package initiative

import (
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/records/record"
)

// slugSource: an initiative's page is named after its title.
func slugSource(_ core.App, r *core.Record) string { return Of(r).Title() }

// validate keeps an initiative's gallery captions and the images of its
// text (record.CheckGallery).
func validate(_ core.App, r *core.Record, errs validation.Errors) {
	i := Of(r)
	record.CheckGallery(r, GalleryField, i.Body(), i.BodyImages(), errs)
}
