package award

import (
	"sort"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
	"github.com/daison/portal/records/record"
)

// Entry is one award as the pages of its honoree, its initiative and its
// decision show it.
type Entry struct {
	Form         record.Choice  `json:"form"`
	Kind         record.Choice  `json:"kind"`
	Year         int            `json:"year"`
	DecisionNo   string         `json:"decisionNo,omitempty"`
	DecisionDate string         `json:"decisionDate,omitempty"` // dd/mm/yyyy
	Signer       string         `json:"signer,omitempty"`
	Achievement  string         `json:"achievement"`
	Honoree      *record.Ref    `json:"honoree,omitempty"`
	HonoreeKind  *record.Choice `json:"honoreeKind,omitempty"`
	Initiative   *record.Ref    `json:"initiative,omitempty"`
	// Decision is the published document (văn bản) of the decision.
	Decision *record.Ref `json:"decision,omitempty"`
}

// Index holds the awards the site shows, newest first, by the id of what
// they name.
type Index struct {
	ByHonoree    map[string][]Entry
	ByInitiative map[string][]Entry
	ByDecision   map[string][]Entry // document id → the awards it decided
}

// Shown are the awards the site shows (made once per export): an award
// shows only with a visible honoree; it names its initiative and its
// decision only if those are visible too.
func Shown(s record.Site) *Index {
	return s.Memo("awards", func() any { return index(s) }).(*Index)
}

func index(s record.Site) *Index {
	ix := &Index{ByHonoree: map[string][]Entry{}, ByInitiative: map[string][]Entry{}, ByDecision: map[string][]Entry{}}
	awards := make([]*Award, 0, len(s.Records(schema.Awards)))
	for _, r := range s.Records(schema.Awards) {
		awards = append(awards, Of(r))
	}
	sort.SliceStable(awards, func(i, j int) bool {
		a, b := awards[i], awards[j]
		if a.Year() != b.Year() {
			return a.Year() > b.Year()
		}
		return a.DecisionDate().After(b.DecisionDate())
	})
	for _, a := range awards {
		hid := a.Honoree()
		h := s.Record(schema.Honorees, hid)
		if h == nil {
			continue
		}
		e := Entry{
			Form:        record.ChoiceOf(vocab.AwardForms, a.Form()),
			Kind:        record.ChoiceOf(vocab.AwardKinds, a.Kind()),
			Year:        a.Year(),
			DecisionNo:  a.DecisionNo(),
			Signer:      a.Signer(),
			Achievement: a.Achievement(),
			Honoree:     s.Ref(schema.Honorees, hid),
			HonoreeKind: record.OptChoice(vocab.HonoreeKinds, honoreeKind(h)),
			Initiative:  s.Ref(schema.Initiatives, a.Initiative()),
			Decision:    s.Ref(schema.Documents, a.DecisionDoc()),
		}
		if d := a.DecisionDate(); !d.IsZero() {
			e.DecisionDate = d.In(schema.Vietnam).Format("02/01/2006")
		}
		ix.ByHonoree[hid] = append(ix.ByHonoree[hid], e)
		if e.Decision != nil {
			ix.ByDecision[a.DecisionDoc()] = append(ix.ByDecision[a.DecisionDoc()], e)
		}
		if e.Initiative != nil {
			ix.ByInitiative[a.Initiative()] = append(ix.ByInitiative[a.Initiative()], e)
		}
	}
	return ix
}

// visible: an award shows only with its honoree.
func visible(s record.Site, r *core.Record) bool {
	return s.Record(schema.Honorees, Of(r).Honoree()) != nil
}
