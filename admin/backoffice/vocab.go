package backoffice

import "github.com/daison/portal/internal/vocab"

type option struct {
	Key   string `json:"key"`
	Label string `json:"label"`
}

// vocabulary is every fixed choice the back office shows, by the name the
// UI knows it by.
func vocabulary() map[string][]option {
	lists := map[string]vocab.List{
		"status":            vocab.Status,
		"unitKinds":         vocab.UnitKinds,
		"articleCategories": vocab.ArticleCategories,
		"documentKinds":     vocab.DocumentKinds,
		"initiativeKinds":   vocab.InitiativeKinds,
		"initiativeFields":  vocab.InitiativeFields,
		"recognitionLevels": vocab.RecognitionLevels,
		"honoreeKinds":      vocab.HonoreeKinds,
		"awardForms":        vocab.AwardForms,
		"awardKinds":        vocab.AwardKinds,
		"metrics":           vocab.Metrics,
		"stepLogic":         vocab.StepLogic,
		"staffRoles":        vocab.StaffRoles,
		"auditActions":      vocab.AuditActions,
		"nominationStates":  vocab.NominationStates,
		"reportStates":      vocab.ReportStates,
		"feedbackKinds":     vocab.FeedbackKinds,
		"feedbackStates":    vocab.FeedbackStates,
		"channels":          vocab.Channels,
		"helpful":           vocab.Helpful,
		"awardCriteria":     vocab.AwardCriteria,
		"lateDecisions":     vocab.LateDecisions,
		"contactErasures":   vocab.ContactErasures,
	}
	out := make(map[string][]option, len(lists))
	for name, l := range lists {
		opts := make([]option, len(l))
		for i, o := range l {
			opts[i] = option{o.Key, o.Label}
		}
		out[name] = opts
	}
	return out
}
