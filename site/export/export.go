// Package export writes the published records of the portal's database as
// Hugo content: one page bundle per record (front matter by encoding/json,
// the record's Markdown as body, its images beside it) and data files. It is
// the only place that decides what the public can see: records whose status
// is "published" and whose publishAt has passed, and relations to them.
package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/markdown"
	"github.com/daison/portal/internal/qrsvg"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/slug"
	"github.com/daison/portal/internal/vocab"
	"github.com/daison/portal/site/cards"
)

// Sections maps each exported collection to its content section, which is
// also the first segment of its pages' URLs.
var Sections = map[string]string{
	schema.Articles:    "tin-tuc",
	schema.Initiatives: "mo-hinh-sang-kien",
	schema.Honorees:    "vinh-danh",
	schema.Guides:      "huong-dan",
	schema.Units:       "don-vi",
}

// Vietnam keeps one offset all year; dates are written with it so that the
// site shows the day as it was in Đại Sơn.
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
	return run(app, root, opts, nil)
}

// Preview exports the site as it would be if rec (any status: a draft
// being written) were published now, in place of its stored version and of
// every other record of its collection, for a quick build of its page.
// It returns the page's site-relative URL.
func Preview(app core.App, root string, opts Options, rec *core.Record) (string, error) {
	if _, ok := Sections[rec.Collection().Name]; !ok {
		return "", fmt.Errorf("no page for a record of %s", rec.Collection().Name)
	}
	if _, err := run(app, root, opts, rec); err != nil {
		return "", err
	}
	return pageURL(rec.Collection().Name, rec.GetString("slug")), nil
}

func run(app core.App, root string, opts Options, preview *core.Record) (Result, error) {
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
	if err := x.load(); err != nil {
		return Result{}, err
	}
	x.checkImages()
	steps := []func() error{x.units, x.honorees, x.initiatives, x.articles, x.guides, x.indicators, x.stats, x.termPages, x.redirectSection, x.drawCards, x.nextPublish}
	for _, step := range steps {
		if err := step(); err != nil {
			return Result{}, err
		}
	}
	written, removed, err := x.t.Apply(root, ManifestName)
	if err != nil {
		return Result{}, fmt.Errorf("write the export: %w", err)
	}
	x.res.Written, x.res.Removed, x.res.Added = written, removed, x.t.Added()
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
	initiativesBy      map[string][]Ref // honoree id → initiatives naming them

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

	checks *ImageChecks
	images map[string]storedImage // the records' images, by storage key
	probMu sync.Mutex             // guards res.Problems
}

func (x *exporter) load() error {
	x.recs = map[string][]*core.Record{}
	x.byID = map[string]map[string]*core.Record{}
	for _, c := range schema.PublicCollections {
		rs, err := x.app.FindRecordsByFilter(c, schema.PublicFilter, "-publishAt,-created", 0, 0, dbx.Params{"now": x.now.Format(types.DefaultDateLayout)})
		if err != nil {
			return fmt.Errorf("read published %s: %w", c, err)
		}
		if p := x.preview; p != nil && p.Collection().Name == c {
			p = p.Clone()
			if p.GetDateTime("publishAt").IsZero() || p.GetDateTime("publishAt").Time().After(x.now) {
				p.Set("publishAt", types.NowDateTime())
			}
			rs = []*core.Record{p}
		}
		x.recs[c] = rs
		m := make(map[string]*core.Record, len(rs))
		for _, r := range rs {
			m[r.Id] = r
		}
		x.byID[c] = m
	}

	// An award shows only with a visible honoree; it names its initiative
	// only if that is visible too.
	x.awardsByHonoree = map[string][]Award{}
	x.awardsByInitiative = map[string][]Award{}
	awards := append([]*core.Record(nil), x.recs[schema.Awards]...)
	sort.SliceStable(awards, func(i, j int) bool {
		a, b := awards[i], awards[j]
		if a.GetInt("year") != b.GetInt("year") {
			return a.GetInt("year") > b.GetInt("year")
		}
		return a.GetDateTime("decisionDate").After(b.GetDateTime("decisionDate"))
	})
	for _, r := range awards {
		hid := r.GetString("honoree")
		if x.byID[schema.Honorees][hid] == nil {
			continue
		}
		a := Award{
			Form:        choice(vocab.AwardForms, r.GetString("form")),
			Kind:        choice(vocab.AwardKinds, r.GetString("kind")),
			Year:        r.GetInt("year"),
			DecisionNo:  r.GetString("decisionNo"),
			Signer:      r.GetString("signer"),
			Achievement: r.GetString("achievement"),
			Honoree:     x.ref(schema.Honorees, hid),
			HonoreeKind: optChoice(vocab.HonoreeKinds, x.byID[schema.Honorees][hid].GetString("kind")),
			Initiative:  x.ref(schema.Initiatives, r.GetString("initiative")),
		}
		if d := r.GetDateTime("decisionDate"); !d.IsZero() {
			a.DecisionDate = d.Time().In(Vietnam).Format("02/01/2006")
		}
		x.awardsByHonoree[hid] = append(x.awardsByHonoree[hid], a)
		if a.Initiative != nil {
			iid := r.GetString("initiative")
			x.awardsByInitiative[iid] = append(x.awardsByInitiative[iid], a)
		}
	}

	x.initiativesBy = map[string][]Ref{}
	for _, r := range x.recs[schema.Initiatives] {
		ref := x.ref(schema.Initiatives, r.Id)
		for _, hid := range r.GetStringSlice("honorees") {
			if x.byID[schema.Honorees][hid] != nil {
				x.initiativesBy[hid] = append(x.initiativesBy[hid], *ref)
			}
		}
	}
	return x.planLinks()
}

