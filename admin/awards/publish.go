package awards

import (
	"errors"
	"fmt"
	"net/http"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/admin/staff"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// publishAwardRoute answers POST /api/portal/nominations/{id}/publish:
// the awards an approved nomination made, and their honourees (made as
// drafts by approveNomination), published on the honour roll in one step
// and one transaction credited to the reviewer; a rule that refuses (an
// honouree's unit not published) leaves everything as it was and says
// why in Vietnamese.
func publishAwardRoute(e *core.RequestEvent) error {
	nom, err := e.App.FindRecordById(schema.Nominations, e.Request.PathValue("id"))
	if err != nil {
		return e.NotFoundError("Không tìm thấy hồ sơ đề nghị.", err)
	}
	if nom.GetString("state") != "approved" || len(nom.GetStringSlice("awards")) == 0 {
		return e.BadRequestError("Chỉ hồ sơ đã có quyết định khen thưởng mới công bố được lên trang vinh danh.", nil)
	}
	who := staff.RequestActor(e)
	var published []string
	err = staff.AsActor(e.App, who, func(tx core.App) error {
		for _, id := range nom.GetStringSlice("awards") {
			a, err := tx.FindRecordById(schema.Awards, id)
			if err != nil {
				continue // deleted since: nothing to publish
			}
			h, err := tx.FindRecordById(schema.Honorees, a.GetString("honoree"))
			if err != nil {
				return publishRefusal("khen thưởng " + a.GetString("decisionNo") + " không còn người, tập thể được khen.")
			}
			for _, r := range []*core.Record{h, a} {
				if r.GetString("status") == vocab.StatusPublished {
					continue
				}
				r.Set("status", vocab.StatusPublished)
				r.Set("updatedBy", who.Label)
				r.Set("statusBy", who.Label)
				r.Set("statusAt", types.NowDateTime())
				if err := tx.Save(r); err != nil {
					return publishProblem(r, err)
				}
			}
			published = append(published, h.GetString("name"))
		}
		return nil
	})
	var why publishRefusal
	switch {
	case errors.As(err, &why):
		return e.BadRequestError("Chưa công bố được: "+string(why), nil)
	case err != nil:
		return e.InternalServerError("", err)
	}
	if len(published) == 0 {
		return e.BadRequestError("Khen thưởng của hồ sơ này không còn nữa.", nil)
	}
	return e.JSON(http.StatusOK, map[string]any{"message": fmt.Sprintf(
		"Đã công bố khen thưởng của %s trên trang vinh danh. Trang công khai cập nhật sau ít phút.", published[0])})
}

// publishRefusal is why a rule refused to publish, in Vietnamese.
type publishRefusal string

func (r publishRefusal) Error() string { return string(r) }

// publishProblem says why r could not be published: the first of its
// fields' reasons (the hooks' are Vietnamese), or the error itself.
func publishProblem(r *core.Record, err error) error {
	var ve validation.Errors
	if errors.As(err, &ve) {
		for _, fe := range ve {
			what := "khen thưởng"
			if r.Collection().Name == schema.Honorees {
				what = "hồ sơ vinh danh của " + r.GetString("name")
			}
			return publishRefusal(what + ": " + fe.Error())
		}
	}
	return err
}
