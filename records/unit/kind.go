// Package unit is the kind of public record of the commune's units (đơn
// vị: offices, centres, mass organisations, hamlets, schools…): its
// descriptor, its typed record, and the page of each unit (/don-vi/<slug>/).
package unit

import (
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/record"
)

// Kind describes units.
var Kind = &record.Kind{
	Collection:   schema.Units,
	Section:      "don-vi",
	Noun:         "đơn vị",
	Label:        "Đơn vị",
	TitleField:   "name",
	Texts:        map[string]check.Kind{"description": check.Markdown},
	SlugSource:   slugSource,
	SlugFallback: "don-vi",
	Editors:      []string{schema.RoleReviewer},
	Publishers:   []string{schema.RoleReviewer},
	Search:       &record.Search{Label: "Đơn vị", Rank: 6, Map: searchText},
	Export:       export,
}
