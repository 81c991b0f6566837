package admin_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
)

// TestReturnWithComment: a reviewer returns an editor's article sent for
// review to draft with a comment, which is required; the author reads it
// on the article and gets a notice and a mail; the public never sees it;
// moving someone else's text from review to draft without a comment is
// refused, while the sender may still take theirs back.
func TestReturnWithComment(t *testing.T) {
	t.Parallel()
	w := admintest.NewWorld(t)
	rec := "/api/collections/articles/records"
	id := jsonField(t, w.API(t, admintest.Editor, http.MethodPost, rec,
		`{"title":"Tin cần duyệt","category":"thong-bao","status":"review","body":"Nội dung."}`, 200), "id")
	ret := "/api/portal/return/articles/" + id

	if got := w.API(t, admintest.Reviewer, http.MethodPost, ret, `{"comment":"  "}`, 400); !strings.Contains(got, "Hãy ghi rõ cần sửa gì") {
		t.Errorf("no comment: %s", got)
	}
	if got := w.API(t, admintest.Reviewer, http.MethodPost, ret, `{"comment":"`+strings.Repeat("ý", 2001)+`"}`, 400); !strings.Contains(got, "tối đa 2000 ký tự") {
		t.Errorf("a long comment: %s", got)
	}
	w.API(t, admintest.Reviewer, http.MethodPost, ret, `{"comment":"`+strings.Repeat("a", 20<<10)+`"}`, 413)
	w.API(t, admintest.ReporterA, http.MethodPost, ret, `{"comment":"Sửa."}`, 403)
	w.API(t, admintest.Anonymous, http.MethodPost, ret, `{"comment":"Sửa."}`, 401)
	if got := w.API(t, admintest.Reviewer, http.MethodPatch, rec+"/"+id, `{"status":"draft"}`, 400); !strings.Contains(got, "Trả lại cho người viết") {
		t.Errorf("a silent return: %s", got)
	}

	comment := "Ảnh thứ hai chưa có chú thích; ngày tổ chức ghi 12/11/2026."
	if got := w.API(t, admintest.Reviewer, http.MethodPost, ret, `{"comment":"`+comment+`"}`, 200); !strings.Contains(got, "Cán bộ editor được báo") {
		t.Errorf("returning: %s", got)
	}
	got := w.API(t, admintest.Editor, http.MethodGet, rec+"/"+id, "", 200)
	for _, want := range []string{`"status":"draft"`, `"returnComment":"` + comment + `"`, `"returnedBy":"Cán bộ reviewer (reviewer@daison.test`} {
		if !strings.Contains(got, want) {
			t.Errorf("the author reads no %s in %s", want, got)
		}
	}
	notices, err := w.App.FindAllRecords(schema.Notices, dbx.HashExp{"title": "Nội dung “Tin cần duyệt” được trả lại để sửa"})
	if err != nil || len(notices) != 1 || !strings.Contains(notices[0].GetString("body"), comment) || notices[0].GetString("link") != "/quan-tri/bai-viet/"+id {
		t.Errorf("the author's notice: %v %v", notices, err)
	}
	// Recorded like every reminder (which mails it: admin/reminders).
	if rs, _ := w.App.FindRecordsByFilter(schema.Reminders, "key ~ {:k}", "", 0, 0, dbx.Params{"k": "tra-lai:articles:" + id}); len(rs) != 1 || rs[0].GetString("staff") != notices[0].GetString("staff") {
		t.Errorf("the author's reminder: %v", rs)
	}
	// Only what is waiting for review is returned.
	if got := w.API(t, admintest.Reviewer, http.MethodPost, ret, `{"comment":"Lần nữa."}`, 400); !strings.Contains(got, "“Bản nháp”") {
		t.Errorf("returning a draft: %s", got)
	}

	// The sender takes their own text back without a comment.
	w.API(t, admintest.Editor, http.MethodPatch, rec+"/"+id, `{"status":"review"}`, 200)
	w.API(t, admintest.Editor, http.MethodPatch, rec+"/"+id, `{"status":"draft"}`, 200)
	// The comment is staff's: a request cannot write it.
	w.API(t, admintest.Editor, http.MethodPatch, rec+"/"+id, `{"returnComment":"giả"}`, 200)
	r, _ := w.App.FindRecordById(schema.Articles, id)
	if r.GetString("returnComment") != comment {
		t.Errorf("returnComment after a request wrote it: %q", r.GetString("returnComment"))
	}
	// Published, the public reads no comment.
	w.API(t, admintest.Reviewer, http.MethodPatch, rec+"/"+id, `{"status":"published"}`, 200)
	if got := w.API(t, admintest.Anonymous, http.MethodGet, rec+"/"+id, "", 200); strings.Contains(got, "return") {
		t.Errorf("the public reads %s", got)
	}
}
