package site_test

import (
	"encoding/json"
	"github.com/daison/portal/internal/staffauth"
	"net/http"
	"testing"
	"testing/fstest"
	"time"

	"github.com/daison/portal/internal/clock"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site"
)

// liveAnswer is GET /api/site/live/{collection}'s answer.
type liveAnswer struct {
	Building     bool                       `json:"building"`
	FailingSince time.Time                  `json:"failingSince"`
	Error        string                     `json:"error"`
	Records      map[string]site.LiveRecord `json:"records"`
}

// TestLiveVersions: each build that goes live records which version of
// each record it holds, and since when; a version saved after it is not
// live until the next good build, however many builds fail meanwhile; a
// version kept by later builds keeps its time; the status says since when
// builds fail; a restart reads the live build's versions back; drafts and
// awards of unpublished honourees are not live.
func TestLiveVersions(t *testing.T) {
	app := recordstest.NewApp(t)
	now := clock.NewFixed(time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC))
	past := recordstest.Date(now.Now().Add(-time.Hour))
	a := recordstest.Create(t, app, schema.Articles, map[string]any{"title": "Tin một", "category": "thong-bao", "status": "published", "publishAt": past})
	other := recordstest.Create(t, app, schema.Articles, map[string]any{"title": "Tin hai", "category": "thong-bao", "status": "published", "publishAt": past})
	draft := recordstest.Create(t, app, schema.Articles, map[string]any{"title": "Tin nháp", "category": "thong-bao", "status": "draft"})
	ho := recordstest.Create(t, app, schema.Honorees, map[string]any{"name": "Lê Văn Nháp", "kind": "ca-nhan", "status": "published", "publishAt": past})
	aw := recordstest.Create(t, app, schema.Awards, map[string]any{"honoree": ho.Id, "form": "giay-khen", "kind": "hang-nam", "year": 2026,
		"decisionNo": "1/QĐ-UBND", "achievement": "Hoàn thành tốt", "status": "published", "publishAt": past})
	ho.Set("status", "draft") // its award stays published, but is not shown
	if err := app.Save(ho); err != nil {
		t.Fatal(err)
	}

	src := miniSite(goodPage)
	root := t.TempDir()
	b := site.New(app, site.Config{Root: root, BaseURL: "http://x.test/", Sources: src, Now: now.Now})
	t.Cleanup(b.Close)
	if _, err := b.Build("một"); err != nil {
		t.Fatal(err)
	}
	first := now.Now()
	got := b.LiveVersions(schema.Articles, []string{a.Id, other.Id, draft.Id})
	if len(got) != 2 || got[a.Id].Updated != a.GetString("updated") || !got[a.Id].Since.Equal(first) {
		t.Fatalf("after the first build: %+v (article updated %s)", got, a.GetString("updated"))
	}
	if len(b.LiveVersions(schema.Awards, []string{aw.Id})) != 0 {
		t.Fatal("an award of an unpublished honouree counts as live")
	}

	// Saved again; the theme breaks: two builds fail, the saved version
	// is not live, the status says since when.
	now.Advance(time.Minute)
	a.Set("title", "Tin một (sửa)")
	if err := app.Save(a); err != nil {
		t.Fatal(err)
	}
	src["themes/mini/layouts/404.html"] = &fstest.MapFile{Data: []byte(`{{ div 1 0 }}`)}
	failStart := now.Now()
	for range 2 {
		if _, err := b.Build("lỗi"); err == nil {
			t.Fatal("a broken 404 page built")
		}
		now.Advance(time.Minute)
	}
	if st := b.Status(); !st.FailingSince.Equal(failStart) {
		t.Fatalf("failing since %v, want %v", st.FailingSince, failStart)
	}
	if got := b.LiveVersions(schema.Articles, []string{a.Id}); got[a.Id].Updated == a.GetString("updated") {
		t.Fatal("the version saved after the live build counts as live while builds fail")
	}

	// What the back office reads.
	site.Register(app, b, staffauth.Require)
	h := recordstest.Handler(t, app)
	editor := staffToken(t, app, "editor")
	code, body := recordstest.Do(h, http.MethodGet, "/api/site/live/articles?ids="+a.Id+","+other.Id+","+draft.Id, editor, "")
	var ans liveAnswer
	if err := json.Unmarshal([]byte(body), &ans); code != 200 || err != nil {
		t.Fatalf("live API: %d %s", code, body)
	}
	if ans.Error == "" || !ans.FailingSince.Equal(failStart) || len(ans.Records) != 2 || ans.Records[a.Id].Updated == a.GetString("updated") {
		t.Fatalf("live API while builds fail: %s", body)
	}
	if code, _ := recordstest.Do(h, http.MethodGet, "/api/site/live/articles?ids="+a.Id, "", ""); code != 401 {
		t.Fatalf("anonymous live API: %d", code)
	}
	if code, _ := recordstest.Do(h, http.MethodGet, "/api/site/live/staff?ids=x", editor, ""); code != 404 {
		t.Fatalf("live API of a private collection: %d", code)
	}
	waitFor(t, "the start-up build", 3*time.Minute, func() bool { st := b.Status(); return !st.Building && st.Last != nil && st.Last.Reason != "lỗi" })

	// Fixed: the next build holds the new version since its time; the
	// other article keeps the first build's time.
	src["themes/mini/layouts/404.html"] = miniSite(goodPage)["themes/mini/layouts/404.html"]
	if _, err := b.Build("sửa"); err != nil {
		t.Fatal(err)
	}
	fixed := now.Now()
	got = b.LiveVersions(schema.Articles, []string{a.Id, other.Id})
	if got[a.Id].Updated != a.GetString("updated") || !got[a.Id].Since.Equal(fixed) || !got[other.Id].Since.Equal(first) {
		t.Fatalf("after the fix: %+v", got)
	}
	if st := b.Status(); !st.FailingSince.IsZero() {
		t.Fatalf("still failing since %v after a good build", st.FailingSince)
	}

	// A restart reads them back from the live build's folder.
	again := site.New(app, site.Config{Root: root, BaseURL: "http://x.test/", Sources: src, Now: now.Now})
	t.Cleanup(again.Close)
	if got := again.LiveVersions(schema.Articles, []string{a.Id}); got[a.Id].Updated != a.GetString("updated") || !got[a.Id].Since.Equal(fixed) {
		t.Fatalf("after a restart: %+v", got)
	}
}
