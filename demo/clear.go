package demo

import (
	"fmt"
	"github.com/daison/portal/records"
	"slices"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/schema"
)

// Clear removes every record the demo made (and so their files), and only
// those: the ids markDemo recorded. Staff's own records stay, even beside
// the demo's. The identity stays if the commune set it up; the demo's own
// identity is emptied, to be filled by "portal init" or the back office.
// It returns how many records of each collection were removed.
func Clear(app core.App) (Counts, error) {
	counts := Counts{}
	err := app.RunInTransaction(func(tx core.App) error {
		r, err := commune.Record(tx)
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		if r == nil || !r.GetBool("demo") {
			return nil
		}
		var ids map[string][]string
		if err := r.UnmarshalJSONField("demoIds", &ids); err != nil {
			return fmt.Errorf("demo: read the demo's ids: %w", err)
		}
		// Those that refer to others first.
		order := []string{schema.Staff, schema.Nominations, schema.UnitReports}
		public := slices.Clone(records.Collections())
		slices.Reverse(public)
		order = append(order, public...)
		for _, c := range order {
			for _, id := range ids[c] {
				rec, err := tx.FindRecordById(c, id)
				if err != nil {
					continue // already removed by staff
				}
				if err := tx.Delete(rec); err != nil {
					return fmt.Errorf("xóa %s %s của dữ liệu mẫu (có thể một bản ghi do cán bộ tạo còn liên kết tới nó): %w", c, id, err)
				}
				counts[c]++
			}
		}
		if len(ids[identityKey]) > 0 {
			for _, f := range commune.Fields {
				r.Set(f.Name, "")
			}
			r.Set("planText", "")
			r.Set("planFile", nil)
		}
		r.Set("demo", false)
		r.Set("demoIds", nil)
		if err := tx.SaveNoValidate(r); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return counts, nil
}
