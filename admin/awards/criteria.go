package awards

import (
	"fmt"
	"github.com/daison/portal/records/honoree"
	"slices"
	"strings"
	"time"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/clock"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// Checklist is the plan's standards for one kind of award and nominee
// (section III.2): every one of All, and at least one of AnyOf when it is
// not empty.
type Checklist struct {
	All   []string
	AnyOf []string
}

// checklists by award kind ("hang-nam", "tong-ket") and nominee kind.
var checklists = map[string]map[string]Checklist{
	"hang-nam": {
		"tap-the": {All: []string{"tt-sang-kien", "tt-thanh-tich", "tt-ky-luat", "tt-ket-qua"}},
		"ca-nhan": {All: []string{"cn-dieu-kien"}, AnyOf: []string{"cn-sang-kien", "cn-tham-muu", "cn-trach-nhiem"}},
	},
	"tong-ket": {
		"tap-the": {AnyOf: []string{"tk-tt-dan-dau", "tk-tt-sang-kien", "tk-tt-lien-tuc"}},
		"ca-nhan": {All: []string{"tk-cn-dieu-kien"}, AnyOf: []string{"tk-cn-tham-muu", "tk-cn-sang-kien"}},
	},
}

// ChecklistFor is the plan's checklist of a nomination's kind and nominee
// kind; ok is false when the plan sets none (ad hoc awards).
func ChecklistFor(awardKind, nomineeKind string) (Checklist, bool) {
	c, ok := checklists[awardKind][nomineeKind]
	return c, ok
}

// Met reports whether ticked meets the checklist.
func (c Checklist) Met(ticked []string) bool {
	for _, k := range c.All {
		if !slices.Contains(ticked, k) {
			return false
		}
	}
	return len(c.AnyOf) == 0 || slices.ContainsFunc(c.AnyOf, func(k string) bool { return slices.Contains(ticked, k) })
}

// nomineeKind is the kind of a nomination's nominee: the honoree's when
// one is chosen, else the kind typed.
func nomineeKind(app core.App, r *core.Record) string {
	if id := r.GetString("nominee"); id != "" {
		if h, err := app.FindRecordById(schema.Honorees, id); err == nil {
			return honoree.Of(h).Kind()
		}
	}
	return r.GetString("nomineeKind")
}

// checkCriteria keeps a nomination's ticked standards to those of its
// kind and nominee: a collective's yearly dossier cannot tick an
// individual's standard, nor an ad hoc one any.
func checkCriteria(app core.App, r *core.Record, errs validation.Errors) {
	ticked := r.GetStringSlice("criteria")
	if len(ticked) == 0 {
		return
	}
	c, ok := ChecklistFor(r.GetString("kind"), nomineeKind(app, r))
	var foreign []string
	for _, k := range ticked {
		if !ok || (!slices.Contains(c.All, k) && !slices.Contains(c.AnyOf, k)) {
			foreign = append(foreign, "“"+vocab.AwardCriteria.Label(k)+"”")
		}
	}
	if len(foreign) > 0 {
		errs["criteria"] = check.FieldError("validation_criteria",
			"Tiêu chuẩn không thuộc loại khen thưởng và đối tượng đã chọn: "+strings.Join(foreign, "; ")+".")
	}
}

// CriteriaLines are a nomination's standards for the dossier and the
// printed list: each of its checklist, ticked or not, and whether the whole
// is met ("" when the plan sets no checklist for it).
func CriteriaLines(app core.App, r *core.Record) (lines []string, verdict string) {
	c, ok := ChecklistFor(r.GetString("kind"), nomineeKind(app, r))
	if !ok {
		return nil, ""
	}
	ticked := r.GetStringSlice("criteria")
	for _, k := range append(append([]string{}, c.All...), c.AnyOf...) {
		mark := "☐"
		if slices.Contains(ticked, k) {
			mark = "☑"
		}
		lines = append(lines, mark+" "+vocab.AwardCriteria.Label(k))
	}
	verdict = "Chưa đủ tiêu chuẩn theo Kế hoạch"
	if c.Met(ticked) {
		verdict = "Đạt tiêu chuẩn theo Kế hoạch"
	}
	return lines, verdict
}

// summaryWindow keeps the dossier window of the 2026–2030 summary awards,
// set by a reviewer "theo kế hoạch tổng kết": before it opens (or while no
// window is set) a dossier cannot be filed; after it closes it is filed
// late, like a yearly one. It returns the window's last moment (zero when
// it has no end).
func summaryWindow(app core.App, errs validation.Errors) time.Time {
	cfg, err := app.FindFirstRecordByFilter(schema.PortalConfig, "")
	if err != nil {
		return time.Time{}
	}
	opens, closes := cfg.GetDateTime("summaryOpens").Time(), cfg.GetDateTime("summaryCloses").Time()
	now := clock.Now(app)
	if opens.IsZero() || now.Before(opens) {
		msg := "Phòng Văn hóa – Xã hội chưa mở đợt nhận hồ sơ khen thưởng tổng kết giai đoạn 2026 – 2030."
		if !opens.IsZero() {
			msg = fmt.Sprintf("Đợt nhận hồ sơ khen thưởng tổng kết giai đoạn 2026 – 2030 bắt đầu từ ngày %s.", opens.In(schema.Vietnam).Format("02/01/2006"))
		}
		errs["kind"] = check.FieldError("validation_summary_window", msg)
		return time.Time{}
	}
	if closes.IsZero() {
		return time.Time{}
	}
	d := closes.In(schema.Vietnam)
	return time.Date(d.Year(), d.Month(), d.Day(), 23, 59, 59, 0, schema.Vietnam)
}
