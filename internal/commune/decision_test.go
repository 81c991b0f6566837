package commune

import (
	"strings"
	"testing"
)

func TestDecisionLists(t *testing.T) {
	if got := (Identity{}).Bases(); len(got) != len(DefaultBases) || !strings.Contains(got[2], "152/2025/NĐ-CP") {
		t.Errorf("no grounds set: %v", got)
	}
	got := Identity{DecisionBases: "  - Căn cứ A.\r\n\n• Căn cứ B;;\n  "}.Bases()
	if strings.Join(got, "|") != "Căn cứ A;|Căn cứ B;" {
		t.Errorf("the commune's grounds: %q", got)
	}
	if got := (Identity{DecisionRecipients: "- Như Điều 3;\n- Lưu: VT."}).Recipients(); strings.Join(got, "|") != "Như Điều 3;|Lưu: VT." {
		t.Errorf("recipients: %q", got)
	}
	if got := (Identity{}).Recipients(); len(got) != len(DefaultRecipients) {
		t.Errorf("no recipients set: %v", got)
	}
}
