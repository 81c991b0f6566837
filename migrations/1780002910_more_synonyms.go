package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"github.com/daison/portal/internal/schema"
)

// moreSynonyms are words citizens type for what the guide library says
// ([what people type, what pages say]), added where staff have not kept
// the phrase already.
var moreSynonyms = [][2]string{
	{"online", "trực tuyến"},
	{"photo", "bản sao"},
	{"mua bán", "chuyển nhượng"},
	{"người nhà", "người thân"},
	{"người già", "người cao tuổi"},
	{"độc thân", "tình trạng hôn nhân"},
	{"chuyển hộ khẩu", "đăng ký thường trú"},
	{"bộ phận một cửa", "Trung tâm Phục vụ hành chính công"},
}

// More search synonyms, for the guide library's words.
func init() {
	m.Register(func(app core.App) error {
		c, err := app.FindCollectionByNameOrId(schema.SearchSynonyms)
		if err != nil {
			return fmt.Errorf("more synonyms: %w", err)
		}
		for _, s := range moreSynonyms {
			if r, _ := app.FindFirstRecordByData(c, "phrase", s[0]); r != nil {
				continue
			}
			r := core.NewRecord(c)
			r.Set("phrase", s[0])
			r.Set("means", s[1])
			if err := app.Save(r); err != nil {
				return fmt.Errorf("seed %s %q: %w", schema.SearchSynonyms, s[0], err)
			}
		}
		return nil
	}, func(app core.App) error {
		for _, s := range moreSynonyms {
			r, err := app.FindFirstRecordByData(schema.SearchSynonyms, "phrase", s[0])
			if err != nil || r.GetString("means") != s[1] {
				continue // gone, or staff's own
			}
			if err := app.Delete(r); err != nil {
				return fmt.Errorf("remove synonym %q: %w", s[0], err)
			}
		}
		return nil
	})
}
