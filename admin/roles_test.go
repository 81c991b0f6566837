package admin_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
)

const (
	unitA     = "unitaaaaaaaaaaa"
	unitB     = "unitbbbbbbbbbbb"
	honoreeID = "honoree00000001"
	staffPass = "mat-khau-nhan-vien-1"

	anonymous = "anonymous"
	editor    = "editor"
	reviewer  = "reviewer"
	reporterA = "reporterA" // unit A's reporter
	reporterB = "reporterB" // unit B's reporter
	superuser = "superuser"
)

var roles = []string{anonymous, editor, reviewer, reporterA, reporterB, superuser}

var actions = []string{"view", "create", "update", "publish", "delete"}

// recordID is the fixed id of the draft a scenario works on: one draft per
// collection, role and action, so that scenarios sharing one database do
// not disturb each other.
func recordID(collection string, role, action int) string {
	return collection[:3] + "xxxxxx" + fmt.Sprintf("%03d%03d", role, action)
}

// draftFields are valid fields of a new draft of a collection; n makes it
// distinct (indicators are unique per metric, year and quarter).
// Initiatives belong to unit A.
func draftFields(collection string, n int) map[string]any {
	f := map[string]any{"status": "draft"}
	title := fmt.Sprintf("Bản thử số %d", n)
	switch collection {
	case schema.Articles:
		f["title"], f["category"] = title, "thong-bao"
	case schema.Guides:
		f["title"] = title
	case schema.Initiatives:
		f["title"], f["kind"], f["field"], f["unit"] = title, "sang-kien", "chuyen-doi-so", unitA
	case schema.Units:
		f["name"], f["kind"] = title, "khac"
	case schema.Honorees:
		f["name"], f["kind"] = title, "ca-nhan"
	case schema.Awards:
		f["honoree"], f["form"], f["kind"], f["year"], f["achievement"] = honoreeID, "giay-khen", "dot-xuat", 2026, title
	case schema.Documents:
		f["title"], f["number"], f["kind"], f["issuer"] = title, fmt.Sprintf("%d/TB-UBND", n), "thong-bao", "UBND xã Đại Sơn"
		f["issuedOn"] = "2026-06-24 00:00:00.000Z"
	case schema.Indicators:
		metric := "hai-long"
		if n >= 10000 { // created by a scenario, not seeded
			metric = "so-hoa"
		}
		f["metric"], f["year"], f["quarter"], f["value"] = metric, 2000+(n/4)%100, n%4+1, 90
	}
	return f
}

// world is one database for the whole role matrix: units A and B, an
// honoree, the drafts, and one account per role.
type world struct {
	app    *tests.TestApp
	h      http.Handler
	tokens map[string]string
}

func newWorld(t *testing.T) *world { return makeWorld(t, false) }

// makeWorld seeds the world; matrix adds the drafts the role matrix works on
// (210 records, which the other tests do not need).
func makeWorld(t *testing.T, matrix bool) *world {
	t.Helper()
	app := admintest.NewApp(t, nil)
	w := &world{app: app, tokens: map[string]string{}}
	past := admintest.Date(time.Now().Add(-time.Hour))
	for id, name := range map[string]string{unitA: "Đơn vị A", unitB: "Đơn vị B"} {
		admintest.Create(t, app, schema.Units, map[string]any{"id": id, "name": name, "kind": "khac", "status": "published", "publishAt": past})
	}
	admintest.Create(t, app, schema.Honorees, map[string]any{"id": honoreeID, "name": "Người được vinh danh", "kind": "ca-nhan", "status": "published", "publishAt": past})
	n := 0
	for _, c := range schema.PublicCollections {
		if !matrix {
			break
		}
		for ri := range roles {
			for ai := range actions {
				n++
				f := draftFields(c, n)
				f["id"] = recordID(c, ri, ai)
				if c == schema.Documents { // published only with its file
					f["file"] = testPDF(t)
				}
				admintest.Create(t, app, c, f)
			}
		}
	}
	staff, err := app.FindCollectionByNameOrId(schema.Staff)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct{ key, role, unit string }{
		{editor, "editor", ""}, {reviewer, "reviewer", ""},
		{reporterA, "unitReporter", unitA}, {reporterB, "unitReporter", unitB},
	} {
		r := core.NewRecord(staff)
		r.SetEmail(strings.ToLower(s.key) + "@daison.test")
		r.SetPassword(staffPass)
		r.Set("name", "Cán bộ "+s.key)
		r.Set("role", s.role)
		r.Set("unit", s.unit)
		if err := app.Save(r); err != nil {
			t.Fatalf("create %s: %v", s.key, err)
		}
		if w.tokens[s.key], err = r.NewAuthToken(); err != nil {
			t.Fatal(err)
		}
	}
	w.tokens[superuser] = admintest.SuperuserToken(t, app)
	w.h = admintest.Handler(t, app)
	return w
}

// scenario sends s's request to the shared world as role and checks its
// status and content (a subset of tests.ApiScenario, on one database).
func (w *world) scenario(t *testing.T, role string, s tests.ApiScenario) {
	t.Helper()
	body := ""
	if s.Body != nil {
		b, _ := io.ReadAll(s.Body)
		body = string(b)
	}
	code, got := admintest.Do(w.h, s.Method, s.URL, w.tokens[role], body)
	if code != s.ExpectedStatus {
		t.Errorf("%s: status %d, want %d: %s", s.Name, code, s.ExpectedStatus, got)
		return
	}
	for _, want := range s.ExpectedContent {
		if !strings.Contains(got, want) {
			t.Errorf("%s: no %q in %s", s.Name, want, got)
		}
	}
}

// TestRoleMatrix checks every role against every public collection and
// action (see a draft, create, edit, publish, delete): who may gets 200/204;
// staff who may see a record but not change it get a 403 saying so; others
// do not learn it exists (404) or may not create (403).
func TestRoleMatrix(t *testing.T) {
	t.Parallel()
	w := makeWorld(t, true)
	staffEditors := []string{editor, reviewer, superuser}
	reviewers := []string{reviewer, superuser}
	allowed := map[string]map[string][]string{}
	for _, c := range []string{schema.Articles, schema.Guides, schema.Documents} {
		allowed[c] = map[string][]string{"view": staffEditors, "create": staffEditors, "update": staffEditors, "publish": staffEditors, "delete": staffEditors}
	}
	withA := []string{editor, reviewer, reporterA, superuser}
	allowed[schema.Initiatives] = map[string][]string{"view": withA, "create": withA, "update": withA, "publish": reviewers, "delete": withA}
	for _, c := range []string{schema.Units, schema.Honorees, schema.Awards, schema.Indicators} {
		allowed[c] = map[string][]string{"view": staffEditors, "create": reviewers, "update": reviewers, "publish": reviewers, "delete": reviewers}
	}

	n := 10000
	for _, c := range schema.PublicCollections {
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
				w.scenario(t, role, s)
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
	ini := admintest.Create(t, w.app, schema.Initiatives, draftFields(schema.Initiatives, 1))
	initiative := ini.Id
	self, err := w.app.FindAuthRecordByEmail(schema.Staff, "reportera@daison.test")
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
		w.scenario(t, reporterA, s)
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

// testPDF is a small, whole PDF file, as a document's file.
func testPDF(t testing.TB) *filesystem.File {
	f, err := filesystem.NewFileFromBytes([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"), "van-ban.pdf")
	if err != nil {
		t.Fatal(err)
	}
	return f
}
