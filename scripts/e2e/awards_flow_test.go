package e2e

import (
	"fmt"
	"github.com/daison/portal/internal/schema"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Staff of the award flow test.
const (
	flowReporterEmail    = "motcua@daison.test"
	flowReporterPassword = "mat-khau-mot-cua-1"
	flowReporterName     = "Hoàng Thị Mai"
	flowReviewerEmail    = "vhxh@daison.test"
	flowReviewerPassword = "mat-khau-van-hoa-1"
	flowReviewerName     = "Vũ Văn Thắng"
	flowEditorEmail      = "trungtam@daison.test"
	flowEditorPassword   = "mat-khau-trung-tam-1"
	flowEditorName       = "Đỗ Thị Hằng"
)

// TestAwardsFlow drives the staff side of the award process and of the
// citizens' feedback through the back office in Chromium:
//
//   - a unit's reporter files a yearly nomination for next year with a PDF
//     dossier (a text file is refused before upload; a yearly dossier of a
//     past year is refused with the deadline's message, shown before and
//     after trying);
//   - a reviewer downloads the protected dossier, returns it with a
//     comment; the reporter sees the comment and refiles; the reviewer
//     forwards it and records the council's decision; the award (and the
//     new honoree) made as drafts are opened and published, and the honoree
//     with the award appears on the public honour roll and the year's page;
//   - a second nomination of the same achievement is refused at approval
//     with the plan's rule in Vietnamese;
//   - exports (XLSX, CSV) download, the decision's list opens to print, the
//     eligibility list and the deadline setting work; a unit files its
//     yearly report and a reviewer sees who has and has not;
//   - a citizen's comment and proposal (posted to the API) reach the queue:
//     an editor answers without seeing contacts, a reviewer sees them, and
//     the proposal becomes a draft initiative.
//
// axe-core checks every new page; screenshots are kept.
//
// Its steps (awards_nomination_test.go, awards_office_test.go,
// awards_feedback_test.go) run in order and share an awardsStory.
func TestAwardsFlow(t *testing.T) {
	p := start(t, false)
	unit := p.createRecord("units", map[string]any{
		"name": "Bộ phận Tiếp nhận và Trả kết quả xã", "kind": "trung-tam", "status": "published",
	})
	p.createRecord("units", map[string]any{"name": "Thôn Đông Sơn", "kind": "thon-to-dan-pho", "status": "published"})
	p.createStaff(flowReporterEmail, flowReporterPassword, flowReporterName, "unitReporter", unit.Slug)
	p.createStaff(flowReviewerEmail, flowReviewerPassword, flowReviewerName, "reviewer", "")
	p.createStaff(flowEditorEmail, flowEditorPassword, flowEditorName, "editor", "")
	s := &awardsStory{p: p, unitID: unit.ID, axeSrc: axeSource(t), sessions: map[string]string{}}
	dir := t.TempDir()
	s.pdf = filepath.Join(dir, "Biên bản bình xét.pdf")
	s.pdfBytes = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	if err := os.WriteFile(s.pdf, s.pdfBytes, 0o644); err != nil {
		t.Fatal(err)
	}
	s.notDoc = filepath.Join(dir, "ghi-chu.txt")
	if err := os.WriteFile(s.notDoc, []byte("Không phải hồ sơ."), 0o644); err != nil {
		t.Fatal(err)
	}

	s.now = time.Now().In(schema.Vietnam)
	s.next = s.now.Year() + 1 // its deadline (20/11) is ahead
	s.past = s.now.Year() - 1 // its deadline has passed
	s.nominee = "Nguyễn Thị Thu Hà"
	s.achievement = fmt.Sprintf("Tiếp nhận và trả kết quả đúng hạn 100%% hồ sơ năm %d; hướng dẫn hơn 1.200 lượt người dân nộp hồ sơ trực tuyến.", s.next)
	s.comment = "Đề nghị bổ sung số liệu quý IV và biên bản bình xét của đơn vị."
	s.decisionNo = "215/QĐ-UBND"
	s.answer = "Từ tháng sau, sáng thứ Hai bộ phận một cửa mở thêm một quầy tiếp nhận."

	story(t,
		step{"reporter files a nomination", s.reporterFiles},
		step{"reviewer returns it", s.reviewerReturns},
		step{"reporter refiles on a phone", s.reporterRefiles},
		step{"reviewer records the decision", s.reviewerDecides},
		step{"the honour roll shows the award", s.honourRollShows},
		step{"reporter files the same achievement", s.reporterFilesAgain},
		step{"the same achievement is refused", s.sameAchievementRefused},
		step{"exports, eligibility and the deadline", s.exportsEligibilityDeadline},
		step{"a unit files its yearly report", s.unitFilesReport},
		step{"reviewer sees who has reported", s.reviewerSeesReports},
		step{"reviewer's pages on a phone", s.reviewerPagesOnPhone},
		step{"citizens write", s.citizensWrite},
		step{"editor answers without contacts", s.editorAnswers},
		step{"reviewer sees contacts", s.reviewerSeesContacts},
	)
}

// awardsStory is what the steps of TestAwardsFlow share, in order.
type awardsStory struct {
	p        *portal
	axeSrc   string // axe-core's script
	unitID   string // the reporter's unit
	pdf      string // a dossier file
	pdfBytes []byte // its content
	notDoc   string // a text file, refused as a dossier

	now        time.Time // in Vietnam
	next, past int       // next year and last year

	nominee, achievement, comment, decisionNo string

	// sessions are the back office's sessions by email (see signIn).
	sessions map[string]string

	nomID, dupID       string // the nomination, and the second one of the same achievement
	honoreeSlug        string
	reportYear         int
	comment1, proposal receipt // what citizens sent
	commentID          string
	proposalID         string
	answer             string // the editor's answer to comment1
}

// receipt is the answer to a citizen's post.
type receipt struct {
	RefCode string `json:"refCode"`
}

// signIn signs in b's tab. Each role logs in through the login page once;
// its later tabs take up the same session (the login limiter allows 10 a
// minute from one address, and this test opens more tabs than that).
func (s *awardsStory) signIn(b *browser, email, password string) {
	b.t.Helper()
	if session, ok := s.sessions[email]; ok {
		b.resume(session)
		return
	}
	b.login(email, password)
	s.sessions[email] = b.eval(`localStorage.getItem('daison.quantri.auth') || ''`)
}