// ref links to a published record's page, or is nil when the record is not
// published (or id is empty): the site never links to what it does not show.
func (x *exporter) ref(collection, id string) *Ref {
	r := x.byID[collection][id]
	if r == nil {
		return nil
	}
	title := r.GetString("title")
	if title == "" {
		title = r.GetString("name")
	}
	return &Ref{Title: title, URL: pageURL(collection, r.GetString("slug"))}
}

func (x *exporter) refs(collection string, ids []string) []Ref {
	var out []Ref
	for _, id := range ids {
		if ref := x.ref(collection, id); ref != nil {
			out = append(out, *ref)
		}
	}
	return out
}

// pageURL is the site-relative URL of a record's page.
func pageURL(collection, slug string) string {
	return "/" + Sections[collection] + "/" + slug + "/"
}

func choice(l vocab.List, key string) Choice {
	return Choice{Key: key, Label: l.Label(key)}
}

func optChoice(l vocab.List, key string) *Choice {
	if key == "" {
		return nil
	}
	c := choice(l, key)
	return &c
}

// page fills the front matter every record page has.
func (x *exporter) page(r *core.Record, title, summary, body string, params any) Page {
	desc := summary
	if desc == "" {
		desc = markdown.Excerpt(body, 160)
	}
	if desc == "" {
		desc = title
	}
	if c := commonOf(params); c != nil && body != "" {
		c.Excerpt = markdown.Excerpt(body, 300)
	}
	return Page{
		Build:       &BuildOptions{PublishResources: false},
		Title:       title,
		Date:        r.GetDateTime("publishAt").Time().In(Vietnam).Format(time.RFC3339),
		Lastmod:     r.GetDateTime("updated").Time().In(Vietnam).Format(time.RFC3339),
		Summary:     summary,
		Description: markdown.Truncate(desc, 300),
		Params:      params,
	}
}

// commonOf returns the Common part of a page's params.
func commonOf(params any) *Common {
	switch p := params.(type) {
	case *ArticleParams:
		return &p.Common
	case *InitiativeParams:
		return &p.Common
	case *HonoreeParams:
		return &p.Common
	case *GuideParams:
		return &p.Common
	case *UnitParams:
		return &p.Common
	}
	return nil
}

func common(r *core.Record) Common {
	c := Common{ID: r.Id, Collection: r.Collection().Name, Slug: r.GetString("slug")}
	if code := r.GetString("shortCode"); code != "" {
		c.ShortURL = "/l/" + code + "/"
	}
	return c
}

// common returns the common params of a record's page, with its QR code and
// share card asked for. A failure to write the QR code is kept for write to
// report.
func (x *exporter) common(r *core.Record, title string) Common {
	c := common(r)
	if schema.IsLinkable(r.Collection().Name) {
		// Only a short link that leads here (planLinks).
		c.ShortURL = x.shortURL(r)
	}
	if err := x.share(r, &c, title); err != nil && x.shareErr == nil {
		x.shareErr = err
	}
	return c
}

