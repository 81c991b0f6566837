package demo

import (
	"fmt"
	"github.com/daison/portal/records/award"
	"github.com/daison/portal/records/honoree"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/schema"
)

// PlanStart is the first year of the movement (2026–2030): the demo's
// awards are of its years only, so that the honour roll of 2026–2030 shows
// nothing decided before it.
const PlanStart = 2026

// dossier files, for an award the demo makes, what the plan asks before a
// decision: the unit's approved nomination of the honoree (which names the
// award), and for a yearly award the unit's report of the year, both
// submitted before the decision. The award's story thus agrees with the
// award process in the back office.
func (l *loader) dossier(ar, hr *core.Record) error {
	a, h := award.Of(ar), honoree.Of(hr)
	unit := h.Unit()
	if unit == "" {
		return fmt.Errorf("demo: the honoree %q of an award has no unit to nominate them", h.Name())
	}
	decided := a.DecisionDate()
	if decided.IsZero() {
		return fmt.Errorf("demo: an award of %q has no decision date", h.Name())
	}
	year := a.Year()
	submitted := decided.AddDate(0, 0, -10)
	if a.Kind() == "hang-nam" {
		// Before the yearly deadline (20/11), and before the decision.
		if d := time.Date(year, 11, 15, 9, 0, 0, 0, schema.Vietnam); d.Before(submitted) {
			submitted = d
		}
		if err := l.report(unit, year, submitted.AddDate(0, 0, -2)); err != nil {
			return err
		}
	}
	fields := map[string]any{
		"unit": unit, "year": year, "nominee": h.Id, "nomineeKind": h.Kind(),
		"requestedForm": a.Form(), "decidedForm": a.Form(), "kind": a.Kind(),
		"achievements": a.Achievement(), "state": "approved",
		"decisionNo": a.DecisionNo(), "decisionDate": a.Get("decisionDate"),
		"signer": a.Signer(), "awards": []string{a.Id},
		"submittedAt": dateTime(submitted),
	}
	return l.plain(schema.Nominations, fmt.Sprintf("nomination of %q", h.Name()), fields)
}

// report files a unit's yearly report once per unit and year.
func (l *loader) report(unit string, year int, submitted time.Time) error {
	key := fmt.Sprintf("%s/%d", unit, year)
	if l.reported[key] {
		return nil
	}
	l.reported[key] = true
	fields := map[string]any{
		"unit": unit, "year": year, "state": "submitted", "submittedAt": dateTime(submitted),
		"summary": fmt.Sprintf("Báo cáo mẫu (dữ liệu minh họa) về kết quả thực hiện phong trào thi đua năm %d của đơn vị.", year),
	}
	return l.plain(schema.UnitReports, "report "+key, fields)
}

// plain saves a staff-side record (no status, no publishing date).
func (l *loader) plain(collection, label string, fields map[string]any) error {
	coll, err := l.app.FindCollectionByNameOrId(collection)
	if err != nil {
		return fmt.Errorf("demo: find collection %s: %w", collection, err)
	}
	r := core.NewRecord(coll)
	for k, v := range fields {
		r.Set(k, v)
	}
	if err := l.app.Save(r); err != nil {
		return fmt.Errorf("demo: save %s: %w", label, err)
	}
	l.counts[collection]++
	l.ids[collection] = append(l.ids[collection], r.Id)
	return nil
}
