package admin

import (
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vnsearch"
)

// bindSynonyms checks the search synonyms staff save (text rules, words
// that search can read, a phrase of at most six words that does not mean
// itself) and has a change rebuild the site, whose search index carries
// the list.
func bindSynonyms(app core.App, changed func(string)) {
	app.OnRecordValidate(schema.SearchSynonyms).BindFunc(func(e *core.RecordEvent) error {
		errs := validation.Errors{}
		check.Texts(e.Record, errs)
		phrase := vnsearch.Tokens(e.Record.GetString("phrase"))
		means := vnsearch.Tokens(e.Record.GetString("means"))
		switch {
		case errs["phrase"] != nil:
		case e.Record.GetString("phrase") != "" && len(phrase) == 0:
			errs["phrase"] = check.FieldError("synonym_no_words", "Hãy nhập chữ hoặc số mà người dân gõ, ví dụ “sổ đỏ”.")
		case len(phrase) > 6:
			errs["phrase"] = check.FieldError("synonym_too_long", "Cụm từ người dân gõ chỉ nên có tối đa 6 tiếng.")
		}
		switch {
		case errs["means"] != nil:
		case e.Record.GetString("means") != "" && len(means) == 0:
			errs["means"] = check.FieldError("synonym_no_words", "Hãy nhập chữ hoặc số mà các trang dùng, ví dụ “giấy chứng nhận quyền sử dụng đất”.")
		case len(means) > 0 && sameKeys(phrase, means):
			errs["means"] = check.FieldError("synonym_same", "Nghĩa tìm kiếm phải khác cụm từ người dân gõ.")
		}
		return check.Validate(e, errs)
	})
	if changed == nil {
		return
	}
	notify := func(e *core.RecordEvent) error {
		changed(e.Record.Collection().Name)
		return e.Next()
	}
	app.OnRecordAfterCreateSuccess(schema.SearchSynonyms).BindFunc(notify)
	app.OnRecordAfterUpdateSuccess(schema.SearchSynonyms).BindFunc(notify)
	app.OnRecordAfterDeleteSuccess(schema.SearchSynonyms).BindFunc(notify)
}

// sameKeys reports whether two phrases fold to the same words.
func sameKeys(a, b []vnsearch.Token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Key != b[i].Key {
			return false
		}
	}
	return true
}
