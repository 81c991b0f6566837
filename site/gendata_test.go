package site_test

import (
	"bytes"
	"fmt"
	"github.com/daison/portal/records"
	"image"
	"image/color"
	"image/png"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"
	"github.com/pocketbase/pocketbase/tools/types"
	"pgregory.net/rapid"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// This file generates whole databases for the generative site test
// (generative_test.go) from the collections' own definitions: every field
// of every collection the site reads is filled by its type and limits (a
// text up to its Max characters, of the kind admin/check gives it; a
// number at its Min or Max; a select's values; relations to records made
// before; files), so that a field added to a collection is generated
// without a change here. What the types do not say (the shape of a JSON
// field, a value that must match a pattern, the fields only the server
// sets) is in the tables below, as the portal's hooks check it.

// genCollections are the collections a dataset fills, in dependency order
// (a relation points to a collection before it): the public ones, the
// commune's identity, the citizens' feedback and the search synonyms.
var genCollections = append(append([]string{commune.Collection}, records.Collections()...), schema.Feedback, schema.SearchSynonyms)

// serverOwned are fields a dataset leaves to the server (hooks, the
// citizens' form endpoints) or handles itself (status, publishAt, slug).
var serverOwned = map[string]bool{
	"id": true, "created": true, "updated": true, "status": true, "publishAt": true, "slug": true,
	"shortCode": true, "oldSlugs": true, "updatedBy": true, "statusBy": true, "statusAt": true,
	"achievementKey": true, "demo": true, "demoIds": true, "idempotencyKey": true, "ipHash": true,
	"answeredBy": true, "refCode": true, "state": true, "answeredAt": true, "publishedAt": true,
	"galleryCaptions": true, "libraryId": true, "libraryVersion": true, "libraryHash": true, "libraryProposal": true,
}

// fill says how a record's optional fields are filled.
type fill int

const (
	fillEmpty fill = iota // every optional field empty, numbers at their minimum
	fillFull              // every field at its maximum: length, count, number
	fillSome              // each field drawn: empty, short or full
)

// profile shapes a dataset: how many records of each collection (each
// count drawn from counts) and how their fields are filled (from fills).
type profile struct {
	name   string
	counts []int  // records per collection, drawn per collection
	fills  []fill // drawn per record
	// feedback: how many submissions of each kind, and whether they are
	// handled (answered or closed); drawn per submission when both.
	feedback []int
	handled  []bool
	// hidden: whether some records are drafts or scheduled (not on the
	// site, never linked from published ones).
	hidden bool
	// noCommune: the portal was never set up (no identity record).
	noCommune bool
}

// spec is one record of a dataset.
type spec struct {
	coll   string
	fields map[string]any
	rels   map[string][]int     // relation field → indexes of records of its collection, in creation order
	files  map[string][]genFile // file field → files
	// bodyImages: put the record's uploaded body images into its body
	// (their stored names are known only after the first save).
	bodyImages bool
	// captions: give each gallery photo a caption of this many characters.
	captions int
	// created moves a feedback submission back in time (quarters).
	created time.Time
	visible bool // published and due: its page must be on the site
}

// genFile is a file of a dataset's record.
type genFile struct {
	name string
	data []byte
}

// dataset is a whole database's content for the site.
type dataset struct {
	name    string
	records []spec
}

// count returns how many records of coll the dataset has.
func (d dataset) count(coll string) int {
	n := 0
	for _, r := range d.records {
		if r.coll == coll {
			n++
		}
	}
	return n
}

// genSchema is what the generator reads of the collections.
type genSchema map[string]*core.Collection

// readSchema reads the collections the datasets fill from an app with
// every migration applied.
func readSchema(t testing.TB, app core.App) genSchema {
	t.Helper()
	s := genSchema{}
	for _, name := range genCollections {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			t.Fatalf("collection %s: %v", name, err)
		}
		s[name] = c
	}
	return s
}

