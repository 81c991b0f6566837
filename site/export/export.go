// Package export writes the published records of the portal's database as
// Hugo content: one page bundle per record (front matter by encoding/json,
// the record's Markdown as body, its images beside it) and data files. It is
// the only place that decides what the public can see: records whose status
// is "published" and whose publishAt has passed, and relations to them.
package export

import (
	"fmt"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/records"
	"github.com/daison/portal/site/cards"
)

// Sections maps each exported collection to its content section, which is
// also the first segment of its pages' URLs (the kinds' descriptors).
var Sections = records.Sections()

// Vietnam keeps one offset all year; dates are written with it so that the
// site shows the day as it was in the commune.
var Vietnam = time.FixedZone("ICT", 7*60*60)

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
	return pageURL(rec.Collection().Name, rec.GetString("slug")), nil
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
	return pageURL(rec.Collection().Name, rec.GetString("slug")), nil
}

// run exports into root; with bundleOnly (a preview), only the previewed
// record's page bundle is written.
func run(app core.App, root string, opts Options, preview *core.Record, bundleOnly bool) (Result, error) {
	now := opts.Now
	fsys, err := app.NewFilesystem()
	if err != nil {
		return Result{}, fmt.Errorf("open file storage: %w", err)
	}
	defer fsys.Close()

	x := &exporter{app: app, root: root, now: now.UTC(), files: fsys, res: Result{Pages: map[string]int{}, Images: map[string]string{}},
		terms: map[string]map[string]TermPage{}, preview: preview, opts: opts, t: NewTree(), checks: opts.Images}
	if x.checks == nil {
		x.checks = NewImageChecks("")
	}
	if err := x.loadCommune(); err != nil {
		return Result{}, err
	}
	if err := x.load(); err != nil {
		return Result{}, err
	}
	x.checkImages()
	steps := []func() error{x.units, x.honorees, x.initiatives, x.articles, x.guides, x.documents, x.indicators, x.stats, x.questions, x.feedbackQuarters, x.termPages, x.communeData, x.privacyNotice, x.redirectSection, x.drawCards, x.nextPublish}
	for _, step := range steps {
		if err := step(); err != nil {
			return Result{}, err
		}
	}
	var written, removed []string
	if bundleOnly {
		written, err = x.t.WriteUnder(root, x.rel(preview))
	} else {
		written, removed, err = x.t.Apply(root, ManifestName)
	}
	if err != nil {
		return Result{}, fmt.Errorf("write the export: %w", err)
	}
	x.res.Written, x.res.Removed, x.res.Added = written, removed, x.t.Added()
	x.res.Versions = x.versions()
	sortProblems(x.res.Problems)
	return x.res, nil
}

// ManifestName is the export's manifest in the source folder.
const ManifestName = ".export-manifest.json"

type exporter struct {
	app   core.App
	root  string
	now   time.Time
	files *filesystem.System
	res   Result

	// published records by collection, newest first, and by id
	recs map[string][]*core.Record
	byID map[string]map[string]*core.Record

	awardsByHonoree    map[string][]Award
	awardsByInitiative map[string][]Award
	awardsByDecision   map[string][]Award // document id → the awards it decided
	initiativesBy      map[string][]Ref   // honoree id → initiatives naming them

	// terms used by the pages written: taxonomy → term slug → its page
	terms map[string]map[string]TermPage

	// preview, if set, is the only record of its collection exported, as if
	// published now
	preview *core.Record

	opts     Options
	t        *Tree
	cards    []pendingCard // share cards to draw before the files are written
	shareErr error         // the first failure to make a QR code

	// links are the other addresses (short link, old slugs) kept for each
	// record page, by collection/id (see planLinks)
	links map[string][]string

	id commune.Identity // the commune's identity

	checks *ImageChecks
	images map[string]storedImage // the records' images, by storage key
	probMu sync.Mutex             // guards res.Problems
}
