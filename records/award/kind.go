// Package award is the kind of public record of awards (khen thưởng): its
// descriptor, its typed record, the plan's rule of one award per
// achievement, and the awards as the pages of their honorees,
// initiatives and decisions show them. Awards have no page of their own.
package award

import (
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/record"
)

// Kind describes awards.
var Kind = &record.Kind{
	Collection:   schema.Awards,
	Noun:         "khen thưởng",
	Label:        "Khen thưởng",
	Texts:        map[string]check.Kind{"achievement": check.MultiLine},
	SlugSource:   slugSource,
	SlugFallback: "khen-thuong",
	Validate:     validate,
	Visible:      visible,
	Editors:      []string{schema.RoleReviewer},
	Publishers:   []string{schema.RoleReviewer},
}
