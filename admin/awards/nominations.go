package awards

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/daison/portal/internal/staffauth"
	"slices"
	"strings"
	"time"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/admin/staff"
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/clock"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vntext"
	"github.com/daison/portal/internal/vocab"
)

// DefaultDeadline is the plan's yearly reporting deadline (section IV.1):
// units report "trước ngày 20/11 hàng năm".
const DefaultDeadline = "20/11"

// Deadline is the last moment to file a yearly nomination or report for
// year: the end of the configured day (dd/mm, 20/11 by default) in
// Vietnam's time.
func Deadline(app core.App, year int) time.Time {
	dm := DefaultDeadline
	if c, err := app.FindFirstRecordByFilter(schema.PortalConfig, ""); err == nil && c.GetString("reportDeadline") != "" {
		dm = c.GetString("reportDeadline")
	}
	var d, m int
	if _, err := fmt.Sscanf(dm, "%d/%d", &d, &m); err != nil || d < 1 || m < 1 || m > 12 {
		d, m = 20, 11
	}
	return time.Date(year, time.Month(m), d, 23, 59, 59, 0, schema.Vietnam)
}

// transitions are the state changes of a nomination each role may make
// (from → allowed to). A reviewer records the council's decision.
var transitions = map[string]map[string][]string{
	schema.RoleUnitReporter: {
		"":         {"draft", "submitted"},
		"draft":    {"draft", "submitted"},
		"returned": {"returned", "submitted"},
	},
	schema.RoleReviewer: {
		"":          {"draft", "submitted", "forwarded"},
		"draft":     {"draft", "submitted"},
		"submitted": {"submitted", "returned", "forwarded"},
		"returned":  {"returned", "submitted"},
		"forwarded": {"forwarded", "returned", "approved", "rejected"},
		"approved":  {"approved"},
		"rejected":  {"rejected", "forwarded"},
	},
}

// checkNomination runs on the API's creates and updates of nominations:
// each field changed must be one the actor may change at this step
// (nominationFields), the state change must be one the actor's role may
// make, a yearly nomination must be filed by the deadline (after it only
// reviewers add), the forms asked and decided must be ones the commune
// uses (forms.go), a returned dossier needs a comment, a decision needs its
// number, date and signer, and the nominee must be named. It keeps the
// history and the stamps.
func checkNomination(e *core.RecordRequestEvent) error {
	r := e.Record
	var before *core.Record
	if !r.IsNew() {
		before, _ = e.App.FindRecordById(schema.Nominations, r.Id)
	}
	from := ""
	if before != nil {
		from = before.GetString("state")
	}
	to := r.GetString("state")
	who := staffauth.Role(e.RequestEvent)
	errs := validation.Errors{}
	checkFieldOwners(r, before, nominationFields, who, from, to, errs)

	if who != "superuser" {
		allowed := transitions[who][from]
		if !slices.Contains(allowed, to) {
			msg := fmt.Sprintf("Không thể chuyển hồ sơ từ “%s” sang “%s”", vocab.NominationStates.Label(from), vocab.NominationStates.Label(to))
			if from == "" {
				msg = fmt.Sprintf("Không thể tạo hồ sơ ở trạng thái “%s”", vocab.NominationStates.Label(to))
			}
			errs["state"] = check.FieldError("validation_state", msg+" với vai trò của bạn.")
		}
	}

	comment := strings.TrimSpace(vntext.NFC(r.GetString("comment")))
	if to == "returned" && from != "returned" && comment == "" {
		errs["comment"] = check.FieldError("validation_required", "Hãy ghi rõ nội dung cần bổ sung khi trả lại hồ sơ.")
	}
	if to == "approved" && from != "approved" {
		for _, f := range []string{"decisionNo", "decisionDate", "signer"} {
			if check.IsEmpty(r.Get(f)) {
				errs[f] = check.FieldError("validation_required", "Cần ghi số, ngày và người ký quyết định khen thưởng.")
			}
		}
	}
	if r.GetString("nominee") == "" && (strings.TrimSpace(r.GetString("nomineeName")) == "" || r.GetString("nomineeKind") == "") {
		errs["nomineeName"] = check.FieldError("validation_required", "Chọn tập thể, cá nhân đã có trong danh sách vinh danh, hoặc ghi tên và loại (cá nhân / tập thể) của người được đề nghị.")
	}

	checkFormsInUse(e.App, r, before, errs, "requestedForm", "decidedForm")
	checkLateDecision(r, before, to, errs)
	filing := to == "submitted" && (from == "" || from == "draft")
	var dl time.Time
	switch {
	case !filing:
	case r.GetString("kind") == "hang-nam":
		// The plan's deadline for yearly dossiers: filed after it, the
		// dossier is marked late and a reviewer decides (late.go).
		dl, _ = UnitDeadline(e.App, r.GetString("unit"), r.GetInt("year"), "nomination")
	case r.GetString("kind") == "tong-ket" && who == schema.RoleUnitReporter:
		dl = summaryWindow(e.App, errs)
	case r.GetString("kind") == "tong-ket":
		dl = summaryWindow(e.App, validation.Errors{}) // reviewers file any time
	}
	checkCriteria(e.App, r, errs)
	if len(errs) > 0 {
		return e.BadRequestError("", errs)
	}

	// History: each state change and comment, with who and when.
	if to != from || comment != "" {
		label, _, _ := staff.ActorOf(e.RequestEvent)
		var hist []map[string]any
		if raw := schema.JSONValue(r, "history"); len(raw) > 0 {
			_ = json.Unmarshal(raw, &hist)
		}
		entry := map[string]any{"at": types.NowDateTime().String(), "actor": label, "from": from, "to": to}
		if comment != "" {
			entry["comment"] = comment
		}
		r.Set("history", append(hist, entry))
	}
	r.Set("comment", "")
	if filing {
		markFiled(e, dl)
	} else if to == "submitted" && from != "submitted" {
		r.Set("submittedAt", types.NowDateTime())
	}
	return e.Next()
}

