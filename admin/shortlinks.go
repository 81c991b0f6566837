package admin

import (
	"encoding/json"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/shortcode"
)

// Linkable collections have short links (/l/<code>/) and keep their old
// slugs, so that links shared on Zalo or printed on a QR poster keep working
// after a rename.
var Linkable = []string{Articles, Initiatives, Honorees, Guides}

func isLinkable(name string) bool {
	for _, c := range Linkable {
		if c == name {
			return true
		}
	}
	return false
}

// keepLinks gives a new record its short code, refuses a change of the code,
// and remembers the old slug when the slug changes.
func keepLinks(app core.App, r *core.Record) error {
	if r.IsNew() {
		if r.GetString("shortCode") == "" {
			for {
				code, err := shortcode.New()
				if err != nil {
					return err
				}
				if n, _ := app.CountRecords(r.Collection(), dbx.HashExp{"shortCode": code}); n == 0 {
					r.Set("shortCode", code)
					break
				}
			}
		} else if !shortcode.Valid(r.GetString("shortCode")) {
			return fieldError("validation_short_code", "Mã liên kết ngắn không hợp lệ.")
		}
		return nil
	}
	// The stored version, not r.Original(): a record kept in memory across
	// saves (Go code, the demo loader) has a stale original.
	orig, err := app.FindRecordById(r.Collection(), r.Id)
	if err != nil {
		return nil
	}
	if r.GetString("shortCode") != orig.GetString("shortCode") && orig.GetString("shortCode") != "" {
		return fieldError("validation_short_code", "Mã liên kết ngắn là cố định, không được thay đổi (mã in trên áp phích QR sẽ không còn đúng).")
	}
	old, now := orig.GetString("slug"), r.GetString("slug")
	slugs := OldSlugs(r)
	if old != "" && old != now {
		slugs = appendUnique(slugs, old)
	}
	// Renamed back to an earlier slug: it is the current one again.
	kept := slugs[:0]
	for _, s := range slugs {
		if s != now {
			kept = append(kept, s)
		}
	}
	if len(kept) == 0 {
		r.Set("oldSlugs", nil)
	} else {
		r.Set("oldSlugs", kept)
	}
	return nil
}

// OldSlugs returns the slugs a record had before its current one.
func OldSlugs(r *core.Record) []string {
	var slugs []string
	if raw := jsonValue(r, "oldSlugs"); len(raw) > 0 {
		_ = json.Unmarshal(raw, &slugs)
	}
	return slugs
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
