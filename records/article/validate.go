package article

import (
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/records/record"
)

// slugSource: an article's page is named after its title.
func slugSource(_ core.App, r *core.Record) string { return Of(r).Title() }

// validate keeps an article's keywords (check.Tags), its gallery captions
// and the images of its text (record.CheckGallery).
func validate(_ core.App, r *core.Record, errs validation.Errors) {
	if err := check.Tags(r); err != nil {
		errs[TagsField] = err
	}
	a := Of(r)
	record.CheckGallery(r, GalleryField, a.Body(), a.BodyImages(), errs)
}
