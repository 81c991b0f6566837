package history_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
)

// TestHostile09HistoryFollowsRecords: the history of a record (its earlier
// versions in the revisions collection) is readable by exactly those who may
// read the record: editors and reviewers for the public collections,
// reviewers for the award process, and a unit's reporter only for their own
// unit's initiatives, nominations and reports — not for the draft articles
// or honourees that name their unit, not for another unit's records, and
// not for a record that has moved to another unit since.
func TestHostile09HistoryFollowsRecords(t *testing.T) {
	t.Parallel()
	w := admintest.NewWorld(t)
	nextYear := time.Now().Year() + 1
	records := map[string]*core.Record{
		"article of A":    admintest.Create(t, w.App, schema.Articles, map[string]any{"title": "Bài nháp bí mật", "category": "thong-bao", "status": "draft", "unit": admintest.UnitA}),
		"honoree of A":    admintest.Create(t, w.App, schema.Honorees, map[string]any{"name": "Người chưa công bố", "kind": "ca-nhan", "status": "draft", "unit": admintest.UnitA}),
		"initiative of A": admintest.Create(t, w.App, schema.Initiatives, admintest.DraftFields(schema.Initiatives, 1)),
		"initiative of B": admintest.Create(t, w.App, schema.Initiatives, map[string]any{"title": "Sáng kiến của B", "kind": "sang-kien", "field": "cong-vu", "unit": admintest.UnitB, "status": "draft"}),
		"moved from A":    admintest.Create(t, w.App, schema.Initiatives, map[string]any{"title": "Sáng kiến sẽ chuyển", "kind": "sang-kien", "field": "cong-vu", "unit": admintest.UnitA, "status": "draft"}),
		"nomination of A": admintest.Create(t, w.App, schema.Nominations, map[string]any{"unit": admintest.UnitA, "year": nextYear, "nomineeName": "Lê Văn Học", "nomineeKind": "ca-nhan", "requestedForm": "giay-khen", "kind": "hang-nam", "achievements": "Thành tích của đơn vị A.", "state": "draft"}),
		"report of B":     admintest.Create(t, w.App, schema.UnitReports, map[string]any{"unit": admintest.UnitB, "year": nextYear, "state": "draft", "summary": "Báo cáo của đơn vị B."}),
	}
	// Each record is saved once more through the API, which keeps its
	// earlier version in the history.
	for name, r := range records {
		who, body := admintest.Reviewer, `{"title":"Bản sửa"}`
		switch r.Collection().Name {
		case schema.Honorees:
			body = `{"name":"Tên sửa"}`
		case schema.Nominations:
			body = `{"achievements":"Thành tích đã sửa."}`
		case schema.UnitReports:
			body = `{"summary":"Báo cáo đã sửa."}`
		}
		if name == "moved from A" {
			body = `{"unit":"` + admintest.UnitB + `"}`
		}
		w.API(t, who, http.MethodPatch, "/api/collections/"+r.Collection().Name+"/records/"+r.Id, body, 200)
	}
	// The award process keeps no versions of its own today; its history
	// rule is checked on versions written as the portal would.
	revisions, err := w.App.FindCollectionByNameOrId(schema.Revisions)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"nomination of A", "report of B"} {
		if _, err := w.App.FindFirstRecordByFilter(schema.Revisions, "recordRef = {:id}", map[string]any{"id": records[name].Id}); err == nil {
			continue
		}
		rev := core.NewRecord(revisions)
		rev.Set("collectionRef", records[name].Collection().Name)
		rev.Set("recordRef", records[name].Id)
		rev.Set("data", map[string]any{"summary": "phiên bản cũ"})
		rev.Set("unit", records[name].GetString("unit"))
		if err := w.App.Save(rev); err != nil {
			t.Fatal(err)
		}
	}
	// Every record has a version in the history.
	byRecord := map[string]string{}
	for name, r := range records {
		byRecord[r.Id] = name
		if _, err := w.App.FindFirstRecordByFilter(schema.Revisions, "recordRef = {:id}", map[string]any{"id": r.Id}); err != nil {
			t.Fatalf("no version of %s: %v", name, err)
		}
	}

	public := []string{"article of A", "honoree of A", "initiative of A", "initiative of B", "moved from A"}
	want := map[string][]string{
		admintest.Anonymous: nil,
		admintest.Editor:    public,
		admintest.Reviewer:  append(public[:len(public):len(public)], "nomination of A", "report of B"),
		admintest.ReporterA: {"initiative of A", "nomination of A"},
		admintest.ReporterB: {"initiative of B", "moved from A", "report of B"},
		admintest.Superuser: append(public[:len(public):len(public)], "nomination of A", "report of B"),
	}
	for _, role := range admintest.Roles {
		code, body := admintest.Do(w.H, http.MethodGet, "/api/collections/revisions/records?perPage=200", w.Tokens[role], "")
		if code != 200 {
			t.Fatalf("%s lists the history: %d %s", role, code, body)
		}
		var res struct {
			Items []struct {
				RecordRef string `json:"recordRef"`
			} `json:"items"`
		}
		if err := json.Unmarshal([]byte(body), &res); err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, it := range res.Items {
			seen[byRecord[it.RecordRef]] = true
		}
		var got []string
		for name := range seen {
			got = append(got, name)
		}
		sort.Strings(got)
		exp := append([]string(nil), want[role]...)
		sort.Strings(exp)
		if strings.Join(got, ", ") != strings.Join(exp, ", ") {
			t.Errorf("%s reads the history of [%s], want [%s]", role, strings.Join(got, ", "), strings.Join(exp, ", "))
		}
		// Reading one version by its id obeys the same rule.
		for name, r := range records {
			rev, err := w.App.FindFirstRecordByFilter(schema.Revisions, "recordRef = {:id}", map[string]any{"id": r.Id})
			if err != nil {
				t.Fatal(err)
			}
			code, _ := admintest.Do(w.H, http.MethodGet, "/api/collections/revisions/records/"+rev.Id, w.Tokens[role], "")
			if wantCode := map[bool]int{true: 200, false: 404}[slices.Contains(want[role], name)]; code != wantCode {
				t.Errorf("%s views a version of %s: %d, want %d", role, name, code, wantCode)
			}
		}
	}
	// Nor can a reporter guess a draft's words through the history's link
	// to their unit.
	probe := func(text string) string {
		_, body := admintest.Do(w.H, http.MethodGet, "/api/collections/units/records?filter="+url.QueryEscape("revisions_via_unit.data ?~ '"+text+"'"), w.Tokens[admintest.ReporterA], "")
		return body
	}
	if hit, miss := probe("Bài nháp bí mật"), probe("Không có chữ này"); hit != miss {
		t.Errorf("a reporter guesses a draft article's title through the history:\n%s\n%s", hit, miss)
	}
	// Nobody writes the history through the API.
	for _, role := range []string{admintest.Editor, admintest.Reviewer, admintest.ReporterA} {
		code, _ := admintest.Do(w.H, http.MethodPost, "/api/collections/revisions/records", w.Tokens[role],
			`{"collectionRef":"initiatives","recordRef":"`+records["initiative of A"].Id+`","unit":"`+admintest.UnitA+`"}`)
		if code != 403 {
			t.Errorf("%s writes a version: %d", role, code)
		}
	}
}
