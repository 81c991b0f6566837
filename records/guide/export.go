package guide

import (
	"fmt"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
	"github.com/daison/portal/records/record"
)

// Params are the params of an online public service guide
// (/huong-dan/<slug>/).
type Params struct {
	record.Common
	Audience       string `json:"audience,omitempty"`
	ProcedureCode  string `json:"procedureCode,omitempty"`
	PortalLink     string `json:"portalLink,omitempty"`
	Documents      string `json:"documents,omitempty"` // Markdown
	Fee            string `json:"fee,omitempty"`
	ProcessingTime string `json:"processingTime,omitempty"`
	Offline        string `json:"offline,omitempty"`    // Markdown
	LegalBasis     string `json:"legalBasis,omitempty"` // Markdown
	Checked        string `json:"checked,omitempty"`    // dd/mm/yyyy: facts last checked
	Steps          []Step `json:"steps"`
	Featured       bool   `json:"featured,omitempty"`
}

// Step is one step of a guide's page. Number counts the steps that stand
// on their own; a step with Logic "and" or "or" shares the number of the
// step before it and shows the word instead.
type Step struct {
	Number   int           `json:"number"`
	Logic    record.Choice `json:"logic"`
	Title    string        `json:"title"`
	Text     string        `json:"text,omitempty"` // Markdown
	Link     string        `json:"link,omitempty"`
	LinkText string        `json:"linkText,omitempty"`
	Cost     string        `json:"cost,omitempty"`
}

// export writes a page per published public service guide, its steps
// numbered (numberSteps).
func export(s record.Site) error {
	for _, r := range s.Records(schema.Guides) {
		g := Of(r)
		b := s.Bundle(r)
		title := g.Title()
		steps, err := g.Steps()
		if err != nil {
			return fmt.Errorf("guide %s (%s): %w", r.Id, title, err)
		}
		params := Params{
			Common:         b.Common(title, record.Card{}),
			Audience:       g.Audience(),
			ProcedureCode:  g.ProcedureCode(),
			PortalLink:     g.PortalLink(),
			Documents:      record.Neutralize(g.Documents()),
			Fee:            g.Fee(),
			ProcessingTime: g.ProcessingTime(),
			Offline:        record.Neutralize(g.Offline()),
			LegalBasis:     record.Neutralize(g.LegalBasis()),
			Checked:        g.Checked(),
			Steps:          numberSteps(steps),
			Featured:       g.Featured(),
		}
		p := record.NewPage(r, title, g.Summary(), g.Body(), &params.Common, &params)
		p.Weight = g.Weight()
		if err := b.Write(p, g.Body()); err != nil {
			return err
		}
	}
	return nil
}

// numberSteps numbers a guide's steps the GOV.UK way: a step joined to the
// one before by "and" or "or" keeps that step's number.
func numberSteps(steps []schema.Step) []Step {
	out := make([]Step, 0, len(steps))
	n := 0
	for _, s := range steps {
		if s.Logic == "" || n == 0 {
			n++
		}
		out = append(out, Step{
			Number:   n,
			Logic:    record.ChoiceOf(vocab.StepLogic, s.Logic),
			Title:    s.Title,
			Text:     record.Neutralize(s.Text),
			Link:     s.Link,
			LinkText: s.LinkText,
			Cost:     s.Cost,
		})
	}
	return out
}
