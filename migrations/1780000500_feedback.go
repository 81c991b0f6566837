package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// Citizens' feedback, initiative proposals and satisfaction ratings.
// Citizens write only through the portal's form endpoints
// (admin/feedback.go: honeypot, idempotency, rate limits); the collection's
// create rule stays nil, so PocketBase's generic API takes no anonymous
// writes. Staff (editors, reviewers) read and answer the queue; contact
// details are shown to reviewers only (an enrich hook hides them).
func init() {
	m.Register(func(app core.App) error {
		initiatives, err := app.FindCollectionByNameOrId(schema.Initiatives)
		if err != nil {
			return err
		}
		fb := core.NewBaseCollection(schema.Feedback)
		fb.ListRule = types.Pointer(isEditorOrReviewer)
		fb.ViewRule = types.Pointer(isEditorOrReviewer)
		fb.UpdateRule = types.Pointer(isEditorOrReviewer)
		fb.DeleteRule = types.Pointer(isReviewer)
		fb.Fields.Add(
			&core.SelectField{Name: "kind", Required: true, Values: vocab.FeedbackKinds.Keys(), MaxSelect: 1},
			&core.TextField{Name: "refCode", Required: true, Max: 20, Presentable: true},
			&core.TextField{Name: "page", Max: 300},
			&core.TextField{Name: "topic", Max: 200},
			&core.TextField{Name: "message", Max: 5000},
			&core.SelectField{Name: "helpful", Values: vocab.Helpful.Keys(), MaxSelect: 1},
			&core.NumberField{Name: "rating", OnlyInt: true, Min: types.Pointer(1.0), Max: types.Pointer(5.0)},
			&core.TextField{Name: "service", Max: 200},
			&core.SelectField{Name: "channel", Values: vocab.Channels.Keys(), MaxSelect: 1},
			&core.TextField{Name: "name", Max: 100},
			&core.TextField{Name: "phone", Max: 20, Pattern: `^[0-9+() .-]*$`},
			&core.EmailField{Name: "email"},
			&core.BoolField{Name: "consent"},
			&core.SelectField{Name: "state", Required: true, Values: vocab.FeedbackStates.Keys(), MaxSelect: 1},
			&core.JSONField{Name: "tags", MaxSize: 2000},
			&core.TextField{Name: "answer", Max: 5000},
			&core.TextField{Name: "answeredBy", Max: 300},
			&core.DateField{Name: "answeredAt"},
			&core.RelationField{Name: "initiative", CollectionId: initiatives.Id, MaxSelect: 1},
			&core.TextField{Name: "idempotencyKey", Max: 100, Hidden: true},
			&core.TextField{Name: "ipHash", Max: 64, Hidden: true},
			&core.AutodateField{Name: "created", OnCreate: true},
			&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
		)
		fb.AddIndex("idx_feedback_refCode", true, "refCode", "")
		fb.AddIndex("idx_feedback_idem", true, "idempotencyKey", "idempotencyKey != ''")
		fb.AddIndex("idx_feedback_kind_created", false, "kind, created", "")
		fb.AddIndex("idx_feedback_page", false, "page", "")
		if err := app.Save(fb); err != nil {
			return fmt.Errorf("create feedback: %w", err)
		}

		// Per-address limits for the citizen forms (PocketBase matches the
		// method and path). Behind the commune's proxy, set the trusted
		// proxy header (portal serve --trusted-proxy-headers) so that each
		// citizen counts alone.
		s := app.Settings()
		s.RateLimits.Rules = append([]core.RateLimitRule{
			{Label: "POST /api/portal/feedback", MaxRequests: 5, Duration: 60},
			{Label: "POST /gop-y/gui", MaxRequests: 5, Duration: 60},
		}, s.RateLimits.Rules...)
		return app.Save(s)
	}, func(app core.App) error {
		if c, err := app.FindCollectionByNameOrId(schema.Feedback); err == nil {
			return app.Delete(c)
		}
		return nil
	})
}
