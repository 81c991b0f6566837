// Package demo loads the demo content of the portal: a believable but
// fictional Đại Sơn commune, marked as demo data (see markDemo and Clear) (units, news, models and initiatives, honorees
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
// date (a TOML date or date-time, read in the commune's time zone,
// schema.Vietnam) that becomes its publishAt, and status "published" unless
// it says otherwise. An award
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

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records"
)

// ErrNotEmpty is returned by Load when a public collection already has
// records: demo content goes only into an empty portal, never beside real
// content.
var ErrNotEmpty = errors.New("demo: the portal already has public records; demo content is loaded only into an empty database")

// Counts tells how many records Load created, by collection name.
type Counts map[string]int

//go:embed data/*.toml
var dataFiles embed.FS

// Empty reports whether no public collection (records.Collections()) has a
// record, whatever its status.
func Empty(app core.App) (bool, error) {
	for _, name := range records.Collections() {
		var where []dbx.Expression
		if name == schema.Guides {
			// The guide library's guides ship with every portal: they are
			// not content of the commune's own.
			if c, err := app.FindCachedCollectionByNameOrId(name); err == nil && c.Fields.GetByName("libraryId") != nil {
				where = append(where, dbx.NewExp("libraryId = ''"))
			}
		}
		n, err := app.CountRecords(name, where...)
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
			honorees: map[string]*core.Record{}, initiatives: map[string]string{}, ids: map[string][]string{}, reported: map[string]bool{}}
		if err := l.save(set); err != nil {
			return err
		}
		if err := markDemo(tx, l.ids); err != nil {
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
