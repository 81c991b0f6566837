package privacy

import (
	"strings"
	"testing"

	"github.com/daison/portal/internal/commune"
)

// TestNotice: the notice names the commune's body and its contacts, the
// period in months, and never a period outside the bounds; a portal not
// set up names no commune.
func TestNotice(t *testing.T) {
	n := For(commune.Identity{Commune: "xã Mẫu", Owner: "Ủy ban nhân dân xã Mẫu", Email: "lienhe@mau.example"}, 7)
	all := n.Consent
	for _, it := range n.Items {
		all += " " + it.Label + ": " + it.Text
	}
	for _, want := range []string{"Ai xử lý: Ủy ban nhân dân xã Mẫu.", "Để làm gì", "Lưu bao lâu: 7 tháng", "lienhe@mau.example", "91/2025/QH15", "356/2025/NĐ-CP", "đồng ý để Ủy ban nhân dân xã Mẫu lưu"} {
		if !strings.Contains(all, want) {
			t.Errorf("the notice lacks %q: %s", want, all)
		}
	}
	if n.Version != Version || n.Months != 7 {
		t.Errorf("version %q, months %d", n.Version, n.Months)
	}
	for _, bad := range []int{0, -3, MaxMonths + 1} {
		if got := For(commune.Neutral, bad).Months; got != DefaultMonths {
			t.Errorf("For(%d months) states %d", bad, got)
		}
	}
	if n := For(commune.Identity{}, 12); !strings.HasPrefix(n.Items[0].Text, commune.Neutral.Owner+".") || strings.Contains(n.Items[3].Text, "Hỏi về dữ liệu") {
		t.Errorf("a portal not set up: %+v", n.Items)
	}
}
