//go:build unix

package export_test

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site/export"
)

// BenchmarkImageChecks measures the export of 300 articles with a
// 1600×900 cover each (the demo's size): cold, every cover decoded; warm,
// verdicts kept. Measured on 2 shared cores: 7.3 s of CPU cold (about
// 24 ms a cover, less than Hugo's own first processing of them), 0.7 s warm
// (the export without decoding).
//
//	go test -run '^$' -bench ImageChecks -benchtime 1x ./site/export/
func BenchmarkImageChecks(b *testing.B) {
	app := recordstest.NewApp(b)
	cover := photo(b, 1600, 900)
	for i := range 300 {
		// Each its own bytes, as photos are.
		c := append(append([]byte(nil), cover...), byte(i), byte(i>>8))
		articleWithCover(b, app, fmt.Sprintf("Bài số %d", i), c)
	}
	checks := filepath.Join(b.TempDir(), "checks.json")
	for b.Loop() {
		_ = os.Remove(checks)
		start, cpu := time.Now(), cpuTime()
		images := export.NewImageChecks(checks)
		if _, err := export.Run(app, b.TempDir(), export.Options{Now: now, Images: images}); err != nil {
			b.Fatal(err)
		}
		if err := images.Save(); err != nil {
			b.Fatal(err)
		}
		cold, coldCPU := time.Since(start), cpuTime()-cpu
		start, cpu = time.Now(), cpuTime()
		if _, err := export.Run(app, b.TempDir(), export.Options{Now: now, Images: export.NewImageChecks(checks)}); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(cold.Milliseconds()), "cold-ms")
		b.ReportMetric(float64(coldCPU.Milliseconds()), "cold-cpu-ms")
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "warm-ms")
		b.ReportMetric(float64((cpuTime() - cpu).Milliseconds()), "warm-cpu-ms")
	}
}

// cpuTime is the processor time this process has used (on a shared
// machine, wall time says little).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
