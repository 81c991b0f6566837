package document

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/doccheck"
	"github.com/daison/portal/internal/vntext"
)

// numberPattern is the number and symbol of an official document as
// Nghị định 30/2020/NĐ-CP writes it: the number, for legal documents the
// year, then the kind's abbreviation and the issuer's, joined by hyphens:
// "105/KH-UBND", "12/2026/QĐ-UBND", "03/TB-VPĐU-TCHC".
var numberPattern = regexp.MustCompile(`^[0-9]{1,6}(/[0-9]{4})?/[A-ZĐ]{1,10}(-[A-ZĐ0-9]{1,15}){1,4}$`)

// slugSource: a document's page is named after its number and title.
func slugSource(_ core.App, r *core.Record) string {
	d := Of(r)
	return d.Number() + " " + d.Title()
}

// validate checks a document: its number and symbol (stored as documents
// print it), its date, and that a published one has a file. The file's
// content is checked with the other uploads (checkFile).
func validate(_ core.App, r *core.Record, errs validation.Errors) {
	d := Of(r)
	set := func(field string, err error) {
		if errs[field] == nil {
			errs[field] = err
		}
	}
	if n := normalNumber(d.Number()); n != "" {
		d.SetNumber(n)
		if !numberPattern.MatchString(n) {
			set("number", check.FieldError("validation_document_number",
				"Số, ký hiệu “"+n+"” không đúng dạng: số, năm (nếu là văn bản quy phạm), rồi chữ viết tắt loại văn bản và cơ quan ban hành, ví dụ 105/KH-UBND hoặc 12/2026/QĐ-UBND."))
		}
	}
	if t := d.IssuedOn(); !t.IsZero() && t.After(time.Now().Add(48*time.Hour)) {
		set("issuedOn", check.FieldError("validation_document_date", "Ngày ban hành không được ở sau hôm nay."))
	}
	if d.IsPublished() && !d.HasFile() {
		set(FileField, check.FieldError("validation_document_file_required", "Văn bản cần có tệp (bản PDF đã ký, hoặc tệp Word, Excel) trước khi xuất bản."))
	}
}

// normalNumber trims a number and symbol, drops a leading "Số:" and
// writes its letters in capitals, as documents print it.
func normalNumber(s string) string {
	s = strings.TrimSpace(s)
	for _, prefix := range []string{"Số:", "số:", "SỐ:", "Số", "số"} {
		if strings.HasPrefix(s, prefix) {
			s = strings.TrimSpace(strings.TrimPrefix(s, prefix))
			break
		}
	}
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// checkFile reads a new file of the document whole (doccheck) and says in
// Vietnamese why it is refused; data is nil for a file larger than the
// field takes.
func checkFile(data []byte, name string) error {
	if data == nil {
		return fileProblem(name, doccheck.ErrTooLarge)
	}
	if _, err := doccheck.Check(data, name, doccheck.Default); err != nil {
		return fileProblem(name, err)
	}
	return nil
}

// fileProblem says in Vietnamese why the document name was refused.
func fileProblem(name string, err error) error {
	switch {
	case errors.Is(err, doccheck.ErrTooManyParts):
		return check.FieldError("validation_document_parts", fmt.Sprintf(
			"Tệp “%s” có quá nhiều phần bên trong (tối đa %s), khác với tệp Word hay Excel thông thường. Hãy mở tệp trên máy, lưu lại thành tệp mới (hoặc in ra PDF) rồi tải lên lại.", name, vntext.GroupDigits(doccheck.Default.MaxParts)))
	case errors.Is(err, doccheck.ErrTooLarge):
		return check.FieldError("validation_document_size", fmt.Sprintf(
			"Tệp “%s” quá lớn (tối đa %d MB, kể cả khi giải nén). Hãy quét văn bản với độ phân giải thấp hơn hoặc tách thành nhiều tệp.", name, doccheck.Default.MaxBytes>>20))
	case errors.Is(err, doccheck.ErrCorrupt):
		return check.FieldError("validation_document_corrupt",
			"Tệp “"+name+"” bị hỏng, không mở được (dữ liệu bị cắt ngắn hoặc sai). Hãy mở tệp trên máy, lưu lại rồi tải lên lại.")
	}
	return check.FieldError("validation_document_type",
		"Tệp “"+name+"” không phải văn bản PDF, Word (DOC, DOCX) hay Excel (XLS, XLSX), hoặc phần đuôi tên tệp không đúng với nội dung. Hãy chọn đúng tệp văn bản.")
}
