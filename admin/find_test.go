package admin_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
)

// TestFindFoldsDiacritics: staff find people as they type them, without
// diacritics ("hoang thi" finds "Hoàng Thị Lan"), with telex left in, in
// Vietnamese alphabetical order (Âu before Bùi, which the database's byte
// order reverses), among what each may list (a unit's reporter sees no
// draft), and only by fields staff may see.
func TestFindFoldsDiacritics(t *testing.T) {
	t.Parallel()
	w := admintest.NewWorld(t)
	past := admintest.Date(time.Now().Add(-time.Hour))
	ids := map[string]string{}
	for name, status := range map[string]string{
		"Hoàng Thị Lan": "published", "Hoàng Văn Nam": "draft", "Bùi Thị Hà": "published", "Âu Thị Hà": "published", "Đào Thị Bình": "published",
	} {
		f := map[string]any{"name": name, "kind": "ca-nhan", "status": status, "position": "Công chức một cửa"}
		if status == "published" {
			f["publishAt"] = past
		}
		ids[name] = admintest.Create(t, w.App, schema.Honorees, f).Id
	}
	find := func(role, query string, want int) string {
		return w.API(t, role, http.MethodGet, "/api/portal/find/honorees?"+query, "", want)
	}
	titles := func(body string) []string {
		var out []string
		for _, part := range strings.Split(body, `"title":"`)[1:] {
			out = append(out, part[:strings.IndexByte(part, '"')])
		}
		return out
	}
	q := func(s string) string { return "q=" + url.QueryEscape(s) }

	if got := titles(find(admintest.Reviewer, q("hoang thi"), 200)); len(got) != 1 || got[0] != "Hoàng Thị Lan" {
		t.Errorf("“hoang thi” finds %q", got)
	}
	if got := titles(find(admintest.Reviewer, q("hoangf thij"), 200)); len(got) != 1 || got[0] != "Hoàng Thị Lan" {
		t.Errorf("“hoangf thij” (telex) finds %q", got)
	}
	if got := titles(find(admintest.Editor, q("dao"), 200)); len(got) != 1 || got[0] != "Đào Thị Bình" {
		t.Errorf("“dao” finds %q", got)
	}
	if got := titles(find(admintest.Reviewer, q("thi ha")+"&sort=vi", 200)); strings.Join(got, "|") != "Âu Thị Hà|Bùi Thị Hà" {
		t.Errorf("“thi ha” in Vietnamese order: %q", got)
	}
	if got := find(admintest.Reviewer, q("hoang")+"&sort=vi&limit=1&offset=1", 200); !strings.Contains(got, `"totalItems":2`) || strings.Join(titles(got), "|") != "Hoàng Văn Nam" {
		t.Errorf("the second page of “hoang”: %s", got)
	}
	if got := titles(find(admintest.Reviewer, q("hoang")+"&eq.status=draft", 200)); strings.Join(got, "|") != "Hoàng Văn Nam" {
		t.Errorf("drafts of “hoang”: %q", got)
	}
	if got := find(admintest.Reviewer, q("mot cua")+"&in=position&sort=-created", 200); !strings.Contains(got, `"totalItems":5`) {
		t.Errorf("“mot cua” in positions: %q", got)
	}
	// A unit's reporter lists published honourees only.
	if got := titles(find(admintest.ReporterA, q("hoang"), 200)); strings.Join(got, "|") != "Hoàng Thị Lan" {
		t.Errorf("a reporter finds %q", got)
	}
	find(admintest.Anonymous, q("hoang"), 401)
	for _, bad := range []string{"&in=statusBy", "&in=oldSlugs", "&sort=statusBy", "&eq.statusBy=x"} {
		find(admintest.Reviewer, q("hoang")+bad, 400)
	}
	w.API(t, admintest.Reviewer, http.MethodGet, "/api/portal/find/staff?"+q("a"), "", 404)
	w.API(t, admintest.Reviewer, http.MethodGet, "/api/portal/find/auditLog?"+q("a"), "", 404)
	find(admintest.Reviewer, "q=", 400)
}
