package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// This migration creates the public collections (schema.PublicCollections),
// readable by everyone once published (schema.PublicRead). A migration is history: once released it is never edited; later changes go
// into new files.

var (
	minDate, _ = types.ParseDateTime("2000-01-01 00:00:00.000Z")
	maxDate, _ = types.ParseDateTime("2100-12-31 23:59:59.999Z")
)

func init() {
	m.Register(func(app core.App) error {
		units := publicCollection(schema.Units)
		units.Fields.Add(
			&core.TextField{Name: "name", Required: true, Max: 200, Presentable: true},
			&core.SelectField{Name: "kind", Required: true, Values: vocab.UnitKinds.Keys(), MaxSelect: 1},
			&core.TextField{Name: "description", Max: 5000},
		)
		if err := save(app, units); err != nil {
			return err
		}

		honorees := publicCollection(schema.Honorees)
		honorees.Fields.Add(
			&core.TextField{Name: "name", Required: true, Max: 200, Presentable: true},
			&core.SelectField{Name: "kind", Required: true, Values: vocab.HonoreeKinds.Keys(), MaxSelect: 1},
			&core.TextField{Name: "position", Max: 200},
			&core.RelationField{Name: "unit", CollectionId: units.Id, MaxSelect: 1},
			imageField("photo", 1),
			&core.TextField{Name: "photoAlt", Max: 250},
			&core.TextField{Name: "story", Max: 20000},
		)
		if err := save(app, honorees); err != nil {
			return err
		}

		articles := publicCollection(schema.Articles)
		articles.Fields.Add(
			&core.TextField{Name: "title", Required: true, Max: 250, Presentable: true},
			&core.TextField{Name: "summary", Max: 500},
			&core.TextField{Name: "body", Max: 100000},
			imageField("cover", 1),
			&core.TextField{Name: "coverAlt", Max: 250},
			&core.SelectField{Name: "category", Required: true, Values: vocab.ArticleCategories.Keys(), MaxSelect: 1},
			&core.JSONField{Name: "tags", MaxSize: 2000},
			&core.RelationField{Name: "unit", CollectionId: units.Id, MaxSelect: 1},
			&core.BoolField{Name: "featured"},
		)
		articles.AddIndex("idx_articles_category", false, "category", "")
		if err := save(app, articles); err != nil {
			return err
		}

		initiatives := publicCollection(schema.Initiatives)
		initiatives.Fields.Add(
			&core.TextField{Name: "title", Required: true, Max: 250, Presentable: true},
			&core.SelectField{Name: "kind", Required: true, Values: vocab.InitiativeKinds.Keys(), MaxSelect: 1},
			&core.RelationField{Name: "unit", CollectionId: units.Id, MaxSelect: 1},
			&core.TextField{Name: "authors", Max: 500},
			&core.RelationField{Name: "honorees", CollectionId: honorees.Id, MaxSelect: 20},
			&core.SelectField{Name: "field", Required: true, Values: vocab.InitiativeFields.Keys(), MaxSelect: 1},
			&core.NumberField{Name: "yearApplied", OnlyInt: true, Min: types.Pointer(2000.0), Max: types.Pointer(2100.0)},
			&core.TextField{Name: "summary", Max: 500},
			&core.TextField{Name: "body", Max: 100000},
			&core.TextField{Name: "results", Max: 20000},
			imageField("photos", 6),
			&core.SelectField{Name: "recognition", Values: vocab.RecognitionLevels.Keys(), MaxSelect: 1},
			&core.BoolField{Name: "featured"},
		)
		if err := save(app, initiatives); err != nil {
			return err
		}

		awards := publicCollection(schema.Awards)
		// An award shows only with a visible honoree.
		awardRead := schema.PublicRead + ` && honoree.status = "published" && honoree.publishAt <= @now`
		awards.ListRule = types.Pointer(awardRead)
		awards.ViewRule = types.Pointer(awardRead)
		awards.Fields.Add(
			&core.RelationField{Name: "honoree", Required: true, CollectionId: honorees.Id, MaxSelect: 1},
			&core.SelectField{Name: "form", Required: true, Values: vocab.AwardForms.Keys(), MaxSelect: 1},
			&core.SelectField{Name: "kind", Required: true, Values: vocab.AwardKinds.Keys(), MaxSelect: 1},
			&core.NumberField{Name: "year", Required: true, OnlyInt: true, Min: types.Pointer(2000.0), Max: types.Pointer(2100.0)},
			&core.TextField{Name: "decisionNo", Max: 50},
			&core.DateField{Name: "decisionDate", Min: minDate, Max: maxDate},
			&core.TextField{Name: "signer", Max: 200},
			&core.TextField{Name: "achievement", Required: true, Max: 2000},
			&core.RelationField{Name: "initiative", CollectionId: initiatives.Id, MaxSelect: 1},
		)
		awards.AddIndex("idx_awards_honoree", false, "honoree", "")
		awards.AddIndex("idx_awards_year", false, "year", "")
		if err := save(app, awards); err != nil {
			return err
		}

		guides := publicCollection(schema.Guides)
		guides.Fields.Add(
			&core.TextField{Name: "title", Required: true, Max: 250, Presentable: true},
			&core.TextField{Name: "audience", Max: 200},
			&core.TextField{Name: "summary", Max: 500},
			&core.TextField{Name: "body", Max: 20000},
			&core.JSONField{Name: "steps", MaxSize: 100000},
			&core.TextField{Name: "procedureCode", Max: 50},
			&core.URLField{Name: "portalLink"},
			&core.TextField{Name: "documents", Max: 5000},
			&core.TextField{Name: "fee", Max: 300},
			&core.TextField{Name: "processingTime", Max: 300},
			&core.TextField{Name: "offline", Max: 5000},
			&core.NumberField{Name: "weight", OnlyInt: true, Min: types.Pointer(0.0), Max: types.Pointer(1000.0)},
			&core.BoolField{Name: "featured"},
		)
		if err := save(app, guides); err != nil {
			return err
		}

		indicators := publicCollection(schema.Indicators)
		indicators.Fields.Add(
			&core.SelectField{Name: "metric", Required: true, Values: vocab.Metrics.Keys(), MaxSelect: 1, Presentable: true},
			&core.NumberField{Name: "year", Required: true, OnlyInt: true, Min: types.Pointer(2000.0), Max: types.Pointer(2100.0)},
			&core.NumberField{Name: "quarter", Required: true, OnlyInt: true, Min: types.Pointer(1.0), Max: types.Pointer(4.0)},
			&core.NumberField{Name: "value", Min: types.Pointer(0.0), Max: types.Pointer(100.0)},
			&core.NumberField{Name: "target", Min: types.Pointer(0.0), Max: types.Pointer(100.0)},
			&core.TextField{Name: "note", Max: 500},
		)
		indicators.AddIndex("idx_indicators_period", true, "metric, year, quarter", "")
		return save(app, indicators)
	}, func(app core.App) error {
		for _, name := range []string{schema.Indicators, schema.Guides, schema.Awards, schema.Initiatives, schema.Articles, schema.Honorees, schema.Units} {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				continue
			}
			if err := app.Delete(c); err != nil {
				return fmt.Errorf("delete collection %s: %w", name, err)
			}
		}
		return nil
	})
}

