package record

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

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
