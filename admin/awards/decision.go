package awards

import (
	"bytes"
	_ "embed"
	"github.com/daison/portal/records/award"
	"github.com/daison/portal/records/honoree"
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/slug"
	"github.com/daison/portal/internal/vocab"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

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
	type group struct {
		Label string
		Rows  []decisionRow
	}
	groups := []*group{{Label: "I. TẬP THỂ"}, {Label: "II. CÁ NHÂN"}}
	units := unitNames(e.App)
	for _, a := range awards {
		aw := award.Of(a)
		hr, err := e.App.FindRecordById(schema.Honorees, aw.Honoree())
		if err != nil {
			continue
		}
		h := honoree.Of(hr)
		unit := units[h.Unit()]
		where := positionAndUnit(h.Name(), h.Position(), unit)
		g := groups[1]
		if h.IsCollective() {
			g = groups[0]
		}
		var criteria []string
		if n, err := e.App.FindFirstRecordByFilter(schema.Nominations, "awards ~ {:a}", dbx.Params{"a": a.Id}); err == nil && n != nil {
			if lines, verdict := CriteriaLines(e.App, n); len(n.GetStringSlice("criteria")) > 0 {
				criteria = append(lines, verdict)
			}
		}
		g.Rows = append(g.Rows, decisionRow{h.Name(), where, aw.Achievement(), vocab.AwardForms.Label(aw.Form()), unit, criteria})
	}
	for _, g := range groups {
		sortRows(g.Rows)
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
	var date time.Time
	first := award.Of(awards[0])
	if d := first.DecisionDate(); !d.IsZero() {
		date = d.In(schema.Vietnam)
	}
	head := newDecisionHead(id, no, date, first.Signer())
	if e.Request.URL.Query().Get("format") == "docx" {
		sections := make([]docxSection, len(shown))
		for i, g := range shown {
			sections[i] = docxSection{g.Label, g.Rows}
		}
		b, err := decisionDOCX(head, sections, len(awards))
		if err != nil {
			return e.InternalServerError("", err)
		}
		e.Response.Header().Set("Content-Disposition", `attachment; filename="danh-sach-`+slug.Make(no)+`.docx"`)
		e.Response.Header().Set("Cache-Control", "no-store")
		return e.Blob(http.StatusOK, docxType, b)
	}
	var buf bytes.Buffer
	err = decisionPage.Execute(&buf, map[string]any{
		"Head": head, "No": no, "Groups": shown, "Total": len(awards),
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
