package awards

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// Reward money goes with each award: a coefficient of the base salary
// (mức lương cơ sở) by form, for a person, and for a collective (by law
// twice a person's), rounded up to ten thousand đồng. Reviewers set the
// base salary, the coefficients, the year's budget of the commune's fund
// and the year's caps on the numbers of Giấy khen in the portal's
// settings (portalConfig); the summary below sets them against what is
// decided and what waits before the council.

// The settings' fields in portalConfig.
const (
	cfgBaseSalary   = "baseSalary"
	cfgCoefficients = "rewardCoefficients"
	cfgBudget       = "rewardBudget"
	cfgMaxPeople    = "maxPeopleAwards"
	cfgMaxGroups    = "maxCollectiveAwards"
)

// DefaultBaseSalary is the base salary from 1 July 2024 (Nghị định
// 73/2024/NĐ-CP), in đồng; reviewers change it when it changes.
const DefaultBaseSalary = 2_340_000

// coefficient is what one award of a form brings, in base salaries.
type coefficient struct {
	Person     float64 `json:"person"`
	Collective float64 `json:"collective"`
}

// DefaultCoefficients are the coefficients of the decree on emulation and
// commendation for the forms the portal knows: Giấy khen 0,3 for a person;
// Bằng khen 1,0; a collective twice a person.
var DefaultCoefficients = map[string]coefficient{
	"giay-khen":           {0.3, 0.6},
	"bang-khen-thanh-pho": {1.0, 2.0},
	"bang-khen-thu-tuong": {1.0, 2.0},
}

// paidByCommune tells the forms whose money the commune's fund pays: the
// chairman's own Giấy khen. The higher levels pay for theirs.
func paidByCommune(form string) bool { return form == "giay-khen" }

// rewardSettings are the reviewers' settings.
type rewardSettings struct {
	BaseSalary   int                    `json:"baseSalary"`
	Coefficients map[string]coefficient `json:"coefficients"`
	Budget       int                    `json:"budget"`    // the commune's fund for a year; 0: not set
	MaxPeople    int                    `json:"maxPeople"` // Giấy khen to people in a year; 0: no cap
	MaxGroups    int                    `json:"maxCollectives"`
}

// loadRewardSettings reads the settings, defaults where unset.
func loadRewardSettings(app core.App) rewardSettings {
	s := rewardSettings{BaseSalary: DefaultBaseSalary, Coefficients: map[string]coefficient{}}
	for k, v := range DefaultCoefficients {
		s.Coefficients[k] = v
	}
	cfg, err := app.FindFirstRecordByFilter(schema.PortalConfig, "")
	if err != nil {
		return s
	}
	if v := cfg.GetInt(cfgBaseSalary); v > 0 {
		s.BaseSalary = v
	}
	var set map[string]coefficient
	if raw := cfg.GetString(cfgCoefficients); raw != "" && raw != "null" && json.Unmarshal([]byte(raw), &set) == nil {
		for k, v := range set {
			if vocab.AwardForms.Has(k) {
				s.Coefficients[k] = v
			}
		}
	}
	s.Budget, s.MaxPeople, s.MaxGroups = cfg.GetInt(cfgBudget), cfg.GetInt(cfgMaxPeople), cfg.GetInt(cfgMaxGroups)
	return s
}

// amount is the money of one award: coefficient × base salary, rounded up
// to ten thousand đồng.
func (s rewardSettings) amount(form string, collective bool) int {
	c := s.Coefficients[form]
	k := c.Person
	if collective {
		k = c.Collective
	}
	v := k * float64(s.BaseSalary)
	return int(math.Ceil(math.Round(v)/10_000) * 10_000)
}

// rewardLine is one form's count and money.
type rewardLine struct {
	Form        string `json:"form"`
	Label       string `json:"label"`
	PaidByUs    bool   `json:"paidByCommune"`
	Collectives int    `json:"collectives"`
	People      int    `json:"people"`
	PerGroup    int    `json:"perCollective"`
	PerPerson   int    `json:"perPerson"`
	Total       int    `json:"total"`
}

