// Package demo loads the demo content of the portal: a believable but
// fictional Đại Sơn commune (units, news, models and initiatives, honorees
// and their awards, online public service guides and reform indicators) so
// that the site, the back office and their tests have something real-looking
// to show. The content lives in TOML files embedded from data/, written by
// hand; Load saves it through PocketBase, so the portal's record hooks clean
// and check it (NFC, Markdown, slugs) exactly as they do what staff type.
//
// In the TOML files, records refer to each other by local keys, never by
// database ids: a unit has key = "…" and an article says unit = "<key>"; an
// initiative lists its honorees = ["<key>", …]; an award, written under its
// honoree as [[honorees.awards]] (or at the top level as [[awards]] with
// honoree = "<key>"), may name its initiative = "<key>". Every record has a
// date (a TOML date or date-time, read in Asia/Ho_Chi_Minh) that becomes its
// publishAt, and status "published" unless it says otherwise. An award
// without a date is published on its decision date, or on its honoree's date
// if that is later.
//
// # Images
//
// The demo's images are illustrations drawn in Go when the content is loaded
// (by package draw): flat, text-free drawings
// in a calm palette, the same on every run, saved through PocketBase as
// JPEG files so that its checks (type, size) apply. The TOML files say which
// records have one:
//
//   - an article with cover = "<motif>" gets a 1600×900 cover of that motif
//     (a key of motifs: "building", "qr", "chart", …) and the motif's
//     Vietnamese description as coverAlt;
//   - an initiative with photos = ["<motif>", …] gets one 1200×800 photo
//     for each (at most 6);
//   - an honoree with photo = true gets an 800×800 portrait: a neutral
//     head-and-shoulders figure for a person, a group of five for a
//     collective, with photoAlt "Ảnh minh họa chân dung <name>" (or "Ảnh
//     minh họa tập thể <name>").
//
// A drawing's colours follow the article's category or the initiative's
// field, and its details (positions, data, colours) are drawn from a
// generator seeded with the record's title or name. The drawings are made on
// all processors while the records are being saved.
package demo

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/admin"
	"github.com/daison/portal/demo/draw"
	"github.com/daison/portal/internal/vocab"
)

// ErrNotEmpty is returned by Load when a public collection already has
// records: demo content goes only into an empty portal, never beside real
// content.
var ErrNotEmpty = errors.New("demo: the portal already has public records; demo content is loaded only into an empty database")

// Counts tells how many records Load created, by collection name.
type Counts map[string]int

//go:embed data/*.toml
var dataFiles embed.FS

// Empty reports whether no public collection (admin.PublicCollections) has a
// record, whatever its status.
func Empty(app core.App) (bool, error) {
	for _, name := range admin.PublicCollections {
		n, err := app.CountRecords(name)
		if err != nil {
			return false, fmt.Errorf("demo: count %s: %w", name, err)
		}
		if n > 0 {
			return false, nil
		}
	}
	return true, nil
}

// Load saves the demo content in one transaction: either all of it is
// stored, or nothing is. It returns ErrNotEmpty, and stores nothing, when
// the portal already has public records.
func Load(app core.App) (Counts, error) {
	return load(app, dataFiles)
}

// load reads every data/*.toml file of files and saves its records.
func load(app core.App, files fs.FS) (Counts, error) {
	set, err := readData(files)
	if err != nil {
		return nil, err
	}
	pics, err := pictures(set)
	if err != nil {
		return nil, err
	}
	images := startDrawing(pics)
	defer images.stop()
	var counts Counts
	err = app.RunInTransaction(func(tx core.App) error {
		empty, err := Empty(tx)
		if err != nil {
			return err
		}
		if !empty {
			return ErrNotEmpty
		}
		l := &loader{app: tx, counts: Counts{}, images: images, units: map[string]string{},
			honorees: map[string]*core.Record{}, initiatives: map[string]string{}}
		if err := l.save(set); err != nil {
			return err
		}
		counts = l.counts
		return nil
	})
	if err != nil {
		return nil, err
	}
	return counts, nil
}

// The shapes of the TOML files. Every file may hold any of the top-level
// arrays; the arrays of all files are joined in file-name order.

type dataset struct {
	Units       []unitData       `toml:"units"`
	Honorees    []honoreeData    `toml:"honorees"`
	Awards      []awardData      `toml:"awards"`
	Articles    []articleData    `toml:"articles"`
	Initiatives []initiativeData `toml:"initiatives"`
	Guides      []guideData      `toml:"guides"`
	Indicators  []indicatorData  `toml:"indicators"`
}

// common are the fields every record has. Date is a TOML date or date-time.
type common struct {
	Status string `toml:"status"`
	Date   any    `toml:"date"`
}

type unitData struct {
	common
	Key         string `toml:"key"`
	Name        string `toml:"name"`
	Kind        string `toml:"kind"`
	Description string `toml:"description"`
}

type honoreeData struct {
	common
	Key      string      `toml:"key"`
	Name     string      `toml:"name"`
	Kind     string      `toml:"kind"`
	Position string      `toml:"position"`
	Unit     string      `toml:"unit"`
	Story    string      `toml:"story"`
	Photo    bool        `toml:"photo"` // an illustrated portrait
	Awards   []awardData `toml:"awards"`
}

type awardData struct {
	common
	Honoree      string `toml:"honoree"` // only at the top level
	Form         string `toml:"form"`
	Kind         string `toml:"kind"`
	Year         int    `toml:"year"`
	DecisionNo   string `toml:"decisionNo"`
	DecisionDate any    `toml:"decisionDate"`
	Signer       string `toml:"signer"`
	Achievement  string `toml:"achievement"`
	Initiative   string `toml:"initiative"`
}