// datasetGen generates datasets of profile p.
func datasetGen(s genSchema, p profile) *rapid.Generator[dataset] {
	return rapid.Custom(func(t *rapid.T) dataset {
		g := &gen{t: t, s: s, p: p, visible: map[string][]bool{}, n: map[string]int{}}
		d := dataset{name: p.name}
		for _, coll := range genCollections {
			n := rapid.SampledFrom(p.counts).Draw(t, coll+" count")
			switch coll {
			case commune.Collection:
				n = 1
				if p.noCommune {
					n = 0
				}
			case schema.Feedback:
				n = 0
				for _, k := range vocab.FeedbackKinds {
					for range rapid.SampledFrom(p.feedback).Draw(t, k.Key+" count") {
						d.records = append(d.records, g.feedback(k.Key))
					}
				}
			case schema.Indicators:
				n = min(n, 3*len(vocab.Metrics)) // (metric, year, quarter) is unique
			}
			for i := 0; i < n; i++ {
				if r, ok := g.record(coll, i); ok {
					d.records = append(d.records, r)
				}
			}
		}
		return d
	})
}

// gen draws one dataset.
type gen struct {
	t       *rapid.T
	s       genSchema
	p       profile
	visible map[string][]bool // per collection, in creation order: on the site
	n       map[string]int    // records drawn so far, per collection
	uniq    int               // makes texts that must differ differ
	// awardPairs are the (honoree, initiative) pairs awarded so far: one
	// initiative earns an honoree one award.
	awardPairs []string
}

// record draws the i-th record of coll, or false when it cannot be made
// (an award without a published honoree).
func (g *gen) record(coll string, i int) (spec, bool) {
	t := g.t
	f := rapid.SampledFrom(g.p.fills).Draw(t, fmt.Sprintf("%s %d fill", coll, i))
	r := spec{coll: coll, fields: map[string]any{}, rels: map[string][]int{}, files: map[string][]genFile{}}
	visible := true
	if coll != commune.Collection && coll != schema.SearchSynonyms {
		status, at := vocab.StatusPublished, time.Now().Add(-time.Duration(1+i)*time.Hour)
		if g.p.hidden {
			switch rapid.IntRange(0, 5).Draw(t, fmt.Sprintf("%s %d status", coll, i)) {
			case 0:
				status = "draft"
			case 1:
				at = time.Now().Add(30 * 24 * time.Hour) // scheduled
			}
		}
		visible = status == vocab.StatusPublished && at.Before(time.Now())
		r.fields["status"] = status
		r.fields["publishAt"] = date(at)
	}
	for _, fld := range g.s[coll].Fields {
		name := fld.GetName()
		if serverOwned[name] {
			continue
		}
		label := fmt.Sprintf("%s %d %s", coll, i, name)
		if v, ok := g.special(coll, name, f, label); ok {
			if v != nil {
				r.fields[name] = v
			}
			continue
		}
		switch ff := fld.(type) {
		case *core.TextField:
			if v := g.text(coll, name, ff.Max, ff.Required || requiredByHook(coll, name), f, label); v != "" {
				r.fields[name] = v
			}
		case *core.NumberField:
			if v, ok := g.number(ff, f, label); ok {
				r.fields[name] = v
			}
		case *core.BoolField:
			r.fields[name] = f == fillFull || f == fillSome && rapid.Bool().Draw(t, label)
		case *core.SelectField:
			if v := g.choice(ff, f, label); v != nil {
				r.fields[name] = v
			}
		case *core.DateField:
			if ff.Required || f != fillEmpty {
				r.fields[name] = date(g.when(ff, f, label))
			}
		case *core.URLField:
			if ff.Required || f != fillEmpty {
				r.fields[name] = g.url(f, label)
			}
		case *core.EmailField:
			if ff.Required || f != fillEmpty {
				r.fields[name] = "nguoi.dan@xa.example"
			}
		case *core.RelationField:
			tc := g.collOf(ff.CollectionId)
			idx := g.pick(tc, ff.MaxSelect, ff.Required, f, label)
			if ff.Required && len(idx) == 0 {
				return spec{}, false
			}
			if len(idx) > 0 {
				r.rels[name] = idx
			}
		case *core.FileField:
			if files := g.files(coll, name, ff, f, label); len(files) > 0 {
				r.files[name] = files
			}
		case *core.JSONField:
			if v := g.json(coll, name, f, label); v != nil {
				r.fields[name] = v
			}
		}
	}
	if coll == schema.Awards && !g.awardPairOK(r) {
		return spec{}, false
	}
	if coll == schema.Indicators {
		// (metric, year, quarter) is unique: the i-th of each kind.
		m := vocab.Metrics[i%len(vocab.Metrics)].Key
		r.fields["metric"] = m
		r.fields["year"] = 2026 + i/len(vocab.Metrics)/4
		r.fields["quarter"] = i/len(vocab.Metrics)%4 + 1
	}
	if len(r.files["bodyImages"]) > 0 {
		r.bodyImages = true
	}
	if _, ok := g.s[coll].Fields.GetByName("galleryCaptions").(*core.JSONField); ok && f != fillEmpty {
		r.captions = 300 // admin's longest caption
		if f == fillSome {
			r.captions = rapid.IntRange(1, 300).Draw(t, fmt.Sprintf("%s %d captions", coll, i))
		}
	}
	r.visible = visible
	g.visible[coll] = append(g.visible[coll], visible)
	g.n[coll]++
	return r, true
}

