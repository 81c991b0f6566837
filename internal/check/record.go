package check

import (
	"sort"

	"github.com/pocketbase/pocketbase/core"
)

// ChangedFields lists the fields of after whose value differs from
// before's, in name order, leaving out what the portal stamps itself (see
// IsSystemField): what the audit log names and what makes the history keep
// a version.
func ChangedFields(before, after *core.Record) []string {
	var out []string
	for _, f := range after.Collection().Fields {
		name := f.GetName()
		if IsSystemField(name) {
			continue
		}
		if !SameValue(before.Get(name), after.Get(name)) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// IsSystemField tells the fields the audit log leaves out: the record's id
// and times, the stamps, and an account's token key (changed with its
// password, which is logged by name).
func IsSystemField(name string) bool {
	switch name {
	case "id", "created", "updated", "updatedBy", "statusBy", "statusAt", core.FieldNameTokenKey:
		return true
	}
	return false
}

// RecordTitle names a record for people reading the log and messages: its
// title, name or reference code, never a field hidden from the API (a
// citizen's name).
func RecordTitle(r *core.Record) string {
	for _, name := range []string{"title", "name", "nomineeName", "refCode", "slug", core.FieldNameEmail} {
		if f := r.Collection().Fields.GetByName(name); f == nil || f.GetHidden() {
			continue
		}
		if s := r.GetString(name); s != "" {
			return s
		}
	}
	return r.Id
}

// ClipRunes returns s cut to at most n characters (runes).
func ClipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
