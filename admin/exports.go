package admin

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin/staff"
	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/slug"
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
	if staff.Role(e) == schema.RoleUnitReporter {
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
			names[u.Id] = u.GetString("name")
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
	for _, a := range awards {
		h, err := e.App.FindRecordById(schema.Honorees, a.GetString("honoree"))
		if err != nil {
			continue
		}
		if scope != "" && h.GetString("unit") != scope {
			continue
		}
		ini := ""
		if id := a.GetString("initiative"); id != "" {
			if r, err := e.App.FindRecordById(schema.Initiatives, id); err == nil {
				ini = r.GetString("title")
			}
		}
		t.Rows = append(t.Rows, []string{
			strconv.Itoa(len(t.Rows) + 1), h.GetString("name"), vocab.HonoreeKinds.Label(h.GetString("kind")), h.GetString("position"),
			units[h.GetString("unit")], vocab.AwardForms.Label(a.GetString("form")), vocab.AwardKinds.Label(a.GetString("kind")),
			strconv.Itoa(a.GetInt("year")), a.GetString("decisionNo"), table.Date(a, "decisionDate"), a.GetString("signer"),
			a.GetString("achievement"), ini, vocab.Status.Label(a.GetString("status")),
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
			if h, err := e.App.FindRecordById(schema.Honorees, id); err == nil {
				name, kind = h.GetString("name"), h.GetString("kind")
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

// eligibilityRoute answers GET /api/portal/eligibility (JSON), or with
// ?format=xlsx|csv the list for the council.
func eligibilityRoute(e *core.RequestEvent) error {
	list, err := ComputeEligibility(e.App)
	if err != nil {
		return e.InternalServerError("", err)
	}
	if e.Request.URL.Query().Get("format") == "" {
		return e.JSON(http.StatusOK, map[string]any{"period": fmt.Sprintf("%d–%d", PeriodStart, PeriodEnd), "items": list})
	}
	t := table.Table{
		Title:   fmt.Sprintf("Tập thể, cá nhân đủ tiêu chuẩn khen thưởng tổng kết giai đoạn %d – %d (theo dữ liệu)", PeriodStart, PeriodEnd),
		Headers: []string{"STT", "Tập thể, cá nhân", "Loại", "Đơn vị", "Đủ tiêu chuẩn", "Căn cứ", "Ghi chú"},
	}
	for _, el := range list {
		var reasons []string
		for _, c := range el.Criteria {
			mark := "✗"
			if c.Met {
				mark = "✓"
			}
			reasons = append(reasons, mark+" "+c.Text)
		}
		yes := "Chưa đủ"
		if el.Eligible {
			yes = "Đủ"
		}
		t.Rows = append(t.Rows, []string{strconv.Itoa(len(t.Rows) + 1), el.Name, el.KindLabel, el.Unit, yes, strings.Join(reasons, "\n"), el.Note})
	}
	return table.Send(e, t, fmt.Sprintf("du-tieu-chuan-tong-ket-%d-%d", PeriodStart, PeriodEnd))
}

// reportsSummary answers GET /api/portal/reports?year=: which units filed
// their yearly report, and totals across those that did.
func reportsSummary(e *core.RequestEvent) error {
	year, err := queryYear(e)
	if err != nil {
		return err
	}
	units, err := e.App.FindRecordsByFilter(schema.Units, `status != "archived"`, "name", 0, 0)
	if err != nil {
		return e.InternalServerError("", err)
	}
	reports, err := e.App.FindRecordsByFilter(schema.UnitReports, `year = {:y}`, "", 0, 0, dbx.Params{"y": year})
	if err != nil {
		return e.InternalServerError("", err)
	}
	byUnit := map[string]*core.Record{}
	for _, r := range reports {
		byUnit[r.GetString("unit")] = r
	}
	type row struct {
		UnitID      string  `json:"unitId"`
		Unit        string  `json:"unit"`
		State       string  `json:"state"` // "missing", "draft", "submitted"
		StateLabel  string  `json:"stateLabel"`
		SubmittedAt string  `json:"submittedAt,omitempty"`
		Dossiers    int     `json:"dossiers"`
		OnTimeRate  float64 `json:"onTimeRate"`
		OnlineRate  float64 `json:"onlineRate"`
		Initiatives int     `json:"initiativesApplied"`
		Trainings   int     `json:"trainings"`
		ReportID    string  `json:"reportId,omitempty"`
	}
	var rows []row
	var filed, dossiers, initiatives, trainings int
	var onTime, online float64
	for _, u := range units {
		rw := row{UnitID: u.Id, Unit: u.GetString("name"), State: "missing", StateLabel: "Chưa nộp"}
		if r := byUnit[u.Id]; r != nil {
			rw.State, rw.ReportID = r.GetString("state"), r.Id
			rw.StateLabel = vocab.ReportStates.Label(rw.State)
			rw.SubmittedAt = table.Date(r, "submittedAt")
			rw.Dossiers, rw.OnTimeRate, rw.OnlineRate = r.GetInt("dossiers"), r.GetFloat("onTimeRate"), r.GetFloat("onlineRate")
			rw.Initiatives, rw.Trainings = r.GetInt("initiativesApplied"), r.GetInt("trainings")
			if rw.State == "submitted" {
				filed++
				dossiers += rw.Dossiers
				initiatives += rw.Initiatives
				trainings += rw.Trainings
				onTime += rw.OnTimeRate * float64(rw.Dossiers)
				online += rw.OnlineRate * float64(rw.Dossiers)
			}
		}
		rows = append(rows, rw)
	}
	totals := map[string]any{"units": len(units), "filed": filed, "missing": len(units) - filed,
		"dossiers": dossiers, "initiativesApplied": initiatives, "trainings": trainings}
	if dossiers > 0 {
		totals["onTimeRate"] = table.Round1(onTime / float64(dossiers))
		totals["onlineRate"] = table.Round1(online / float64(dossiers))
	}
	dl := Deadline(e.App, year)
	return e.JSON(http.StatusOK, map[string]any{
		"year": year, "deadline": dl.Format("02/01/2006"), "closed": time.Now().After(dl),
		"units": rows, "totals": totals,
	})
}

//go:embed templates/decision.html
var decisionHTML string

// decisionPage is the printable list of a decision's awards
// (templates/decision.html).
var decisionPage = template.Must(template.New("decision").Funcs(template.FuncMap{"inc": func(i int) int { return i + 1 }}).Parse(decisionHTML))

// printDecision answers GET /api/portal/decisions/print?no=…: the A4 list of
// the honorees of one decision, collectives first, as the commune's
// documents lay it out.
func printDecision(e *core.RequestEvent) error {
	no := strings.TrimSpace(e.Request.URL.Query().Get("no"))
	if no == "" {
		return e.BadRequestError("Hãy ghi số quyết định.", nil)
	}
	awards, err := e.App.FindRecordsByFilter(schema.Awards, `decisionNo = {:no} && status != "archived"`, "created", 0, 0, dbx.Params{"no": no})
	if err != nil {
		return e.InternalServerError("", err)
	}
	if len(awards) == 0 {
		return e.NotFoundError("Không có khen thưởng nào theo quyết định “"+no+"”.", nil)
	}
	type row struct{ Name, Where, Achievement, Form string }
	type group struct {
		Label string
		Rows  []row
	}
	groups := []*group{{Label: "I. TẬP THỂ"}, {Label: "II. CÁ NHÂN"}}
	units := unitNames(e.App)
	for _, a := range awards {
		h, err := e.App.FindRecordById(schema.Honorees, a.GetString("honoree"))
		if err != nil {
			continue
		}
		where := h.GetString("position")
		if u := units[h.GetString("unit")]; u != "" {
			if where != "" {
				where += ", "
			}
			where += u
		}
		g := groups[1]
		if h.GetString("kind") == "tap-the" {
			g = groups[0]
		}
		g.Rows = append(g.Rows, row{h.GetString("name"), where, a.GetString("achievement"), vocab.AwardForms.Label(a.GetString("form"))})
	}
	var shown []*group
	for _, g := range groups {
		if len(g.Rows) > 0 {
			shown = append(shown, g)
		}
	}
	id, err := commune.Load(e.App)
	if err != nil {
		return e.InternalServerError("", err)
	}
	var buf bytes.Buffer
	err = decisionPage.Execute(&buf, map[string]any{
		"Owner": id.OwnerUpper(), "No": no, "Date": table.Date(awards[0], "decisionDate"), "Signer": awards[0].GetString("signer"),
		"Groups": shown, "Total": len(awards),
	})
	if err != nil {
		return e.InternalServerError("", err)
	}
	e.Response.Header().Set("Content-Disposition", `inline; filename="danh-sach-`+slug.Make(no)+`.html"`)
	e.Response.Header().Set("X-Robots-Tag", "noindex")
	e.Response.Header().Set("Cache-Control", "no-store")
	e.Response.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'")
	return e.HTML(http.StatusOK, buf.String())
}