// sectionLabels name the sections on share cards.
var sectionLabels = map[string]string{
	schema.Articles:    "Tin tức",
	schema.Initiatives: "Mô hình, sáng kiến",
	schema.Honorees:    "Vinh danh",
	schema.Guides:      "Hướng dẫn dịch vụ công",
}

// siteName is what share cards show at the bottom.
const siteName = "Cải cách hành chính xã Đại Sơn"

// share adds a linkable record's sharing pieces to its page: the QR code of
// its full URL tagged "?nguon=qr" (qr.svg in the bundle) and its share card
// (the-chia-se.jpg, drawn later by drawCards).
func (x *exporter) share(r *core.Record, c *Common, title string) error {
	if !schema.IsLinkable(r.Collection().Name) {
		return nil
	}
	dir := x.rel(r)
	if x.opts.BaseURL != "" {
		url := strings.TrimSuffix(x.opts.BaseURL, "/") + pageURL(r.Collection().Name, r.GetString("slug")) + "?nguon=qr"
		label := "Mã QR dẫn tới trang “" + title + "”"
		c.QRURL, c.QR = url, "qr.svg"
		x.t.PutMade(dir+"/qr.svg", "qr:"+url+"\x00"+label, func() ([]byte, error) { return qrsvg.SVG(url, label) })
	}
	if x.opts.Cards != nil {
		c.Card = &Image{Src: "the-chia-se.jpg", Alt: title}
		x.putCard(dir+"/the-chia-se.jpg", cards.Card{Kicker: sectionLabels[r.Collection().Name], Title: title, Footer: siteName})
	}
	return nil
}

// putCard asks for a share card at rel, drawn by drawCards.
func (x *exporter) putCard(rel string, card cards.Card) {
	x.cards = append(x.cards, pendingCard{rel: rel, card: card})
}

func (x *exporter) units() error {
	for _, r := range x.recs[schema.Units] {
		p := x.page(r, r.GetString("name"), "", r.GetString("description"), &UnitParams{
			Common: common(r),
			Kind:   choice(vocab.UnitKinds, r.GetString("kind")),
		})
		if err := x.write(r, p, r.GetString("description")); err != nil {
			return err
		}
	}
	return nil
}

func (x *exporter) honorees() error {
	for _, r := range x.recs[schema.Honorees] {
		name := r.GetString("name")
		params := HonoreeParams{
			Common:      x.common(r, name),
			Kind:        choice(vocab.HonoreeKinds, r.GetString("kind")),
			Position:    r.GetString("position"),
			Unit:        x.ref(schema.Units, r.GetString("unit")),
			Awards:      x.awardsByHonoree[r.Id],
			Initiatives: x.initiativesBy[r.Id],
		}
		if params.Awards == nil {
			params.Awards = []Award{}
		}
		dir := x.rel(r)
		params.Photo = x.copyImage(r, "photo", r.GetString("photo"), dir, "anh", alt(r.GetString("photoAlt"), "Ảnh "+name))
		p := x.page(r, name, "", r.GetString("story"), &params)
		p.Terms = map[string][]string{}
		x.addChoice(p.Terms, "vinh-danh-doi-tuong", vocab.HonoreeKinds, params.Kind.Key)
		x.addUnit(p.Terms, "vinh-danh-don-vi", r.GetString("unit"))
		for _, a := range params.Awards {
			x.addTerm(p.Terms, "vinh-danh-nam", strconv.Itoa(a.Year), TermPage{Title: "Năm " + strconv.Itoa(a.Year), Weight: 3000 - a.Year})
			x.addChoice(p.Terms, "vinh-danh-hinh-thuc", vocab.AwardForms, a.Form.Key)
			x.addChoice(p.Terms, "vinh-danh-loai", vocab.AwardKinds, a.Kind.Key)
		}
		if params.Position != "" {
			summary := params.Position
			if params.Unit != nil {
				summary += ", " + params.Unit.Title
			}
			p.Summary = summary
			if r.GetString("story") == "" {
				p.Description = summary
			}
		}
		if err := x.write(r, p, r.GetString("story")); err != nil {
			return err
		}
	}
	return nil
}

