package admin

import (
	"errors"
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/guidelib"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/staffauth"
)

// guideLibraryRoutes let editors and reviewers answer the library's
// proposal on a guide they edited: GET shows the library's newer text
// beside theirs, accept takes it, dismiss keeps theirs.
func guideLibraryRoutes(e *core.ServeEvent) {
	roles := staffauth.Require(schema.RoleEditor, schema.RoleReviewer)
	e.Router.GET("/api/portal/guides/{id}/library", libraryProposal).Bind(roles)
	e.Router.POST("/api/portal/guides/{id}/library/accept", libraryAnswer(guidelib.Accept)).Bind(roles)
	e.Router.POST("/api/portal/guides/{id}/library/dismiss", libraryAnswer(guidelib.Dismiss)).Bind(roles)
}

// libraryProposal answers the library's side of a guide: its id, the
// version the guide follows, whether staff edited it, and the newer
// version offered with its text.
func libraryProposal(e *core.RequestEvent) error {
	r, err := e.App.FindRecordById(schema.Guides, e.Request.PathValue("id"))
	if err != nil {
		return e.NotFoundError("Không tìm thấy hướng dẫn.", err)
	}
	out := map[string]any{
		"libraryId": r.GetString("libraryId"), "libraryVersion": r.GetInt("libraryVersion"),
		"edited": guidelib.Edited(r), "proposal": r.GetInt("libraryProposal"),
	}
	if g, ok := guidelib.Find(r.GetString("libraryId")); ok && r.GetInt("libraryProposal") > 0 {
		out["library"] = g.Fields()
	}
	return e.JSON(http.StatusOK, out)
}

func libraryAnswer(answer func(core.App, *core.Record) error) func(*core.RequestEvent) error {
	return func(e *core.RequestEvent) error {
		r, err := e.App.FindRecordById(schema.Guides, e.Request.PathValue("id"))
		if err != nil {
			return e.NotFoundError("Không tìm thấy hướng dẫn.", err)
		}
		if err := answer(e.App, r); err != nil {
			if errors.Is(err, guidelib.ErrNoProposal) {
				return e.BadRequestError(err.Error(), nil)
			}
			return e.InternalServerError("Không lưu được hướng dẫn.", err)
		}
		return e.JSON(http.StatusOK, map[string]any{"libraryVersion": r.GetInt("libraryVersion"), "proposal": 0})
	}
}
