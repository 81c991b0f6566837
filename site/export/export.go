// Package export writes the published records of the portal's database as
// Hugo content: one page bundle per record (front matter by encoding/json,
// the record's Markdown as body, its images beside it) and data files. It is
// the only place that decides what the public can see: records whose status
// is "published" and whose publishAt has passed, and relations to them.
//
// It is the driver of the kinds' mappers (record.Kind.Export, in
// records/<kind>): it loads the published records (published.go), runs each
// kind's mapper in records.All's order through the page-writing API
// (site.go: record.Site; bundle.go: record.Bundle), and writes what is
// shared by every kind: the images checked whole (images.go), the share
// cards and QR codes (share.go), the short links and old addresses
// (links.go), the taxonomies' pages (terms.go), the statistics
// (stats.go), the commune's identity and plan (commune.go), the citizens'
// questions (questions.go) and the privacy notice (privacy.go), into a
// Tree that changes only the files that differ.
package export

import (
	"fmt"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/records"
	"github.com/daison/portal/records/record"
	"github.com/daison/portal/site/cards"
)

// Sections maps each exported collection to its content section, which is
// also the first segment of its pages' URLs (the kinds' descriptors).
var Sections = records.Sections()

// Result tells what an export wrote.
type Result struct {
	// Pages counts the record pages written, by collection.
	Pages map[string]int
	// NextPublish is the earliest publishAt still to come among published
	// records (a scheduled record), or the zero time when none waits.
	NextPublish time.Time
	// Written and Removed are the files this export changed in root,
	// relative to it (a build can tell Hugo just these); Added are those of
	// Written that are new.
	Written, Removed, Added []string
	// Problems are what was left out of the pages written (an image that
	// does not decode, a share card that could not be drawn, a redirect
	// that would take over another page's address: see planLinks), for
	// staff.
	Problems []Problem
	// Images maps the site path of each record image written (a page
	// bundle's resource as Hugo names it, "/tin-tuc/<slug>/cover.jpg") to
	// its storage key, so that a build Hugo failed on can tell which
	// stored file to leave out (ImageChecks.MarkBroken).
	Images map[string]string
	// Versions are the records exported, with the version of each (none
	// for a preview).
	Versions Versions
}

// Total is the number of record pages written.
func (r Result) Total() int {
	n := 0
	for _, c := range r.Pages {
		n += c
	}
	return n
}

// Options tune an export.
type Options struct {
	// Now is the time the export sees: what is published by then shows.
	Now time.Time
	// BaseURL is the site's public address ("https://…/"); QR codes encode
	// the pages' full URLs. Without it no QR codes are made.
	BaseURL string
	// Cards, if set, makes each record page's share card (and the site's
	// default one) through this cache.
	Cards *cards.Cache
	// Images, if set, keeps what earlier exports found of the stored
	// images, so that only new or changed files are decoded.
	Images *ImageChecks
}

// Run exports what the public may see at opts.Now into root, a Hugo source
// folder: pages under root/content/<section>/<slug>/, data files under
// root/data/, taxonomy pages, the default share card under root/static/.
// root may hold the hand-written pages and an earlier export: Run changes
// only the files that differ (see Tree) and removes those no longer
// exported, keeping its manifest in root/.export-manifest.json.
func Run(app core.App, root string, opts Options) (Result, error) {
	return run(app, root, opts, nil, false)
}

// Preview exports the site as it would be if rec (any status: a draft
// being written) were published now, in place of its stored version and of
// every other record of its collection, for a quick build of its page.
// It returns the page's site-relative URL.
func Preview(app core.App, root string, opts Options, rec *core.Record) (string, error) {
	if _, ok := Sections[rec.Collection().Name]; !ok {
		return "", fmt.Errorf("no page for a record of %s", rec.Collection().Name)
	}
	if _, err := run(app, root, opts, rec, false); err != nil {
		return "", err
	}
	return records.ByCollection(rec.Collection().Name).PageURL(record.Wrap(rec).Slug()), nil
}

// PreviewBundle is Preview into a folder that already holds a site's
// sources (a copy of a build's export) but not rec's page bundle: it
// writes only that bundle, as Preview would make it, and nothing else.
func PreviewBundle(app core.App, root string, opts Options, rec *core.Record) (string, error) {
	if _, ok := Sections[rec.Collection().Name]; !ok {
		return "", fmt.Errorf("no page for a record of %s", rec.Collection().Name)
	}
	if _, err := run(app, root, opts, rec, true); err != nil {
		return "", err
	}
	return records.ByCollection(rec.Collection().Name).PageURL(record.Wrap(rec).Slug()), nil
}

// Problem is something of a record the export left out of the site, told
// to staff (record.Problem).
type Problem = record.Problem

// ManifestName is the export's manifest in the source folder.
const ManifestName = ".export-manifest.json"

// run exports into root; with bundleOnly (a preview), only the previewed
// record's page bundle is written.
func run(app core.App, root string, opts Options, preview *core.Record, bundleOnly bool) (Result, error) {
	fsys, err := app.NewFilesystem()
	if err != nil {
		return Result{}, fmt.Errorf("open file storage: %w", err)
	}
	defer fsys.Close()
	id, err := commune.Load(app)
	if err != nil {
		return Result{}, fmt.Errorf("export: %w", err)
	}
	s, err := newSite(app, opts, fsys, id, preview)
	if err != nil {
		return Result{}, err
	}
	for _, k := range records.All {
		if k.Export == nil {
			continue
		}
		if err := k.Export(s); err != nil {
			return Result{}, err
		}
	}
	steps := []func() error{
		func() error { return writeStats(s) },
		func() error { return writeQuestions(app, s.tree) },
		func() error { return writeFeedbackQuarters(app, s.tree) },
		func() error { return writeTerms(s.tree, s.terms) },
		func() error { return writeCommune(app, fsys, s.tree, id) },
		func() error { return writePrivacy(app, s.tree, id) },
		func() error { return writeRedirectSection(s.tree) },
		func() error { return s.share.draw(app, s.out) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return Result{}, err
		}
	}
	next, err := nextPublish(app, s.now)
	if err != nil {
		return Result{}, err
	}
	res := s.out.result()
	res.NextPublish = next
	var written, removed []string
	if bundleOnly {
		written, err = s.tree.WriteUnder(root, bundleDir(preview))
	} else {
		written, removed, err = s.tree.Apply(root, ManifestName)
	}
	if err != nil {
		return Result{}, fmt.Errorf("write the export: %w", err)
	}
	res.Written, res.Removed, res.Added = written, removed, s.tree.Added()
	if preview == nil {
		res.Versions = s.pub.versions(s)
	}
	sortProblems(res.Problems)
	return res, nil
}
