package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/shortcode"
	"github.com/daison/portal/records/event"
)

// Events (sự kiện): the movement's meetings, sơ kết and tổng kết, each
// with its title, day, place, what was said (Markdown) and an optional
// photo, published on the site under /su-kien/ with a short link. Editors
// and reviewers write them as they do articles and read their history;
// citizens read the published ones (schema.PublicRead).

// the editor's part of the history rule before events
const (
	eventsRevisionsBefore = revisionsAfter
	eventsRevisionsAfter  = eventsRevisionsBefore + ` || collectionRef = "` + event.Collection + `"`
)

func init() {
	m.Register(func(app core.App) error {
		c := publicCollection(event.Collection)
		c.Fields.Add(
			&core.TextField{Name: "title", Required: true, Max: 300, Presentable: true},
			&core.DateField{Name: "date", Required: true, Min: minDate, Max: maxDate},
			&core.TextField{Name: "place", Max: 200},
			&core.TextField{Name: "summary", Max: 20000},
			phonePhotos("photo", 1),
			&core.TextField{Name: "photoAlt", Max: 300},
			&core.TextField{Name: "shortCode", Max: 12, Pattern: shortcode.Pattern},
			&core.JSONField{Name: "oldSlugs", MaxSize: 5000, Hidden: true},
			&core.TextField{Name: "updatedBy", Max: 300, Hidden: true},
			&core.TextField{Name: "statusBy", Max: 300, Hidden: true},
			&core.DateField{Name: "statusAt", Hidden: true},
		)
		c.AddIndex("idx_"+event.Collection+"_date", false, "date", "")
		c.AddIndex("idx_"+event.Collection+"_shortCode", true, "shortCode", "shortCode != ''")
		c.ListRule = types.Pointer(*c.ListRule + ` || ` + isEditorOrReviewer)
		c.ViewRule = c.ListRule
		c.CreateRule = types.Pointer(isEditorOrReviewer)
		c.UpdateRule = types.Pointer(isEditorOrReviewer)
		c.DeleteRule = types.Pointer(isReviewer + ` || (` + isEditor + ` && status = "draft")`)
		if err := save(app, c); err != nil {
			return err
		}
		return replaceInRevisions(app, eventsRevisionsBefore+")", eventsRevisionsAfter+")")
	}, func(app core.App) error {
		if err := replaceInRevisions(app, eventsRevisionsAfter+")", eventsRevisionsBefore+")"); err != nil {
			return err
		}
		c, err := app.FindCollectionByNameOrId(event.Collection)
		if err != nil {
			return nil
		}
		if err := app.Delete(c); err != nil {
			return fmt.Errorf("delete %s: %w", event.Collection, err)
		}
		return nil
	})
}
