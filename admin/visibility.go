package admin

import (
	"github.com/daison/portal/internal/schema"

	"errors"
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

// Fields some callers may not see are Hidden in the schema (migration
// 1780000800): PocketBase leaves them out of every answer and refuses every
// filter and sort on them — directly, through a relation, a back-relation
// or @collection, in lists and realtime subscriptions — to all but
// superusers, so that they cannot be guessed a character at a time. The
// enrich hooks below show them again to those who may see them. Staff
// cannot search or sort on them either; the back office does not need to.

// contactFields are a citizen's contact details: reviewers see them (and
// IT), no one else.
var contactFields = []string{"name", "phone", "email"}

// workflowFields are stamped by the portal on every public record (who last
// changed it, who last moved its state and when) with its old addresses
// and the comment of its last return to draft: for staff and IT only.
var workflowFields = []string{"updatedBy", "statusBy", "statusAt", "oldSlugs", "returnComment", "returnedBy", "returnedAt"}

// msgProtectedFilter answers a filter or sort on a protected field.
const msgProtectedFilter = "Không thể lọc hay sắp xếp theo trường được bảo vệ (thông tin liên hệ của người dân, dấu vết xử lý nội bộ) hoặc theo danh mục bạn không được xem."

// showContacts shows a submission's contact details to reviewers.
func showContacts(e *core.RecordEnrichEvent) error {
	if a := e.RequestInfo.Auth; a != nil && a.Collection().Name == schema.Staff && a.GetString("role") == schema.RoleReviewer {
		e.Record.Unhide(contactFields...)
	}
	return e.Next()
}

// showWorkflow shows the staff-side fields of public records to staff.
func showWorkflow(e *core.RecordEnrichEvent) error {
	if a := e.RequestInfo.Auth; a != nil && a.Collection().Name == schema.Staff {
		for _, f := range workflowFields {
			if e.Record.Collection().Fields.GetByName(f) != nil {
				e.Record.Unhide(f)
			}
		}
	}
	return e.Next()
}

// explainProtectedFilter is a router middleware: PocketBase refuses a list
// filtered or sorted on a protected field with an empty 400; this says why.
func explainProtectedFilter(e *core.RequestEvent) error {
	err := e.Next()
	if err == nil || e.Request.Method != http.MethodGet || !strings.HasPrefix(e.Request.URL.Path, "/api/collections/") {
		return err
	}
	var apiErr *router.ApiError
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusBadRequest {
		return err
	}
	raw, ok := apiErr.RawData().(error)
	if !ok {
		return err
	}
	s := raw.Error()
	switch {
	case strings.Contains(s, "non-filterable field") || strings.Contains(s, "allowHiddenFields"):
		return router.NewBadRequestError(msgProtectedFilter, nil)
	case strings.HasPrefix(s, "invalid sort field "):
		// PocketBase does not say why: the field is unknown or protected.
		field := strings.Trim(strings.TrimPrefix(s, "invalid sort field "), `"`)
		return router.NewBadRequestError("Không sắp xếp được theo “"+field+"”: không có trường này, hoặc đó là trường được bảo vệ (thông tin liên hệ của người dân, dấu vết xử lý nội bộ).", nil)
	}
	return err
}
