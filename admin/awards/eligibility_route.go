package awards

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/daison/portal/internal/table"
	"github.com/pocketbase/pocketbase/core"
)

// eligibilityRoute answers GET /api/portal/eligibility (JSON), or with
// ?format=xlsx|csv the list for the council.
func eligibilityRoute(e *core.RequestEvent) error {
	list, err := ComputeEligibility(e.App)
	if err != nil {
		return e.InternalServerError("", err)
	}
	if e.Request.URL.Query().Get("format") == "" {
		return e.JSON(http.StatusOK, map[string]any{"period": fmt.Sprintf("%d–%d", PeriodStart, PeriodEnd), "items": list})
	}
	t := table.Table{
		Title:   fmt.Sprintf("Tập thể, cá nhân đủ tiêu chuẩn khen thưởng tổng kết giai đoạn %d – %d (theo dữ liệu)", PeriodStart, PeriodEnd),
		Headers: []string{"STT", "Tập thể, cá nhân", "Loại", "Đơn vị", "Đủ tiêu chuẩn", "Căn cứ", "Ghi chú"},
	}
	for _, el := range list {
		var reasons []string
		for _, c := range el.Criteria {
			mark := "✗"
			if c.Met {
				mark = "✓"
			}
			reasons = append(reasons, mark+" "+c.Text)
		}
		yes := "Chưa đủ"
		if el.Eligible {
			yes = "Đủ"
		}
		t.Rows = append(t.Rows, []string{strconv.Itoa(len(t.Rows) + 1), el.Name, el.KindLabel, el.Unit, yes, strings.Join(reasons, "\n"), el.Note})
	}
	return table.Send(e, t, fmt.Sprintf("du-tieu-chuan-tong-ket-%d-%d", PeriodStart, PeriodEnd))
}
