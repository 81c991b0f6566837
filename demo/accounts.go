package demo

import (
	"crypto/rand"
	"fmt"
	recunit "github.com/daison/portal/records/unit"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/schema"
)

// Account is a demo staff account and its password, shown once.
type Account struct {
	Email, Password, Name, Role, RoleLabel string
}

// demoAccounts are the demo's staff, one per role, with names that say
// they are examples.
var demoAccounts = []Account{
	{Email: "bientap@demo.example", Name: "Biên tập viên (tài khoản mẫu)", Role: schema.RoleEditor, RoleLabel: "biên tập (Trung tâm Dịch vụ sự nghiệp công)"},
	{Email: "thamdinh@demo.example", Name: "Thẩm định viên (tài khoản mẫu)", Role: schema.RoleReviewer, RoleLabel: "thẩm định (Phòng Văn hóa – Xã hội)"},
	{Email: "donvi@demo.example", Name: "Đầu mối đơn vị (tài khoản mẫu)", Role: schema.RoleUnitReporter, RoleLabel: "đầu mối của một đơn vị"},
}

// CreateAccounts makes one staff account per role for trying the back
// office with the demo data, each with a new random password, and records
// them among the demo's records (Clear removes them). It makes none when the
// portal holds no demo data or already has staff accounts.
func CreateAccounts(app core.App) ([]Account, error) {
	var made []Account
	err := app.RunInTransaction(func(tx core.App) error {
		r, err := commune.Record(tx)
		if err != nil || r == nil || !r.GetBool("demo") {
			return err
		}
		if n, err := tx.CountRecords(schema.Staff); err != nil || n > 0 {
			return err
		}
		coll, err := tx.FindCollectionByNameOrId(schema.Staff)
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		unit, err := tx.FindFirstRecordByFilter(schema.Units, "status = 'published'")
		if err != nil {
			return fmt.Errorf("demo: a unit for the unit reporter: %w", err)
		}
		var ids map[string][]string
		if err := r.UnmarshalJSONField("demoIds", &ids); err != nil || ids == nil {
			ids = map[string][]string{}
		}
		for _, a := range demoAccounts {
			a.Password = rand.Text()[:20]
			rec := core.NewRecord(coll)
			rec.SetEmail(a.Email)
			rec.SetVerified(true)
			rec.SetPassword(a.Password)
			rec.Set("name", a.Name)
			rec.Set("role", a.Role)
			if a.Role == schema.RoleUnitReporter {
				rec.Set("unit", unit.Id)
				a.RoleLabel += " “" + recunit.Of(unit).Name() + "”"
			}
			if err := tx.Save(rec); err != nil {
				return fmt.Errorf("demo: account %s: %w", a.Email, err)
			}
			ids[schema.Staff] = append(ids[schema.Staff], rec.Id)
			made = append(made, a)
		}
		r.Set("demoIds", ids)
		return tx.Save(r)
	})
	if err != nil {
		return nil, err
	}
	return made, nil
}
