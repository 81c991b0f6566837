// Package setup keeps the commune's identity (internal/commune): the rules
// of its one record (limits, Vietnamese messages, one record only, the
// signed plan a real PDF), the portal's name in its mail, and a rebuild of
// the site when it changes. "portal init" and the back office's setup view
// save through the same record, so the same rules hold.
package setup

import (
	"bytes"
	"fmt"
	"io"
	"net/mail"
	"regexp"
	"strings"
	"time"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/vocab"
)

// Bind binds the identity's hooks to app; changed (if not nil) is told of
// every committed change, with the collection's name, to rebuild the site.
func Bind(app core.App, changed func(collection string)) {
	app.OnRecordValidate(commune.Collection).BindFunc(validate)
	app.OnRecordCreate(commune.Collection).BindFunc(onlyOne)
	app.OnRecordDelete(commune.Collection).BindFunc(keep)
	after := func(e *core.RecordEvent) error {
		nameMail(e.App, commune.FromRecord(e.Record))
		if changed != nil {
			changed(commune.Collection)
		}
		return e.Next()
	}
	app.OnRecordAfterCreateSuccess(commune.Collection).BindFunc(after)
	app.OnRecordAfterUpdateSuccess(commune.Collection).BindFunc(after)
}

// onlyOne refuses a second identity record.
func onlyOne(e *core.RecordEvent) error {
	if r, err := commune.Record(e.App); err == nil && r != nil && r.Id != e.Record.Id {
		return validation.Errors{"commune": check.FieldError("validation_commune_single",
			"Cổng đã có thông tin của xã; hãy sửa thông tin đó thay vì tạo thêm.")}
	}
	return e.Next()
}

// keep refuses deleting the identity: the site would lose its name.
func keep(e *core.RecordEvent) error {
	return fmt.Errorf("xóa thông tin của xã: %w", validation.NewError("validation_commune_keep",
		"Không xóa được thông tin của xã; hãy sửa lại cho đúng."))
}

var (
	markRE  = regexp.MustCompile(`^\p{Lu}{1,3}$`)
	phoneRE = regexp.MustCompile(`^[0-9][0-9 .]{2,18}[0-9]$`)
	dateRE  = regexp.MustCompile(`^(\d{2})/(\d{2})/(\d{4})$`)
)

// validate checks the identity's fields: text by the rules of text, each
// within its limit, the required ones present, the mark 1–3 capital
// letters, the hotline digits, the email an address, the plan's date a
// real dd/mm/yyyy and its file a PDF.
func validate(e *core.RecordEvent) error {
	r := e.Record
	errs := validation.Errors{}
	check.Texts(r, errs)
	for _, f := range commune.AllFields() {
		v := r.GetString(f.Name)
		if _, bad := errs[f.Name]; bad {
			continue
		}
		switch {
		case v == "" && f.Required:
			errs[f.Name] = check.FieldError("validation_required", "Hãy điền “"+f.Label+"”.")
		case len([]rune(v)) > f.Max:
			errs[f.Name] = check.FieldError("validation_length_out_of_range",
				fmt.Sprintf("“%s” dài quá: tối đa %d ký tự.", f.Label, f.Max))
		}
	}
	if v := r.GetString("mark"); v != "" && !markRE.MatchString(v) && errs["mark"] == nil {
		errs["mark"] = check.FieldError("validation_commune_mark", "Chữ viết tắt gồm 1 đến 3 chữ cái in hoa, ví dụ “HB”.")
	}
	if v := r.GetString("phone"); v != "" && !phoneRE.MatchString(v) && errs["phone"] == nil {
		errs["phone"] = check.FieldError("validation_commune_phone", "Số điện thoại chỉ gồm chữ số (có thể cách bằng dấu cách hoặc dấu chấm), ví dụ “0203 3812 345”.")
	}
	if v := r.GetString("email"); v != "" && errs["email"] == nil {
		if a, err := mail.ParseAddress(v); err != nil || a.Address != v || a.Name != "" {
			errs["email"] = check.FieldError("validation_commune_email", "Địa chỉ thư điện tử chưa đúng, ví dụ “ubnd@hoabinh.gov.vn”.")
		}
	}
	if v := r.GetString("planDate"); v != "" && errs["planDate"] == nil && !realDate(v) {
		errs["planDate"] = check.FieldError("validation_commune_date", "Ngày ban hành viết theo dạng ngày/tháng/năm, ví dụ “15/06/2026”.")
	}
	if bad := commune.UnknownForms(r.GetStringSlice("awardForms")); len(bad) > 0 {
		errs["awardForms"] = check.FieldError("validation_commune_forms",
			"Không có hình thức khen thưởng “"+strings.Join(bad, "”, “")+"”; hãy chọn trong danh sách: "+
				strings.Join(labels(vocab.AwardForms), "; ")+".")
	}
	for _, f := range r.GetUnsavedFiles("planFile") {
		if err := checkPDF(f.Reader.Open, f.Size); err != nil {
			errs["planFile"] = check.FieldError("validation_commune_pdf", "Tệp “"+f.OriginalName+"” "+err.Error())
		}
	}
	return check.Validate(e, errs)
}

// labels returns the labels of l's options.
func labels(l vocab.List) []string {
	out := make([]string, len(l))
	for i, o := range l {
		out[i] = o.Label
	}
	return out
}

// realDate reports whether v is a day that exists, written dd/mm/yyyy.
func realDate(v string) bool {
	m := dateRE.FindStringSubmatch(v)
	if m == nil {
		return false
	}
	t, err := time.Parse("02/01/2006", v)
	return err == nil && t.Year() >= 2000 && t.Year() <= 2100
}

// checkPDF reads a PDF whole (at most commune.PlanFileMax bytes) and checks
// it starts and ends as a PDF does; the message completes "Tệp “x” …".
func checkPDF(open func() (io.ReadSeekCloser, error), size int64) error {
	if size > commune.PlanFileMax {
		return fmt.Errorf("lớn quá: tối đa %d MB", commune.PlanFileMax>>20)
	}
	rd, err := open()
	if err != nil {
		return fmt.Errorf("không đọc được; hãy tải lên lại")
	}
	defer rd.Close()
	data, err := io.ReadAll(io.LimitReader(rd, commune.PlanFileMax+1))
	if err != nil || int64(len(data)) > commune.PlanFileMax {
		return fmt.Errorf("không đọc được hoặc lớn quá (tối đa %d MB)", commune.PlanFileMax>>20)
	}
	tail := data[max(0, len(data)-1024):]
	if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(tail, []byte("%%EOF")) {
		return fmt.Errorf("không phải tệp PDF hoàn chỉnh; hãy tải lên bản PDF đã ký của kế hoạch")
	}
	return nil
}

// nameMail names the portal in its mail (PocketBase's app and sender
// name) after the commune's site.
func nameMail(app core.App, c commune.Identity) {
	s := app.Settings()
	name := strings.TrimSpace(c.SiteName)
	if name == "" || (s.Meta.AppName == name && s.Meta.SenderName == name) {
		return
	}
	s.Meta.AppName, s.Meta.SenderName = name, name
	if err := app.Save(s); err != nil {
		app.Logger().Warn("không đặt được tên cổng trong thư gửi đi", "component", "setup", "error", err.Error())
	}
}
