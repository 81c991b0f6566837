package awards

import (
	"fmt"
	"github.com/daison/portal/records/unit"
	"net/http"
	"strconv"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/clock"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/table"
	"github.com/daison/portal/internal/vocab"
)

// ReportRow is one unit's yearly report as the reviewer's summary shows it.
type ReportRow struct {
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
	// Timeliness is "on-time", "late", "overdue" (not filed, deadline
	// passed), "waived" or "open" (not filed, deadline ahead).
	Timeliness      string `json:"timeliness"`
	TimelinessLabel string `json:"timelinessLabel"`
	DaysLate        int    `json:"daysLate,omitempty"`
	Deadline        string `json:"deadline"`
}

// timelinessLabels name the timeliness of a report.
var timelinessLabels = map[string]string{
	"on-time": "Đúng hạn", "late": "Nộp muộn", "overdue": "Chưa nộp, đã quá hạn",
	"waived": "Được miễn nộp", "open": "Chưa nộp, còn hạn",
}

// reportYear is every unit's yearly report of year with its timeliness,
// and the totals across the units that filed.
func reportYear(app core.App, year int) ([]ReportRow, map[string]any, error) {
	units, err := app.FindRecordsByFilter(schema.Units, `status != "archived"`, "name", 0, 0)
	if err != nil {
		return nil, nil, fmt.Errorf("read units: %w", err)
	}
	reports, err := app.FindRecordsByFilter(schema.UnitReports, `year = {:y}`, "", 0, 0, dbx.Params{"y": year})
	if err != nil {
		return nil, nil, fmt.Errorf("read reports of %d: %w", year, err)
	}
	byUnit := map[string]*core.Record{}
	for _, r := range reports {
		byUnit[r.GetString("unit")] = r
	}
	now := clock.Now(app)
	var rows []ReportRow
	var filed, dossiers, initiatives, trainings int
	count := map[string]int{}
	var onTime, online float64
	for _, u := range units {
		dl, waived := UnitDeadline(app, u.Id, year, "report")
		rw := ReportRow{UnitID: u.Id, Unit: unit.Of(u).Name(), State: "missing", StateLabel: "Chưa nộp", Deadline: dl.Format("02/01/2006")}
		r := byUnit[u.Id]
		if r != nil {
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
		switch {
		case r != nil && rw.State == "submitted" && r.GetBool("late"):
			rw.Timeliness, rw.DaysLate = "late", r.GetInt("daysLate")
		case r != nil && rw.State == "submitted":
			rw.Timeliness = "on-time"
		case waived:
			rw.Timeliness = "waived"
		case now.After(dl):
			rw.Timeliness = "overdue"
		default:
			rw.Timeliness = "open"
		}
		rw.TimelinessLabel = timelinessLabels[rw.Timeliness]
		if rw.Timeliness == "late" {
			rw.TimelinessLabel = fmt.Sprintf("Nộp muộn %d ngày (%s)", rw.DaysLate, vocab.LateDecisions.Label(r.GetString("lateDecision")))
		}
		count[rw.Timeliness]++
		rows = append(rows, rw)
	}
	totals := map[string]any{"units": len(units), "filed": filed, "missing": len(units) - filed,
		"onTime": count["on-time"], "late": count["late"], "overdue": count["overdue"], "waived": count["waived"],
		"dossiers": dossiers, "initiativesApplied": initiatives, "trainings": trainings}
	if dossiers > 0 {
		totals["onTimeRate"] = table.Round1(onTime / float64(dossiers))
		totals["onlineRate"] = table.Round1(online / float64(dossiers))
	}
	return rows, totals, nil
}

// reportsSummary answers GET /api/portal/reports?year=: which units filed
// their yearly report, on time or late, and totals across those that did.
func reportsSummary(e *core.RequestEvent) error {
	year, err := queryYear(e)
	if err != nil {
		return err
	}
	rows, totals, err := reportYear(e.App, year)
	if err != nil {
		return e.InternalServerError("", err)
	}
	dl := Deadline(e.App, year)
	return e.JSON(http.StatusOK, map[string]any{
		"year": year, "deadline": dl.Format("02/01/2006"), "closed": clock.Now(e.App).After(dl),
		"units": rows, "totals": totals,
	})
}

// exportReports answers GET /api/portal/exports/reports?year=&format=: per
// unit, whether the yearly report came on time, late or not at all, with
// its figures, for the office's own summary report.
func exportReports(e *core.RequestEvent) error {
	year, err := queryYear(e)
	if err != nil {
		return err
	}
	rows, _, err := reportYear(e.App, year)
	if err != nil {
		return e.InternalServerError("", err)
	}
	t := table.Table{
		Title:   fmt.Sprintf("Tình hình nộp báo cáo cải cách hành chính năm %d của các đơn vị", year),
		Headers: []string{"STT", "Đơn vị", "Hạn nộp", "Tình hình nộp", "Số ngày muộn", "Ngày nộp", "Số hồ sơ giải quyết", "Tỷ lệ đúng hạn (%)", "Tỷ lệ trực tuyến (%)", "Sáng kiến áp dụng", "Lớp tập huấn"},
	}
	for _, r := range rows {
		t.Rows = append(t.Rows, []string{strconv.Itoa(len(t.Rows) + 1), r.Unit, r.Deadline, r.TimelinessLabel, strconv.Itoa(r.DaysLate),
			r.SubmittedAt, strconv.Itoa(r.Dossiers), strconv.FormatFloat(r.OnTimeRate, 'f', -1, 64),
			strconv.FormatFloat(r.OnlineRate, 'f', -1, 64), strconv.Itoa(r.Initiatives), strconv.Itoa(r.Trainings)})
	}
	return table.Send(e, t, fmt.Sprintf("bao-cao-don-vi-%d", year))
}
