package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/schema"
)

// The search synonyms: what citizens type for what the pages
// say, applied by the site's search to each query. Editors and reviewers
// read and keep the list; nobody else sees it (it is no secret, but it is
// staff's working list). Seeded with the words people use at the one-stop
// counter.
func init() {
	m.Register(func(app core.App) error {
		c := core.NewBaseCollection(schema.SearchSynonyms)
		c.ListRule = types.Pointer(isEditorOrReviewer)
		c.ViewRule = types.Pointer(isEditorOrReviewer)
		c.CreateRule = types.Pointer(isEditorOrReviewer)
		c.UpdateRule = types.Pointer(isEditorOrReviewer)
		c.DeleteRule = types.Pointer(isEditorOrReviewer)
		c.Fields.Add(
			&core.TextField{Name: "phrase", Required: true, Max: 80, Presentable: true},
			&core.TextField{Name: "means", Required: true, Max: 200},
			&core.AutodateField{Name: "created", OnCreate: true},
			&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
		)
		c.AddIndex("idx_searchSynonyms_phrase", true, "phrase", "")
		if err := app.Save(c); err != nil {
			return fmt.Errorf("create %s: %w", schema.SearchSynonyms, err)
		}
		for _, s := range seedSynonyms {
			r := core.NewRecord(c)
			r.Set("phrase", s[0])
			r.Set("means", s[1])
			if err := app.Save(r); err != nil {
				return fmt.Errorf("seed %s %q: %w", schema.SearchSynonyms, s[0], err)
			}
		}
		return nil
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(schema.SearchSynonyms)
		if err != nil {
			return nil
		}
		return app.Delete(c)
	})
}

// seedSynonyms are the first synonyms: [what people type, what pages say].
var seedSynonyms = [][2]string{
	{"sổ đỏ", "giấy chứng nhận quyền sử dụng đất"},
	{"sổ hồng", "giấy chứng nhận quyền sở hữu nhà ở"},
	{"CCCD", "căn cước"},
	{"CMND", "căn cước"},
	{"chứng minh nhân dân", "căn cước"},
	{"VNeID", "định danh điện tử"},
	{"hộ khẩu", "thường trú"},
	{"BHYT", "bảo hiểm y tế"},
	{"DVC", "dịch vụ công"},
	{"TTHC", "thủ tục hành chính"},
	{"CCHC", "cải cách hành chính"},
	{"UBND", "Ủy ban nhân dân"},
	{"công chứng", "chứng thực"},
	{"giấy khai sinh", "đăng ký khai sinh"},
	{"một cửa", "Trung tâm Phục vụ hành chính công"},
}
