package admintest

import (
	"fmt"
	"io"
	"maps"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records"
)

// Fixed ids and the staff password of the world.
const (
	UnitA     = "unitaaaaaaaaaaa"
	UnitB     = "unitbbbbbbbbbbb"
	HonoreeID = "honoree00000001"
	StaffPass = "mat-khau-nhan-vien-1"
)

// The keys of the world's accounts in World.Tokens (Anonymous has none).
const (
	Anonymous = "anonymous"
	Editor    = "editor"
	Reviewer  = "reviewer"
	ReporterA = "reporterA" // unit A's reporter
	ReporterB = "reporterB" // unit B's reporter
	Superuser = "superuser"
)

// Roles are the world's account keys, anonymous first.
var Roles = []string{Anonymous, Editor, Reviewer, ReporterA, ReporterB, Superuser}

// Actions are what the role matrix tries on every public collection.
var Actions = []string{"view", "create", "update", "publish", "delete"}

// RecordID is the fixed id of the draft a matrix scenario works on: one
// draft per collection, role and action (indexes into Roles and Actions),
// so that scenarios sharing one database do not disturb each other.
func RecordID(collection string, role, action int) string {
	return collection[:3] + "xxxxxx" + fmt.Sprintf("%03d%03d", role, action)
}

// DraftFields are valid fields of a new draft of a public collection; n
// makes it distinct (indicators are unique per metric, year and quarter).
// Initiatives belong to unit A.
func DraftFields(collection string, n int) map[string]any {
	f := map[string]any{"status": "draft"}
	title := fmt.Sprintf("Bản thử số %d", n)
	switch collection {
	case schema.Articles:
		f["title"], f["category"] = title, "thong-bao"
	case schema.Guides:
		f["title"] = title
	case schema.Initiatives:
		f["title"], f["kind"], f["field"], f["unit"] = title, "sang-kien", "chuyen-doi-so", UnitA
	case schema.Units:
		f["name"], f["kind"] = title, "khac"
	case schema.Honorees:
		f["name"], f["kind"] = title, "ca-nhan"
	case schema.Awards:
		f["honoree"], f["form"], f["kind"], f["year"], f["achievement"] = HonoreeID, "giay-khen", "dot-xuat", 2026, title
	case schema.Documents:
		f["title"], f["number"], f["kind"], f["issuer"] = title, fmt.Sprintf("%d/TB-UBND", n), "thong-bao", "UBND xã Thử Nghiệm"
		f["issuedOn"] = "2026-06-24 00:00:00.000Z"
	case schema.Indicators:
		metric := "hai-long"
		if n >= 10000 { // created by a scenario, not seeded
			metric = "so-hoa"
		}
		f["metric"], f["year"], f["quarter"], f["value"] = metric, 2000+(n/4)%100, n%4+1, 90
	default:
		if k := records.ByCollection(collection); k != nil && k.Sample != nil {
			maps.Copy(f, k.Sample(n))
		}
	}
	return f
}

// World is one database shared by many requests: units A and B, a
// published honoree, one account per role (see Roles) and, for the role
// matrix, the drafts it works on.
type World struct {
	App    *tests.TestApp
	H      http.Handler      // the app's full HTTP handler
	Tokens map[string]string // auth token by account key
}

// NewWorld seeds a world without the role matrix's drafts.
func NewWorld(t *testing.T) *World { return MakeWorld(t, false) }

// MakeWorld seeds the world; matrix adds the drafts the role matrix works
// on (210 records, which the other tests do not need).
func MakeWorld(t *testing.T, matrix bool) *World {
	t.Helper()
	app := NewApp(t, nil)
	w := &World{App: app, Tokens: map[string]string{}}
	past := Date(time.Now().Add(-time.Hour))
	for id, name := range map[string]string{UnitA: "Đơn vị A", UnitB: "Đơn vị B"} {
		Create(t, app, schema.Units, map[string]any{"id": id, "name": name, "kind": "khac", "status": "published", "publishAt": past})
	}
	Create(t, app, schema.Honorees, map[string]any{"id": HonoreeID, "name": "Người được vinh danh", "kind": "ca-nhan", "status": "published", "publishAt": past})
	n := 0
	for _, c := range records.Collections() {
		if !matrix {
			break
		}
		for ri := range Roles {
			for ai := range Actions {
				n++
				f := DraftFields(c, n)
				f["id"] = RecordID(c, ri, ai)
				if c == schema.Documents { // published only with its file
					f["file"] = PDF(t)
				}
				Create(t, app, c, f)
			}
		}
	}
	staff, err := app.FindCollectionByNameOrId(schema.Staff)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct{ key, role, unit string }{
		{Editor, "editor", ""}, {Reviewer, "reviewer", ""},
		{ReporterA, "unitReporter", UnitA}, {ReporterB, "unitReporter", UnitB},
	} {
		r := core.NewRecord(staff)
		r.SetEmail(strings.ToLower(s.key) + "@daison.test")
		r.SetPassword(StaffPass)
		r.Set("name", "Cán bộ "+s.key)
		r.Set("role", s.role)
		r.Set("unit", s.unit)
		if err := app.Save(r); err != nil {
			t.Fatalf("create %s: %v", s.key, err)
		}
		if w.Tokens[s.key], err = r.NewAuthToken(); err != nil {
			t.Fatal(err)
		}
	}
	w.Tokens[Superuser] = SuperuserToken(t, app)
	w.H = Handler(t, app)
	return w
}

// Scenario sends s's request to the world as role and checks its status
// and content (a subset of tests.ApiScenario, on one database).
func (w *World) Scenario(t *testing.T, role string, s tests.ApiScenario) {
	t.Helper()
	body := ""
	if s.Body != nil {
		b, _ := io.ReadAll(s.Body)
		body = string(b)
	}
	code, got := Do(w.H, s.Method, s.URL, w.Tokens[role], body)
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

// API sends a request to the world as role, fails the test on an
// unexpected status, and returns the body.
func (w *World) API(t *testing.T, role, method, url, body string, want int) string {
	t.Helper()
	code, got := Do(w.H, method, url, w.Tokens[role], body)
	if code != want {
		t.Fatalf("%s %s %s: %d, want %d: %s", role, method, url, code, want, got)
	}
	return got
}

// PDF is a small, whole PDF file, as a document's file.
func PDF(t testing.TB) *filesystem.File {
	t.Helper()
	f, err := filesystem.NewFileFromBytes([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"), "van-ban.pdf")
	if err != nil {
		t.Fatal(err)
	}
	return f
}
