package check

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vntext"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Validate runs PocketBase's own validation (e.Next) and reports its
// problems together with ours, ours first where both name a field.
func Validate(e *core.RecordEvent, errs validation.Errors) error {
	err := e.Next()
	if len(errs) == 0 {
		return err
	}
	var pbErrs validation.Errors
	if errors.As(err, &pbErrs) {
		for field, fe := range pbErrs {
			if _, ours := errs[field]; !ours {
				errs[field] = fe
			}
		}
	} else if err != nil {
		return err
	}
	return errs
}

// FieldError is a validation error with a Vietnamese message.
func FieldError(code, message string) validation.Error {
	return validation.NewError(code, message)
}

// Texts stores every text field of r, a record of a staff-side
// collection, as its kind's rule says (see Text and KindOf) and reports,
// beside each field, what the rule refuses.
func Texts(r *core.Record, errs validation.Errors) {
	TextsAs(r, textFields[r.Collection().Name], errs)
}

// TextsAs is Texts with the kinds of the record's text fields given (those
// not in kinds are single-line).
func TextsAs(r *core.Record, kinds map[string]Kind, errs validation.Errors) {
	for _, f := range r.Collection().Fields {
		if f.Type() != core.FieldTypeText {
			continue
		}
		name := f.GetName()
		v, p := Text(kinds[name], r.GetString(name))
		r.Set(name, v)
		if p != nil {
			errs[name] = FieldError(p.Code, p.Message)
		}
	}
}

// unchanged compares a field's value with its stored one; every kind of
// empty is the same (nil, "", a zero date, an empty list, JSON null, [] or
// {}: what a client sends for an empty field varies).
func Unchanged(a, b any) bool {
	return (blank(a) && blank(b)) || SameValue(a, b)
}

// blank is IsEmpty, with JSON null, [], {} and "" empty too.
func blank(v any) bool {
	if raw, ok := v.(types.JSONRaw); ok {
		switch strings.TrimSpace(string(raw)) {
		case "", "null", "[]", "{}", `""`:
			return true
		}
		return false
	}
	return IsEmpty(v)
}

// SameValue reports whether two field values are equal, as Go values or
// as the JSON they are sent and stored as.
func SameValue(a, b any) bool {
	if reflect.DeepEqual(a, b) {
		return true
	}
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && string(ja) == string(jb)
}

// IsEmpty reports whether a field value is its type's empty value.
func IsEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case bool:
		return !x
	case []string:
		return len(x) == 0
	case types.DateTime:
		return x.IsZero()
	case types.JSONRaw:
		return len(x) == 0 || string(x) == "null"
	case float64:
		return x == 0
	case int:
		return x == 0
	}
	return false
}

// Tag limits.
const (
	maxTags   = 10
	maxTagLen = 50
)

// Tags stores a record's tags (an article's, a citizen submission's)
// as a list of distinct single-line plain texts (Text) and checks their
// number and length.
func Tags(r *core.Record) error {
	var tags []string
	if s := strings.TrimSpace(string(schema.JSONValue(r, "tags"))); s != "" && s != "null" {
		if err := json.Unmarshal([]byte(s), &tags); err != nil {
			return FieldError("validation_tags_format", "Từ khóa phải là một danh sách các chuỗi, ví dụ [\"VNeID\", \"dịch vụ công\"].")
		}
	}
	seen := map[string]bool{}
	clean := make([]string, 0, len(tags))
	for _, t := range tags {
		t, p := Text(SingleLine, t)
		if t == "" || seen[vntext.Fold(t)] {
			continue
		}
		if p != nil {
			return FieldError("validation_tags_format", "Từ khóa “"+t+"”: "+p.Message)
		}
		if utf8.RuneCountInString(t) > maxTagLen {
			return FieldError("validation_tags_format", fmt.Sprintf("Mỗi từ khóa dài tối đa %d ký tự.", maxTagLen))
		}
		seen[vntext.Fold(t)] = true
		clean = append(clean, t)
	}
	if len(clean) > maxTags {
		return FieldError("validation_tags_count", fmt.Sprintf("Tối đa %d từ khóa.", maxTags))
	}
	if len(clean) == 0 {
		r.Set("tags", nil)
		return nil
	}
	r.Set("tags", clean)
	return nil
}
