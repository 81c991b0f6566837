package awards

import (
	"fmt"
	"github.com/daison/portal/records/unit"
	"net/http"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/clock"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// Overdue is a yearly report a unit has not filed though its deadline
// passed, and that no reviewer waived.
type Overdue struct {
	UnitID       string `json:"unitId"`
	Unit         string `json:"unit"`
	Year         int    `json:"year"`
	Subject      string `json:"subject"`
	SubjectLabel string `json:"subjectLabel"`
	Deadline     string `json:"deadline"`
	DaysOverdue  int    `json:"daysOverdue"`
}

// OverdueReports lists the yearly reports of the period (2026 on) that
// units have not filed though their deadline passed, oldest first, of the
// unit unitID (every unit when ""). An item stays until the report is filed or waived.
func OverdueReports(app core.App, unitID string) ([]Overdue, error) {
	filter, params := `status != "archived"`, dbx.Params{}
	if unitID != "" {
		filter, params = `id = {:u}`, dbx.Params{"u": unitID}
	}
	units, err := app.FindRecordsByFilter(schema.Units, filter, "name", 0, 0, params)
	if err != nil {
		return nil, fmt.Errorf("read units: %w", err)
	}
	now := clock.Now(app)
	var out []Overdue
	for year := PeriodStart; year <= now.Year(); year++ {
		for _, u := range units {
			dl, waived := UnitDeadline(app, u.Id, year, "report")
			if waived || !now.After(dl) {
				continue
			}
			filed, err := app.FindFirstRecordByFilter(schema.UnitReports, `unit = {:u} && year = {:y} && state = "submitted"`,
				dbx.Params{"u": u.Id, "y": year})
			if err == nil && filed != nil {
				continue
			}
			out = append(out, Overdue{UnitID: u.Id, Unit: unit.Of(u).Name(), Year: year, Subject: "report",
				SubjectLabel: vocab.DeadlineSubjects.Label("report"), Deadline: dl.Format("02/01/2006"), DaysOverdue: DaysLate(dl, now)})
		}
	}
	return out, nil
}

// overdueRoute answers GET /api/portal/overdue: a unit's reporter gets
// their unit's overdue reports, a reviewer every unit's (or ?unit=).
func overdueRoute(e *core.RequestEvent) error {
	scope, err := unitScope(e)
	if err != nil {
		return err
	}
	items, err := OverdueReports(e.App, scope)
	if err != nil {
		return e.InternalServerError("", err)
	}
	return e.JSON(http.StatusOK, map[string]any{"items": items})
}
