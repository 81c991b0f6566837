package backoffice

import (
	"strings"
	"testing"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/vocab"
)

// meta.json tells the back office the award forms in use: every form while
// the commune chose none (and before it is set up), else those it chose.
func TestMetaFormsInUse(t *testing.T) {
	app := admintest.NewApp(t, nil)
	all := strings.Join(vocab.AwardForms.Keys(), ",")
	if m, err := identity(app); err != nil || strings.Join(m.FormsInUse, ",") != all || len(m.AwardForms) != 0 {
		t.Fatalf("not set up: %+v %v", m, err)
	}
	rec := admintest.Create(t, app, commune.Collection, map[string]any{
		"commune": "xã Hòa Bình Mẫu", "province": "tỉnh Thử", "siteName": "Cổng xã Hòa Bình Mẫu", "mark": "HB",
		"owner": "Ủy ban nhân dân xã Hòa Bình Mẫu", "movement": "Hòa Bình Mẫu phục vụ Nhân dân", "address": "Số 1",
		"phone": "0203 3000 000", "email": "lienhe@hoabinhmau.example", "responsible": "Người Thử",
	})
	if m, _ := identity(app); strings.Join(m.FormsInUse, ",") != all {
		t.Errorf("none chosen: in use %v, want all", m.FormsInUse)
	}
	rec.Set("awardForms", []string{"bang-khen-thanh-pho", "giay-khen"})
	if err := app.Save(rec); err != nil {
		t.Fatal(err)
	}
	if m, _ := identity(app); strings.Join(m.FormsInUse, ",") != "giay-khen,bang-khen-thanh-pho" || len(m.AwardForms) != 2 {
		t.Errorf("two chosen: %+v", m)
	}
}
