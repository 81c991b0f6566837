package admin

import (
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"slices"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/admin/reminders"
	"github.com/daison/portal/admin/staff"
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// maxReturnComment is the longest comment of a return, in characters;
// maxReturnBody bounds its request (each character up to 6 bytes as a
// JSON \u escape).
const (
	maxReturnComment = 2000
	maxReturnBody    = 16 << 10
)

// returnPaths are the back office's addresses of the records that may be
// returned to their author (views/form.js), which the author's notice
// links to.
var returnPaths = map[string]string{
	schema.Articles:  "/quan-tri/bai-viet/",
	schema.Guides:    "/quan-tri/huong-dan/",
	schema.Documents: "/quan-tri/van-ban/",
}

// labelEmail finds the address in a person's label, "Name (email, role)".
var labelEmail = regexp.MustCompile(`\(([^\s(),]+@[^\s(),]+)[,)]`)

// returnRoute answers POST /api/portal/return/{collection}/{id}
// {"comment": "…"}: an article, guide or document sent for review goes
// back to draft with the comment (required), who returned it and when,
// credited to the caller, who must be allowed to change it; the author
// (who sent it for review) is told by a notice and a mail.
func returnRoute(e *core.RequestEvent) error {
	collection := e.Request.PathValue("collection")
	path, ok := returnPaths[collection]
	if !ok {
		return e.NotFoundError("Loại nội dung này không trả lại được.", nil)
	}
	r, err := e.App.FindRecordById(collection, e.Request.PathValue("id"))
	if err != nil {
		return e.NotFoundError("Không tìm thấy nội dung cần trả lại.", err)
	}
	info, err := e.RequestInfo()
	if err != nil {
		return e.BadRequestError("", err)
	}
	if ok, _ := e.App.CanAccessRecord(r, info, r.Collection().UpdateRule); !ok {
		return e.ForbiddenError("Vai trò của bạn không được phép trả lại nội dung này.", nil)
	}
	var in struct {
		Comment string `json:"comment"`
	}
	if err := e.BindBody(&in); err != nil {
		return e.BadRequestError("Không đọc được ý kiến gửi lên.", err)
	}
	comment, p := check.Text(check.MultiLine, in.Comment)
	switch {
	case p != nil:
		return e.BadRequestError("Ý kiến: "+p.Message, nil)
	case comment == "":
		return e.BadRequestError("Hãy ghi rõ cần sửa gì khi trả lại: người viết sẽ đọc ý kiến này.", nil)
	case len([]rune(comment)) > maxReturnComment:
		return e.BadRequestError(fmt.Sprintf("Ý kiến tối đa %d ký tự.", maxReturnComment), nil)
	case r.GetString("status") != vocab.StatusReview:
		return e.BadRequestError("Chỉ trả lại được nội dung đang chờ duyệt; nội dung này đang ở trạng thái “"+vocab.Status.Label(r.GetString("status"))+"”.", nil)
	}
	author := r.GetString("statusBy") // who sent it for review
	who := staff.RequestActor(e)
	now := types.NowDateTime()
	err = staff.AsActor(e.App, who, func(tx core.App) error {
		r.Set("status", vocab.StatusDraft)
		r.Set("updatedBy", who.Label)
		r.Set("statusBy", who.Label)
		r.Set("statusAt", now)
		r.Set("returnComment", comment)
		r.Set("returnedBy", who.Label)
		r.Set("returnedAt", now)
		return tx.Save(r)
	})
	if err != nil {
		return e.BadRequestError("Chưa trả lại được: "+problemText(err), nil)
	}
	told := tellAuthor(e.App, author, who, r, path, comment)
	msg := "Đã trả lại, nội dung về bản nháp."
	if told != "" {
		msg += " " + told + " được báo (thông báo trên trang quản trị và thư điện tử)."
	}
	return e.JSON(http.StatusOK, map[string]any{"message": msg})
}

// tellAuthor posts a notice (and a mail) to the staff member named by the
// label author that who returned r with comment, and returns their name;
// "" when the author is who, or has no account.
func tellAuthor(app core.App, author string, who *staff.Actor, r *core.Record, path, comment string) string {
	m := labelEmail.FindStringSubmatch(author)
	if m == nil {
		return ""
	}
	s, err := app.FindAuthRecordByEmail(schema.Staff, m[1])
	if err != nil || s.Id == who.ID {
		return ""
	}
	title := r.GetString("title")
	n := reminders.Note{
		Key:     "tra-lai:" + r.Collection().Name + ":" + r.Id + ":" + r.GetDateTime("returnedAt").String(),
		Subject: "Nội dung “" + title + "” được trả lại để sửa",
		Text:    who.Label + " đã trả lại “" + title + "” về bản nháp với ý kiến:\n\n" + comment + "\n\nHãy sửa rồi gửi duyệt lại.",
		Link:    path + r.Id,
	}
	if _, err := reminders.Send(app, s, n); err != nil {
		app.Logger().Error("Trả lại: chưa báo được người viết", "error", err.Error())
	}
	return s.GetString("name")
}

// problemText is the first field reason of a refused save (the hooks'
// are Vietnamese), or a general one.
func problemText(err error) string {
	var ve validation.Errors
	if errors.As(err, &ve) {
		keys := make([]string, 0, len(ve))
		for k := range ve {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			return ve[k].Error()
		}
	}
	return "hãy thử lại."
}

// msgReturnNeedsComment refuses moving someone else's text from review
// back to draft without saying why.
const msgReturnNeedsComment = "Nội dung này do người khác gửi duyệt: hãy bấm “Trả lại cho người viết” và ghi ý kiến cần sửa, để người viết biết."

// refuseSilentReturn is a request hook of the returnable collections: a
// text someone else sent for review goes back to draft only through
// returnRoute, with a comment; its sender may still take it back.
func refuseSilentReturn(e *core.RecordRequestEvent) error {
	info, err := e.RequestInfo()
	if err != nil {
		return e.BadRequestError("", err)
	}
	if info.HasSuperuserAuth() || e.Record.GetString("status") != vocab.StatusDraft {
		return e.Next()
	}
	before, err := e.App.FindRecordById(e.Collection, e.Record.Id)
	if err != nil || before.GetString("status") != vocab.StatusReview {
		return e.Next()
	}
	if label, _, _ := staff.ActorOf(e.RequestEvent); label != before.GetString("statusBy") {
		return e.BadRequestError("", validation.Errors{"status": check.FieldError("validation_return_comment", msgReturnNeedsComment)})
	}
	return e.Next()
}
