package e2e

import (
	"fmt"
	"github.com/daison/portal/internal/schema"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/internal/mailpit"
	"github.com/daison/portal/internal/portaltest"
)

// The people and the article of the publishing-truth story.
const (
	truthEditorEmail   = "bientap.su-that@daison.test"
	truthReviewerEmail = "thamdinh.su-that@daison.test"
	truthTitle         = "Lịch tiếp công dân tuần này thay đổi"
	alertSubject       = "Trang công khai chưa cập nhật được"
)

// truthStory is what the steps of TestPublishingTellsTheTruth share.
type truthStory struct {
	p      *portal // with the editor's token
	mp     *mailpit.Server
	editor *browser
	hugo   string // the portal's --site-src hugo.toml
	good   []byte // its content before it was broken
	id     string // the article's id
	slug   string
}

// TestPublishingTellsTheTruth: while the site's builds fail (the theme's
// configuration broken through --site-src), an editor publishes an article
// in Chromium; the editor and the article list say "Đã lưu – chưa lên
// trang" and why (builds failing, with the error), not "published" alone,
// and the article is not on the public site. Once builds have failed for
// longer than --build-alert-after (set short here, in place of ten
// minutes), the reviewer and IT receive one mail each through the real
// SMTP server (mailpit), and no second one however often builds fail
// again; /api/health says "degraded" and, with ?strict=1, answers 503.
// Once the theme is fixed, the editor's page, still open, says "Đã lên
// trang lúc …" by itself, the list too, and the article is on the site.
func TestPublishingTellsTheTruth(t *testing.T) {
	mp := mailpit.Start(t)
	pp := portaltest.Start(t, portaltest.Options{Args: []string{
		"--smtp-host", mp.SMTPHost, "--smtp-port", strconv.Itoa(mp.SMTPPort), "--mail-from", "caicach@daison.test",
		"--build-alert-after", "15s",
	}})
	s := &truthStory{mp: mp, hugo: filepath.Join(pp.SiteSrc, "hugo.toml")}
	for _, st := range []portaltest.Staff{
		{Email: truthEditorEmail, Password: editorPassword, Name: editorName, Role: "editor"},
		{Email: truthReviewerEmail, Password: reviewerPassword, Name: reviewerName, Role: "reviewer"},
	} {
		if err := pp.UpsertStaff(st); err != nil {
			t.Fatal(err)
		}
	}
	token, err := pp.StaffToken(truthEditorEmail, editorPassword)
	if err != nil {
		t.Fatal(err)
	}
	s.p = &portal{Portal: pp, t: t, token: token}
	s.editor = newBrowser(t, s.p, 1280)
	story(t,
		step{"builds fail", s.buildsFail},
		step{"the editor publishes and sees it is not live", s.editorPublishes},
		step{"the reviewer and IT get one mail", s.oneMail},
		step{"fixed: the record shows when it went live", s.fixed},
	)
}

// status reads the site's build status as the editor.
func (s *truthStory) status(t *testing.T) (st struct {
	siteStatus
	FailingSince time.Time `json:"failingSince"`
}) {
	t.Helper()
	s.p.with(t).api("GET", "/api/site/status", nil, &st)
	return st
}

// rebuild asks for a build and waits until one that began after the
// request has ended; it returns its error.
func (s *truthStory) rebuild(t *testing.T) string {
	t.Helper()
	asked := time.Now().UTC()
	p := s.p.with(t)
	if code := p.api("POST", "/api/site/rebuild", nil, nil); code != http.StatusAccepted {
		t.Fatalf("rebuild: %d", code)
	}
	var errText string
	p.waitFor("a build after the request", 2*time.Minute, func() bool {
		st := s.status(t)
		if st.Building || st.Last == nil || !st.Last.Started.After(asked) {
			return false
		}
		errText = st.Last.Error
		return true
	})
	return errText
}