// rewardTally counts a set of awards (or proposals) by form.
type rewardTally struct {
	Lines   []rewardLine `json:"lines"`
	Total   int          `json:"total"`        // every form
	Commune int          `json:"communeTotal"` // paid by the commune's fund
	People  int          `json:"people"`       // Giấy khen to people
	Groups  int          `json:"collectives"`  // Giấy khen to collectives
}

// tally adds up awards given as (form, collective) pairs.
func (s rewardSettings) tally(items [][2]string) rewardTally {
	by := map[string]*rewardLine{}
	for _, it := range items {
		form, collective := it[0], it[1] == "tap-the"
		l := by[form]
		if l == nil {
			l = &rewardLine{Form: form, Label: vocab.AwardForms.Label(form), PaidByUs: paidByCommune(form), PerGroup: s.amount(form, true), PerPerson: s.amount(form, false)}
			by[form] = l
		}
		if collective {
			l.Collectives++
		} else {
			l.People++
		}
	}
	t := rewardTally{Lines: []rewardLine{}}
	for _, o := range vocab.AwardForms {
		l := by[o.Key]
		if l == nil {
			continue
		}
		l.Total = l.Collectives*l.PerGroup + l.People*l.PerPerson
		t.Total += l.Total
		if l.PaidByUs {
			t.Commune += l.Total
			t.People += l.People
			t.Groups += l.Collectives
		}
		t.Lines = append(t.Lines, *l)
	}
	return t
}

// rewardSummary is a year's money and numbers against the settings.
type rewardSummary struct {
	Year     int            `json:"year"`
	Settings rewardSettings `json:"settings"`
	Decision *rewardTally   `json:"decision,omitempty"` // the decision asked for, if one was
	Decided  rewardTally    `json:"decided"`            // the year's awards
	Proposed rewardTally    `json:"proposed"`           // dossiers before the council, not yet decided
	Warnings []string       `json:"warnings"`
}

// summarise tallies a year's awards, the dossiers before the council and,
// if no is given, one decision's awards, and warns where the year's
// decided and proposed numbers or money pass the settings.
func summarise(app core.App, year int, no string) (rewardSummary, error) {
	s := loadRewardSettings(app)
	out := rewardSummary{Year: year, Settings: s, Warnings: []string{}}
	awards, err := app.FindRecordsByFilter(schema.Awards, `year = {:y} && status != "archived"`, "", 0, 0, dbx.Params{"y": year})
	if err != nil {
		return out, fmt.Errorf("rewards: awards of %d: %w", year, err)
	}
	kinds := map[string]string{}
	var all, one [][2]string
	for _, a := range awards {
		h := a.GetString("honoree")
		if _, ok := kinds[h]; !ok {
			if r, err := app.FindRecordById(schema.Honorees, h); err == nil {
				kinds[h] = r.GetString("kind")
			}
		}
		it := [2]string{a.GetString("form"), kinds[h]}
		all = append(all, it)
		if no != "" && a.GetString("decisionNo") == no {
			one = append(one, it)
		}
	}
	out.Decided = s.tally(all)
	if no != "" {
		d := s.tally(one)
		out.Decision = &d
	}
	noms, err := app.FindRecordsByFilter(schema.Nominations, `year = {:y} && state = "forwarded"`, "", 0, 0, dbx.Params{"y": year})
	if err != nil {
		return out, fmt.Errorf("rewards: dossiers of %d: %w", year, err)
	}
	var proposed [][2]string
	for _, n := range noms {
		kind := n.GetString("nomineeKind")
		if id := n.GetString("nominee"); id != "" {
			if r, err := app.FindRecordById(schema.Honorees, id); err == nil {
				kind = r.GetString("kind")
			}
		}
		proposed = append(proposed, [2]string{n.GetString("requestedForm"), kind})
	}
	out.Proposed = s.tally(proposed)

	money := func(v int) string { return formatDong(v) }
	people, groups, spend := out.Decided.People+out.Proposed.People, out.Decided.Groups+out.Proposed.Groups, out.Decided.Commune+out.Proposed.Commune
	if s.MaxPeople > 0 && people > s.MaxPeople {
		out.Warnings = append(out.Warnings, fmt.Sprintf("Năm %d có %d cá nhân được tặng hoặc đề nghị tặng Giấy khen, vượt mức tối đa %d cá nhân.", year, people, s.MaxPeople))
	}
	if s.MaxGroups > 0 && groups > s.MaxGroups {
		out.Warnings = append(out.Warnings, fmt.Sprintf("Năm %d có %d tập thể được tặng hoặc đề nghị tặng Giấy khen, vượt mức tối đa %d tập thể.", year, groups, s.MaxGroups))
	}
	if s.Budget > 0 && spend > s.Budget {
		out.Warnings = append(out.Warnings, fmt.Sprintf("Tiền thưởng Giấy khen năm %d (đã quyết định và đang trình Hội đồng) là %s, vượt kinh phí khen thưởng của xã %s.", year, money(spend), money(s.Budget)))
	}
	return out, nil
}

