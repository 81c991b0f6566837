package feedback

import (
	"fmt"
	"github.com/daison/portal/internal/staffauth"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/admin/staff"
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/markdown"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/table"
	"github.com/daison/portal/internal/vocab"
)

// answerFeedback stamps who answered a submission and when, and keeps the
// citizen's own words, contacts and consent (with its version and time,
// and the record of an erasure) out of staff edits (the stamps
// a request may send are already replaced by admin/audit's keepStamps). Staff may publish
// an answered question on the public "Hỏi – đáp" page only when its citizen
// consented; the time it was published is the server's.
func answerFeedback(e *core.RecordRequestEvent) error {
	before, err := e.App.FindRecordById(schema.Feedback, e.Record.Id)
	if err != nil {
		return e.Next()
	}
	for _, f := range []string{"kind", "refCode", "page", "topic", "message", "helpful", "rating", "service", "channel", "name", "phone", "email", "consent", "publishConsent", "idempotencyKey", "ipHash", "publishedAt",
		"consentVersion", "consentAt", "retainMonths", "contactsErasedAt", "contactsErasedBy"} {
		e.Record.Set(f, before.Get(f))
	}
	if e.Record.GetString("answer") != before.GetString("answer") {
		label, _, _ := staff.ActorOf(e.RequestEvent)
		e.Record.Set("answeredBy", label)
		e.Record.Set("answeredAt", types.NowDateTime())
		if e.Record.GetString("answer") != "" && e.Record.GetString("state") == "moi" {
			e.Record.Set("state", "da-tra-loi")
		}
	}
	if e.Record.GetBool("published") {
		switch {
		case !e.Record.GetBool("publishConsent"):
			return e.BadRequestError("", validation.Errors{"published": check.FieldError("validation_publish_consent",
				"Người gửi không đồng ý công khai câu hỏi này, nên không đăng lên trang Hỏi – đáp được.")})
		case strings.TrimSpace(e.Record.GetString("answer")) == "" || strings.TrimSpace(e.Record.GetString("message")) == "":
			return e.BadRequestError("", validation.Errors{"published": check.FieldError("validation_publish_answer",
				"Chỉ đăng lên trang Hỏi – đáp câu hỏi đã có nội dung trả lời.")})
		}
		if !before.GetBool("published") {
			e.Record.Set("publishedAt", types.NowDateTime())
		}
	} else {
		e.Record.Set("publishedAt", "")
	}
	return e.Next()
}

// feedbackToInitiative answers POST /api/portal/feedback/{id}/initiative: a
// citizen's initiative proposal becomes a draft initiative in one step,
// linked to the proposal, which moves to "being handled".
func feedbackToInitiative(e *core.RequestEvent) error {
	fb, err := e.App.FindRecordById(schema.Feedback, e.Request.PathValue("id"))
	if err != nil {
		return e.NotFoundError("Không tìm thấy ý kiến.", err)
	}
	if fb.GetString("kind") != "sang-kien" {
		return e.BadRequestError("Chỉ đề xuất sáng kiến mới chuyển thành sáng kiến được.", nil)
	}
	if id := fb.GetString("initiative"); id != "" {
		return e.JSON(http.StatusOK, map[string]string{"initiative": id, "message": "Đề xuất này đã được chuyển thành sáng kiến."})
	}
	c, err := e.App.FindCachedCollectionByNameOrId(schema.Initiatives)
	if err != nil {
		return e.InternalServerError("", err)
	}
	// The citizen's words pass the rules of text as they are (a topic is
	// single-line plain text, a message multi-line), and quoteMarkdown makes
	// the message Markdown that shows as written: the conversion succeeds
	// for whatever the citizens' forms accepted.
	title := fb.GetString("topic")
	if title == "" {
		title = markdown.Truncate(strings.Join(strings.Fields(fb.GetString("message")), " "), 120)
	}
	ini := core.NewRecord(c)
	ini.Set("title", title)
	ini.Set("kind", "sang-kien")
	ini.Set("field", "thu-tuc-hanh-chinh")
	ini.Set("summary", markdown.Truncate(fb.GetString("message"), 480))
	ini.Set("body", "Đề xuất của người dân (mã tiếp nhận "+fb.GetString("refCode")+"):\n\n"+quoteMarkdown(fb.GetString("message")))
	ini.Set("status", vocab.StatusDraft)
	who := staff.RequestActor(e)
	ini.Set("updatedBy", who.Label)
	err = staff.AsActor(e.App, who, func(tx core.App) error {
		if err := tx.Save(ini); err != nil {
			return err
		}
		fb.Set("initiative", ini.Id)
		if fb.GetString("state") == "moi" {
			fb.Set("state", "dang-xu-ly")
		}
		return tx.Save(fb)
	})
	if err != nil {
		return e.BadRequestError("Không tạo được sáng kiến từ đề xuất này.", err)
	}
	return e.JSON(http.StatusCreated, map[string]string{"initiative": ini.Id, "message": "Đã tạo bản nháp sáng kiến từ đề xuất."})
}