func (s *truthStory) buildsFail(t *testing.T) {
	var err error
	if s.good, err = os.ReadFile(s.hugo); err != nil {
		t.Fatal(err)
	}
	// A configuration Hugo cannot read: no page of any build renders.
	if err := os.WriteFile(s.hugo, append(append([]byte{}, s.good...), []byte("\n[[[ sai cú pháp\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	if e := s.rebuild(t); e == "" {
		t.Fatal("a build with a broken hugo.toml went live")
	}
	if st := s.status(t); st.FailingSince.IsZero() || st.LastSuccess == nil {
		t.Fatalf("status while builds fail: %+v", st)
	}
}

func (s *truthStory) editorPublishes(t *testing.T) {
	b := s.editor.with(t)
	b.login(truthEditorEmail, editorPassword)
	b.open("/quan-tri/bai-viet/moi")
	b.waitVisible("#f-title")
	b.typeInto("#f-title", truthTitle)
	b.selectValue("#f-category", "thong-bao")
	b.typeInto("#f-summary", "Lịch tiếp công dân chuyển sang sáng thứ Năm.")
	b.typeInto("#f-body", "Bộ phận một cửa tiếp công dân vào **sáng thứ Năm**.")
	b.clickButton("Xuất bản ngay")
	s.id = b.recordIDFromURL("/quan-tri/bai-viet/")
	// The editor: saved, not live, because builds fail, with the error.
	b.waitText(".state .live-slot", "Đã lưu – chưa lên trang")
	b.waitText(".state .live-slot", "dựng trang đang lỗi từ")
	if got := b.text(".state .live-slot"); !strings.Contains(got, "Lỗi:") || !strings.Contains(got, "Hugo") {
		t.Errorf("the editor's state does not give the error: %q", got)
	}
	b.shot("su-that-trinh-sua-chua-len-trang")

	// A draft and a scheduled article, saved through the API.
	p := s.p.with(t)
	at := time.Now().Add(48 * time.Hour).In(schema.Vietnam)
	p.createRecord("articles", map[string]any{"title": "Bản nháp chưa đăng", "category": "thong-bao", "status": "draft"})
	p.createRecord("articles", map[string]any{"title": "Thông báo hẹn giờ", "category": "thong-bao", "status": "published",
		"publishAt": at.UTC().Format("2006-01-02 15:04:05.000Z")})

	// The list says the same of the article's row, and why the others
	// are not on the site either.
	b.open("/quan-tri/bai-viet/")
	b.waitText("table.records", truthTitle)
	b.poll("the list's live state", liveCell(truthTitle, "chưa lên trang", "dựng trang đang lỗi"))
	b.poll("the draft's live state", liveCell("Bản nháp chưa đăng", "Đã lưu – chưa lên trang", "bản nháp"))
	b.poll("the scheduled article's live state", liveCell("Thông báo hẹn giờ", "Đã lưu – chưa lên trang", "hẹn giờ xuất bản lúc "+at.Format("02/01/2006 15:04")))
	b.axe(axeSource(t), "danh sách bài viết khi dựng trang lỗi")
	b.shot("su-that-danh-sach-chua-len-trang")

	var rec record
	s.p.with(t).api("GET", "/api/collections/articles/records/"+s.id, nil, &rec)
	s.slug = rec.Slug
	if code, _ := s.p.with(t).get("/tin-tuc/" + s.slug + "/"); code == 200 {
		t.Fatal("the article is on the public site although no build holds it")
	}
}

func (s *truthStory) oneMail(t *testing.T) {
	p := s.p.with(t)
	for _, to := range []string{truthReviewerEmail, portaltest.SuperuserEmail} {
		m, err := s.mp.WaitFor(to, 2*time.Minute, func(m mailpit.Message) bool { return strings.Contains(m.Subject, alertSubject) })
		if err != nil {
			t.Fatalf("%v\nportal output:\n%s", err, p.Output())
		}
		if !strings.Contains(m.Text, "chưa lên trang công khai") || !strings.Contains(m.Text, "Hugo") {
			t.Errorf("the alert to %s:\n%s", to, m.Text)
		}
	}
	// Two more failed builds: still one mail each.
	for range 2 {
		if e := s.rebuild(t); e == "" {
			t.Fatal("a build went live with the broken configuration")
		}
	}
	list, err := s.mp.Messages()
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, m := range list {
		if strings.Contains(m.Subject, alertSubject) {
			for _, a := range m.To {
				count[strings.ToLower(a.Address)]++
			}
		}
	}
	if count[truthReviewerEmail] != 1 || count[portaltest.SuperuserEmail] != 1 || count[truthEditorEmail] != 0 {
		t.Fatalf("alerts by recipient: %v, want one to the reviewer and one to IT", count)
	}

	// Health: degraded, with why, for everyone; strict monitors get 503.
	var h struct {
		Data struct {
			Portal struct {
				Status string `json:"status"`
				Reason string `json:"reason"`
			} `json:"portal"`
		} `json:"data"`
	}
	anon := &portal{Portal: p.Portal, t: t}
	if code := anon.api("GET", "/api/health", nil, &h); code != 200 || h.Data.Portal.Status != "degraded" || !strings.Contains(h.Data.Portal.Reason, "Dựng trang thất bại liên tục từ") {
		t.Fatalf("health while builds fail: %d %+v", code, h.Data.Portal)
	}
	if code := anon.api("GET", "/api/health?strict=1", nil, nil); code != http.StatusServiceUnavailable {
		t.Fatalf("strict health while builds fail: %d", code)
	}
}

func (s *truthStory) fixed(t *testing.T) {
	b := s.editor.with(t)
	b.open("/quan-tri/bai-viet/" + s.id)
	b.waitText(".state .live-slot", "chưa lên trang")
	if err := os.WriteFile(s.hugo, s.good, 0o644); err != nil {
		t.Fatal(err)
	}
	if e := s.rebuild(t); e != "" {
		t.Fatalf("the build after the fix: %s", e)
	}
	// The page, left open, sees it by itself.
	b.waitText(".state .live-slot", "Đã lên trang lúc")
	if got := b.text(".state .live-slot"); !ddmmyyyy.MatchString(got) {
		t.Errorf("the editor's state has no date: %q", got)
	}
	b.shot("su-that-trinh-sua-da-len-trang")
	b.open("/quan-tri/bai-viet/")
	b.poll("the list's live state", liveCell(truthTitle, "Đã lên trang lúc"))
	if code, body := s.p.with(t).get("/tin-tuc/" + s.slug + "/"); code != 200 || !strings.Contains(body, truthTitle) {
		t.Fatalf("the article after the fix: %d", code)
	}
	var h struct {
		Data struct {
			Portal struct {
				Status string `json:"status"`
			} `json:"portal"`
		} `json:"data"`
	}
	if (&portal{Portal: s.p.Portal, t: t}).api("GET", "/api/health", nil, &h); h.Data.Portal.Status != "ok" {
		t.Fatalf("health after the fix: %+v", h.Data.Portal)
	}
}

// liveCell is a JavaScript test that the live state of the list's row
// titled title holds every one of want.
func liveCell(title string, want ...string) string {
	row := fmt.Sprintf(`//tr[.//a[normalize-space()=%q]]//span[contains(@class,"live-slot")]`, title)
	js := `(() => { const r = document.evaluate(` + jsString(row) + `, document, null, 9, null).singleNodeValue; return !!r`
	for _, w := range want {
		js += ` && r.innerText.includes(` + jsString(w) + `)`
	}
	return js + `; })()`
}
