package awards

import (
	_ "embed"
	"fmt"
	"github.com/daison/portal/internal/staffauth"
	"github.com/daison/portal/records/award"
	"github.com/daison/portal/records/honoree"
	"github.com/daison/portal/records/initiative"
	"github.com/daison/portal/records/unit"
	"strconv"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/table"
	"github.com/daison/portal/internal/vocab"
)

// queryYear reads ?year=, required, 2000–2100.
func queryYear(e *core.RequestEvent) (int, error) {
	y, err := strconv.Atoi(e.Request.URL.Query().Get("year"))
	if err != nil || y < 2000 || y > 2100 {
		return 0, e.BadRequestError("Hãy chọn năm (từ 2000 đến 2100).", nil)
	}
	return y, nil
}

// unitScope returns the unit a request is limited to: a unit's reporter sees
// only their own; reviewers may ask for one (?unit=) or all (""). A
// reporter with no unit (never given one, or whose unit was deleted) sees
// nothing: the error is a 403 that says why.
func unitScope(e *core.RequestEvent) (string, error) {
	if staffauth.Role(e) == schema.RoleUnitReporter {
		u := e.Auth.GetString("unit")
		if u == "" {
			return "", e.ForbiddenError(noUnitMessage, nil)
		}
		return u, nil
	}
	return e.Request.URL.Query().Get("unit"), nil
}

// noUnitMessage tells a unit's reporter without a unit why they see nothing.
const noUnitMessage = "Tài khoản của bạn chưa được gắn với đơn vị nào, nên chưa xem được hồ sơ của đơn vị. Hãy liên hệ bộ phận quản trị (IT) để được gắn đúng đơn vị."

func unitNames(app core.App) map[string]string {
	names := map[string]string{}
	if us, err := app.FindAllRecords(schema.Units); err == nil {
		for _, u := range us {
			names[u.Id] = unit.Of(u).Name()
		}
	}
	return names
}

// exportAwards answers GET /api/portal/exports/awards?year=&unit=&format=:
// the year's awards (not archived), by unit, for the council's files.
func exportAwards(e *core.RequestEvent) error {
	year, err := queryYear(e)
	if err != nil {
		return err
	}
	awards, err := e.App.FindRecordsByFilter(schema.Awards, `year = {:y} && status != "archived"`, "decisionDate,created", 0, 0, dbx.Params{"y": year})
	if err != nil {
		return e.InternalServerError("", err)
	}
	scope, err := unitScope(e)
	if err != nil {
		return err
	}
	units := unitNames(e.App)
	t := table.Table{
		Title:   fmt.Sprintf("Danh sách khen thưởng phong trào thi đua cải cách hành chính năm %d", year),
		Headers: []string{"STT", "Tập thể, cá nhân", "Loại", "Chức vụ", "Đơn vị", "Hình thức", "Loại khen thưởng", "Năm", "Số quyết định", "Ngày quyết định", "Người ký", "Thành tích", "Sáng kiến, mô hình", "Trạng thái"},
	}
	for _, ar := range awards {
		a := award.Of(ar)
		hr, err := e.App.FindRecordById(schema.Honorees, a.Honoree())
		if err != nil {
			continue
		}
		h := honoree.Of(hr)
		if scope != "" && h.Unit() != scope {
			continue
		}
		ini := ""
		if id := a.Initiative(); id != "" {
			if r, err := e.App.FindRecordById(schema.Initiatives, id); err == nil {
				ini = initiative.Of(r).Title()
			}
		}
		t.Rows = append(t.Rows, []string{
			strconv.Itoa(len(t.Rows) + 1), h.Name(), vocab.HonoreeKinds.Label(h.Kind()), h.Position(),
			units[h.Unit()], vocab.AwardForms.Label(a.Form()), vocab.AwardKinds.Label(a.Kind()),
			strconv.Itoa(a.Year()), a.DecisionNo(), table.Date(ar, "decisionDate"), a.Signer(),
			a.Achievement(), ini, vocab.Status.Label(a.Status()),
		})
	}
	return table.Send(e, t, fmt.Sprintf("khen-thuong-%d", year))
}

// exportNominations answers GET /api/portal/exports/nominations?year=&unit=&format=.
func exportNominations(e *core.RequestEvent) error {
	year, err := queryYear(e)
	if err != nil {
		return err
	}
	filter := `year = {:y}`
	params := dbx.Params{"y": year}
	scope, err := unitScope(e)
	if err != nil {
		return err
	}
	if scope != "" {
		filter += ` && unit = {:u}`
		params["u"] = scope
	}
	noms, err := e.App.FindRecordsByFilter(schema.Nominations, filter, "unit,created", 0, 0, params)
	if err != nil {
		return e.InternalServerError("", err)
	}
	units := unitNames(e.App)
	t := table.Table{
		Title:   fmt.Sprintf("Hồ sơ đề nghị khen thưởng năm %d", year),
		Headers: []string{"STT", "Đơn vị đề nghị", "Tập thể, cá nhân được đề nghị", "Loại", "Hình thức đề nghị", "Loại khen thưởng", "Thành tích", "Trạng thái", "Ngày nộp", "Số quyết định", "Ngày quyết định"},
	}
	for _, n := range noms {
		name, kind := n.GetString("nomineeName"), n.GetString("nomineeKind")
		if id := n.GetString("nominee"); id != "" {
			if hr, err := e.App.FindRecordById(schema.Honorees, id); err == nil {
				h := honoree.Of(hr)
				name, kind = h.Name(), h.Kind()
			}
		}
		t.Rows = append(t.Rows, []string{
			strconv.Itoa(len(t.Rows) + 1), units[n.GetString("unit")], name, vocab.HonoreeKinds.Label(kind),
			vocab.AwardForms.Label(n.GetString("requestedForm")), vocab.AwardKinds.Label(n.GetString("kind")),
			n.GetString("achievements"), vocab.NominationStates.Label(n.GetString("state")), table.Date(n, "submittedAt"),
			n.GetString("decisionNo"), table.Date(n, "decisionDate"),
		})
	}
	return table.Send(e, t, fmt.Sprintf("ho-so-de-nghi-%d", year))
}
