package export

import (
	"fmt"
	"github.com/pocketbase/pocketbase/core"
	"math"
	"sort"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// Question is one answered question on the public "Hỏi – đáp" page: the
// citizen's words and the answer, never who asked nor how to reach them.
type Question struct {
	N        int    `json:"n"`
	Kind     string `json:"kind"`
	Topic    string `json:"topic,omitempty"`
	Question string `json:"question"`
	Answer   string `json:"answer"`
	Date     string `json:"date,omitempty"` // the answer's, dd/mm/yyyy
	Office   string `json:"office,omitempty"`
}

// questionsFilter picks what may be public: the citizen consented to
// publish, staff chose to, and it has an answer.
const questionsFilter = `published = true && publishConsent = true && answer != "" && message != ""`

// writeQuestions writes data/questions.json, the answered questions staff
// published with the citizen's consent, newest first.
func writeQuestions(app core.App, t *Tree) error {
	rs, err := app.FindRecordsByFilter(schema.Feedback, questionsFilter, "-publishedAt,-created", 0, 0)
	if err != nil {
		return fmt.Errorf("read published questions: %w", err)
	}
	out := make([]Question, 0, len(rs))
	for i, r := range rs {
		q := Question{N: len(rs) - i, Kind: vocab.FeedbackKinds.Label(r.GetString("kind")), Topic: r.GetString("topic"),
			Question: r.GetString("message"), Answer: r.GetString("answer"), Office: r.GetString("answerOffice")}
		if d := r.GetDateTime("answeredAt"); !d.IsZero() {
			q.Date = d.Time().In(schema.Vietnam).Format("02/01/2006")
		}
		out = append(out, q)
	}
	return t.PutJSON("data/questions.json", out)
}

// Quarter is one quarter of the citizens' feedback, for the Front's
// supervision: how many came, how many were handled and how fast, and the
// satisfaction ratings.
type Quarter struct {
	Key       string  `json:"key"`   // 2026-4
	Label     string  `json:"label"` // Quý IV/2026
	Received  int     `json:"received"`
	Handled   int     `json:"handled"`
	AvgDays   float64 `json:"avgDays"` // received → answered, handled ones
	Ratings   int     `json:"ratings"`
	AvgRating float64 `json:"avgRating"` // 1–5
	Satisfied int     `json:"satisfied"` // rated 4 or 5
	// SatisfiedShare is Satisfied in percent of Ratings, rounded (0
	// without ratings: the page then shows none).
	SatisfiedShare float64 `json:"satisfiedShare"`
	// Count, Label and URL make the quarter a bar of chart/bars.html
	// (handled submissions).
	Count int    `json:"count"`
	URL   string `json:"url"`
}

var romanQuarter = [...]string{"", "I", "II", "III", "IV"}

// writeFeedbackQuarters writes data/feedbackquarters.json: per quarter,
// counts and averages over every submission (no text, no contacts).
func writeFeedbackQuarters(app core.App, t *Tree) error {
	rs, err := app.FindRecordsByFilter(schema.Feedback, `kind != "huu-ich"`, "created", 0, 0)
	if err != nil {
		return fmt.Errorf("read feedback for the quarterly summary: %w", err)
	}
	type acc struct {
		q            Quarter
		days, rating float64
	}
	by := map[string]*acc{}
	for _, r := range rs {
		at := r.GetDateTime("created").Time().In(schema.Vietnam)
		qn := (int(at.Month())-1)/3 + 1
		key := fmt.Sprintf("%d-%d", at.Year(), qn)
		a := by[key]
		if a == nil {
			a = &acc{q: Quarter{Key: key, Label: fmt.Sprintf("Quý %s/%d", romanQuarter[qn], at.Year())}}
			by[key] = a
		}
		a.q.Received++
		if r.GetString("kind") == "hai-long" && r.GetInt("rating") > 0 {
			a.q.Ratings++
			a.rating += float64(r.GetInt("rating"))
			if r.GetInt("rating") >= 4 {
				a.q.Satisfied++
			}
		}
		if ans := r.GetDateTime("answeredAt"); !ans.IsZero() || r.GetString("state") == "da-dong" {
			a.q.Handled++
			if !ans.IsZero() {
				a.days += ans.Time().Sub(r.GetDateTime("created").Time()).Hours() / 24
			}
		}
	}
	out := make([]Quarter, 0, len(by))
	for _, a := range by {
		if a.q.Handled > 0 {
			a.q.AvgDays = round1(a.days / float64(a.q.Handled))
		}
		if a.q.Ratings > 0 {
			a.q.AvgRating = round1(a.rating / float64(a.q.Ratings))
			a.q.SatisfiedShare = math.Round(100 * float64(a.q.Satisfied) / float64(a.q.Ratings))
		}
		a.q.Count, a.q.URL = a.q.Handled, "/gop-y/thong-ke/#quy-"+a.q.Key
		out = append(out, a.q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key > out[j].Key })
	return t.PutJSON("data/feedbackquarters.json", out)
}

func round1(f float64) float64 {
	return float64(int(f*10+0.5)) / 10
}
