package awards

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/printfont"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/slug"
	"github.com/daison/portal/internal/vocab"
	"github.com/daison/portal/records/award"
	"github.com/daison/portal/records/honoree"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

//go:embed templates/*.html
var paperFiles embed.FS

// paperPages are the printable papers of a decision (templates/): the
// decision with its annex (decision.html, which also gives the annex
// alone), the proposal (proposal.html) and the certificates
// (certificate.html), sharing paper.html's head, list and styles.
var paperPages = map[string]*template.Template{}

func init() {
	funcs := template.FuncMap{"inc": func(i int) int { return i + 1 }}
	for doc, file := range map[string]string{paperDecision: "decision.html", paperList: "decision.html", paperProposal: "proposal.html", paperCertificates: "certificate.html"} {
		paperPages[doc] = template.Must(template.New(file).Funcs(funcs).ParseFS(paperFiles, "templates/paper.html", "templates/"+file))
	}
}

// printDecision answers GET /api/portal/decisions/print?no=…&doc=…: the
// papers of one decision on A4, as HTML to print or, with format=docx, as
// a Word document. doc is "quyet-dinh" (the decision with its articles,
// then its annex: the list of honorees, collectives first; the default),
// "danh-sach" (the annex alone), "to-trinh" (the proposal of Phòng Văn
// hóa – Xã hội to the chairman, with its list) or "giay-khen" (a
// certificate for each person or collective given a Giấy khen, A4
// landscape).
func printDecision(e *core.RequestEvent) error {
	q := e.Request.URL.Query()
	no := strings.TrimSpace(q.Get("no"))
	if no == "" {
		return e.BadRequestError("Hãy ghi số quyết định.", nil)
	}
	doc := q.Get("doc")
	if doc == "" {
		doc = paperDecision
	}
	if !papers[doc] {
		return e.BadRequestError("Không có loại văn bản “"+doc+"”: chọn quyet-dinh, danh-sach, to-trinh hoặc giay-khen.", nil)
	}
	awards, err := e.App.FindRecordsByFilter(schema.Awards, `decisionNo = {:no} && status != "archived"`, "created", 0, 0, dbx.Params{"no": no})
	if err != nil {
		return e.InternalServerError("", err)
	}
	if len(awards) == 0 {
		return e.NotFoundError("Không có khen thưởng nào theo quyết định “"+no+"”.", nil)
	}
	set := collectAwards(e.App, no, awards)
	if doc == paperCertificates && len(set.Certs) == 0 {
		return e.NotFoundError("Quyết định “"+no+"” không tặng Giấy khen nào của Chủ tịch UBND xã để in.", nil)
	}
	id, err := commune.Load(e.App)
	if err != nil {
		return e.InternalServerError("", err)
	}
	if rs := loadRewardSettings(e.App); set.AllGiayKhen {
		set.PerGroup, set.PerPerson = rs.amount("giay-khen", true), rs.amount("giay-khen", false)
		set.KGroup, set.KPerson = rs.Coefficients["giay-khen"].Collective, rs.Coefficients["giay-khen"].Person
	}
	papers := newDecisionPapers(id, set)
	file := doc + "-" + slug.Make(no)
	if q.Get("format") == "docx" {
		b, err := papersDOCX(doc, papers, set)
		if err != nil {
			return e.InternalServerError("", err)
		}
		e.Response.Header().Set("Content-Disposition", `attachment; filename="`+file+`.docx"`)
		e.Response.Header().Set("Cache-Control", "no-store")
		return e.Blob(http.StatusOK, docxType, b)
	}
	titles := map[string]string{
		paperDecision:     "Quyết định " + no + " và danh sách khen thưởng",
		paperList:         "Danh sách khen thưởng – Quyết định " + no,
		paperProposal:     "Tờ trình đề nghị khen thưởng – Quyết định " + no,
		paperCertificates: "Giấy khen – Quyết định " + no,
	}
	var buf bytes.Buffer
	err = paperPages[doc].Execute(&buf, map[string]any{
		"Title": titles[doc], "P": papers, "WithDecision": doc == paperDecision,
		"Groups": set.Groups, "Total": set.Collectives + set.People,
		"ListTitle": "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", "Attached": papers.Head.Attached,
		"Font": template.CSS(printfont.CSS()), "Stack": template.CSS(printfont.Stack),
	})
	if err != nil {
		return e.InternalServerError("", err)
	}
	e.Response.Header().Set("Content-Disposition", `inline; filename="`+file+`.html"`)
	e.Response.Header().Set("X-Robots-Tag", "noindex")
	e.Response.Header().Set("Cache-Control", "no-store")
	e.Response.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; font-src data:; frame-ancestors 'self'")
	return e.HTML(http.StatusOK, buf.String())
}

// collectAwards reads the honorees of a decision's awards into the list's
// sections (I. TẬP THỂ, II. CÁ NHÂN, in Vietnamese order, empty ones left
// out), the counts and the certificates.
func collectAwards(app core.App, no string, awards []*core.Record) awardSet {
	first := award.Of(awards[0])
	s := awardSet{No: no, Signer: first.Signer(), Year: first.Year(), Kind: first.Kind(), AllGiayKhen: true}
	if d := first.DecisionDate(); !d.IsZero() {
		s.Date = d.In(schema.Vietnam)
	}
	groups := []docxSection{{Label: "I. TẬP THỂ"}, {Label: "II. CÁ NHÂN"}}
	units := unitNames(app)
	var collectiveCerts, personCerts []certificate
	for _, a := range awards {
		aw := award.Of(a)
		hr, err := app.FindRecordById(schema.Honorees, aw.Honoree())
		if err != nil {
			continue
		}
		h := honoree.Of(hr)
		unit := units[h.Unit()]
		where := positionAndUnit(h.Name(), h.Position(), unit)
		collective := h.IsCollective()
		g := &groups[1]
		if collective {
			g = &groups[0]
			s.Collectives++
		} else {
			s.People++
		}
		var criteria []string
		if n, err := app.FindFirstRecordByFilter(schema.Nominations, "awards ~ {:a}", dbx.Params{"a": a.Id}); err == nil && n != nil {
			if lines, verdict := CriteriaLines(app, n); len(n.GetStringSlice("criteria")) > 0 {
				criteria = append(lines, verdict)
			}
		}
		form := aw.Form()
		if form != "giay-khen" {
			s.AllGiayKhen = false
		}
		g.Rows = append(g.Rows, decisionRow{h.Name(), where, aw.Achievement(), vocab.AwardForms.Label(form), unit, criteria})
		if form == "giay-khen" {
			c := certificate{Name: h.Name(), Where: where, Collective: collective, Unit: unit}
			if ach := strings.TrimSpace(aw.Achievement()); ach != "" {
				c.Lines = []string{"Đã có thành tích: " + strings.TrimSuffix(ach, ".") + "."}
				switch n := utf8.RuneCountInString(ach); {
				case n > 900:
					c.Size = "longer"
				case n > 300:
					c.Size = "long"
				}
			}
			if collective {
				collectiveCerts = append(collectiveCerts, c)
			} else {
				personCerts = append(personCerts, c)
			}
		}
	}
	for i := range groups {
		sortRows(groups[i].Rows)
		if len(groups[i].Rows) > 0 {
			s.Groups = append(s.Groups, groups[i])
		}
	}
	sortCertificates(collectiveCerts)
	sortCertificates(personCerts)
	s.Certs = append(collectiveCerts, personCerts...)
	return s
}
