package admin

import (
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/records"
)

// filesOfKinds are the collections whose kinds have rules of their own for
// the content of a file field (record.Kind.Files: a document's file).
func filesOfKinds() []string {
	var out []string
	for _, k := range records.All {
		if len(k.Files) > 0 {
			out = append(out, k.Collection)
		}
	}
	return out
}

// fileRule is the kind's rule of the uploads of a record's file field, or
// nil.
func fileRule(r *core.Record, field string) func([]byte, string) error {
	if k := records.ByCollection(r.Collection().Name); k != nil {
		return k.Files[field]
	}
	return nil
}

// checkKindFiles runs the rules a kind has for its file fields' new files
// (each read whole, as its kind says), or takes the verdict precheckUploads
// made of them before the request's transaction.
func checkKindFiles(e *core.RecordEvent) error {
	r := e.Record
	errs := validation.Errors{}
	for _, f := range r.Collection().Fields {
		ff, ok := f.(*core.FileField)
		if !ok {
			continue
		}
		rule := fileRule(r, ff.Name)
		if rule == nil {
			continue
		}
		for _, file := range r.GetUnsavedFiles(ff.Name) {
			_, err := verdictOf(verdictKey{file, true}, func() (*filesystem.File, error) { return nil, checkKindFile(file, ff, rule) })
			if err != nil {
				errs[ff.Name] = err
				break
			}
		}
	}
	return check.Validate(e, errs)
}

// checkKindFile checks one new file of a field by its kind's rule.
func checkKindFile(file *filesystem.File, ff *core.FileField, rule func([]byte, string) error) error {
	data, err := readUpload(file, ff)
	if err != nil {
		return check.FieldError("validation_file_unreadable", "Không đọc được tệp “"+file.OriginalName+"”; hãy tải lên lại.")
	}
	return rule(data, file.OriginalName)
}
