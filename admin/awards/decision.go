package awards

import (
	"bytes"
	_ "embed"
	"html/template"
	"net/http"
	"strings"

	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/slug"
	"github.com/daison/portal/internal/table"
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
