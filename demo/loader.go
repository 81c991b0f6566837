package demo

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"github.com/daison/portal/demo/draw"
	"github.com/daison/portal/internal/guidelib"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// loader saves a dataset, resolving local keys to the ids of the records
// saved before.
type loader struct {
	app         core.App
	counts      Counts
	images      *studio
	units       map[string]string       // key → id
	honorees    map[string]*core.Record // key → record
	initiatives map[string]string       // key → id
	ids         map[string][]string     // collection → ids of the records made
	reported    map[string]bool         // "unit/year" of the reports filed
}

// save stores the dataset in dependency order: units, honorees, initiatives
// (which name honorees), awards (which name honorees and initiatives), then
// articles, guides and indicators.
func (l *loader) save(d *dataset) error {
	for _, u := range d.Units {
		if err := l.unit(u); err != nil {
			return err
		}
	}
	for _, h := range d.Honorees {
		if err := l.honoree(h); err != nil {
			return err
		}
	}
	for _, in := range d.Initiatives {
		if err := l.initiative(in); err != nil {
			return err
		}
	}
	for _, h := range d.Honorees {
		for i, a := range h.Awards {
			if a.Honoree != "" && a.Honoree != h.Key {
				return fmt.Errorf("demo: award %d of honoree %q names another honoree %q", i+1, h.Key, a.Honoree)
			}
			a.Honoree = h.Key
			if err := l.award(a, fmt.Sprintf("award %d of honoree %q", i+1, h.Key)); err != nil {
				return err
			}
		}
	}
	for i, a := range d.Awards {
		if err := l.award(a, fmt.Sprintf("award %d (%s)", i+1, a.Honoree)); err != nil {
			return err
		}
	}
	for _, a := range d.Articles {
		if err := l.article(a); err != nil {
			return err
		}
	}
	for _, g := range d.Guides {
		if err := l.guide(g); err != nil {
			return err
		}
	}
	for _, in := range d.Indicators {
		if err := l.indicator(in); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) unit(u unitData) error {
	label := fmt.Sprintf("unit %q", u.Key)
	if u.Key == "" {
		return fmt.Errorf("demo: unit %q has no key", u.Name)
	}
	if _, dup := l.units[u.Key]; dup {
		return fmt.Errorf("demo: %s is defined twice", label)
	}
	r, err := l.create(schema.Units, label, u.common, map[string]any{
		"name": u.Name, "kind": u.Kind, "description": u.Description,
	})
	if err != nil {
		return err
	}
	l.units[u.Key] = r.Id
	return nil
}

func (l *loader) honoree(h honoreeData) error {
	label := fmt.Sprintf("honoree %q", h.Key)
	if h.Key == "" {
		return fmt.Errorf("demo: honoree %q has no key", h.Name)
	}
	if _, dup := l.honorees[h.Key]; dup {
		return fmt.Errorf("demo: %s is defined twice", label)
	}
	unit, err := l.unitID(h.Unit, label)
	if err != nil {
		return err
	}
	fields := map[string]any{
		"name": h.Name, "kind": h.Kind, "position": h.Position, "unit": unit, "story": h.Story,
	}
	if h.Photo {
		pic := portraitOf(h)
		file, err := l.file(pic, "photo.jpg", label)
		if err != nil {
			return err
		}
		fields["photo"] = file
		fields["photoAlt"] = pic.Alt
	}
	r, err := l.create(schema.Honorees, label, h.common, fields)
	if err != nil {
		return err
	}
	l.honorees[h.Key] = r
	return nil
}

func (l *loader) initiative(in initiativeData) error {
	label := fmt.Sprintf("initiative %q", in.Key)
	if in.Key == "" {
		return fmt.Errorf("demo: initiative %q has no key", in.Title)
	}
	if _, dup := l.initiatives[in.Key]; dup {
		return fmt.Errorf("demo: %s is defined twice", label)
	}
	unit, err := l.unitID(in.Unit, label)
	if err != nil {
		return err
	}
	honorees := make([]string, 0, len(in.Honorees))
	for _, key := range in.Honorees {
		h, ok := l.honorees[key]
		if !ok {
			return fmt.Errorf("demo: %s: unknown honoree key %q", label, key)
		}
		honorees = append(honorees, h.Id)
	}
	fields := map[string]any{
		"title": in.Title, "kind": in.Kind, "unit": unit, "authors": in.Authors,
		"honorees": honorees, "field": in.Field, "summary": in.Summary, "body": in.Body,
		"results": in.Results, "recognition": in.Recognition, "featured": in.Featured,
	}
	if in.YearApplied != 0 {
		fields["yearApplied"] = in.YearApplied
	}
	if len(in.Photos) > 0 {
		files := make([]*filesystem.File, len(in.Photos))
		for i, pic := range photosOf(in) {
			if files[i], err = l.file(pic, fmt.Sprintf("photo-%d.jpg", i+1), label); err != nil {
				return err
			}
		}
		fields["photos"] = files
	}
	r, err := l.create(schema.Initiatives, label, in.common, fields)
	if err != nil {
		return err
	}
	l.initiatives[in.Key] = r.Id
	return nil
}

func (l *loader) award(a awardData, label string) error {
	h, ok := l.honorees[a.Honoree]
	if !ok {
		return fmt.Errorf("demo: %s: unknown honoree key %q", label, a.Honoree)
	}
	initiative := ""
	if a.Initiative != "" {
		if initiative, ok = l.initiatives[a.Initiative]; !ok {
			return fmt.Errorf("demo: %s: unknown initiative key %q", label, a.Initiative)
		}
	}
	fields := map[string]any{
		"honoree": h.Id, "form": a.Form, "kind": a.Kind, "year": a.Year,
		"decisionNo": a.DecisionNo, "signer": a.Signer, "achievement": a.Achievement,
		"initiative": initiative,
	}
	if a.DecisionDate != nil {
		t, err := toTime(a.DecisionDate)
		if err != nil {
			return fmt.Errorf("demo: %s: decisionDate: %w", label, err)
		}
		fields["decisionDate"] = dateTime(t)
		if a.Date == nil {
			// Published on the decision date, but never before its honoree.
			when := t
			if hd := h.GetDateTime("publishAt").Time(); hd.After(when) {
				when = hd
			}
			a.Date = when
		}
	}
	if a.Year < PlanStart {
		return fmt.Errorf("demo: %s: year %d is before the movement (%d–2030)", label, a.Year, PlanStart)
	}
	award, err := l.create(schema.Awards, label, a.common, fields)
	if err != nil {
		return err
	}
	return l.dossier(award, h)
}

func (l *loader) article(a articleData) error {
	label := fmt.Sprintf("article %q", a.Title)
	unit, err := l.unitID(a.Unit, label)
	if err != nil {
		return err
	}
	fields := map[string]any{
		"title": a.Title, "summary": a.Summary, "body": a.Body, "category": a.Category,
		"unit": unit, "featured": a.Featured,
	}
	if len(a.Tags) > 0 {
		fields["tags"] = a.Tags
	}
	if a.Cover != "" {
		pic := coverOf(a)
		file, err := l.file(pic, "cover.jpg", label)
		if err != nil {
			return err
		}
		fields["cover"] = file
		fields["coverAlt"] = pic.Alt
	}
	_, err = l.create(schema.Articles, label, a.common, fields)
	return err
}

func (l *loader) guide(g guideData) error {
	label := fmt.Sprintf("guide %q", g.Title)
	fields := map[string]any{
		"title": g.Title, "audience": g.Audience, "summary": g.Summary, "body": g.Body,
		"steps": g.Steps, "procedureCode": g.ProcedureCode, "portalLink": g.PortalLink,
		"documents": g.Documents, "fee": g.Fee, "processingTime": g.ProcessingTime,
		"offline": g.Offline, "weight": g.Weight, "featured": g.Featured,
	}
	if g.Library != "" {
		// The demo's own wording of a guide of the library: it takes the
		// library guide's place (and gives it back when the demo is
		// cleared: the next start seeds it again).
		lib, ok := guidelib.Find(g.Library)
		if !ok {
			return fmt.Errorf("demo: %s adapts %q, which the guide library does not have", label, g.Library)
		}
		if old, err := l.app.FindFirstRecordByData(schema.Guides, "libraryId", g.Library); err == nil {
			if err := l.app.Delete(old); err != nil {
				return fmt.Errorf("demo: %s: %w", label, err)
			}
		}
		fields["libraryId"] = lib.ID
		fields["libraryVersion"] = lib.Version
		fields["legalBasis"] = lib.LegalBasis
		fields["checked"] = lib.Fields()["checked"]
	}
	_, err := l.create(schema.Guides, label, g.common, fields)
	return err
}

func (l *loader) indicator(in indicatorData) error {
	label := fmt.Sprintf("indicator %s %d/Q%d", in.Metric, in.Year, in.Quarter)
	_, err := l.create(schema.Indicators, label, in.common, map[string]any{
		"metric": in.Metric, "year": in.Year, "quarter": in.Quarter,
		"value": in.Value, "target": in.Target, "note": in.Note,
	})
	return err
}

// file returns the drawing pic as a file to upload, named name.
func (l *loader) file(pic draw.Picture, name, label string) (*filesystem.File, error) {
	data, err := l.images.get(pic)
	if err != nil {
		return nil, fmt.Errorf("demo: %s: draw %s: %w", label, pic.Motif, err)
	}
	f, err := filesystem.NewFileFromBytes(data, name)
	if err != nil {
		return nil, fmt.Errorf("demo: %s: %w", label, err)
	}
	return f, nil
}

// unitID resolves a unit key; an empty key is no unit.
func (l *loader) unitID(key, label string) (string, error) {
	if key == "" {
		return "", nil
	}
	id, ok := l.units[key]
	if !ok {
		return "", fmt.Errorf("demo: %s: unknown unit key %q", label, key)
	}
	return id, nil
}

// create saves a new record of collection with fields, its status (published
// unless c says otherwise) and its publishAt (c's date, required).
func (l *loader) create(collection, label string, c common, fields map[string]any) (*core.Record, error) {
	coll, err := l.app.FindCollectionByNameOrId(collection)
	if err != nil {
		return nil, fmt.Errorf("demo: find collection %s: %w", collection, err)
	}
	status := c.Status
	if status == "" {
		status = vocab.StatusPublished
	}
	if !vocab.Status.Has(status) {
		return nil, fmt.Errorf("demo: %s: unknown status %q", label, status)
	}
	if c.Date == nil {
		return nil, fmt.Errorf("demo: %s has no date", label)
	}
	t, err := toTime(c.Date)
	if err != nil {
		return nil, fmt.Errorf("demo: %s: date: %w", label, err)
	}
	r := core.NewRecord(coll)
	for k, v := range fields {
		r.Set(k, v)
	}
	r.Set("status", status)
	r.Set("publishAt", dateTime(t))
	if err := l.app.Save(r); err != nil {
		return nil, fmt.Errorf("demo: save %s: %w", label, err)
	}
	l.counts[collection]++
	l.ids[collection] = append(l.ids[collection], r.Id)
	return r, nil
}
