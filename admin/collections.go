// Package admin is the PocketBase side of the portal. Register binds it to
// an app: its own record hooks, which keep what staff save clean (uploads
// decoded and bounded, NFC text, safe Markdown, unique slugs, short links,
// publication dates), hide the fields a caller may not see, translate
// errors into Vietnamese, set the security headers, guard staff accounts
// and the Markdown preview, and tell the site when a public record changed;
// and its feature packages, each bound by one call: admin/audit (the audit
// log and stamps), admin/history (earlier versions), admin/feedback (the
// citizens' forms), with admin/staff and admin/check shared among them.
// The award process (nominations, eligibility, reports, exports, the
// decision print) lives here too. The collections themselves are
// migrations/.
package admin

import (
	"fmt"
	"strconv"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// slugSource returns the text a record's slug is made from when staff leave
// the slug empty: its title or name, or for records without one, a
// description of what it is.
func slugSource(app core.App, r *core.Record) (string, error) {
	switch r.Collection().Name {
	case schema.Articles, schema.Initiatives, schema.Guides:
		return r.GetString("title"), nil
	case schema.Units, schema.Honorees:
		return r.GetString("name"), nil
	case schema.Documents:
		return r.GetString("number") + " " + r.GetString("title"), nil
	case schema.Indicators:
		return fmt.Sprintf("%s %d quy %d", r.GetString("metric"), r.GetInt("year"), r.GetInt("quarter")), nil
	case schema.Awards:
		name := ""
		if id := r.GetString("honoree"); id != "" {
			h, err := app.FindRecordById(schema.Honorees, id)
			if err == nil {
				name = h.GetString("name")
			}
		}
		return name + " " + strconv.Itoa(r.GetInt("year")) + " " + vocab.AwardKinds.Label(r.GetString("kind")), nil
	}
	return "", fmt.Errorf("no slug source for collection %q", r.Collection().Name)
}
