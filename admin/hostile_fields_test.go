package admin_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
)

// TestHostile04HiddenFieldProbes: a field a caller may not see cannot be
// guessed by filtering or sorting on it, directly, through a relation, a
// back-relation or @collection, and expanding a relation shows it no more
// than reading the record does. Citizens' contacts are seen by reviewers
// (and IT) only; the workflow stamps and old addresses by staff only.
//
// Each probe is a pair of requests that differ only in the guess: a caller
// who may not see the field must get the same answer to both (no oracle),
// and the answer is a refusal in Vietnamese.
func TestHostile04HiddenFieldProbes(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	hourAgo := admintest.Date(time.Now().Add(-time.Hour))
	dayAgo := admintest.Date(time.Now().Add(-24 * time.Hour))
	stamp := "Cán bộ editor (editor@daison.test, Biên tập viên)"
	public := func(extra map[string]any) map[string]any {
		f := map[string]any{"status": "published", "publishAt": hourAgo, "updatedBy": stamp, "statusBy": stamp}
		for k, v := range extra {
			f[k] = v
		}
		return f
	}
	ini := admintest.Create(t, w.App, schema.Initiatives, public(map[string]any{
		"title": "Sáng kiến công khai", "kind": "sang-kien", "field": "cong-vu", "unit": unitA,
		"statusAt": hourAgo, "oldSlugs": []string{"dia-chi-cu-bi-mat"}}))
	admintest.Create(t, w.App, schema.Articles, public(map[string]any{"title": "Bài thứ nhất", "category": "thong-bao", "statusAt": hourAgo}))
	admintest.Create(t, w.App, schema.Articles, public(map[string]any{"title": "Bài thứ hai", "category": "thong-bao", "statusAt": dayAgo}))
	hon := admintest.Create(t, w.App, schema.Honorees, public(map[string]any{"name": "Người có dấu", "kind": "ca-nhan", "statusAt": hourAgo}))
	admintest.Create(t, w.App, schema.Awards, public(map[string]any{"honoree": hon.Id, "form": "giay-khen", "kind": "dot-xuat", "year": 2026, "achievement": "Thành tích công khai"}))
	for i, phone := range []string{"0912345678", "0387654321"} {
		admintest.Create(t, w.App, schema.Feedback, map[string]any{
			"kind": "sang-kien", "refCode": fmt.Sprintf("SK-THU%03d", i), "message": "Một đề xuất đủ dài để lưu.",
			"name": fmt.Sprintf("Nguyễn Thị Dân %d", i), "phone": phone, "email": fmt.Sprintf("dan%d@example.com", i),
			"consent": true, "state": "moi", "initiative": ini.Id,
		})
	}

	list := func(collection, query string) string {
		return "/api/collections/" + collection + "/records?" + query
	}
	filter := func(collection, f string) string { return list(collection, "filter="+url.QueryEscape(f)) }
	staff := []string{editor, reviewer, reporterA, reporterB}
	probes := []struct {
		name      string
		hit, miss string
		blind     []string // roles that may not see the field
	}{
		{"phone", filter("feedback", "phone ~ '0912'"), filter("feedback", "phone ~ '0000'"), []string{anonymous, editor, reporterA}},
		{"email", filter("feedback", "email ~ 'dan0@'"), filter("feedback", "email ~ 'nobody@'"), []string{anonymous, editor}},
		{"citizen's name", filter("feedback", "name ~ 'Nguyễn'"), filter("feedback", "name ~ 'Trần'"), []string{anonymous, editor}},
		{"sort by phone", list("feedback", "sort=phone"), list("feedback", "sort=-phone"), []string{editor}},
		{"phone through a back-relation", filter("initiatives", "feedback_via_initiative.phone ?~ '0912'"), filter("initiatives", "feedback_via_initiative.phone ?~ '0000'"), []string{anonymous, editor, reporterA}},
		{"phone through @collection", filter("articles", "@collection.feedback.phone ~ '0912'"), filter("articles", "@collection.feedback.phone ~ '0000'"), []string{anonymous, editor}},
		{"updatedBy", filter("articles", "updatedBy ~ 'editor@'"), filter("articles", "updatedBy ~ 'nobody@'"), []string{anonymous}},
		{"statusBy", filter("initiatives", "statusBy ~ 'editor@'"), filter("initiatives", "statusBy ~ 'nobody@'"), []string{anonymous}},
		{"statusAt", filter("articles", "statusAt > '2000-01-01'"), filter("articles", "statusAt > '2999-01-01'"), []string{anonymous}},
		{"sort by statusAt", list("articles", "sort=statusAt"), list("articles", "sort=-statusAt"), []string{anonymous}},
		{"oldSlugs", filter("initiatives", "oldSlugs ~ 'bi-mat'"), filter("initiatives", "oldSlugs ~ 'khong-co'"), []string{anonymous}},
		{"updatedBy through a relation", filter("awards", "honoree.updatedBy ~ 'editor@'"), filter("awards", "honoree.updatedBy ~ 'nobody@'"), []string{anonymous}},
	}
	for _, p := range probes {
		for _, role := range p.blind {
			c1, b1 := admintest.Do(w.H, http.MethodGet, p.hit, w.Tokens[role], "")
			c2, b2 := admintest.Do(w.H, http.MethodGet, p.miss, w.Tokens[role], "")
			if c1 != c2 || b1 != b2 {
				t.Errorf("%s probes %s: the guess changes the answer:\n %d %s\n %d %s", role, p.name, c1, b1, c2, b2)
				continue
			}
			if c1 < 400 || !strings.Contains(b1, `"message":"`) || strings.Contains(b1, "Something") {
				t.Errorf("%s probes %s: %d %s, want a refusal in Vietnamese", role, p.name, c1, b1)
			}
		}
	}
	// The refusal says what happened (not "not UTF-8").
	if _, body := admintest.Do(w.H, http.MethodGet, filter("feedback", "phone ~ '09'"), w.Tokens[editor], ""); !strings.Contains(body, "Không thể lọc hay sắp xếp theo trường") {
		t.Errorf("refusal of a filter on a protected field: %s", body)
	}
	if _, body := admintest.Do(w.H, http.MethodGet, list("articles", "sort=statusAt"), "", ""); !strings.Contains(body, "Không sắp xếp được theo “statusAt”") {
		t.Errorf("refusal of a sort on a protected field: %s", body)
	}
	// IT may still search everything.
	if code, body := admintest.Do(w.H, http.MethodGet, filter("feedback", "phone ~ '0912'"), w.Tokens[superuser], ""); code != 200 || !strings.Contains(body, `"totalItems":1`) {
		t.Errorf("superuser filter on phone: %d %s", code, body)
	}

	// Reading and expanding show each field to exactly those who may see it.
	reads := []struct {
		name, url string
		secret    string
		may       []string
	}{
		{"feedback list", list("feedback", ""), "0912345678", []string{reviewer, superuser}},
		{"feedback expanded from an initiative", list("initiatives", "expand=feedback_via_initiative"), "dan0@example.com", []string{reviewer, superuser}},
		{"initiative list", list("initiatives", ""), "editor@daison.test", append(staff, superuser)},
		{"initiative's old address", list("initiatives", ""), "dia-chi-cu-bi-mat", append(staff, superuser)},
		{"honoree expanded from an award", list("awards", "expand=honoree"), "editor@daison.test", append(staff, superuser)},
	}
	for _, r := range reads {
		for _, role := range roles {
			code, body := admintest.Do(w.H, http.MethodGet, r.url, w.Tokens[role], "")
			if code != 200 {
				t.Errorf("%s reads %s: %d %s", role, r.name, code, body)
				continue
			}
			if sees, may := strings.Contains(body, r.secret), contains(r.may, role); sees != may {
				t.Errorf("%s reads %s: sees %q = %v, want %v: %s", role, r.name, r.secret, sees, may, body)
			}
		}
	}
}