// requiredByHook: fields the schema leaves optional that the portal's
// hooks require (the commune's identity: commune.Fields).
func requiredByHook(coll, name string) bool {
	if coll != commune.Collection {
		return false
	}
	for _, f := range commune.Fields {
		if f.Name == name {
			return f.Required
		}
	}
	return false
}

// special fills the fields whose values have a shape their type does not
// say. ok reports that the field was handled (v nil: left empty).
func (g *gen) special(coll, name string, f fill, label string) (any, bool) {
	t := g.t
	switch coll + "." + name {
	case "commune.mark":
		return []string{"Đ", "ĐS", "HBM"}[map[fill]int{fillEmpty: 0, fillFull: 2, fillSome: 1}[f]], true
	case "commune.phone":
		if f == fillFull {
			return "0203 3812 345 67 89", true // 20 characters
		}
		return "0203 3812 345", true
	case "commune.email":
		return "ubnd@xa-mau.example", true
	case "commune.planDate":
		if f == fillEmpty {
			return nil, true
		}
		return "29/02/2028", true
	case "commune.colour":
		if f == fillEmpty {
			return nil, true
		}
		return rapid.SampledFrom(commune.PaletteOrder).Draw(t, label), true
	case "commune.awardForms":
		if f == fillFull {
			return vocab.AwardForms.Keys(), true
		}
		return nil, true // empty: every form in use
	case "commune.planFile", "documents.file":
		if f == fillEmpty && coll == commune.Collection {
			return nil, true
		}
		return nil, false
	case "feedback.phone":
		if f == fillEmpty {
			return nil, true
		}
		return "(0203) 3812-345", true
	case "feedback.kind", "feedback.helpful", "feedback.rating", "feedback.answer", "feedback.answerOffice",
		"feedback.published", "feedback.publishConsent", "feedback.initiative":
		return nil, true // set by feedback()
	case "documents.number":
		// Nghị định 30/2020/NĐ-CP's form, as admin checks it.
		g.uniq++
		if f == fillFull {
			return cut(fmt.Sprintf("%06d/2026/ĐĐĐĐĐĐĐĐĐĐ-UBND2026XAMAU1-UBNDXA12345", g.uniq), 50), true
		}
		return fmt.Sprintf("%d/TB-UBND", g.uniq), true
	case "feedback.page":
		switch f {
		case fillEmpty:
			return nil, true
		case fillFull:
			return cut("/tin-tuc/"+strings.Repeat("trang-rat-dai-", 30), 300), true
		}
		return "/huong-dan/", true
	case "searchSynonyms.phrase":
		g.uniq++
		return fmt.Sprintf("từ %d", g.uniq), true
	}
	return nil, false
}

