package e2e

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// The citizens' feedback steps of TestAwardsFlow: citizens write, editors
// answer, reviewers see contacts.

// citizensWrite: a citizen's comment and proposal (and two ratings) are
// posted to the API.
func (s *awardsStory) citizensWrite(t *testing.T) {
	p := s.p.with(t)
	if code := p.api("POST", "/api/portal/feedback", map[string]any{
		"kind": "gop-y", "page": "/huong-dan/", "topic": "Thời gian chờ ở bộ phận một cửa",
		"message": "Sáng thứ Hai người dân phải chờ lâu, đề nghị bố trí thêm quầy tiếp nhận.",
		"name":    "Trần Văn Dân", "phone": "0912 345 678", "consent": "true", "idempotencyKey": "e2e-gop-y-1",
	}, &s.comment1); code != 201 {
		t.Fatalf("posting a comment: %d", code)
	}
	if code := p.api("POST", "/api/portal/feedback", map[string]any{
		"kind": "sang-kien", "topic": "Nhắn tin Zalo khi có kết quả thủ tục",
		"message": "Bộ phận một cửa nhắn tin qua Zalo OA cho người dân khi hồ sơ có kết quả, đỡ phải đi lại hỏi.",
		"name":    "Lê Thị Hiền", "email": "hien@example.vn", "consent": "true", "idempotencyKey": "e2e-sang-kien-1",
	}, &s.proposal); code != 201 {
		t.Fatalf("posting a proposal: %d", code)
	}
	for _, x := range []map[string]any{
		{"kind": "huu-ich", "page": "/huong-dan/", "helpful": "co", "idempotencyKey": "e2e-huu-ich-1"},
		{"kind": "hai-long", "rating": "4", "service": "Đăng ký khai sinh", "channel": "quay-mot-cua", "idempotencyKey": "e2e-hai-long-1"},
	} {
		if code := p.api("POST", "/api/portal/feedback", x, nil); code != 201 {
			t.Fatalf("posting %v: %d", x["kind"], code)
		}
	}
	var fbList struct {
		Items []struct {
			ID      string `json:"id"`
			RefCode string `json:"refCode"`
		} `json:"items"`
	}
	p.api("GET", "/api/collections/feedback/records?sort=created&filter="+url.QueryEscape("kind='gop-y'||kind='sang-kien'"), nil, &fbList)
	if len(fbList.Items) != 2 {
		t.Fatalf("feedback stored: %+v", fbList.Items)
	}
	s.commentID, s.proposalID = fbList.Items[0].ID, fbList.Items[1].ID
}

// editorAnswers: an editor answers the comment without seeing the
// citizen's contacts.
func (s *awardsStory) editorAnswers(t *testing.T) {
	p := s.p.with(t)
	b := newBrowser(t, p, 375)
	s.signIn(b, flowEditorEmail, flowEditorPassword)
	b.waitLoaded()
	b.waitText("#y-kien-moi + div", s.comment1.RefCode)
	b.clickButton("Danh mục")
	b.clickLink("Ý kiến người dân")
	b.waitText("table.feedback-table", s.proposal.RefCode)
	b.waitText("main", "chỉ cán bộ thẩm định")
	b.axe(s.axeSrc, "ý kiến người dân")
	b.noOverflow("ý kiến người dân")
	b.shot("y-kien-danh-sach")
	b.click(fmt.Sprintf(`//a[@aria-label=%q]`, "Ý kiến "+s.comment1.RefCode))
	b.waitText("main h1", s.comment1.RefCode)
	page := b.text("main")
	if strings.Contains(page, "0912") || strings.Contains(page, "Trần Văn Dân") {
		t.Errorf("an editor sees the citizen's contacts: %s", page)
	}
	b.waitText(".contacts-hidden", "chỉ cán bộ thẩm định Phòng Văn hóa – Xã hội xem được")
	b.typeInto("#f-tags", "một cửa")
	b.keys("#f-tags", "\r")
	b.waitText(`[data-field="tags"] .chips`, "một cửa")
	b.typeInto("#f-answer", s.answer)
	b.selectValue("#f-state", "da-tra-loi")
	b.axe(s.axeSrc, "xử lý ý kiến")
	b.clickButton("Lưu")
	b.waitText(".notice-success", "Đã lưu câu trả lời")
	b.waitText(".answered", "Trả lời lần cuối: "+flowEditorName)
	b.waitText(".feedback-detail", "Đã trả lời")
	b.noOverflow("ý kiến đã trả lời")
	b.shot("y-kien-bien-tap-tra-loi")
}

// reviewerSeesContacts: a reviewer sees the contacts, turns the proposal
// into a draft initiative, reads the statistics, filters the queue and
// downloads it.
func (s *awardsStory) reviewerSeesContacts(t *testing.T) {
	p := s.p.with(t)
	b := newBrowser(t, p, 1280)
	s.signIn(b, flowReviewerEmail, flowReviewerPassword)
	b.open("/quan-tri/y-kien/" + s.commentID)
	b.waitText(".contacts", "0912 345 678")
	b.waitText(".contacts", "Trần Văn Dân")
	if got := b.value("#f-answer"); got != s.answer {
		t.Errorf("the reviewer reads the answer %q", got)
	}
	b.shot("y-kien-tham-dinh-lien-he")
	b.open("/quan-tri/y-kien/" + s.proposalID)
	b.waitText(".contacts", "hien@example.vn")
	b.clickButton("Chuyển thành sáng kiến")
	b.waitText(".initiative-slot", "Đã tạo bản nháp sáng kiến")
	b.shot("y-kien-chuyen-sang-kien")
	b.clickLink("Mở bản nháp sáng kiến")
	b.waitVisible("#f-title")
	if got := b.value("#f-title"); got != "Nhắn tin Zalo khi có kết quả thủ tục" {
		t.Errorf("the initiative made from the proposal is titled %q", got)
	}
	b.waitText(".state", "Bản nháp")
	b.open("/quan-tri/y-kien/thong-ke")
	b.waitText(".data-table", s.now.Format("01/2006"))
	b.waitText(".stat-grid", "4/5")
	b.waitText("#tk-trang + .table-scroll", "/huong-dan/")
	b.axe(s.axeSrc, "thống kê ý kiến")
	b.shot("y-kien-thong-ke")
	// The queue's filters: a month and a kind.
	b.open("/quan-tri/y-kien/?thang=" + url.QueryEscape(s.now.Format("01/2006")) + "&loai=sang-kien")
	b.waitText("table.feedback-table", s.proposal.RefCode)
	if got := b.text("table.feedback-table"); strings.Contains(got, s.comment1.RefCode) {
		t.Errorf("the proposals of the month include a comment: %s", got)
	}
	b.open("/quan-tri/y-kien/?thang=01/2000")
	b.waitText(".empty", "Không có ý kiến nào khớp với bộ lọc")
	b.open("/quan-tri/y-kien/")
	downloads := b.allowDownloads()
	b.clickButton("Tải tệp CSV")
	if x := b.waitDownload(downloads, "y-kien-nguoi-dan.csv"); !strings.Contains(string(x), "0912 345 678") || !strings.Contains(string(x), s.answer) {
		t.Errorf("the reviewer's feedback CSV: %s", x)
	}
}
