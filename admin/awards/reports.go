package awards

import (
	"net/http"
	"time"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/table"
	"github.com/daison/portal/internal/vocab"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

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
