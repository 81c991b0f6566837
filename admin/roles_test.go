package admin_test

import (
	"encoding/json"
	"fmt"
	"github.com/daison/portal/records"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
)

// Short names for the shared fixture (admintest.World) in this package's
// tests.
const (
	unitA     = admintest.UnitA
	unitB     = admintest.UnitB
	honoreeID = admintest.HonoreeID
	staffPass = admintest.StaffPass

	anonymous = admintest.Anonymous
	editor    = admintest.Editor
	reviewer  = admintest.Reviewer
	reporterA = admintest.ReporterA
	reporterB = admintest.ReporterB
	superuser = admintest.Superuser
)

var (
	roles       = admintest.Roles
	actions     = admintest.Actions
	recordID    = admintest.RecordID
	draftFields = admintest.DraftFields
	newWorld    = admintest.NewWorld
	jsonField   = admintest.JSONField
)

// TestRoleMatrix checks every role against every public collection and
// action (see a draft, create, edit, publish, delete): who may gets 200/204;
// staff who may see a record but not change it get a 403 saying so; others
// do not learn it exists (404) or may not create (403).
func TestRoleMatrix(t *testing.T) {
	t.Parallel()
	w := admintest.MakeWorld(t, true)
	// Who may, as each kind's descriptor says (its Editors and
	// Publishers): a unit's reporter for their own unit, superusers
	// always; editors and reviewers see every draft.
	accounts := func(roles []string) []string {
		out := []string{superuser}
		for _, r := range roles {
			out = append(out, map[string]string{schema.RoleEditor: editor, schema.RoleReviewer: reviewer, schema.RoleUnitReporter: reporterA}[r])
		}
		return out
	}
	allowed := map[string]map[string][]string{}
	for _, k := range records.All {
		edit := accounts(k.Editors)
		view := slices.Clone(edit)
		for _, r := range []string{editor, reviewer} {
			if !contains(view, r) {
				view = append(view, r)
			}
		}
		allowed[k.Collection] = map[string][]string{"view": view, "create": edit, "update": edit, "publish": accounts(k.Publishers), "delete": edit}
	}

	n := 10000
	for _, c := range records.Collections() {
		for ri, role := range roles {
			for ai, action := range actions {
				may := contains(allowed[c][action], role)
				sees := contains(allowed[c]["view"], role)
				rec := "/api/collections/" + c + "/records"
				id := recordID(c, ri, ai)
				s := tests.ApiScenario{Name: fmt.Sprintf("%s %s %s", role, action, c)}
				switch action {
				case "view":
					s.Method, s.URL = http.MethodGet, rec+"/"+id
					s.ExpectedStatus = map[bool]int{true: 200, false: 404}[may]
				case "create":
					n++
					body := draftFields(c, n)
					if c == schema.Initiatives && role == reporterB {
						body["unit"] = unitA // someone else's unit
					}
					b, _ := json.Marshal(body)
					s.Method, s.URL, s.Body = http.MethodPost, rec, strings.NewReader(string(b))
					s.ExpectedStatus = map[bool]int{true: 200, false: 403}[may]
				case "update", "publish":
					body := `{"status":"review"}`
					if action == "publish" {
						body = `{"status":"published"}`
					}
					s.Method, s.URL, s.Body = http.MethodPatch, rec+"/"+id, strings.NewReader(body)
					s.ExpectedStatus = 200
					if !may {
						s.ExpectedStatus = map[bool]int{true: 403, false: 404}[sees]
					}
				case "delete":
					s.Method, s.URL = http.MethodDelete, rec+"/"+id
					s.ExpectedStatus = 204
					if !may {
						s.ExpectedStatus = map[bool]int{true: 403, false: 404}[sees]
					}
				}
				switch {
				case s.ExpectedStatus == 200:
					s.ExpectedContent = []string{`"id":"`}
				case s.ExpectedStatus == 403:
					s.ExpectedContent = []string{`"data":{}`, `không`}
				case s.ExpectedStatus >= 400:
					s.ExpectedContent = []string{`"data":{}`}
				}
				w.Scenario(t, role, s)
			}
		}
	}
}

// TestReporterLimits: a unit's reporter may propose for review, but not
// hand a draft to another unit, publish, read the audit log, or change their
// own role.
func TestReporterLimits(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ini := admintest.Create(t, w.App, schema.Initiatives, draftFields(schema.Initiatives, 1))
	initiative := ini.Id
	self, err := w.App.FindAuthRecordByEmail(schema.Staff, "reportera@daison.test")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []tests.ApiScenario{
		{Name: "move a draft to unit B", Method: http.MethodPatch, URL: "/api/collections/initiatives/records/" + initiative,
			Body: strings.NewReader(`{"unit":"` + unitB + `"}`), ExpectedStatus: 403, ExpectedContent: []string{"không được phép sửa"}},
		{Name: "create published", Method: http.MethodPost, URL: "/api/collections/initiatives/records",
			Body:           strings.NewReader(`{"title":"Sáng kiến mới","kind":"sang-kien","field":"cong-vu","unit":"` + unitA + `","status":"published"}`),
			ExpectedStatus: 403, ExpectedContent: []string{"không có quyền"}},
		{Name: "create for review", Method: http.MethodPost, URL: "/api/collections/initiatives/records",
			Body:           strings.NewReader(`{"title":"Sáng kiến mới","kind":"sang-kien","field":"cong-vu","unit":"` + unitA + `","status":"review"}`),
			ExpectedStatus: 200, ExpectedContent: []string{`"status":"review"`}},
		{Name: "read the audit log", Method: http.MethodGet, URL: "/api/collections/auditLog/records",
			ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":0`}},
		{Name: "change own role", Method: http.MethodPatch, URL: "/api/collections/staff/records/" + self.Id,
			Body: strings.NewReader(`{"role":"reviewer"}`), ExpectedStatus: 403, ExpectedContent: []string{`"data":{}`}},
		{Name: "change own name", Method: http.MethodPatch, URL: "/api/collections/staff/records/" + self.Id,
			Body: strings.NewReader(`{"name":"Tên mới"}`), ExpectedStatus: 200, ExpectedContent: []string{`"name":"Tên mới"`, `"role":"unitReporter"`}},
	} {
		w.Scenario(t, reporterA, s)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
