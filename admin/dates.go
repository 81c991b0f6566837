package admin

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/check"
)

// checkRequestDates refuses a create or update whose date fields were sent
// with a value that is not a real date (30/02, "ngày mai", 2027-13-01):
// PocketBase would store it as empty without a word, and the staff member
// would lose the date they typed. It reads the fields as they were sent,
// since PocketBase's parsed body has already emptied them.
func checkRequestDates(e *core.RecordRequestEvent) error {
	errs := validation.Errors{}
	for _, f := range e.Collection.Fields {
		if f.Type() != core.FieldTypeDate {
			continue
		}
		s, ok := sentValue(e.Request, f.GetName())
		if !ok || s == "" {
			continue
		}
		// ParseDateTime never fails: what it cannot read becomes the zero time.
		if d, _ := types.ParseDateTime(s); d.IsZero() {
			errs[f.GetName()] = check.FieldError("validation_invalid_date",
				"Ngày “"+s+"” không có thật hoặc không đúng định dạng (ví dụ 2026-11-20 08:00:00).")
		}
	}
	if len(errs) > 0 {
		return e.BadRequestError("", errs)
	}
	return e.Next()
}

// sentValue returns a field's value as the client sent it, from a JSON body
// or a form (multipart or urlencoded, with PocketBase's @jsonPayload).
func sentValue(r *http.Request, name string) (string, bool) {
	ct := r.Header.Get("Content-Type")
	if strings.HasPrefix(ct, "application/json") {
		// PocketBase's request body can be read again: it rewinds at EOF.
		var body map[string]any
		if err := json.NewDecoder(io.LimitReader(r.Body, 64<<20)).Decode(&body); err != nil {
			return "", false
		}
		_, _ = io.Copy(io.Discard, r.Body) // reach EOF so the body rewinds
		v, ok := body[name]
		if !ok || v == nil {
			return "", false
		}
		return strings.TrimSpace(fmt.Sprint(v)), true
	}
	if r.MultipartForm != nil {
		if vs := r.MultipartForm.Value[name]; len(vs) > 0 {
			return strings.TrimSpace(vs[len(vs)-1]), true
		}
		if vs := r.MultipartForm.Value["@jsonPayload"]; len(vs) > 0 {
			var body map[string]any
			if json.Unmarshal([]byte(vs[0]), &body) == nil {
				if v, ok := body[name]; ok && v != nil {
					return strings.TrimSpace(fmt.Sprint(v)), true
				}
			}
		}
	}
	if r.PostForm != nil {
		if vs := r.PostForm[name]; len(vs) > 0 {
			return strings.TrimSpace(vs[len(vs)-1]), true
		}
	}
	return "", false
}
