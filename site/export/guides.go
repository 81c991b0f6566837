package export

import (
	"encoding/json"
	"fmt"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// guides writes a page per published public service guide, its steps
// numbered (numberSteps).
func (x *exporter) guides() error {
	for _, r := range x.recs[schema.Guides] {
		title := r.GetString("title")
		raw, _ := json.Marshal(r.Get("steps"))
		steps, err := schema.ParseSteps(raw)
		if err != nil {
			return fmt.Errorf("guide %s (%s): %w", r.Id, title, err)
		}
		params := GuideParams{
			Common:         x.common(r, title),
			Audience:       r.GetString("audience"),
			ProcedureCode:  r.GetString("procedureCode"),
			PortalLink:     r.GetString("portalLink"),
			Documents:      neutralize(r.GetString("documents")),
			Fee:            r.GetString("fee"),
			ProcessingTime: r.GetString("processingTime"),
			Offline:        neutralize(r.GetString("offline")),
			LegalBasis:     neutralize(r.GetString("legalBasis")),
			Steps:          numberSteps(steps),
			Featured:       r.GetBool("featured"),
		}
		if d := r.GetDateTime("checked"); !d.IsZero() {
			params.Checked = d.Time().UTC().Format("02/01/2006")
		}
		p := x.page(r, title, r.GetString("summary"), r.GetString("body"), &params)
		p.Weight = r.GetInt("weight")
		if err := x.write(r, p, r.GetString("body")); err != nil {
			return err
		}
	}
	return nil
}

// numberSteps numbers a guide's steps the GOV.UK way: a step joined to the
// one before by "and" or "or" keeps that step's number.
func numberSteps(steps []schema.Step) []GuideStep {
	out := make([]GuideStep, 0, len(steps))
	n := 0
	for _, s := range steps {
		if s.Logic == "" || n == 0 {
			n++
		}
		out = append(out, GuideStep{
			Number:   n,
			Logic:    choice(vocab.StepLogic, s.Logic),
			Title:    s.Title,
			Text:     neutralize(s.Text),
			Link:     s.Link,
			LinkText: s.LinkText,
			Cost:     s.Cost,
		})
	}
	return out
}
