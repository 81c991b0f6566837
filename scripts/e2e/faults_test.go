package e2e

import (
	"encoding/xml"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/site/live"
)

// liveIsWhole checks the live build on disk as a reader of the site would
// find it: every page its sitemap names exists and is a complete HTML page.
// It returns how many pages it checked.
func liveIsWhole(t *testing.T, dataDir string) int {
	t.Helper()
	liveDir := live.InData(dataDir).LivePath()
	b, err := os.ReadFile(filepath.Join(liveDir, "sitemap.xml"))
	if err != nil {
		t.Fatalf("no live sitemap: %v", err)
	}
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(b, &sm); err != nil {
		t.Fatalf("live sitemap: %v", err)
	}
	for _, u := range sm.URLs {
		parsed, err := url.Parse(u.Loc)
		if err != nil {
			t.Fatal(err)
		}
		page := filepath.Join(liveDir, filepath.FromSlash(strings.TrimPrefix(parsed.Path, "/")), "index.html")
		body, err := os.ReadFile(page)
		if err != nil {
			t.Fatalf("the sitemap names %s, which is not in the live build: %v", u.Loc, err)
		}
		if !strings.HasSuffix(strings.TrimSpace(string(body)), "</html>") {
			t.Fatalf("%s is cut short (%d bytes)", u.Loc, len(body))
		}
	}
	return len(sm.URLs)
}

// TestKillDuringBuilds kills the portal with SIGKILL at random moments of
// builds, five times: each time the live site on disk is a whole build, and
// the next start serves it at once, rebuilds cleanly and answers every page
// of its sitemap.
func TestKillDuringBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("fault run skipped in -short mode")
	}
	p := start(t, true)
	r := rand.New(rand.NewPCG(1, 2))
	for round := 1; round <= 5; round++ {
		// A change (so the build has work) and a rebuild asked for.
		var list struct {
			Items []record `json:"items"`
		}
		p.api("GET", "/api/collections/articles/records?perPage=1&filter="+url.QueryEscape(`status="published"`), nil, &list)
		p.api("PATCH", "/api/collections/articles/records/"+list.Items[0].ID, map[string]any{"summary": fmt.Sprintf("Tóm tắt lần %d.", round)}, nil)
		p.api("POST", "/api/site/rebuild", nil, nil)
		time.Sleep(time.Duration(50+r.IntN(600)) * time.Millisecond)
		p.Kill()
		n := liveIsWhole(t, p.Dir)
		t.Logf("round %d: killed; the live build is whole (%d pages in its sitemap)", round, n)

		restarted := time.Now().UTC()
		p.relaunch()
		var st siteStatus
		p.waitFor("a clean rebuild after the restart", 2*time.Minute, func() bool {
			st = siteStatus{}
			p.api("GET", "/api/site/status", nil, &st)
			return st.Last != nil && st.Last.Started.After(restarted) && st.Last.Error == "" && !st.Building &&
				st.LastSuccess != nil && st.LastSuccess.ID == st.Last.ID
		})
	}
	// Every page of the sitemap answers over HTTP, complete.
	b, _ := os.ReadFile(filepath.Join(live.InData(p.Dir).LivePath(), "sitemap.xml"))
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	_ = xml.Unmarshal(b, &sm)
	for _, u := range sm.URLs {
		parsed, _ := url.Parse(u.Loc)
		code, body := p.get(parsed.Path)
		if code != 200 || !strings.Contains(body, "</html>") {
			t.Fatalf("%s answers %d", parsed.Path, code)
		}
	}
	t.Logf("after 5 kills: all %d pages of the sitemap answer 200", len(sm.URLs))
	// Killed builds' folders do not pile up.
	builds, _ := os.ReadDir(live.InData(p.Dir).BuildsPath())
	if len(builds) > 4 {
		target, _ := os.Readlink(live.InData(p.Dir).LivePath())
		var names []string
		for _, b := range builds {
			names = append(names, b.Name())
		}
		t.Errorf("%d build folders kept: %v (live: %s)", len(builds), names, target)
	}
}

// TestAcknowledgedWritesSurviveKill: every record the API acknowledged is
// there after a SIGKILL and a restart (SQLite in WAL mode).
func TestAcknowledgedWritesSurviveKill(t *testing.T) {
	if testing.Short() {
		t.Skip("fault run skipped in -short mode")
	}
	p := start(t, false)
	var ids []string
	for i := 0; i < 40; i++ {
		var rec record
		if code := p.api("POST", "/api/collections/articles/records", map[string]any{
			"title": fmt.Sprintf("Tin ghi trước khi tắt đột ngột số %d", i), "category": "thong-bao", "status": "draft",
		}, &rec); code == 200 {
			ids = append(ids, rec.ID)
		}
	}
	p.Kill()
	p.relaunch()
	for _, id := range ids {
		if code := p.api("GET", "/api/collections/articles/records/"+id, nil, nil); code != 200 {
			t.Fatalf("acknowledged record %s lost after kill -9: %d", id, code)
		}
	}
	t.Logf("%d acknowledged writes, all there after kill -9", len(ids))
}
