package award

import (
	"strconv"
	"strings"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vntext"
	"github.com/daison/portal/internal/vocab"
)

// slugSource: an award is named by its honoree, year and kind.
func slugSource(app core.App, r *core.Record) string {
	a := Of(r)
	name := ""
	if id := a.Honoree(); id != "" {
		if h, err := app.FindRecordById(schema.Honorees, id); err == nil {
			name = honoreeName(h)
		}
	}
	return name + " " + strconv.Itoa(a.Year()) + " " + vocab.AwardKinds.Label(a.Kind())
}

// validate keeps the plan's rule of one award per achievement
// (checkOneAward).
func validate(app core.App, r *core.Record, errs validation.Errors) {
	if err := checkOneAward(app, Of(r)); err != nil {
		errs["achievement"] = err
	}
}

// AchievementKey is the form in which two achievements are compared: folded
// (no diacritics, lower case) with punctuation and spacing ignored, so
// "Hoàn thành xuất sắc nhiệm vụ năm 2026." and "hoàn thành  xuất sắc nhiệm
// vụ năm 2026" are the same achievement.
func AchievementKey(s string) string {
	f := vntext.Fold(s)
	var b strings.Builder
	space := false
	for _, r := range f {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// checkOneAward keeps the plan's rule "không khen thưởng nhiều lần, nhiều
// hình thức cho một thành tích": an honoree gets one award per achievement
// and per initiative, whatever the form. It also stores the achievement's
// key, which a unique index guards against races.
func checkOneAward(app core.App, a *Award) error {
	key := AchievementKey(a.Achievement())
	a.SetAchievementKey(key)
	honoree := a.Honoree()
	if honoree == "" || key == "" {
		return nil
	}
	other, err := app.FindFirstRecordByFilter(schema.Awards,
		"honoree = {:h} && achievementKey = {:k} && id != {:id}",
		dbx.Params{"h": honoree, "k": key, "id": a.Id})
	if err == nil && other != nil {
		o := Of(other)
		return check.FieldError("validation_award_duplicate",
			"Thành tích này đã được khen thưởng (quyết định "+o.DecisionNoText()+", năm "+strconv.Itoa(o.Year())+
				"). Theo Kế hoạch, không khen thưởng nhiều lần, nhiều hình thức cho một thành tích.")
	}
	if ini := a.Initiative(); ini != "" {
		other, err := app.FindFirstRecordByFilter(schema.Awards,
			"honoree = {:h} && initiative = {:i} && id != {:id}",
			dbx.Params{"h": honoree, "i": ini, "id": a.Id})
		if err == nil && other != nil {
			return check.FieldError("validation_award_duplicate",
				"Sáng kiến, mô hình này đã được khen thưởng cho người (tập thể) này (quyết định "+Of(other).DecisionNoText()+
					"). Một thành tích chỉ được khen thưởng một lần, một hình thức.")
		}
	}
	return nil
}