type articleData struct {
	common
	Title    string   `toml:"title"`
	Summary  string   `toml:"summary"`
	Body     string   `toml:"body"`
	Category string   `toml:"category"`
	Cover    string   `toml:"cover"` // the motif of its cover, if any
	Tags     []string `toml:"tags"`
	Unit     string   `toml:"unit"`
	Featured bool     `toml:"featured"`
}

type initiativeData struct {
	common
	Key         string   `toml:"key"`
	Title       string   `toml:"title"`
	Kind        string   `toml:"kind"`
	Unit        string   `toml:"unit"`
	Authors     string   `toml:"authors"`
	Honorees    []string `toml:"honorees"`
	Field       string   `toml:"field"`
	Photos      []string `toml:"photos"` // the motifs of its photos
	YearApplied int      `toml:"yearApplied"`
	Summary     string   `toml:"summary"`
	Body        string   `toml:"body"`
	Results     string   `toml:"results"`
	Recognition string   `toml:"recognition"`
	Featured    bool     `toml:"featured"`
}

type guideData struct {
	common
	Title          string       `toml:"title"`
	Audience       string       `toml:"audience"`
	Summary        string       `toml:"summary"`
	Body           string       `toml:"body"`
	Steps          []admin.Step `toml:"steps"`
	ProcedureCode  string       `toml:"procedureCode"`
	PortalLink     string       `toml:"portalLink"`
	Documents      string       `toml:"documents"`
	Fee            string       `toml:"fee"`
	ProcessingTime string       `toml:"processingTime"`
	Offline        string       `toml:"offline"`
	Weight         int          `toml:"weight"`
	Featured       bool         `toml:"featured"`
}

type indicatorData struct {
	common
	Metric  string  `toml:"metric"`
	Year    int     `toml:"year"`
	Quarter int     `toml:"quarter"`
	Value   float64 `toml:"value"`
	Target  float64 `toml:"target"`
	Note    string  `toml:"note"`
}

// readData decodes every data/*.toml file of files, refusing keys it does
// not know (a misspelt field would otherwise be dropped without a word).
func readData(files fs.FS) (*dataset, error) {
	names, err := fs.Glob(files, "data/*.toml")
	if err != nil {
		return nil, fmt.Errorf("demo: list data files: %w", err)
	}
	if len(names) == 0 {
		return nil, errors.New("demo: no data/*.toml file")
	}
	sort.Strings(names)
	all := &dataset{}
	for _, name := range names {
		f, err := files.Open(name)
		if err != nil {
			return nil, fmt.Errorf("demo: %w", err)
		}
		var d dataset
		err = toml.NewDecoder(f).DisallowUnknownFields().Decode(&d)
		f.Close()
		if err != nil {
			var de *toml.DecodeError
			if errors.As(err, &de) {
				row, col := de.Position()
				return nil, fmt.Errorf("demo: %s:%d:%d: %w", path.Base(name), row, col, err)
			}
			return nil, fmt.Errorf("demo: %s: %w", path.Base(name), err)
		}
		all.Units = append(all.Units, d.Units...)
		all.Honorees = append(all.Honorees, d.Honorees...)
		all.Awards = append(all.Awards, d.Awards...)
		all.Articles = append(all.Articles, d.Articles...)
		all.Initiatives = append(all.Initiatives, d.Initiatives...)
		all.Guides = append(all.Guides, d.Guides...)
		all.Indicators = append(all.Indicators, d.Indicators...)
	}
	return all, nil
}

// loader saves a dataset, resolving local keys to the ids of the records
// saved before.
type loader struct {
	app         core.App
	counts      Counts
	images      *studio
	units       map[string]string       // key → id
	honorees    map[string]*core.Record // key → record
	initiatives map[string]string       // key → id
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
	r, err := l.create(admin.Units, label, u.common, map[string]any{
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
	r, err := l.create(admin.Honorees, label, h.common, fields)
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
	r, err := l.create(admin.Initiatives, label, in.common, fields)
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
	_, err := l.create(admin.Awards, label, a.common, fields)
	return err
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
	_, err = l.create(admin.Articles, label, a.common, fields)
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
	_, err := l.create(admin.Guides, label, g.common, fields)
	return err
}

func (l *loader) indicator(in indicatorData) error {
	label := fmt.Sprintf("indicator %s %d/Q%d", in.Metric, in.Year, in.Quarter)
	_, err := l.create(admin.Indicators, label, in.common, map[string]any{
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
	return r, nil
}

// zone is where the demo's dates are read: the commune's time zone (Vietnam
// keeps UTC+7 all year, so a fixed zone stands in when the system has no
// time zone database).
var zone = func() *time.Location {
	if loc, err := time.LoadLocation("Asia/Ho_Chi_Minh"); err == nil {
		return loc
	}
	return time.FixedZone("ICT", 7*3600)
}()

// toTime reads a TOML date, local date-time or offset date-time; local
// values are in the commune's time zone.
func toTime(v any) (time.Time, error) {
	switch d := v.(type) {
	case time.Time:
		return d, nil
	case toml.LocalDateTime:
		return d.AsTime(zone), nil
	case toml.LocalDate:
		return d.AsTime(zone), nil
	case string:
		for _, layout := range []string{"2006-01-02", "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
			if t, err := time.ParseInLocation(layout, strings.TrimSpace(d), zone); err == nil {
				return t, nil
			}
		}
		return time.Time{}, fmt.Errorf("%q is not a date (write 2026-07-01 or 2026-07-01T08:30:00)", d)
	}
	return time.Time{}, fmt.Errorf("%v is not a date (write 2026-07-01 or 2026-07-01T08:30:00)", v)
}

func dateTime(t time.Time) types.DateTime {
	d, _ := types.ParseDateTime(t.UTC())
	return d
}