func (x *exporter) initiatives() error {
	for _, r := range x.recs[schema.Initiatives] {
		title := r.GetString("title")
		params := InitiativeParams{
			Common:      x.common(r, title),
			Kind:        choice(vocab.InitiativeKinds, r.GetString("kind")),
			Field:       choice(vocab.InitiativeFields, r.GetString("field")),
			Unit:        x.ref(schema.Units, r.GetString("unit")),
			Authors:     r.GetString("authors"),
			Honorees:    x.refs(schema.Honorees, r.GetStringSlice("honorees")),
			YearApplied: r.GetInt("yearApplied"),
			Results:     neutralize(r.GetString("results")),
			Recognition: optChoice(vocab.RecognitionLevels, r.GetString("recognition")),
			Awards:      x.awardsByInitiative[r.Id],
			Featured:    r.GetBool("featured"),
		}
		dir := x.rel(r)
		for i, name := range r.GetStringSlice("photos") {
			if img := x.copyImage(r, "photos", name, dir, fmt.Sprintf("anh-%d", i+1), fmt.Sprintf("Ảnh %d: %s", i+1, title)); img != nil {
				params.Photos = append(params.Photos, *img)
			}
		}
		p := x.page(r, title, r.GetString("summary"), r.GetString("body"), &params)
		p.Terms = map[string][]string{}
		x.addChoice(p.Terms, "sang-kien-loai", vocab.InitiativeKinds, params.Kind.Key)
		x.addChoice(p.Terms, "sang-kien-linh-vuc", vocab.InitiativeFields, params.Field.Key)
		x.addUnit(p.Terms, "sang-kien-don-vi", r.GetString("unit"))
		if y := params.YearApplied; y > 0 {
			x.addTerm(p.Terms, "sang-kien-nam", strconv.Itoa(y), TermPage{Title: "Năm " + strconv.Itoa(y), Weight: 3000 - y})
		}
		if err := x.write(r, p, r.GetString("body")); err != nil {
			return err
		}
	}
	return nil
}

func (x *exporter) articles() error {
	infos := make([]articleInfo, 0, len(x.recs[schema.Articles]))
	for _, r := range x.recs[schema.Articles] {
		var tags []string
		_ = r.UnmarshalJSONField("tags", &tags)
		date := r.GetDateTime("publishAt").Time().In(Vietnam)
		infos = append(infos, articleInfo{
			id: r.Id, category: r.GetString("category"), tags: tagSlugs(tags), date: date,
			ref: Related{Title: r.GetString("title"), URL: pageURL(schema.Articles, r.GetString("slug")), Date: date.Format(time.RFC3339)},
		})
	}
	related := relatedArticles(infos)
	for _, r := range x.recs[schema.Articles] {
		title := r.GetString("title")
		var tags []string
		_ = r.UnmarshalJSONField("tags", &tags)
		params := ArticleParams{
			Common:   x.common(r, title),
			Category: choice(vocab.ArticleCategories, r.GetString("category")),
			Unit:     x.ref(schema.Units, r.GetString("unit")),
			Tags:     tags,
			Featured: r.GetBool("featured"),
			Related:  related[r.Id],
		}
		params.Cover = x.copyImage(r, "cover", r.GetString("cover"), x.rel(r), "cover", alt(r.GetString("coverAlt"), title))
		p := x.page(r, title, r.GetString("summary"), r.GetString("body"), &params)
		p.Terms = map[string][]string{}
		x.addChoice(p.Terms, "tin-tuc-chuyen-muc", vocab.ArticleCategories, params.Category.Key)
		for _, tag := range tags {
			if ts := tagSlug(tag); ts != "" {
				x.addTerm(p.Terms, "tin-tuc-tu-khoa", ts, TermPage{Title: tag})
			}
		}
		if err := x.write(r, p, r.GetString("body")); err != nil {
			return err
		}
	}
	return nil
}

// tagSlug is a keyword's term: its slug, never a reserved segment ("trang"
// would be the keyword list's pagination).
// Keywords repeat across thousands of articles, so their slugs are
// remembered.
func tagSlug(tag string) string {
	if ts, ok := tagSlugMemo.Load(tag); ok {
		return ts.(string)
	}
	ts := slug.Make(tag)
	if ts != "" && slug.Reserved(ts) {
		ts = slug.WithSuffix(ts, 2)
	}
	tagSlugMemo.Store(tag, ts)
	return ts
}

