package markdown

import (
	"fmt"
	"testing"
	"time"

	"github.com/daison/portal/internal/testbudget"
)

// BenchmarkCheckPathological checks each hostile shape at the length of the
// longest field (refused: the cost of OverLimit alone) and at the longest
// prefix of it OverLimit lets through (the most work such a text can cost
// goldmark), and reports each in processor time and against checking a
// plain article of 100 KB ("×article").
//
//	go test -run='^$' -bench=CheckPathological ./internal/markdown/
func BenchmarkCheckPathological(b *testing.B) {
	var base time.Duration // of the article
	run := func(name, src string) {
		b.Run(name, func(b *testing.B) {
			var cpu time.Duration
			n := 0
			for b.Loop() {
				cpu += testbudget.CPUTime(func() { Check(src) })
				n++
			}
			per := cpu / time.Duration(n)
			if base == 0 {
				base = per
			}
			b.ReportMetric(float64(per.Microseconds())/1000, "cpu-ms/op")
			b.ReportMetric(float64(per)/float64(base), "×article")
		})
	}
	run("article", article(MaxLength))
	for _, h := range hostileShapes {
		full := cut(h.make(MaxLength), MaxLength)
		run("refused/"+h.name, full)
		lo, hi := 0, len(full)
		for hi-lo > 64 {
			mid := (lo + hi) / 2
			if OverLimit(full[:mid]) == "" {
				lo = mid
			} else {
				hi = mid
			}
		}
		run(fmt.Sprintf("accepted %d bytes/%s", lo, h.name), full[:lo])
	}
}
