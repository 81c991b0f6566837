package admin

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/doccheck"
	"github.com/daison/portal/internal/vntext"
	"github.com/daison/portal/internal/vocab"
)

// documentNumber is the number and symbol of an official document as
// Nghị định 30/2020/NĐ-CP writes it: the number, for legal documents the
// year, then the kind's abbreviation and the issuer's, joined by hyphens:
// "105/KH-UBND", "12/2026/QĐ-UBND", "03/TB-VPĐU-TCHC".
var documentNumber = regexp.MustCompile(`^[0-9]{1,6}(/[0-9]{4})?/[A-ZĐ]{1,10}(-[A-ZĐ0-9]{1,15}){1,4}$`)

// checkDocument validates a document (văn bản) before PocketBase's own
// checks: its number and symbol, its date, its file (PDF, DOC, DOCX, XLS
// or XLSX, read whole by doccheck), and that a published one has a file.
func checkDocument(e *core.RecordEvent) error {
	r := e.Record
	errs := validation.Errors{}
	if n := normalDocumentNumber(r.GetString("number")); n != "" {
		r.Set("number", n)
		if !documentNumber.MatchString(n) {
			errs["number"] = check.FieldError("validation_document_number",
				"Số, ký hiệu “"+n+"” không đúng dạng: số, năm (nếu là văn bản quy phạm), rồi chữ viết tắt loại văn bản và cơ quan ban hành, ví dụ 105/KH-UBND hoặc 12/2026/QĐ-UBND.")
		}
	}
	if d := r.GetDateTime("issuedOn"); !d.IsZero() && d.Time().After(time.Now().Add(48*time.Hour)) {
		errs["issuedOn"] = check.FieldError("validation_document_date", "Ngày ban hành không được ở sau hôm nay.")
	}
	if ff, ok := r.Collection().Fields.GetByName(documentFileField).(*core.FileField); ok {
		if err := checkDocumentFiles(r, ff); err != nil {
			errs["file"] = err
		}
	}
	if _, bad := errs["file"]; !bad && r.GetString("status") == vocab.StatusPublished && len(r.GetStringSlice("file")) == 0 && len(r.GetUnsavedFiles("file")) == 0 {
		errs["file"] = check.FieldError("validation_document_file_required", "Văn bản cần có tệp (bản PDF đã ký, hoặc tệp Word, Excel) trước khi xuất bản.")
	}
	return check.Validate(e, errs)
}

// normalDocumentNumber trims a number and symbol, drops a leading "Số:"
// and writes its letters in capitals, as documents print it.
func normalDocumentNumber(s string) string {
	s = strings.TrimSpace(s)
	for _, prefix := range []string{"Số:", "số:", "SỐ:", "Số", "số"} {
		if strings.HasPrefix(s, prefix) {
			s = strings.TrimSpace(strings.TrimPrefix(s, prefix))
			break
		}
	}
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// documentFileField is the documents' file field.
const documentFileField = "file"

// checkDocumentFiles reads the new files of a document field whole
// (doccheck) and says in Vietnamese why the first bad one is refused.
func checkDocumentFiles(r *core.Record, ff *core.FileField) error {
	for _, file := range r.GetUnsavedFiles(ff.Name) {
		_, err := verdictOf(verdictKey{file, true}, func() (*filesystem.File, error) { return nil, checkDocumentFile(file, ff) })
		if err != nil {
			return err
		}
	}
	return nil
}

// checkDocumentFile checks one new file of a document field.
func checkDocumentFile(file *filesystem.File, ff *core.FileField) error {
	data, err := readUpload(file, ff)
	if err != nil {
		return check.FieldError("validation_file_unreadable", "Không đọc được tệp “"+file.OriginalName+"”; hãy tải lên lại.")
	}
	if data == nil {
		return documentProblem(file.OriginalName, doccheck.ErrTooLarge)
	}
	if _, err := doccheck.Check(data, file.OriginalName, doccheck.Default); err != nil {
		return documentProblem(file.OriginalName, err)
	}
	return nil
}

// documentProblem says in Vietnamese why the document name was refused.
func documentProblem(name string, err error) error {
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
