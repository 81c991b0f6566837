package indicator

import (
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/records/record"
)

// Indicator is the record of one reform indicator's value in a quarter,
// typed.
type Indicator struct{ record.Public }

// Of returns r, a record of indicators, as an Indicator.
func Of(r *core.Record) *Indicator { return record.As[Indicator](r) }

// Metric is what it measures (vocab.Metrics).
func (i *Indicator) Metric() string { return i.GetString("metric") }

// Year and Quarter are the period it measures.
func (i *Indicator) Year() int { return i.GetInt("year") }

// Quarter is the quarter (1 to 4) of the period.
func (i *Indicator) Quarter() int { return i.GetInt("quarter") }

// Value is the measure, in percent.
func (i *Indicator) Value() float64 { return i.GetFloat("value") }

// Target is the quarter's target, in percent; 0 when none was set.
func (i *Indicator) Target() float64 { return i.GetFloat("target") }

// Note says more of the value, in plain text.
func (i *Indicator) Note() string { return i.GetString("note") }
