package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Staff accounts of the back office test.
const (
	editorEmail      = "bientap@daison.test"
	editorPassword   = "mat-khau-bien-tap-1"
	editorName       = "Trần Thị Biên Tập"
	reviewerEmail    = "thamdinh@daison.test"
	reviewerPassword = "mat-khau-tham-dinh-1"
	reviewerName     = "Lê Văn Thẩm Định"
	reporterEmail    = "daumoi@daison.test"
	reporterPassword = "mat-khau-dau-moi-1"
)

// What the back office test writes.
const (
	articleTitle    = "Tổ công nghệ số cộng đồng hỗ trợ người dân cài VNeID"
	initiativeTitle = "Mô hình “Chủ nhật không hẹn” tại bộ phận một cửa"
	scheduledTitle  = "Thông báo lịch tiếp công dân tháng 12"
)

// backofficeStory is what the steps of TestBackoffice share, in order.
type backofficeStory struct {
	p        *portal
	axe      string // axe-core's script
	unit     record // the unit of the initiative and of the reporter
	picture  string // a PNG file, the article's cover
	notImage string // a text file, refused as a cover

	editor *browser // the editor's tab, from the first step to the refused save

	articleID, initiativeID, scheduledID string
	scheduledAt                          time.Time
}

// TestBackoffice drives the staff back office at /quan-tri/ in Chromium as
// the commune's staff would: an editor logs in, writes an article with a
// picture and publishes it, sends an initiative for review and schedules an
// article, captions a photo of a gallery; bad input is refused in Vietnamese without losing what was
// typed; a reviewer logs in by keyboard alone and publishes the initiative;
// both pages appear on the public site, the audit log shows each step, the
// history compares and restores a version, and the scheduled article
// appears on the site by itself after its time. axe-core checks the login,
// the dashboard, a list and a form for WCAG 2.1 A/AA; the pages also work
// at a phone's width.
//
// Its steps (backoffice_editor_test.go, backoffice_review_test.go) run in
// order and share a backofficeStory.
func TestBackoffice(t *testing.T) {
	p := start(t, false)
	s := &backofficeStory{p: p}
	s.unit = p.createRecord("units", map[string]any{
		"name": "Trung tâm Phục vụ hành chính công xã", "kind": "trung-tam", "status": "published",
	})
	p.createStaff(editorEmail, editorPassword, editorName, "editor", "")
	p.createStaff(reviewerEmail, reviewerPassword, reviewerName, "reviewer", "")
	s.axe = axeSource(t)
	dir := t.TempDir()
	s.picture = writePNG(t, filepath.Join(dir, "anh-tuyen-truyen.png"))
	s.notImage = filepath.Join(dir, "ghi-chu.txt")
	if err := os.WriteFile(s.notImage, []byte("Đây không phải là ảnh."), 0o644); err != nil {
		t.Fatal(err)
	}
	// The editor, on a desktop screen.
	s.editor = newBrowser(t, p, 1280)

	story(t,
		step{"editor signs in", s.editorSignsIn},
		step{"editor publishes an article", s.editorPublishesArticle},
		step{"editor sends an initiative for review", s.editorSendsInitiative},
		step{"editor schedules an article", s.editorSchedulesArticle},
		step{"bad input is refused and kept", s.badInputIsKept},
		step{"unsaved changes are guarded", s.unsavedChangesAreGuarded},
		step{"the server refuses a non-image", s.serverRefusesNonImage},
		step{"editor publishes a guide", s.editorPublishesGuide},
		step{"editor publishes an event", s.editorPublishesEvent},
		step{"editor captions a gallery photo", s.editorCaptionsGallery},
		step{"editor opens the initiative", s.editorOpensInitiative},
		step{"reviewer publishes by keyboard", s.reviewerPublishesByKeyboard},
		step{"editor's save is refused", s.editorSaveIsRefused},
		step{"both pages are public", s.pagesArePublic},
		step{"audit log, history and restore", s.auditHistoryAndRestore},
		step{"reporter proposes for their unit", s.reporterProposesForOwnUnit},
		step{"editor turns two-step sign-in on", s.editorTurnsOnTwoSteps},
		step{"failed logins lock the address", s.failedLoginsLock},
		step{"the scheduled article goes live", s.scheduledGoesLive},
	)
}

// TestBackofficeServing checks what the server sends for the back office:
// the page for every client-side route, its security headers, and the
// assets with their types.
func TestBackofficeServing(t *testing.T) {
	p := start(t, false)
	for _, path := range []string{"/quan-tri/", "/quan-tri/bai-viet/", "/quan-tri/bai-viet/abc123/lich-su"} {
		res := p.head(path)
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			t.Errorf("%s: %d %s", path, res.StatusCode, res.Header.Get("Content-Type"))
		}
		if !strings.Contains(res.Header.Get("X-Robots-Tag"), "noindex") ||
			!strings.Contains(res.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
			t.Errorf("%s: headers %v", path, res.Header)
		}
	}
	for path, ctype := range map[string]string{
		"/quan-tri/assets/js/main.js":  "text/javascript",
		"/quan-tri/assets/app.css":     "text/css",
		"/quan-tri/meta.json":          "application/json",
		"/quan-tri/assets/favicon.svg": "image/svg+xml",
	} {
		res := p.head(path)
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), ctype) {
			t.Errorf("%s: %d %s, want %s", path, res.StatusCode, res.Header.Get("Content-Type"), ctype)
		}
	}
	if res := p.head("/quan-tri/assets/js/khong-co.js"); res.StatusCode != 404 {
		t.Errorf("a missing asset answers %d", res.StatusCode)
	}

	// The same referrer and frame rules on every part the binary serves
	// (the site's pages skip PocketBase's router); the dashboard keeps its
	// own scripts; the API is never cached; no HSTS over plain HTTP.
	for path, csp := range map[string]string{
		"/":              "script-src 'self'",
		"/quan-tri/":     "script-src 'self'",
		"/_/":            "script-src 'self'",
		"/api/health":    "default-src 'none'",
		"/khong-co-dau/": "script-src 'self'",
	} {
		res := p.head(path)
		hd := res.Header
		all := strings.Join(hd.Values("Content-Security-Policy"), " | ")
		if hd.Get("Referrer-Policy") != "same-origin" || hd.Get("X-Frame-Options") != "DENY" || hd.Get("X-Content-Type-Options") != "nosniff" ||
			!strings.Contains(all, "frame-ancestors 'none'") || !strings.Contains(all, csp) || hd.Get("Strict-Transport-Security") != "" {
			t.Errorf("%s: %d, headers %v", path, res.StatusCode, hd)
		}
		if strings.HasPrefix(path, "/api/") != (hd.Get("Cache-Control") == "no-store") && path != "/khong-co-dau/" {
			t.Errorf("%s: Cache-Control %q", path, hd.Get("Cache-Control"))
		}
	}
}