// formatDong writes an amount as Vietnamese documents do: "1.410.000 đồng".
func formatDong(v int) string {
	s := strconv.Itoa(v)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 && r != '-' && s[i-1] != '-' {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String() + " đồng"
}

// formatCoefficient writes a coefficient with a decimal comma: "0,3".
func formatCoefficient(k float64) string {
	return strings.Replace(strconv.FormatFloat(k, 'f', -1, 64), ".", ",", 1)
}

// rewardsRoute answers GET /api/portal/rewards?year=…[&no=…]: the year's
// reward money and numbers by form, decided and before the council, one
// decision's if asked, and the warnings where they pass the settings.
func rewardsRoute(e *core.RequestEvent) error {
	year, err := queryYear(e)
	if err != nil {
		return err
	}
	sum, err := summarise(e.App, year, strings.TrimSpace(e.Request.URL.Query().Get("no")))
	if err != nil {
		return e.InternalServerError("", err)
	}
	e.Response.Header().Set("Cache-Control", "no-store")
	return e.JSON(http.StatusOK, sum)
}

// maxCoefficient bounds a coefficient: the highest in the law is far
// below it.
const maxCoefficient = 100

// checkRewardSettings refuses coefficients for forms the portal does not
// know, or outside 0–100, with the field's Vietnamese message.
func checkRewardSettings(e *core.RecordEvent) error {
	raw := e.Record.GetString(cfgCoefficients)
	if raw == "" || raw == "null" {
		return e.Next()
	}
	var set map[string]coefficient
	if err := json.Unmarshal([]byte(raw), &set); err != nil {
		return validation.Errors{cfgCoefficients: check.FieldError("validation_reward_coefficients",
			"Hệ số tiền thưởng phải theo dạng {\"giay-khen\": {\"person\": 0.3, \"collective\": 0.6}}.")}
	}
	for k, c := range set {
		if !vocab.AwardForms.Has(k) {
			return validation.Errors{cfgCoefficients: check.FieldError("validation_reward_form", "Không có hình thức khen thưởng “"+k+"”.")}
		}
		for _, v := range []float64{c.Person, c.Collective} {
			if v < 0 || v > maxCoefficient || math.IsNaN(v) {
				return validation.Errors{cfgCoefficients: check.FieldError("validation_reward_coefficient",
					fmt.Sprintf("Hệ số tiền thưởng của %s phải từ 0 đến %d.", vocab.AwardForms.Label(k), maxCoefficient))}
			}
		}
	}
	return e.Next()
}