// tagSlugMemo maps keywords to their slugs (a keyword's slug never
// changes; the commune's keywords are a few thousand at most).
var tagSlugMemo sync.Map

// tagSlugs are the terms of an article's keywords.
func tagSlugs(tags []string) []string {
	var out []string
	for _, t := range tags {
		if ts := tagSlug(t); ts != "" && !slices.Contains(out, ts) {
			out = append(out, ts)
		}
	}
	return out
}

func (x *exporter) guides() error {
	for _, r := range x.recs[schema.Guides] {
		title := r.GetString("title")
		raw, _ := json.Marshal(r.Get("steps"))
		steps, err := schema.ParseSteps(raw)
		if err != nil {
			return fmt.Errorf("guide %s (%s): %w", r.Id, title, err)
		}
		params := GuideParams{
			Common:         x.common(r, title),
			Audience:       r.GetString("audience"),
			ProcedureCode:  r.GetString("procedureCode"),
			PortalLink:     r.GetString("portalLink"),
			Documents:      neutralize(r.GetString("documents")),
			Fee:            r.GetString("fee"),
			ProcessingTime: r.GetString("processingTime"),
			Offline:        neutralize(r.GetString("offline")),
			Steps:          numberSteps(steps),
			Featured:       r.GetBool("featured"),
		}
		p := x.page(r, title, r.GetString("summary"), r.GetString("body"), &params)
		p.Weight = r.GetInt("weight")
		if err := x.write(r, p, r.GetString("body")); err != nil {
			return err
		}
	}
	return nil
}

// numberSteps numbers a guide's steps the GOV.UK way: a step joined to the
// one before by "and" or "or" keeps that step's number.
func numberSteps(steps []schema.Step) []GuideStep {
	out := make([]GuideStep, 0, len(steps))
	n := 0
	for _, s := range steps {
		if s.Logic == "" || n == 0 {
			n++
		}
		out = append(out, GuideStep{
			Number:   n,
			Logic:    choice(vocab.StepLogic, s.Logic),
			Title:    s.Title,
			Text:     neutralize(s.Text),
			Link:     s.Link,
			LinkText: s.LinkText,
			Cost:     s.Cost,
		})
	}
	return out
}

func (x *exporter) indicators() error {
	byMetric := map[string][]Point{}
	for _, r := range x.recs[schema.Indicators] {
		m := r.GetString("metric")
		pt := Point{
			Year:    r.GetInt("year"),
			Quarter: r.GetInt("quarter"),
			Period:  fmt.Sprintf("Quý %d/%d", r.GetInt("quarter"), r.GetInt("year")),
			Value:   r.GetFloat("value"),
			Note:    r.GetString("note"),
		}
		if t := r.GetFloat("target"); t != 0 {
			pt.Target = &t
		}
		byMetric[m] = append(byMetric[m], pt)
	}
	data := Indicators{Metrics: []Metric{}}
	for _, o := range vocab.Metrics {
		pts := byMetric[o.Key]
		if len(pts) == 0 {
			continue
		}
		sort.Slice(pts, func(i, j int) bool {
			if pts[i].Year != pts[j].Year {
				return pts[i].Year < pts[j].Year
			}
			return pts[i].Quarter < pts[j].Quarter
		})
		data.Metrics = append(data.Metrics, Metric{Key: o.Key, Label: o.Label, Unit: "%", HigherIsBetter: true, Points: pts})
	}
	return x.putJSON("data/indicators.json", data)
}

// addTerm puts a page under a taxonomy's term, and remembers the term's page
// (the first title given for a term wins).
func (x *exporter) addTerm(terms map[string][]string, taxonomy, term string, page TermPage) {
	for _, t := range terms[taxonomy] {
		if t == term {
			return
		}
	}
	terms[taxonomy] = append(terms[taxonomy], term)
	m := x.terms[taxonomy]
	if m == nil {
		m = map[string]TermPage{}
		x.terms[taxonomy] = m
	}
	if _, ok := m[term]; !ok {
		m[term] = page
	}
}