// text draws a text of the kind admin/check gives the field.
func (g *gen) text(coll, name string, limit int, required bool, f fill, label string) string {
	if limit <= 0 {
		limit = 5000 // PocketBase's default for a text field without a limit
	}
	n := 0
	switch f {
	case fillEmpty:
		if required {
			n = 1
		}
	case fillFull:
		n = limit
	case fillSome:
		switch rapid.IntRange(0, 3).Draw(g.t, label+" length") {
		case 0:
			if required {
				n = 1
			}
		case 1:
			n = rapid.IntRange(1, min(limit, 80)).Draw(g.t, label+" short")
		case 2:
			n = rapid.IntRange(1, limit).Draw(g.t, label+" any")
		default:
			n = limit
		}
	}
	if n == 0 {
		return ""
	}
	g.uniq++
	seed := rapid.IntRange(0, 1<<20).Draw(g.t, label+" words")
	s := words(records.TextKind(coll, name), n, seed+g.uniq)
	if coll == schema.Awards && name == "achievement" {
		// One achievement earns one award: each differs at its start.
		prefix := fmt.Sprintf("%d. ", g.uniq)
		s = cut(prefix+words(check.MultiLine, max(n, len(prefix)+1), seed), max(n, len(prefix)+1))
	}
	return s
}

// number draws a number at a bound of the field, or between them.
func (g *gen) number(ff *core.NumberField, f fill, label string) (any, bool) {
	lo, hi := -1e6, 1e6
	if ff.Min != nil {
		lo = *ff.Min
	}
	if ff.Max != nil {
		hi = *ff.Max
	}
	var v float64
	switch f {
	case fillEmpty:
		if !ff.Required && lo > 0 {
			return nil, false // a number field left empty
		}
		v = lo
	case fillFull:
		v = hi
	default:
		switch rapid.IntRange(0, 2).Draw(g.t, label) {
		case 0:
			v = lo
		case 1:
			v = hi
		default:
			v = lo + (hi-lo)*rapid.Float64Range(0, 1).Draw(g.t, label+" between")
		}
	}
	if ff.OnlyInt {
		return int(v), true
	}
	return v, true
}

// choice draws the values of a select field.
func (g *gen) choice(ff *core.SelectField, f fill, label string) any {
	switch {
	case ff.MaxSelect > 1 && f == fillFull:
		return ff.Values
	case ff.MaxSelect > 1 && f == fillEmpty && !ff.Required:
		return nil
	case f == fillEmpty && !ff.Required:
		return nil
	case f == fillEmpty:
		return ff.Values[0]
	case f == fillFull:
		return ff.Values[len(ff.Values)-1]
	}
	if !ff.Required && rapid.Bool().Draw(g.t, label+" empty") {
		return nil
	}
	return rapid.SampledFrom(ff.Values).Draw(g.t, label)
}

// when draws a past date within the field's bounds.
func (g *gen) when(ff *core.DateField, f fill, label string) time.Time {
	lo := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if !ff.Min.IsZero() {
		lo = ff.Min.Time()
	}
	switch f {
	case fillEmpty:
		return lo
	case fillFull:
		return time.Now().Add(-time.Minute)
	}
	span := time.Since(lo)
	return lo.Add(time.Duration(rapid.Float64Range(0, 1).Draw(g.t, label) * float64(span)))
}

// url draws a web address (a long one when full).
func (g *gen) url(f fill, label string) string {
	u := "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001612"
	if f == fillFull || f == fillSome && rapid.Bool().Draw(g.t, label) {
		u += "&" + strings.Repeat("tham-so=gia-tri&", 60)
	}
	return u
}

// collOf names the collection of an id.
func (g *gen) collOf(id string) string {
	for name, c := range g.s {
		if c.Id == id {
			return name
		}
	}
	return ""
}

