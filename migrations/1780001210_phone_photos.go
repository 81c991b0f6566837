package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"github.com/daison/portal/internal/schema"
)

// Photos straight from phones: a phone's photo is 4–12 MB, and
// the photo fields took at most 5 MB. They now take 25 MB; admin/uploads.go
// stores a copy at most photoMaxSide pixels long, upright and without its
// metadata (the GPS position), never the original. PocketBase raises the
// body limit of a record's create and update with the fields' sizes.
const (
	phonePhotoMaxSize = 25 << 20
	oldPhotoMaxSize   = 5 << 20
)

// photoFields are the photo fields of the public collections.
var photoFields = map[string][]string{
	schema.Articles:    {"cover"},
	schema.Honorees:    {"photo"},
	schema.Initiatives: {"photos"},
}

func init() {
	m.Register(func(app core.App) error {
		return setPhotoMaxSize(app, phonePhotoMaxSize)
	}, func(app core.App) error {
		return setPhotoMaxSize(app, oldPhotoMaxSize)
	})
}

func setPhotoMaxSize(app core.App, size int64) error {
	for name, fields := range photoFields {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			return fmt.Errorf("find %s: %w", name, err)
		}
		for _, f := range fields {
			ff, ok := c.Fields.GetByName(f).(*core.FileField)
			if !ok {
				return fmt.Errorf("%s has no file field %s", name, f)
			}
			ff.MaxSize = size
		}
		if err := app.Save(c); err != nil {
			return fmt.Errorf("photo size of %s: %w", name, err)
		}
	}
	return nil
}
