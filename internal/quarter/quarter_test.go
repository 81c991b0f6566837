package quarter_test

import (
	"testing"

	"github.com/daison/portal/internal/quarter"
)

func TestLabel(t *testing.T) {
	for q, want := range map[int]string{1: "Quý I/2026", 2: "Quý II/2026", 3: "Quý III/2026", 4: "Quý IV/2026", 5: "Quý 5/2026"} {
		if got := quarter.Label(q, 2026); got != want {
			t.Errorf("Label(%d) = %q, want %q", q, got, want)
		}
	}
}
