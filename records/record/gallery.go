package record

import (
	"encoding/json"
	"path"
	"regexp"
	"slices"
	"strings"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"
)

// MaxCaption is the longest caption of a gallery photo, in characters.
const MaxCaption = 300

// markdownImage finds the address of each image in Markdown: ![alt](addr).
var markdownImage = regexp.MustCompile(`!\[[^\]]*\]\(\s*<?([^)\s>]+)`)

// CheckGallery keeps a record's gallery captions to a JSON object from a
// photo of its gallery (field) to one line of text (captions of photos no
// longer there are dropped), and its body to images it has: a Markdown
// image whose address is a plain file name must be one of the photos
// uploaded for the text (have, its "bodyImages"), or the site would show a
// broken image. A problem is added to errs unless the field has one
// already.
func CheckGallery(r *core.Record, field, body string, have []string, errs validation.Errors) {
	if err := cleanCaptions(r, field); err != nil && errs[CaptionsField] == nil {
		errs[CaptionsField] = err
	}
	for _, m := range markdownImage.FindAllStringSubmatch(body, -1) {
		addr := m[1]
		if strings.Contains(addr, ":") || strings.HasPrefix(addr, "/") || strings.HasPrefix(addr, "#") {
			continue // a web address: the render hook decides
		}
		if !slices.Contains(have, addr) {
			if errs["body"] == nil {
				errs["body"] = check.FieldError("validation_body_image",
					"Ảnh “"+addr+"” trong nội dung chưa được tải lên cùng bài này. Hãy tải ảnh lên ở mục “Ảnh trong nội dung” rồi chèn lại, hoặc xóa dòng ảnh đó.")
			}
			break
		}
	}
}

// cleanCaptions checks and trims the captions of a gallery field.
func cleanCaptions(r *core.Record, field string) error {
	raw := schema.JSONValue(r, CaptionsField)
	s := strings.TrimSpace(string(raw))
	if s == "" || s == "null" {
		return nil
	}
	var caps map[string]string
	if err := json.Unmarshal([]byte(s), &caps); err != nil {
		return check.FieldError("validation_captions", "Chú thích ảnh không đọc được; hãy ghi lại chú thích cho từng ảnh.")
	}
	photos := r.GetStringSlice(field)
	out := map[string]string{}
	for name, c := range caps {
		if !slices.Contains(photos, name) {
			continue
		}
		v, p := check.Text(check.SingleLine, c)
		if p != nil {
			return check.FieldError(p.Code, "Chú thích ảnh: "+p.Message)
		}
		if n := len([]rune(v)); n > MaxCaption {
			return check.FieldError("validation_caption_length", "Mỗi chú thích ảnh tối đa 300 ký tự; chú thích của ảnh “"+name+"” quá dài.")
		}
		if v != "" {
			out[name] = v
		}
	}
	r.Set(CaptionsField, out)
	return nil
}

// PlaceNewBodyImages points the body's images at the photos uploaded for
// the text ("bodyImages") in this same save, and returns the names of all
// its photos for the text, as CheckGallery's have. The back office inserts a photo picked before the record is
// saved under the name it uploads the file with (its stored name is made
// only on save); an image whose address is that name, with any extension
// (the stored copy may be re-encoded), is given the stored name.
func PlaceNewBodyImages(r *core.Record) []string {
	var have []string
	renamed := map[string]string{}
	for _, v := range asSlice(r.GetRaw("bodyImages")) {
		switch f := v.(type) {
		case string:
			have = append(have, f)
		case *filesystem.File:
			have = append(have, f.Name)
			renamed[strings.TrimSuffix(f.OriginalName, path.Ext(f.OriginalName))] = f.Name
		}
	}
	if len(renamed) == 0 {
		return have
	}
	body := r.GetString("body")
	out := markdownImage.ReplaceAllStringFunc(body, func(img string) string {
		m := markdownImage.FindStringSubmatch(img)
		addr := m[1]
		name, ok := renamed[strings.TrimSuffix(addr, path.Ext(addr))]
		if !ok || slices.Contains(have, addr) {
			return img
		}
		return strings.TrimSuffix(img, addr) + name
	})
	if out != body {
		r.Set("body", out)
	}
	return have
}

// asSlice is a file field's raw value as a list.
func asSlice(raw any) []any {
	switch v := raw.(type) {
	case []any:
		return v
	case []string:
		out := make([]any, len(v))
		for i, s := range v {
			out[i] = s
		}
		return out
	case nil:
		return nil
	default:
		return []any{v}
	}
}