// pick draws the targets of a relation among the visible records of coll
// made so far (a published record may only point to published ones).
func (g *gen) pick(coll string, max int, required bool, f fill, label string) []int {
	var cands []int
	for i, v := range g.visible[coll] {
		if v {
			cands = append(cands, i)
		}
	}
	if len(cands) == 0 || f == fillEmpty && !required {
		return nil
	}
	if max <= 1 {
		if f == fillFull {
			return cands[len(cands)-1:]
		}
		return []int{rapid.SampledFrom(cands).Draw(g.t, label)}
	}
	n := min(max, len(cands))
	if f == fillSome {
		n = rapid.IntRange(0, n).Draw(g.t, label+" count")
	}
	return cands[:n]
}

// files draws the files of a file field: images (tiny PNGs) or PDFs.
func (g *gen) files(coll, name string, ff *core.FileField, f fill, label string) []genFile {
	n := 0
	switch f {
	case fillFull:
		n = ff.MaxSelect
	case fillSome:
		n = rapid.IntRange(0, ff.MaxSelect).Draw(g.t, label)
	}
	if coll == schema.Documents && name == "file" {
		n = max(n, 1) // a document is its file
	}
	pdf := slices.Contains(ff.MimeTypes, "application/pdf")
	var out []genFile
	for i := 0; i < n; i++ {
		if pdf {
			out = append(out, genFile{fmt.Sprintf("van-ban-%d.pdf", i), tinyPDF})
		} else {
			out = append(out, genFile{fmt.Sprintf("anh-%d.png", i), tinyPNG(i)})
		}
	}
	return out
}

// json draws a JSON field of a known shape (others are left empty).
func (g *gen) json(coll, name string, f fill, label string) any {
	switch coll + "." + name {
	case "articles.tags", "feedback.tags":
		n := map[fill]int{fillEmpty: 0, fillFull: 10}[f] // admin: at most 10 tags of 50 characters
		if f == fillSome {
			n = rapid.IntRange(0, 10).Draw(g.t, label)
		}
		var tags []string
		for i := 0; i < n; i++ {
			tags = append(tags, cut(fmt.Sprintf("%d %s", i, words(check.SingleLine, 50, i)), 50))
		}
		if len(tags) == 0 {
			return nil
		}
		return tags
	case "guides.steps":
		n := map[fill]int{fillEmpty: 0, fillFull: 30}[f] // admin: at most 30 steps
		if f == fillSome {
			n = rapid.IntRange(0, 6).Draw(g.t, label)
		}
		var steps []schema.Step
		for i := 0; i < n; i++ {
			st := schema.Step{Title: words(check.SingleLine, 1+i%3, i)}
			if f == fillFull {
				st = schema.Step{Title: words(check.SingleLine, 200, i), Text: words(check.Markdown, 5000, i),
					Link: "https://dichvucong.gov.vn/", LinkText: words(check.SingleLine, 200, i+1), Cost: words(check.SingleLine, 200, i+2)}
			}
			if f == fillFull {
				// admin: the steps' JSON is at most 100,000 bytes
				st.Text = words(check.Markdown, 1800, i)
			}
			if i > 0 {
				st.Logic = []string{"", "and", "or"}[i%3]
			}
			steps = append(steps, st)
		}
		if len(steps) == 0 {
			return nil
		}
		return steps
	}
	return nil
}

// awardPairOK keeps an honoree from getting two awards for one initiative.
func (g *gen) awardPairOK(r spec) bool {
	h, ini := r.rels["honoree"], r.rels["initiative"]
	if len(ini) == 0 {
		return true
	}
	key := fmt.Sprint(h, ini)
	for _, s := range g.awardPairs {
		if s == key {
			return false
		}
	}
	g.awardPairs = append(g.awardPairs, key)
	return true
}

