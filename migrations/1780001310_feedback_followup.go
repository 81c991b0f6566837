package migrations

import (
	"fmt"
	"slices"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"github.com/daison/portal/internal/schema"
)

// lookupRateRule limits the citizens' receipt lookups per address.
var lookupRateRule = core.RateLimitRule{Label: "POST /gop-y/tra-cuu/", MaxRequests: 10, Duration: 60}

// Citizens see what became of their feedback: consent to publish a
// question with its answer (publishConsent, the citizen's), staff's choice
// to publish it (published, with publishedAt stamped by the server) and the
// answering office shown with it; receipt lookups rate-limited.
func init() {
	m.Register(func(app core.App) error {
		fb, err := app.FindCollectionByNameOrId(schema.Feedback)
		if err != nil {
			return fmt.Errorf("feedback follow-up: %w", err)
		}
		fb.Fields.Add(
			&core.BoolField{Name: "publishConsent"},
			&core.BoolField{Name: "published"},
			&core.DateField{Name: "publishedAt"},
			&core.TextField{Name: "answerOffice", Max: 200},
		)
		fb.AddIndex("idx_feedback_published", false, "published, publishedAt", "")
		if err := app.Save(fb); err != nil {
			return fmt.Errorf("feedback follow-up fields: %w", err)
		}
		s := app.Settings()
		s.RateLimits.Rules = append([]core.RateLimitRule{lookupRateRule}, s.RateLimits.Rules...)
		return app.Save(s)
	}, func(app core.App) error {
		s := app.Settings()
		s.RateLimits.Rules = slices.DeleteFunc(s.RateLimits.Rules, func(r core.RateLimitRule) bool { return r.Label == lookupRateRule.Label })
		if err := app.Save(s); err != nil {
			return fmt.Errorf("drop the lookup rate rule: %w", err)
		}
		fb, err := app.FindCollectionByNameOrId(schema.Feedback)
		if err != nil {
			return nil
		}
		fb.RemoveIndex("idx_feedback_published")
		for _, f := range []string{"publishConsent", "published", "publishedAt", "answerOffice"} {
			fb.Fields.RemoveByName(f)
		}
		if err := app.Save(fb); err != nil {
			return fmt.Errorf("drop feedback follow-up fields: %w", err)
		}
		return nil
	})
}
