package backoffice

import (
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/commune"
)

// identityMeta is what meta.json tells the back office of the commune:
// what every page of the public site already shows (names, mark, demo
// banner), the setup form's fields with their labels and limits (the
// English ones apart), and the
// palette, the award forms chosen and those in use (all when none is
// chosen), which the nomination and award forms offer. Contacts and the plan are read by staff through the API.
type identityMeta struct {
	SiteName string       `json:"siteName"`
	Mark     string       `json:"mark"`
	Owner    string       `json:"owner"`
	Banner   string       `json:"banner,omitempty"`
	SetUp    bool         `json:"setUp"`
	Fields   []fieldLabel `json:"fields"`
	// FieldsEn are the optional English fields, for the site's page in
	// English (/en/).
	FieldsEn []fieldLabel   `json:"fieldsEn"`
	Palette  []paletteEntry `json:"palette"`
	// AwardForms are the forms the commune chose; FormsInUse those the
	// forms offer (every form when none is chosen).
	AwardForms []string `json:"awardForms"`
	FormsInUse []string `json:"formsInUse"`
}

type fieldLabel struct {
	Name     string `json:"name"`
	Label    string `json:"label"`
	Max      int    `json:"max"`
	Required bool   `json:"required"`
}

type paletteEntry struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Brand string `json:"brand"`
}

// identity reads the commune's identity for meta.json.
func identity(app core.App) (identityMeta, error) {
	rec, err := commune.Record(app)
	if err != nil {
		return identityMeta{}, err
	}
	id := commune.Neutral
	if rec != nil {
		id = commune.FromRecord(rec)
	}
	out := identityMeta{SiteName: id.SiteName, Mark: id.Mark, Owner: id.Owner, SetUp: rec != nil && rec.GetString("commune") != "",
		AwardForms: append([]string{}, id.AwardForms...), FormsInUse: id.FormsInUse().Keys()}
	if id.Demo {
		out.Banner = commune.DemoBanner
	}
	for _, f := range commune.Fields {
		out.Fields = append(out.Fields, fieldLabel{f.Name, f.Label, f.Max, f.Required})
	}
	for _, f := range commune.EnglishFields {
		out.FieldsEn = append(out.FieldsEn, fieldLabel{f.Name, f.Label, f.Max, f.Required})
	}
	for _, k := range commune.PaletteOrder {
		p := commune.Palette[k]
		out.Palette = append(out.Palette, paletteEntry{k, p.Label, p.Brand})
	}
	return out, nil
}
