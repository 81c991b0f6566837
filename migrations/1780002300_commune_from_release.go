package migrations

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"github.com/daison/portal/internal/commune"
)

// A portal upgraded from a release before the commune's identity became
// data keeps its name. Those releases named the portal only in
// PocketBase's settings (Application name, "Cổng cải cách hành chính xã
// …", which its mail carries); the identity's collection was created
// empty, so the site read "Ủy ban nhân dân xã" with no name until someone
// ran "portal init". This step makes the identity's record from that name
// when there is none: the site's name, the commune with its level, the
// owner, the mark and the movement. The contacts the law asks for stay
// empty until a reviewer fills them in (Thông tin của xã). A new portal,
// whose settings carry the neutral name, gets no record.
func init() {
	m.Register(func(app core.App) error {
		if _, err := app.FindCollectionByNameOrId(commune.Collection); err != nil {
			return nil
		}
		if r, err := commune.Record(app); err != nil || r != nil {
			return err
		}
		fields := identityFromAppName(app.Settings().Meta.AppName)
		if fields == nil {
			return nil
		}
		c, err := app.FindCollectionByNameOrId(commune.Collection)
		if err != nil {
			return fmt.Errorf("find the commune collection: %w", err)
		}
		r := core.NewRecord(c)
		for k, v := range fields {
			r.Set(k, v)
		}
		// The contacts are not known yet: the identity's rules, which ask
		// for them, apply at its next save in the back office.
		if err := app.SaveNoValidate(r); err != nil {
			return fmt.Errorf("keep the commune's name from the previous release: %w", err)
		}
		return nil
	}, func(app core.App) error {
		r, err := commune.Record(app)
		if err != nil || r == nil {
			return err
		}
		// Only the record this step made, as it made it: staff's own
		// identity is never removed.
		fields := identityFromAppName(app.Settings().Meta.AppName)
		if fields == nil {
			return nil
		}
		for _, f := range commune.Fields {
			if r.GetString(f.Name) != fields[f.Name] {
				return nil
			}
		}
		// Directly: the identity's hooks refuse deleting it through the API.
		if _, err := app.DB().Delete(commune.Collection, dbx.HashExp{"id": r.Id}).Execute(); err != nil {
			return fmt.Errorf("remove the commune's record made from the previous release: %w", err)
		}
		return nil
	})
}

// neutralAppNames are the names PocketBase and the portal give a portal
// not set up: they name no commune.
var neutralAppNames = []string{"", "Acme", "Cổng cải cách hành chính", commune.Neutral.SiteName}

// communeInName finds a commune with its level at the end of a name:
// "Cổng cải cách hành chính xã Hòa Bình" → "xã", "Hòa Bình".
var communeInName = regexp.MustCompile(`(?:^|\s)(xã|phường|thị trấn|đặc khu)\s+(\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*)*)\s*$`)

// identityFromAppName returns the identity's fields a portal's name gives,
// or nil for a neutral name.
func identityFromAppName(name string) map[string]string {
	name = strings.Join(strings.Fields(name), " ")
	for _, n := range neutralAppNames {
		if name == n {
			return nil
		}
	}
	if len([]rune(name)) > 150 {
		return nil
	}
	out := map[string]string{"siteName": name}
	m := communeInName.FindStringSubmatch(name)
	if m == nil {
		return out
	}
	place := m[1] + " " + m[2]
	out["commune"] = place
	out["owner"] = "Ủy ban nhân dân " + place
	out["movement"] = "Đẩy mạnh cải cách hành chính trên địa bàn " + place + " giai đoạn 2026 – 2030"
	var mark []rune
	for _, w := range strings.Fields(m[2]) {
		if r := []rune(w); len(mark) < 3 && unicode.IsUpper(r[0]) {
			mark = append(mark, r[0])
		}
	}
	out["mark"] = string(mark)
	return out
}
