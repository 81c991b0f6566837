package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"github.com/daison/portal/internal/schema"
)

// Attachments, galleries and images in the text: articles and
// initiatives may attach published documents (văn bản) and show a gallery
// of photos with captions (an article's "gallery", an initiative's
// "photos", now up to 20), and place photos uploaded to the record in
// their Markdown body (![mô tả](tên-tệp), "bodyImages"), so that no photo
// is hosted elsewhere. Captions are a JSON object from a stored file's
// name to its caption; admin/gallery.go keeps them to the files the record
// has.
const (
	galleryMax    = 20
	bodyImagesMax = 30
	oldPhotosMax  = 6
)

func init() {
	m.Register(func(app core.App) error {
		docs, err := app.FindCollectionByNameOrId(schema.Documents)
		if err != nil {
			return fmt.Errorf("find documents: %w", err)
		}
		for _, name := range []string{schema.Articles, schema.Initiatives} {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				return fmt.Errorf("find %s: %w", name, err)
			}
			c.Fields.Add(
				&core.RelationField{Name: "attachments", CollectionId: docs.Id, MaxSelect: 10},
				&core.JSONField{Name: "galleryCaptions", MaxSize: 20000},
				phonePhotos("bodyImages", bodyImagesMax),
			)
			if name == schema.Articles {
				c.Fields.Add(phonePhotos("gallery", galleryMax))
			} else if ff, ok := c.Fields.GetByName("photos").(*core.FileField); ok {
				ff.MaxSelect = galleryMax
			}
			if err := app.Save(c); err != nil {
				return fmt.Errorf("attachments of %s: %w", name, err)
			}
		}
		return nil
	}, func(app core.App) error {
		for _, name := range []string{schema.Articles, schema.Initiatives} {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				continue
			}
			for _, f := range []string{"attachments", "galleryCaptions", "bodyImages", "gallery"} {
				c.Fields.RemoveByName(f)
			}
			if ff, ok := c.Fields.GetByName("photos").(*core.FileField); ok {
				ff.MaxSelect = oldPhotosMax
			}
			if err := app.Save(c); err != nil {
				return fmt.Errorf("attachments of %s: %w", name, err)
			}
		}
		return nil
	})
}

// phonePhotos is a photo field that takes phone photos (25 MB each).
func phonePhotos(name string, max int) *core.FileField {
	f := imageField(name, max)
	f.MaxSize = phonePhotoMaxSize
	return f
}
