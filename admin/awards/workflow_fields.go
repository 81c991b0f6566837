package awards

import (
	"fmt"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"
)

// fieldOwner says who may change a field of a workflow record through the
// API, and at which step.
type fieldOwner int

const (
	// ownerServer fields are written by the portal's hooks alone: no role
	// may change them through the API, superusers included.
	ownerServer fieldOwner = iota
	// ownerFiler fields are the dossier itself: written by whoever files it
	// (the unit's reporter, or a reviewer) while it is being filed.
	ownerFiler
	// ownerAuthor fields are written by the unit's reporter or a reviewer
	// at any step (the API rules keep a reporter to their unit, the hooks
	// keep the deadline).
	ownerAuthor
	// ownerDecision fields are the council's decision, recorded by a
	// reviewer in the step that approves the dossier.
	ownerDecision
	// ownerStep fields are what any role that may make the step sends with
	// it: the state (which transitions governs) and a comment (which
	// checkNomination moves into the history).
	ownerStep
	// ownerLate is a reviewer's decision on a record filed late (which
	// checkLateDecision keeps to late records).
	ownerLate
)

// nominationFields is who writes which field of a nomination, at which
// step. "From" is the stored state, "to" the state
// asked for:
//
//	field                              who                      when
//	unit, year, kind, nominee,         the unit's reporter      new, draft or returned
//	nomineeName, nomineeKind,          or a reviewer            (while it is being filed)
//	nomineePosition, requestedForm,
//	achievements, initiatives, dossier
//	state, comment                     any role                 as transitions allows
//	decisionNo, decisionDate, signer,  a reviewer               forwarded → approved only
//	decidedForm
//	history, submittedAt, awards       the server only, for everyone (superusers too)
//
// Superusers (IT) may change any field but the server's. A field not listed
// here is the server's. A change is a value different from the stored one
// (for a new record, from empty): a client that sends the whole record back
// unchanged is not refused.
var nominationFields = map[string]fieldOwner{
	"unit": ownerFiler, "year": ownerFiler, "kind": ownerFiler, "nominee": ownerFiler,
	"nomineeName": ownerFiler, "nomineeKind": ownerFiler, "nomineePosition": ownerFiler,
	"requestedForm": ownerFiler, "achievements": ownerFiler, "initiatives": ownerFiler, "dossier": ownerFiler,
	"state": ownerStep, "comment": ownerStep,
	"decisionNo": ownerDecision, "decisionDate": ownerDecision, "signer": ownerDecision, "decidedForm": ownerDecision,
	"history": ownerServer, "submittedAt": ownerServer, "awards": ownerServer,
	"criteria": ownerFiler, "lateDecision": ownerLate,
	"late": ownerServer, "daysLate": ownerServer,
}

// reportFields is the same for a unit's yearly report: the report is its
// unit's (or a reviewer's) to write, whose deadline checkReport keeps; the
// submission time and the last author are stamped by the server.
var reportFields = map[string]fieldOwner{
	"unit": ownerAuthor, "year": ownerAuthor, "summary": ownerAuthor, "dossiers": ownerAuthor,
	"onTimeRate": ownerAuthor, "onlineRate": ownerAuthor, "satisfaction": ownerAuthor,
	"initiativesApplied": ownerAuthor, "trainings": ownerAuthor,
	"state":       ownerStep,
	"submittedAt": ownerServer, "updatedBy": ownerServer,
	"signedReport": ownerAuthor, "lateDecision": ownerLate,
	"late": ownerServer, "daysLate": ownerServer,
}

// fieldLabels name the fields in the refusals.
var fieldLabels = map[string]string{
	"unit": "Đơn vị", "year": "Năm", "kind": "Loại khen thưởng", "nominee": "Tập thể, cá nhân được đề nghị",
	"nomineeName": "Họ tên hoặc tên tập thể", "nomineeKind": "Cá nhân hay tập thể", "nomineePosition": "Chức vụ, nơi công tác",
	"requestedForm": "Hình thức khen thưởng đề nghị", "achievements": "Thành tích", "initiatives": "Mô hình, sáng kiến làm căn cứ",
	"dossier": "Hồ sơ kèm theo", "decisionNo": "Số quyết định", "decisionDate": "Ngày quyết định", "signer": "Người ký",
	"decidedForm": "Hình thức khen thưởng được quyết định", "history": "Quá trình xử lý", "submittedAt": "Ngày nộp",
	"awards": "Khen thưởng đã tạo", "updatedBy": "Người sửa lần cuối", "summary": "Nội dung báo cáo",
	"criteria": "Tiêu chuẩn đạt được", "lateDecision": "Xét hồ sơ nộp muộn", "late": "Nộp muộn", "daysLate": "Số ngày muộn",
	"signedReport": "Báo cáo có chữ ký",
}

// mayWrite reports whether who may change a field of owner when a record
// goes from one state to another.
func mayWrite(owner fieldOwner, who, from, to string) bool {
	switch {
	case owner == ownerServer:
		return false
	case owner == ownerStep, who == "superuser":
		return true
	case owner == ownerAuthor:
		return who == schema.RoleUnitReporter || who == schema.RoleReviewer
	case owner == ownerFiler:
		return (who == schema.RoleUnitReporter || who == schema.RoleReviewer) && (from == "" || from == "draft" || from == "returned")
	case owner == ownerDecision:
		return who == schema.RoleReviewer && from == "forwarded" && to == "approved"
	case owner == ownerLate:
		return who == schema.RoleReviewer
	}
	return false
}

// checkFieldOwners adds to errs, in Vietnamese and beside each field, every
// field of r that its request changed but who may not change from one
// state to another. before is the stored record (nil for a new one).
func checkFieldOwners(r, before *core.Record, owners map[string]fieldOwner, who, from, to string, errs validation.Errors) {
	if before == nil {
		before = core.NewRecord(r.Collection())
	}
	for _, f := range r.Collection().Fields {
		name := f.GetName()
		if name == "id" || f.Type() == core.FieldTypeAutodate {
			continue
		}
		owner, listed := owners[name]
		if !listed {
			owner = ownerServer
		}
		if mayWrite(owner, who, from, to) || check.Unchanged(r.Get(name), before.Get(name)) {
			continue
		}
		errs[name] = check.FieldError("validation_field_owner", refusal(owner, name))
	}
}

func refusal(owner fieldOwner, name string) string {
	label := fieldLabels[name]
	if label == "" {
		label = name
	}
	switch owner {
	case ownerFiler:
		return fmt.Sprintf("Không sửa được “%s”: nội dung hồ sơ chỉ sửa được khi đang soạn hoặc được trả lại để bổ sung.", label)
	case ownerAuthor:
		return fmt.Sprintf("Vai trò của bạn không sửa được “%s”.", label)
	case ownerLate:
		return fmt.Sprintf("Chỉ cán bộ thẩm định (Phòng Văn hóa – Xã hội) xét “%s”.", label)
	case ownerDecision:
		return fmt.Sprintf("Không ghi được “%s”: quyết định khen thưởng chỉ do cán bộ thẩm định ghi khi hồ sơ đã trình Hội đồng được khen thưởng.", label)
	}
	return fmt.Sprintf("Không ghi được “%s”: trường này do hệ thống tự ghi.", label)
}