// addChoice puts a page under a select field's value, titled by its label
// and ordered as the vocabulary is.
func (x *exporter) addChoice(terms map[string][]string, taxonomy string, l vocab.List, key string) {
	if key == "" {
		return
	}
	weight := 0
	for i, o := range l {
		if o.Key == key {
			weight = i + 1
		}
	}
	x.addTerm(terms, taxonomy, key, TermPage{Title: l.Label(key), Weight: weight})
}

// addUnit puts a page under its unit's term, if the unit is published.
func (x *exporter) addUnit(terms map[string][]string, taxonomy, unitID string) {
	u := x.byID[schema.Units][unitID]
	if u == nil {
		return
	}
	x.addTerm(terms, taxonomy, u.GetString("slug"), TermPage{Title: u.GetString("name")})
}

// termPages writes the list page of each taxonomy and of each term used.
// maxSiblings is the most terms a taxonomy may have for its term pages to
// list the others.
const maxSiblings = 24

func (x *exporter) termPages() error {
	for _, tax := range Taxonomies {
		dir := "content/" + tax.Name
		if err := x.putJSON(dir+"/_index.md", TermPage{Title: tax.Title, Description: tax.Title + "."}); err != nil {
			return err
		}
		for term, page := range x.terms[tax.Name] {
			if page.Description == "" {
				page.Description = tax.Title + ": " + page.Title + "."
			}
			page.Slug = term
			page.TaxonomyTitle, page.TaxonomyURL = tax.Title, tax.URL
			page.Siblings = len(x.terms[tax.Name]) > 1 && len(x.terms[tax.Name]) <= maxSiblings
			if err := x.putJSON(dir+"/"+term+"/_index.md", page); err != nil {
				return err
			}
		}
	}
	return nil
}

// stats writes data/stats.json: awards by year, unit, form and kind, and
// initiatives by field, kind and year, counting only what the site shows.
func (x *exporter) stats() error {
	st := Stats{TotalHonorees: len(x.recs[schema.Honorees]), TotalInitiatives: len(x.recs[schema.Initiatives])}
	years, units, forms, kinds, hkinds := map[int]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	for _, awards := range x.awardsByHonoree {
		for _, a := range awards {
			st.TotalAwards++
			years[a.Year]++
			forms[a.Form.Key]++
			kinds[a.Kind.Key]++
			if a.HonoreeKind != nil {
				hkinds[a.HonoreeKind.Key]++
			}
		}
	}
	for _, h := range x.recs[schema.Honorees] {
		if u := x.byID[schema.Units][h.GetString("unit")]; u != nil {
			units[u.Id] += len(x.awardsByHonoree[h.Id])
		}
	}
	st.AwardsByYear = yearCounts(years, "/vinh-danh/nam/")
	st.AwardsByForm = choiceCounts(vocab.AwardForms, forms, "/vinh-danh/hinh-thuc/")
	st.AwardsByKind = choiceCounts(vocab.AwardKinds, kinds, "/vinh-danh/loai/")
	st.AwardsByHonoreeKind = choiceCounts(vocab.HonoreeKinds, hkinds, "/vinh-danh/doi-tuong/")
	st.AwardsByUnit = x.unitCounts(units, "/vinh-danh/don-vi/")

	ifields, ikinds, iyears := map[string]int{}, map[string]int{}, map[int]int{}
	for _, r := range x.recs[schema.Initiatives] {
		ifields[r.GetString("field")]++
		ikinds[r.GetString("kind")]++
		if y := r.GetInt("yearApplied"); y > 0 {
			iyears[y]++
		}
	}
	st.InitiativesByField = choiceCounts(vocab.InitiativeFields, ifields, "/mo-hinh-sang-kien/linh-vuc/")
	st.InitiativesByKind = choiceCounts(vocab.InitiativeKinds, ikinds, "/mo-hinh-sang-kien/loai/")
	st.InitiativesByYear = yearCounts(iyears, "/mo-hinh-sang-kien/nam/")
	return x.putJSON("data/stats.json", st)
}