// feedbackStats answers GET /api/portal/feedback/stats: submissions per
// month and kind, the satisfaction average, and per page how many found it
// useful.
func feedbackStats(e *core.RequestEvent) error {
	type month struct {
		Month  string         `json:"month"` // "11/2026"
		ByKind map[string]int `json:"byKind"`
		Total  int            `json:"total"`
	}
	var rows []struct {
		Month string `db:"m"`
		Kind  string `db:"kind"`
		N     int    `db:"n"`
	}
	err := e.App.DB().NewQuery(`SELECT strftime('%m/%Y', created, '+7 hours') AS m, kind, count(*) AS n FROM feedback GROUP BY m, kind`).All(&rows)
	if err != nil {
		return e.InternalServerError("", err)
	}
	months := map[string]*month{}
	for _, r := range rows {
		m := months[r.Month]
		if m == nil {
			m = &month{Month: r.Month, ByKind: map[string]int{}}
			months[r.Month] = m
		}
		m.ByKind[r.Kind] += r.N
		m.Total += r.N
	}
	list := make([]*month, 0, len(months))
	for _, m := range months {
		list = append(list, m)
	}
	sort.Slice(list, func(i, j int) bool { return monthKey(list[i].Month) > monthKey(list[j].Month) })

	var pages []struct {
		Page     string `db:"page" json:"page"`
		Yes      int    `db:"yes" json:"yes"`
		No       int    `db:"no" json:"no"`
		Comments int    `db:"comments" json:"comments"`
	}
	err = e.App.DB().NewQuery(`SELECT page, sum(helpful = 'co') AS yes, sum(helpful = 'khong') AS no, sum(message != '') AS comments
		FROM feedback WHERE kind = 'huu-ich' GROUP BY page ORDER BY (yes + no) DESC LIMIT 500`).All(&pages)
	if err != nil {
		return e.InternalServerError("", err)
	}
	var sat struct {
		Avg float64 `db:"a"`
		N   int     `db:"n"`
	}
	_ = e.App.DB().NewQuery(`SELECT coalesce(avg(rating), 0) AS a, count(*) AS n FROM feedback WHERE kind = 'hai-long'`).One(&sat)
	return e.JSON(http.StatusOK, map[string]any{
		"months": list, "pages": pages,
		"satisfaction": map[string]any{"average": table.Round1(sat.Avg), "count": sat.N},
		"kinds":        vocab.FeedbackKinds,
	})
}

func monthKey(mmyyyy string) string {
	if len(mmyyyy) != 7 {
		return mmyyyy
	}
	return mmyyyy[3:] + mmyyyy[:2]
}

// exportFeedback answers GET /api/portal/exports/feedback?kind=&year=&format=:
// submissions as CSV or XLSX; contacts included for reviewers only.
func exportFeedback(e *core.RequestEvent) error {
	filter, params := "1=1", dbx.Params{}
	q := e.Request.URL.Query()
	if k := q.Get("kind"); k != "" {
		filter += " && kind = {:k}"
		params["k"] = k
	}
	if y, err := strconv.Atoi(q.Get("year")); err == nil {
		filter += " && created >= {:a} && created < {:b}"
		params["a"], params["b"] = fmt.Sprintf("%d-01-01", y), fmt.Sprintf("%d-01-01", y+1)
	}
	recs, err := e.App.FindRecordsByFilter(schema.Feedback, filter, "-created", 0, 0, params)
	if err != nil {
		return e.InternalServerError("", err)
	}
	withContacts := staffauth.Role(e) == schema.RoleReviewer || staffauth.Role(e) == "superuser"
	t := table.Table{Title: "Ý kiến, đề xuất và đánh giá của người dân",
		Headers: []string{"STT", "Mã", "Ngày gửi", "Loại", "Trang", "Chủ đề", "Nội dung", "Hữu ích", "Mức hài lòng", "Dịch vụ", "Hình thức", "Trạng thái", "Trả lời"}}
	if withContacts {
		t.Headers = append(t.Headers, "Họ tên", "Điện thoại", "Thư điện tử")
	}
	for _, r := range recs {
		rating := ""
		if n := r.GetInt("rating"); n > 0 {
			rating = strconv.Itoa(n)
		}
		row := []string{strconv.Itoa(len(t.Rows) + 1), r.GetString("refCode"), table.Date(r, "created"), vocab.FeedbackKinds.Label(r.GetString("kind")),
			r.GetString("page"), r.GetString("topic"), r.GetString("message"), vocab.Helpful.Label(r.GetString("helpful")), rating,
			r.GetString("service"), vocab.Channels.Label(r.GetString("channel")), vocab.FeedbackStates.Label(r.GetString("state")), r.GetString("answer")}
		if withContacts {
			row = append(row, r.GetString("name"), r.GetString("phone"), r.GetString("email"))
		}
		t.Rows = append(t.Rows, row)
	}
	if q.Get("format") == "" {
		q.Set("format", "csv")
		e.Request.URL.RawQuery = q.Encode()
	}
	return table.Send(e, t, "y-kien-nguoi-dan")
}
