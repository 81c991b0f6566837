package admin

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/imagecheck"
	"github.com/daison/portal/internal/vntext"
)

// photoMaxSide is the longest side a photo is stored with: the
// site shows photos at most 1,200 pixels wide, and a third more keeps them
// sharp when cropped or zoomed, while a phone's 4000 × 3000 original (4–12
// MB) is never stored, published or resized by each build.
const photoMaxSide = 1600

// checkUploads checks the new files of every collection's file fields that
// may hold an image (dossiers of PDF, Word and photos as well as photo
// fields), whoever saves them: the type is sniffed from the bytes, an image
// must keep the pixel and scan caps (read from its header and markers
// before anything is decoded) and decode whole within its time, one image
// at a time per account (decoding.go). Files sent through the API were
// checked before the request's transaction (precheck.go). A photo field's image is then stored upright,
// without its metadata (the GPS position a phone writes) and at most
// photoMaxSide pixels long.
func checkUploads(e *core.RecordEvent) error {
	errs := validation.Errors{}
	ctx := e.Context
	if ctx == nil {
		ctx = context.Background()
	}
	for _, f := range e.Record.Collection().Fields {
		ff, ok := f.(*core.FileField)
		if !ok || !mayHoldImage(ff) {
			continue
		}
		for _, file := range e.Record.GetUnsavedFiles(ff.Name) {
			repl, err := verdictOf(verdictKey{file, false}, func() (*filesystem.File, error) {
				return checkUpload(ctx, decodeAccount(e.App), ff, file)
			})
			if err != nil {
				errs[ff.Name] = err
				break
			}
			if repl != nil {
				replaceFile(e.Record, ff.Name, file, repl)
			}
		}
	}
	return check.Validate(e, errs)
}

// checkUpload checks one new file of ff and returns the file to store
// instead of it, if any.
func checkUpload(ctx context.Context, account string, ff *core.FileField, file *filesystem.File) (*filesystem.File, error) {
	data, err := readUpload(file, ff)
	if err != nil {
		return nil, check.FieldError("validation_file_unreadable", "Không đọc được tệp “"+file.OriginalName+"”; hãy tải lên lại.")
	}
	if data == nil {
		return nil, nil // over the field's size: PocketBase refuses it
	}
	info, err := imagecheck.Inspect(data, imagecheck.Default)
	if err != nil {
		return nil, imageProblem(file.OriginalName, info, err)
	}
	if !info.IsImage() {
		return nil, nil
	}
	weight := decodeWeight(info)
	if err := decoding.acquire(ctx, account, weight); err != nil {
		return nil, check.FieldError("validation_image_busy", "Máy chủ đang bận xử lý ảnh khác; hãy thử lại sau ít phút.")
	}
	defer decoding.release(account, weight)
	img, err := imagecheck.DecodeContext(ctx, data, info)
	if err != nil {
		return nil, imageProblem(file.OriginalName, info, err)
	}
	if !imageOnly(ff) || !info.NeedsRewrite(photoMaxSide) {
		return nil, nil
	}
	up := imagecheck.Upright(img, info.Orientation, photoMaxSide)
	format := imagecheck.Target(info, up, ff.MimeTypes)
	if format == "" {
		return nil, nil
	}
	out, err := imagecheck.Encode(up, format)
	if err != nil {
		return nil, check.FieldError("validation_image", "Không thu nhỏ được ảnh “"+file.OriginalName+"”; hãy thu nhỏ ảnh trên máy rồi tải lên lại.")
	}
	ext := map[string]string{"jpeg": ".jpg", "png": ".png"}[format]
	repl, err := filesystem.NewFileFromBytes(out, strings.TrimSuffix(file.OriginalName, path.Ext(file.OriginalName))+ext)
	if err != nil {
		return nil, fmt.Errorf("store the resized %q: %w", file.OriginalName, err)
	}
	return repl, nil
}

// readUpload reads a new file whole, or returns nil when it is larger than
// the field allows.
func readUpload(file *filesystem.File, ff *core.FileField) ([]byte, error) {
	limit := ff.MaxSize
	if limit <= 0 {
		limit = core.DefaultFileFieldMaxSize
	}
	if file.Size > limit {
		return nil, nil
	}
	rd, err := file.Reader.Open()
	if err != nil {
		return nil, fmt.Errorf("open upload %q: %w", file.OriginalName, err)
	}
	defer rd.Close()
	data, err := io.ReadAll(io.LimitReader(rd, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read upload %q: %w", file.OriginalName, err)
	}
	if int64(len(data)) > limit {
		return nil, nil
	}
	return data, nil
}

// imageProblem says in Vietnamese why the image name was refused.
func imageProblem(name string, info imagecheck.Info, err error) error {
	lim := imagecheck.Default
	switch {
	case errors.Is(err, imagecheck.ErrTooLarge):
		return check.FieldError("validation_image_size", fmt.Sprintf(
			"Ảnh “%s” quá lớn: %s × %s điểm ảnh; tối đa %s triệu điểm ảnh và mỗi chiều %s điểm ảnh. Hãy thu nhỏ ảnh rồi tải lên lại.",
			name, vntext.GroupDigits(info.Width), vntext.GroupDigits(info.Height), vntext.GroupDigits(lim.MaxPixels/1_000_000), vntext.GroupDigits(lim.MaxSide)))
	case errors.Is(err, imagecheck.ErrTooComplex):
		return check.FieldError("validation_image_scans", fmt.Sprintf(
			"Ảnh “%s” được lưu thành quá nhiều lượt quét (ảnh JPEG lũy tiến; tối đa %d lượt, máy ảnh và phần mềm thường chỉ ghi dưới 20), nên máy chủ không đọc ảnh này. Hãy mở ảnh trên máy, lưu lại thành JPEG thông thường rồi tải lên lại.",
			name, lim.MaxScans))
	case errors.Is(err, imagecheck.ErrTooSlow):
		return check.FieldError("validation_image_slow",
			"Máy chủ đọc ảnh “"+name+"” quá lâu nên đã dừng. Hãy mở ảnh trên máy, lưu lại thành JPEG hoặc PNG thông thường (hoặc thu nhỏ ảnh) rồi tải lên lại.")
	}
	return check.FieldError("validation_image_corrupt",
		"Ảnh “"+name+"” bị hỏng, không đọc được (dữ liệu ảnh bị cắt ngắn hoặc sai). Hãy mở ảnh trên máy, lưu lại thành JPEG hoặc PNG rồi tải lên lại.")
}

// replaceFile puts repl where old is among the field's values.
func replaceFile(r *core.Record, field string, old, repl *filesystem.File) {
	switch v := r.GetRaw(field).(type) {
	case *filesystem.File:
		if v == old {
			r.Set(field, repl)
		}
	case []any:
		files := slices.Clone(v)
		for i, f := range files {
			if f == any(old) {
				files[i] = repl
			}
		}
		r.Set(field, files)
	}
}

// mayHoldImage reports whether a file field accepts images: it names an
// image type, or accepts any type.
func mayHoldImage(f *core.FileField) bool {
	return len(f.MimeTypes) == 0 || slices.ContainsFunc(f.MimeTypes, func(m string) bool {
		return strings.HasPrefix(m, "image/")
	})
}

// imageOnly reports whether a file field holds photos only: those are
// shrunk and turned upright on upload; dossiers keep the file sent.
func imageOnly(f *core.FileField) bool {
	return len(f.MimeTypes) > 0 && !slices.ContainsFunc(f.MimeTypes, func(m string) bool {
		return !strings.HasPrefix(m, "image/")
	})
}
