package admin

import (
	"fmt"
	"image"
	_ "image/jpeg" // decoders for DecodeConfig
	_ "image/png"
	"strings"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	_ "golang.org/x/image/webp"

	"github.com/daison/portal/internal/vocab"
)

// Image limits: a photo from a phone is 12–50 million pixels; beyond that a
// file is more likely a "pixel bomb" (a small file that expands to
// gigabytes when decoded) than a picture for the site.
const (
	maxImagePixels = 50_000_000
	maxImageSide   = 12_000
)

// checkImages decodes the header of every newly uploaded image: a file
// that is not the image it claims to be, or whose size would exhaust the
// build's memory when resized, is refused before it is stored.
func checkImages(r *core.Record, errs validation.Errors) {
	for _, f := range r.Collection().Fields {
		ff, ok := f.(*core.FileField)
		if !ok || !imageOnly(ff) {
			continue
		}
		for _, file := range r.GetUnsavedFiles(ff.Name) {
			rd, err := file.Reader.Open()
			if err != nil {
				errs[ff.Name] = fieldError("validation_image", "Không đọc được tệp “"+file.OriginalName+"”.")
				continue
			}
			cfg, format, err := image.DecodeConfig(rd)
			rd.Close()
			switch {
			case err != nil:
				errs[ff.Name] = fieldError("validation_image", "Tệp “"+file.OriginalName+"” không phải ảnh JPEG, PNG hay WebP hợp lệ.")
			case cfg.Width*cfg.Height > maxImagePixels || cfg.Width > maxImageSide || cfg.Height > maxImageSide:
				errs[ff.Name] = fieldError("validation_image", fmt.Sprintf(
					"Ảnh “%s” quá lớn (%d × %d điểm ảnh, %s); tối đa %d triệu điểm ảnh và mỗi chiều %d điểm ảnh. Hãy thu nhỏ ảnh rồi tải lên lại.",
					file.OriginalName, cfg.Width, cfg.Height, format, maxImagePixels/1_000_000, maxImageSide))
			}
		}
	}
}

func imageOnly(f *core.FileField) bool {
	if len(f.MimeTypes) == 0 {
		return false
	}
	for _, m := range f.MimeTypes {
		if !strings.HasPrefix(m, "image/") {
			return false
		}
	}
	return true
}

// checkURLs keeps URL fields to web addresses (webURL): PocketBase accepts
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
		if !webURL(v) {
			errs[f.GetName()] = fieldError("validation_url_scheme", "Liên kết phải là địa chỉ web bắt đầu bằng https:// hoặc http://, không có dấu cách hay ký tự điều khiển.")
		}
	}
}

// checkPublishedRelations: a record being published may link only to
// published records (a published article of a draft unit would show a
// broken or missing link), and the message says which to publish first.
func checkPublishedRelations(app core.App, r *core.Record, errs validation.Errors) {
	if r.GetString("status") != vocab.StatusPublished {
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
			if rel.GetString("status") != vocab.StatusPublished {
				errs[rf.Name] = fieldError("validation_relation_unpublished",
					"“"+recordTitle(rel)+"” chưa được xuất bản: hãy xuất bản bản ghi này trước, hoặc bỏ liên kết tới nó.")
				break
			}
		}
	}
}
