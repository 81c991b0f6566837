package feedback

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin/staff"
	"github.com/daison/portal/internal/clock"
	"github.com/daison/portal/internal/privacy"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/table"
)

// contactLabels name the contact fields for citizens and staff.
var contactLabels = map[string]string{"name": "họ tên", "phone": "số điện thoại", "email": "địa chỉ thư điện tử"}

// Why the contacts of a submission were erased (vocab.ContactErasures).
const (
	erasedByCitizen   = "nguoi-gui"
	erasedOnRequest   = "theo-yeu-cau"
	erasedByRetention = "het-han"
)

// citizenEraser is who the audit log credits with a citizen's own erasure:
// no name and no address (the citizen's address would be personal data
// kept after the rest is gone).
var citizenEraser = &staff.Actor{Label: "Người gửi ý kiến (tự xóa trên trang tra cứu)", Kind: "guest"}

// EraseView is what the page answering an erasure shows.
type EraseView struct {
	Title   string
	Code    string
	Problem string
	// ByEmail asks for the email address instead of the phone's digits
	// (a submission with an email and no phone).
	ByEmail bool
	// Erased names what was erased, in the citizen's words.
	Erased []string
	// Before is the date the contacts were erased earlier; None says the
	// submission never had any.
	Before string
	None   bool
}

const eraseTitle = "Xóa thông tin liên hệ của bạn"

// Erase removes a citizen's own contact details (name, phone, email) from
// their submission: the receipt code, and the proof the lookup asks for
// (the phone's last four digits when a phone was given), go through
// Lookup, so the same limits count every miss; a submission with an email
// and no phone is proved by typing that email address again, and one with
// a name only by its code. confirmed is the citizen's tick of "I
// understand this cannot be undone". Each answer is a page with a clear
// Vietnamese message.
func Erase(app core.App, code, digits, email string, confirmed bool, ip string, now time.Time) (EraseView, int) {
	v := EraseView{Title: eraseTitle}
	if !confirmed {
		v.Code = cleanCode(code)
		v.Problem = "Hãy đánh dấu ô “Tôi hiểu rằng thông tin đã xóa không khôi phục được” để xác nhận rồi bấm xóa."
		return v, http.StatusBadRequest
	}
	lv, status := Lookup(app, code, digits, ip, now)
	v.Code = lv.Code
	if lv.Found == nil {
		v.Problem = lv.Problem
		return v, status
	}
	r, err := app.FindFirstRecordByData(schema.Feedback, "refCode", lv.Code)
	if err != nil {
		v.Problem = "Chưa xóa được do lỗi hệ thống. Vui lòng thử lại sau ít phút."
		return v, http.StatusInternalServerError
	}
	if !hasContacts(r) {
		if d := table.Date(r, "contactsErasedAt"); d != "" {
			v.Before = d
		} else {
			v.None = true
		}
		return v, http.StatusOK
	}
	if r.GetString("phone") == "" && r.GetString("email") != "" {
		v.ByEmail = true
		typed := strings.TrimSpace(email)
		switch {
		case typed == "":
			v.Problem = "Ý kiến này kèm địa chỉ thư điện tử, không kèm số điện thoại: hãy nhập đúng địa chỉ thư điện tử bạn đã để lại để xác nhận."
			return v, http.StatusBadRequest
		case !strings.EqualFold(typed, r.GetString("email")):
			v.Problem = "Địa chỉ thư điện tử không khớp với địa chỉ đã để lại cùng mã này. Hãy kiểm tra lại."
			return v, http.StatusBadRequest
		}
	}
	fields, err := eraseContacts(app, r, erasedByCitizen, citizenEraser, now)
	if err != nil {
		app.Logger().Error("không xóa được thông tin liên hệ", "component", "feedback", "record", r.Id, "error", err.Error())
		v.Problem = "Chưa xóa được do lỗi hệ thống. Vui lòng thử lại sau ít phút."
		return v, http.StatusInternalServerError
	}
	for _, f := range fields {
		v.Erased = append(v.Erased, contactLabels[f])
	}
	return v, http.StatusOK
}