// feedback draws a citizen's submission of kind, handled or not.
func (g *gen) feedback(kind string) spec {
	t := g.t
	i := g.n[schema.Feedback]
	g.n[schema.Feedback]++
	label := fmt.Sprintf("feedback %d", i)
	f := rapid.SampledFrom(g.p.fills).Draw(t, label+" fill")
	r, _ := g.recordFields(schema.Feedback, i, f)
	r.fields["kind"] = kind
	r.fields["state"] = "moi"
	switch kind {
	case "huu-ich":
		r.fields["helpful"] = rapid.SampledFrom(vocab.Helpful.Keys()).Draw(t, label+" helpful")
	case "hai-long":
		r.fields["rating"] = rapid.IntRange(1, 5).Draw(t, label+" rating")
	}
	if rapid.SampledFrom(g.p.handled).Draw(t, label+" handled") {
		if rapid.Bool().Draw(t, label+" closed") {
			r.fields["state"] = "da-dong"
		} else {
			r.fields["state"] = "da-tra-loi"
			r.fields["answer"] = words(check.MultiLine, map[fill]int{fillEmpty: 1, fillFull: 5000, fillSome: 200}[f], i)
			r.fields["answeredAt"] = date(time.Now().Add(-time.Hour))
			if f != fillEmpty {
				r.fields["answerOffice"] = words(check.SingleLine, 200, i)
			}
			if r.fields["message"] != nil && rapid.Bool().Draw(t, label+" published") {
				r.fields["publishConsent"], r.fields["published"] = true, true
				r.fields["publishedAt"] = date(time.Now().Add(-time.Hour))
			}
		}
	}
	// Spread over the last two years' quarters.
	r.created = time.Now().Add(-time.Duration(rapid.IntRange(0, 720).Draw(t, label+" age")) * 24 * time.Hour)
	r.fields["refCode"] = fmt.Sprintf("GY%06d", i)
	return r
}

// recordFields fills a feedback record's fields as record does, without
// counting it among the collection's records.
func (g *gen) recordFields(coll string, i int, f fill) (spec, bool) {
	fills := g.p.fills
	g.p.fills = []fill{f}
	defer func() { g.p.fills = fills }()
	r, ok := g.record(coll, i)
	g.visible[coll] = g.visible[coll][:len(g.visible[coll])-1]
	g.n[coll]--
	delete(r.fields, "status")
	delete(r.fields, "publishAt")
	return r, ok
}

// wordBank are the words texts are made of: Vietnamese with its
// diacritics, and the punctuation and symbols staff type ("giá < 5.000đ",
// quotes of both kinds, &).
var wordBank = strings.Fields(`Ủy ban nhân dân xã triển khai dịch vụ công trực tuyến toàn trình cho người dân
đăng ký khai sinh, thường trú; chứng thực bản sao điện tử “một cửa” "liên thông" & thanh toán
không dùng tiền mặt: giá < 5.000đ > 0 – 100% đúng hạn (quý IV/2026) #CCHC @VNeID ’ạ’ ỹ ỵ Đ đ Ư ơ`)

// mdBlocks are the Markdown a body is made of.
var mdBlocks = []string{
	"## Kết quả thực hiện", "Người dân **đến một lần** và nhận kết quả qua _bưu điện_.",
	"- Căn cước công dân\n- Tờ khai theo mẫu", "1. Đăng nhập VNeID\n2. Chọn thủ tục",
	"> Trích ý kiến của người dân: “rất nhanh”.", "[Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn/)",
	"| Chỉ số | Giá trị |\n|---|---|\n| Đúng hạn | 100% |", "Tỷ lệ hài lòng đạt 98,5% & không có hồ sơ trễ hạn.",
}

// words returns a text of kind of exactly n characters (fewer when its
// end was white space), made from the banks starting at seed.
func words(kind check.Kind, n, seed int) string {
	var b strings.Builder
	if kind != check.Markdown {
		for !unicode.IsLetter([]rune(wordBank[seed%len(wordBank)])[0]) {
			seed++ // a text starts with a letter (a one-letter name, synonym…)
		}
	}
	for i := seed; utf8.RuneCountInString(b.String()) < n; i++ {
		switch kind {
		case check.Markdown:
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(mdBlocks[i%len(mdBlocks)])
		case check.MultiLine:
			if b.Len() > 0 {
				b.WriteString(map[bool]string{true: "\n", false: " "}[i%9 == 0])
			}
			b.WriteString(wordBank[i%len(wordBank)])
		default:
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(wordBank[i%len(wordBank)])
		}
	}
	return strings.TrimSpace(cut(b.String(), n))
}

