// Package indicator is the kind of public record of the reform
// indicators (Bộ chỉ số CCHC: a metric's value in a quarter, with its
// target): its descriptor, its typed record, and the data file the
// indicators' page draws its charts from. Indicators have no page each.
package indicator

import (
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/record"
)

// Kind describes indicators.
var Kind = &record.Kind{
	Collection:   schema.Indicators,
	Noun:         "chỉ số",
	Label:        "Chỉ số cải cách hành chính",
	Texts:        map[string]check.Kind{"note": check.MultiLine},
	SlugSource:   slugSource,
	SlugFallback: "chi-so",
	Editors:      []string{schema.RoleReviewer},
	Publishers:   []string{schema.RoleReviewer},
	Export:       export,
}
