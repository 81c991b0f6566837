package commune

import (
	"slices"

	"github.com/daison/portal/internal/vocab"
)

// FormsInUse returns the award forms the commune uses, in the vocabulary's
// order: those of AwardForms that the vocabulary knows, or every form when
// none is chosen.
func (c Identity) FormsInUse() vocab.List {
	var in vocab.List
	for _, o := range vocab.AwardForms {
		if slices.Contains(c.AwardForms, o.Key) {
			in = append(in, o)
		}
	}
	if len(in) == 0 {
		return vocab.AwardForms
	}
	return in
}

// UnknownForms returns the keys of forms that the vocabulary does not know.
func UnknownForms(keys []string) []string {
	var bad []string
	for _, k := range keys {
		if !vocab.AwardForms.Has(k) {
			bad = append(bad, k)
		}
	}
	return bad
}
