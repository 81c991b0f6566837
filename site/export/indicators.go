package export

import (
	"github.com/daison/portal/internal/quarter"
	"sort"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// indicators writes a page per published reform indicator.
func (x *exporter) indicators() error {
	byMetric := map[string][]Point{}
	for _, r := range x.recs[schema.Indicators] {
		m := r.GetString("metric")
		pt := Point{
			Year:    r.GetInt("year"),
			Quarter: r.GetInt("quarter"),
			Period:  quarter.Label(r.GetInt("quarter"), r.GetInt("year")),
			Value:   r.GetFloat("value"),
			Note:    r.GetString("note"),
		}
		if t := r.GetFloat("target"); t != 0 {
			pt.Target = &t
		}
		byMetric[m] = append(byMetric[m], pt)
	}
	data := Indicators{Metrics: []Metric{}}
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
	return x.putJSON("data/indicators.json", data)
}
