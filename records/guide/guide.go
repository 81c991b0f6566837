package guide

import (
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/record"
)

// Guide is the record of an online public service guide, typed.
type Guide struct{ record.Public }

// Of returns r, a record of guides, as a Guide.
func Of(r *core.Record) *Guide { return record.As[Guide](r) }

// Title is the guide's title.
func (g *Guide) Title() string { return g.GetString("title") }

// Audience says whom it is for.
func (g *Guide) Audience() string { return g.GetString("audience") }

// Summary is its summary, in plain text.
func (g *Guide) Summary() string { return g.GetString("summary") }

// Body is its introduction, in Markdown.
func (g *Guide) Body() string { return g.GetString("body") }

// Steps are its steps, in order.
func (g *Guide) Steps() ([]schema.Step, error) {
	return schema.ParseSteps(schema.JSONValue(g.Record, StepsField))
}

// StepsField is the guides' steps field.
const StepsField = "steps"

// ProcedureCode is the procedure's code on the national portal.
func (g *Guide) ProcedureCode() string { return g.GetString("procedureCode") }

// PortalLink is where to do it on the national portal.
func (g *Guide) PortalLink() string { return g.GetString("portalLink") }

// Documents are the papers to prepare, in Markdown.
func (g *Guide) Documents() string { return g.GetString("documents") }

// Fee is what it costs.
func (g *Guide) Fee() string { return g.GetString("fee") }

// ProcessingTime is how long it takes.
func (g *Guide) ProcessingTime() string { return g.GetString("processingTime") }

// Offline is how to do it without the internet, in Markdown.
func (g *Guide) Offline() string { return g.GetString("offline") }

// LegalBasis is the laws, decrees and circulars the procedure rests on
// (Markdown).
func (g *Guide) LegalBasis() string { return g.GetString("legalBasis") }

// Checked is the day the guide's facts were last checked, dd/mm/yyyy, or
// "" if never.
func (g *Guide) Checked() string {
	d := g.GetDateTime("checked")
	if d.IsZero() {
		return ""
	}
	return d.Time().UTC().Format("02/01/2006")
}

// Weight orders guides: the smaller first.
func (g *Guide) Weight() int { return g.GetInt("weight") }

// Featured guides show on the home page.
func (g *Guide) Featured() bool { return g.GetBool("featured") }

// SetSteps stores the guide's steps (none: nil).
func (g *Guide) SetSteps(steps []schema.Step) {
	if steps == nil {
		g.Set(StepsField, nil)
		return
	}
	g.Set(StepsField, steps)
}
