package awards

import (
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vntext"
)

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

// CheckOneAward keeps the plan's rule "không khen thưởng nhiều lần, nhiều
// hình thức cho một thành tích": an honoree gets one award per achievement
// and per initiative, whatever the form. It also stores the achievement's
// key, which a unique index guards against races.
func CheckOneAward(app core.App, r *core.Record) error {
	key := AchievementKey(r.GetString("achievement"))
	r.Set("achievementKey", key)
	honoree := r.GetString("honoree")
	if honoree == "" || key == "" {
		return nil
	}
	other, err := app.FindFirstRecordByFilter(schema.Awards,
		"honoree = {:h} && achievementKey = {:k} && id != {:id}",
		dbx.Params{"h": honoree, "k": key, "id": r.Id})
	if err == nil && other != nil {
		return check.FieldError("validation_award_duplicate",
			"Thành tích này đã được khen thưởng (quyết định "+orDash(other.GetString("decisionNo"))+", năm "+other.GetString("year")+
				"). Theo Kế hoạch, không khen thưởng nhiều lần, nhiều hình thức cho một thành tích.")
	}
	if ini := r.GetString("initiative"); ini != "" {
		other, err := app.FindFirstRecordByFilter(schema.Awards,
			"honoree = {:h} && initiative = {:i} && id != {:id}",
			dbx.Params{"h": honoree, "i": ini, "id": r.Id})
		if err == nil && other != nil {
			return check.FieldError("validation_award_duplicate",
				"Sáng kiến, mô hình này đã được khen thưởng cho người (tập thể) này (quyết định "+orDash(other.GetString("decisionNo"))+
					"). Một thành tích chỉ được khen thưởng một lần, một hình thức.")
		}
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "chưa ghi số"
	}
	return s
}
