package award

import (
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/records/record"
)

// Award is an award's record (khen thưởng), typed.
type Award struct{ record.Public }

// Of returns r, a record of awards, as an Award.
func Of(r *core.Record) *Award { return record.As[Award](r) }

// Honoree is the id of the person or collective awarded.
func (a *Award) Honoree() string { return a.GetString("honoree") }

// Form is the award's form (vocab.AwardForms: Giấy khen…).
func (a *Award) Form() string { return a.GetString("form") }

// Kind is yearly, ad hoc or summary (vocab.AwardKinds).
func (a *Award) Kind() string { return a.GetString("kind") }

// Year is the year it was given for.
func (a *Award) Year() int { return a.GetInt("year") }

// DecisionNo is the number of the decision that gave it, or "".
func (a *Award) DecisionNo() string { return a.GetString("decisionNo") }

// DecisionDate is the day of the decision; the zero time when not set.
func (a *Award) DecisionDate() time.Time { return a.GetDateTime("decisionDate").Time() }

// Signer is who signed the decision.
func (a *Award) Signer() string { return a.GetString("signer") }

// Achievement is what it was given for, in plain text.
func (a *Award) Achievement() string { return a.GetString("achievement") }

// AchievementKey is the achievement folded for comparison (one award per
// achievement).
func (a *Award) AchievementKey() string { return a.GetString("achievementKey") }

// SetAchievementKey stores the achievement's key.
func (a *Award) SetAchievementKey(k string) { a.Set("achievementKey", k) }

// Initiative is the id of the initiative it rewards, or "".
func (a *Award) Initiative() string { return a.GetString("initiative") }

// DecisionDoc is the id of the published document of its decision, or "".
func (a *Award) DecisionDoc() string { return a.GetString("decisionDoc") }

// DecisionNoText is the decision's number, or words saying it has none.
func (a *Award) DecisionNoText() string {
	if n := a.DecisionNo(); n != "" {
		return n
	}
	return "chưa ghi số"
}