func yearCounts(m map[int]int, base string) []Count {
	ys := make([]int, 0, len(m))
	for y := range m {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	out := []Count{}
	for _, y := range ys {
		k := strconv.Itoa(y)
		out = append(out, Count{Key: k, Label: "Năm " + k, Count: m[y], URL: base + k + "/"})
	}
	return out
}

func choiceCounts(l vocab.List, m map[string]int, base string) []Count {
	out := []Count{}
	for _, o := range l {
		if n := m[o.Key]; n > 0 {
			out = append(out, Count{Key: o.Key, Label: o.Label, Count: n, URL: base + o.Key + "/"})
		}
	}
	return out
}

func (x *exporter) unitCounts(m map[string]int, base string) []Count {
	out := []Count{}
	for id, n := range m {
		if n == 0 {
			continue
		}
		u := x.byID[schema.Units][id]
		out = append(out, Count{Key: u.GetString("slug"), Label: u.GetString("name"), Count: n, URL: base + u.GetString("slug") + "/"})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Label < out[j].Label
	})
	return out
}

// putJSON adds a data file, or a content file holding only front matter,
// as indented JSON.
func (x *exporter) putJSON(rel string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("encode %s: %w", rel, err)
	}
	x.t.Put(rel, append(b, '\n'))
	return nil
}

// nextPublish finds the earliest scheduled publication, so that the site can
// rebuild by itself when it comes.
func (x *exporter) nextPublish() error {
	for _, c := range schema.PublicCollections {
		var row struct {
			At string `db:"at"`
		}
		err := x.app.DB().
			Select("coalesce(min(publishAt), '') as at").
			From(c).
			Where(dbx.NewExp(`status = "published" AND publishAt > {:now}`, dbx.Params{"now": x.now.Format(types.DefaultDateLayout)})).
			One(&row)
		if err != nil {
			return fmt.Errorf("find next scheduled %s: %w", c, err)
		}
		if row.At == "" {
			continue
		}
		t, err := time.Parse(types.DefaultDateLayout, row.At)
		if err != nil {
			return fmt.Errorf("read next scheduled %s %q: %w", c, row.At, err)
		}
		if x.res.NextPublish.IsZero() || t.Before(x.res.NextPublish) {
			x.res.NextPublish = t
		}
	}
	return nil
}

// rel is the page bundle folder of a record, relative to the source root.
func (x *exporter) rel(r *core.Record) string {
	return "content/" + Sections[r.Collection().Name] + "/" + r.GetString("slug")
}

// write writes a record's page: index.md with the front matter as JSON and
// the Markdown body after it.
func (x *exporter) write(r *core.Record, p Page, body string) error {
	if x.shareErr != nil {
		return x.shareErr
	}
	b, err := Encode(p, body)
	if err != nil {
		return fmt.Errorf("%s %s: %w", r.Collection().Name, r.Id, err)
	}
	name := x.rel(r) + "/index.md"
	if x.t.Has(name) {
		return fmt.Errorf("two records of %s have the slug %q", r.Collection().Name, r.GetString("slug"))
	}
	x.t.Put(name, b)
	x.res.Pages[r.Collection().Name]++
	return x.redirects(r, p.Title)
}

// Encode returns a content file: the front matter as indented JSON (which
// Hugo reads and which no title can break out of), a blank line, and the
// body with Hugo shortcode openings neutralised.
func Encode(p Page, body string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(p); err != nil {
		return nil, fmt.Errorf("encode front matter: %w", err)
	}
	buf.WriteByte('\n')
	if body != "" {
		buf.WriteString(neutralize(body))
		buf.WriteByte('\n')
	}
	return buf.Bytes(), nil
}

// zwsp is the zero-width space neutralize puts between "{{" and "<" or "%".
// The hooks refuse it in what staff type, so it cannot be forged.
const zwsp = "\u200B"

// neutralize keeps Hugo from reading a shortcode in Markdown that reaches a
// content file or .RenderString: "{{<" and "{{%" get an invisible zero-width
// space after the braces. The admin hooks already refuse such text; this
// guards records that bypassed them (imports, direct database edits).
func neutralize(s string) string {
	if !markdown.HasShortcode(s) {
		return s
	}
	s = strings.ReplaceAll(s, "{{<", "{{"+zwsp+"<")
	return strings.ReplaceAll(s, "{{%", "{{"+zwsp+"%")
}

func alt(given, fallback string) string {
	if strings.TrimSpace(given) != "" {
		return given
	}
	return fallback
}