// publicCollection returns a base collection with the fields every public
// collection has (slug, status, publishAt, created, updated), the public read
// rule, and writes left to superusers (nil rules).
func publicCollection(name string) *core.Collection {
	c := core.NewBaseCollection(name)
	c.ListRule = types.Pointer(schema.PublicRead)
	c.ViewRule = types.Pointer(schema.PublicRead)
	c.Fields.Add(
		&core.TextField{Name: "slug", Required: true, Max: 80, Pattern: `^[a-z0-9]+(?:-[a-z0-9]+)*$`},
		&core.SelectField{Name: "status", Required: true, Values: vocab.Status.Keys(), MaxSelect: 1},
		&core.DateField{Name: "publishAt", Min: minDate, Max: maxDate},
		&core.AutodateField{Name: "created", OnCreate: true},
		&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
	)
	c.AddIndex("idx_"+name+"_slug", true, "slug", "")
	c.AddIndex("idx_"+name+"_status", false, "status, publishAt", "")
	return c
}

// imageField is an upload field for photos: JPEG, PNG or WebP, at most 5 MB
// each, with the thumbnail sizes the back office shows.
func imageField(name string, max int) *core.FileField {
	return &core.FileField{
		Name:      name,
		MaxSelect: max,
		MaxSize:   5 << 20,
		MimeTypes: []string{"image/jpeg", "image/png", "image/webp"},
		Thumbs:    []string{"320x0"},
	}
}

func save(app core.App, c *core.Collection) error {
	if err := app.Save(c); err != nil {
		return fmt.Errorf("create collection %s: %w", c.Name, err)
	}
	return nil
}