// cleanCode is a receipt code as typed, cut and upper-cased for showing
// back in the form.
func cleanCode(code string) string {
	code = strings.ToUpper(strings.Join(strings.Fields(code), ""))
	if !refCodeForm.MatchString(code) {
		return ""
	}
	return code
}

// hasContacts reports whether a stored submission still holds a name, a
// phone or an email.
func hasContacts(r *core.Record) bool {
	for _, f := range privacy.ContactFields {
		if r.GetString(f) != "" {
			return true
		}
	}
	return false
}

// eraseContacts empties r's contact fields, and its idempotency key (which
// a form sent without JavaScript derives from them), records when and why,
// saves it credited to who, and logs the record's id and the fields
// erased, never their values. It returns the fields erased.
func eraseContacts(app core.App, r *core.Record, why string, who *staff.Actor, now time.Time) ([]string, error) {
	var fields []string
	for _, f := range privacy.ContactFields {
		if r.GetString(f) != "" {
			fields = append(fields, f)
			r.Set(f, "")
		}
	}
	if len(fields) == 0 {
		return nil, nil
	}
	r.Set("idempotencyKey", "")
	r.Set("contactsErasedAt", now)
	r.Set("contactsErasedBy", why)
	if err := staff.AsActor(app, who, func(tx core.App) error { return tx.Save(r) }); err != nil {
		return nil, fmt.Errorf("erase the contacts of %s: %w", r.Id, err)
	}
	app.Logger().Info("Đã xóa thông tin liên hệ của người dân", "component", "feedback",
		"record", r.Id, "fields", strings.Join(fields, ","), "reason", why)
	return fields, nil
}

// contactsOf says what a lookup may tell about a submission's contacts:
// which kinds it holds (never their values), whether an erasure is proved
// by the email address, and when they were erased.
func contactsOf(r *core.Record) (kinds []string, byEmail bool, erased string) {
	for _, f := range privacy.ContactFields {
		if r.GetString(f) != "" {
			kinds = append(kinds, contactLabels[f])
		}
	}
	return kinds, r.GetString("phone") == "" && r.GetString("email") != "", table.Date(r, "contactsErasedAt")
}

// erasePost answers POST /gop-y/tra-cuu/xoa-lien-he (a plain form, from
// the site's /gop-y/tra-cuu/ or the portal's lookup answer): the page
// saying what was erased, or why not.
func erasePost(e *core.RequestEvent) error {
	if err := e.Request.ParseForm(); err != nil {
		return renderFeedback(e, http.StatusBadRequest, erasePage, "erase", EraseView{Title: eraseTitle, Problem: "Không đọc được dữ liệu gửi lên."})
	}
	f := e.Request.PostForm
	v, status := Erase(e.App, f.Get("ma"), f.Get("so"), f.Get("email"), yes(f.Get("xac-nhan")), e.RealIP(), clock.Now(e.App))
	return renderFeedback(e, status, erasePage, "erase", v)
}

// eraseOnRequest answers POST /api/portal/feedback/{id}/erase-contacts
// (reviewers): a citizen who asked the office (by phone, by mail, at the
// counter) rather than on the lookup has their contacts erased by the
// reviewer who checked who they are, credited to that reviewer.
func eraseOnRequest(e *core.RequestEvent) error {
	r, err := e.App.FindRecordById(schema.Feedback, e.Request.PathValue("id"))
	if err != nil {
		return e.NotFoundError("Không tìm thấy ý kiến.", err)
	}
	if !hasContacts(r) {
		return e.JSON(http.StatusOK, map[string]any{"erased": []string{}, "message": "Ý kiến này không còn thông tin liên hệ nào."})
	}
	fields, err := eraseContacts(e.App, r, erasedOnRequest, staff.RequestActor(e), clock.Now(e.App))
	if err != nil {
		return e.InternalServerError("Chưa xóa được thông tin liên hệ. Vui lòng thử lại.", err)
	}
	labels := make([]string, len(fields))
	for i, f := range fields {
		labels[i] = contactLabels[f]
	}
	return e.JSON(http.StatusOK, map[string]any{"erased": fields, "message": "Đã xóa " + strings.Join(labels, ", ") + " của người gửi."})
}