// cut keeps the first n characters of s.
func cut(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

func date(t time.Time) types.DateTime {
	d, _ := types.ParseDateTime(t.UTC())
	return d
}

// tinyPNG is a small image, different for each i.
func tinyPNG(i int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 48+i%5, 32))
	for y := 0; y < 32; y++ {
		for x := 0; x < 48; x++ {
			img.Set(x, y, color.RGBA{uint8(40 * i), uint8(x * 5), uint8(y * 7), 255})
		}
	}
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	return b.Bytes()
}

// tinyPDF is a small, whole PDF.
var tinyPDF = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")

// load saves a dataset's records into app through PocketBase and the
// portal's hooks, as staff and citizens would, and returns each record's
// id by spec.
func load(t testing.TB, app core.App, d dataset) []*core.Record {
	t.Helper()
	ids := map[string][]string{}
	var out []*core.Record
	for _, s := range d.records {
		c, err := app.FindCollectionByNameOrId(s.coll)
		if err != nil {
			t.Fatal(err)
		}
		r := core.NewRecord(c)
		for k, v := range s.fields {
			r.Set(k, v)
		}
		for k, idx := range s.rels {
			tc := ""
			if rf, ok := c.Fields.GetByName(k).(*core.RelationField); ok {
				col, err := app.FindCollectionByNameOrId(rf.CollectionId)
				if err != nil {
					t.Fatal(err)
				}
				tc = col.Name
			}
			var v []string
			for _, i := range idx {
				v = append(v, ids[tc][i])
			}
			r.Set(k, v)
		}
		for k, fs := range s.files {
			var files []*filesystem.File
			for _, f := range fs {
				ff, err := filesystem.NewFileFromBytes(f.data, f.name)
				if err != nil {
					t.Fatal(err)
				}
				files = append(files, ff)
			}
			r.Set(k, files)
		}
		if err := app.Save(r); err != nil {
			t.Fatalf("dataset %q: save %s %s: %v", d.name, s.coll, describe(s), err)
		}
		if s.bodyImages || s.captions > 0 {
			if s.bodyImages {
				body := r.GetString("body")
				var refs strings.Builder
				for _, name := range r.GetStringSlice("bodyImages") {
					refs.WriteString("\n\n![Ảnh minh họa](" + name + ")")
				}
				max := c.Fields.GetByName("body").(*core.TextField).Max
				body = strings.TrimSpace(cut(body, max-utf8.RuneCountInString(refs.String())))
				r.Set("body", body+refs.String())
			}
			if s.captions > 0 {
				caps := map[string]string{}
				field := map[string]string{schema.Articles: "gallery", schema.Initiatives: "photos"}[s.coll]
				for i, name := range r.GetStringSlice(field) {
					caps[name] = words(check.SingleLine, s.captions, i)
				}
				r.Set("galleryCaptions", caps)
			}
			if err := app.Save(r); err != nil {
				t.Fatalf("dataset %q: save %s %s (images, captions): %v", d.name, s.coll, describe(s), err)
			}
		}
		if !s.created.IsZero() {
			if _, err := app.DB().NewQuery("UPDATE " + s.coll + " SET created = {:c} WHERE id = {:id}").
				Bind(map[string]any{"c": date(s.created).String(), "id": r.Id}).Execute(); err != nil {
				t.Fatal(err)
			}
		}
		ids[s.coll] = append(ids[s.coll], r.Id)
		out = append(out, r)
	}
	return out
}

// describe names a spec's fields and their lengths, for a failure.
func describe(s spec) string {
	var parts []string
	for k, v := range s.fields {
		if str, ok := v.(string); ok {
			parts = append(parts, fmt.Sprintf("%s(%d)", k, utf8.RuneCountInString(str)))
		} else {
			parts = append(parts, fmt.Sprintf("%s=%v", k, v))
		}
	}
	slices.Sort(parts)
	return strings.Join(parts, " ")
}