// approveNomination runs when a nomination is saved as approved: it makes
// the award (and the honoree, for a new nominee) as drafts for a reviewer to
// publish on the honour roll, in the same transaction, so that an award the
// plan's rules refuse (a second award for one achievement) stops the
// approval with the reason.
func approveNomination(e *core.RecordEvent) error {
	r := e.Record
	if r.GetString("state") != "approved" || len(r.GetStringSlice("awards")) > 0 {
		return e.Next()
	}
	app := e.App
	honoreeID := r.GetString("nominee")
	if honoreeID == "" {
		c, err := app.FindCollectionByNameOrId(schema.Honorees)
		if err != nil {
			return err
		}
		h := core.NewRecord(c)
		h.Set("name", r.GetString("nomineeName"))
		h.Set("kind", r.GetString("nomineeKind"))
		h.Set("position", r.GetString("nomineePosition"))
		h.Set("unit", r.GetString("unit"))
		h.Set("status", vocab.StatusDraft)
		if err := app.Save(h); err != nil {
			return fmt.Errorf("tạo hồ sơ vinh danh cho %q: %w", r.GetString("nomineeName"), err)
		}
		honoreeID = h.Id
		r.Set("nominee", h.Id)
	}
	c, err := app.FindCollectionByNameOrId(schema.Awards)
	if err != nil {
		return err
	}
	a := core.NewRecord(c)
	form := r.GetString("decidedForm")
	if form == "" {
		form = r.GetString("requestedForm")
	}
	a.Set("honoree", honoreeID)
	a.Set("form", form)
	a.Set("kind", r.GetString("kind"))
	a.Set("year", r.GetInt("year"))
	a.Set("decisionNo", r.GetString("decisionNo"))
	a.Set("decisionDate", r.Get("decisionDate"))
	a.Set("signer", r.GetString("signer"))
	a.Set("achievement", r.GetString("achievements"))
	if ini := r.GetStringSlice("initiatives"); len(ini) > 0 {
		a.Set("initiative", ini[0])
	}
	a.Set("status", vocab.StatusDraft)
	if err := app.Save(a); err != nil {
		// The award's own Vietnamese reason (the one-achievement rule…)
		// is the nomination's.
		var ve validation.Errors
		if errors.As(err, &ve) {
			for _, fe := range ve {
				return validation.Errors{"state": fe}
			}
		}
		return fmt.Errorf("tạo quyết định khen thưởng: %w", err)
	}
	r.Set("awards", []string{a.Id})
	return e.Next()
}

// checkReport runs on the API's creates and updates of yearly reports: a
// unit's reporter submits by the deadline (reviewers may add later); the
// submission time and author are stamped, and only by the server
// (reportFields).
func checkReport(e *core.RecordRequestEvent) error {
	r := e.Record
	from := ""
	var before *core.Record
	if !r.IsNew() {
		before, _ = e.App.FindRecordById(schema.UnitReports, r.Id)
		if before != nil {
			from = before.GetString("state")
		}
	}
	to := r.GetString("state")
	errs := validation.Errors{}
	if checkFieldOwners(r, before, reportFields, staffauth.Role(e.RequestEvent), from, to, errs); len(errs) > 0 {
		return e.BadRequestError("", errs)
	}
	if checkLateDecision(r, before, to, errs); len(errs) > 0 {
		return e.BadRequestError("", errs)
	}
	dl, _ := UnitDeadline(e.App, r.GetString("unit"), r.GetInt("year"), "report")
	if staffauth.Role(e.RequestEvent) == schema.RoleUnitReporter && from == "submitted" && clock.Now(e.App).After(dl) {
		return e.BadRequestError("", validation.Errors{"state": check.FieldError("validation_deadline",
			"Báo cáo đã nộp và đã quá hạn: không sửa được nữa. Hãy liên hệ Phòng Văn hóa – Xã hội.")})
	}
	if to == "submitted" && from != "submitted" {
		markFiled(e, dl)
	}
	label, _, _ := staff.ActorOf(e.RequestEvent)
	r.Set("updatedBy", label)
	return e.Next()
}

// checkDeadlineSetting refuses a reporting deadline that is not a day of
// every year (31/02, 30/02, 31/04…; 29/02 too, which most years lack).
func checkDeadlineSetting(e *core.RecordEvent) error {
	var d, m int
	if _, err := fmt.Sscanf(e.Record.GetString("reportDeadline"), "%d/%d", &d, &m); err == nil {
		// 2025 is not a leap year: a date that exists in it exists always,
		// but for 29/02.
		if t := time.Date(2025, time.Month(m), d, 0, 0, 0, 0, time.UTC); t.Day() != d || int(t.Month()) != m {
			return validation.Errors{"reportDeadline": check.FieldError("validation_deadline_date",
				fmt.Sprintf("Ngày %02d/%02d không có trong mọi năm; hãy chọn ngày khác (ví dụ 20/11).", d, m))}
		}
	}
	return e.Next()
}
