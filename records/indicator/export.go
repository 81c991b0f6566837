package indicator

import (
	"sort"

	"github.com/daison/portal/internal/quarter"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
	"github.com/daison/portal/records/record"
)

// Data is data/indicators.json: each metric's values over time.
type Data struct {
	Metrics []Metric `json:"metrics"`
}

// Metric is one reform indicator and its values, oldest first.
type Metric struct {
	Key            string  `json:"key"`
	Label          string  `json:"label"`
	Unit           string  `json:"unit"`           // "%"
	HigherIsBetter bool    `json:"higherIsBetter"` // all current metrics: true
	Points         []Point `json:"points"`
}

// Point is one quarter's value of a metric. Target is absent when none was
// set (the database keeps 0 for "no target").
type Point struct {
	Year    int      `json:"year"`
	Quarter int      `json:"quarter"`
	Period  string   `json:"period"` // "Quý I/2026" (internal/quarter)
	Value   float64  `json:"value"`
	Target  *float64 `json:"target,omitempty"`
	Note    string   `json:"note,omitempty"`
}

// export writes data/indicators.json, from which the indicators' page
// draws its charts.
func export(s record.Site) error {
	byMetric := map[string][]Point{}
	for _, r := range s.Records(schema.Indicators) {
		i := Of(r)
		pt := Point{
			Year:    i.Year(),
			Quarter: i.Quarter(),
			Period:  quarter.Label(i.Quarter(), i.Year()),
			Value:   i.Value(),
			Note:    i.Note(),
		}
		if t := i.Target(); t != 0 {
			pt.Target = &t
		}
		byMetric[i.Metric()] = append(byMetric[i.Metric()], pt)
	}
	data := Data{Metrics: []Metric{}}
	for _, o := range vocab.Metrics {
		pts := byMetric[o.Key]
		if len(pts) == 0 {
			continue
		}
		sort.Slice(pts, func(i, j int) bool {
			if pts[i].Year != pts[j].Year {
				return pts[i].Year < pts[j].Year
			}
			return pts[i].Quarter < pts[j].Quarter
		})
		data.Metrics = append(data.Metrics, Metric{Key: o.Key, Label: o.Label, Unit: "%", HigherIsBetter: true, Points: pts})
	}
	return s.Data("data/indicators.json", data)
}
