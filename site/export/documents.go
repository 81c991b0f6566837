package export

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/doccheck"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// DocumentParams are the params of an official document's page
// (/van-ban/<slug>/): its number and symbol, date, issuing body, signer,
// kind and its file, offered for download.
type DocumentParams struct {
	Common
	Number   string `json:"number"`             // number and symbol, "105/KH-UBND"
	Kind     Choice `json:"kind"`               // ke-hoach, quyet-dinh…
	IssuedOn string `json:"issuedOn,omitempty"` // dd/mm/yyyy
	Year     int    `json:"year,omitempty"`
	Issuer   string `json:"issuer"`
	Signer   string `json:"signer,omitempty"`
	// File is the document's file in the bundle; nil when it is missing
	// from the storage (the page still shows what the document is).
	File *DocumentFile `json:"file,omitempty"`
	// MovementPlan marks the signed plan of the movement, which the plan's
	// page (/ke-hoach/) links to.
	MovementPlan bool `json:"movementPlan,omitempty"`
	// Awards are the awards this document decided, by honoree.
	Awards []Award `json:"awards,omitempty"`
}

// DocumentFile is a document's downloadable file.
type DocumentFile struct {
	Src    string `json:"src"`    // file name in the bundle
	Format string `json:"format"` // "PDF", "Word (DOCX)"…
	Size   int64  `json:"size"`   // bytes
}

// documents writes a page per published document, its file beside it,
// under the taxonomies of year and kind.
func (x *exporter) documents() error {
	for _, r := range x.recs[schema.Documents] {
		title := r.GetString("title")
		params := DocumentParams{
			Common:       x.common(r, title),
			Number:       r.GetString("number"),
			Kind:         choice(vocab.DocumentKinds, r.GetString("kind")),
			Issuer:       r.GetString("issuer"),
			Signer:       r.GetString("signer"),
			MovementPlan: r.GetBool("movementPlan"),
			Awards:       x.awardsByDecision[r.Id],
		}
		if d := r.GetDateTime("issuedOn"); !d.IsZero() {
			t := d.Time().In(Vietnam)
			params.IssuedOn, params.Year = t.Format("02/01/2006"), t.Year()
		}
		params.File = x.copyDocument(r, x.rel(r))
		summary := r.GetString("summary")
		p := x.page(r, title, summary, "", &params)
		if summary == "" {
			p.Description = params.Kind.Label + " số " + params.Number + " của " + params.Issuer + ": " + title
		}
		p.Terms = map[string][]string{}
		x.addChoice(p.Terms, "van-ban-loai", vocab.DocumentKinds, params.Kind.Key)
		if y := params.Year; y > 0 {
			x.addTerm(p.Terms, "van-ban-nam", strconv.Itoa(y), TermPage{Title: "Năm " + strconv.Itoa(y), Weight: 3000 - y})
		}
		if err := x.write(r, p, summary); err != nil {
			return err
		}
	}
	return nil
}

// copyDocument copies a document's stored file into its bundle, named
// after the page ("<slug>.pdf"), or returns nil and tells staff when the
// file is missing.
func (x *exporter) copyDocument(r *core.Record, dir string) *DocumentFile {
	stored := r.GetString("file")
	if stored == "" {
		return nil
	}
	key := r.BaseFilesPath() + "/" + stored
	attrs, err := x.files.Attributes(key)
	if err != nil {
		x.addProblem(Problem{Collection: r.Collection().Name, ID: r.Id, Title: recordTitle(r), Field: "file", File: stored,
			Message: fmt.Sprintf("Không tìm thấy tệp “%s” của văn bản “%s” trong kho lưu trữ nên trang văn bản chưa có tệp để tải về; hãy tải tệp lên lại.", stored, recordTitle(r))})
		return nil
	}
	ext := strings.ToLower(path.Ext(stored))
	name := r.GetString("slug") + ext
	version := fmt.Sprintf("doc:%s@%d.%d", key, attrs.Size, attrs.ModTime.UnixNano())
	x.t.PutCopy(dir+"/"+name, version, func(dst string) (int64, error) {
		src, err := x.files.GetReader(key)
		if err != nil {
			return 0, fmt.Errorf("open the file %s of document %s: %w", stored, r.Id, err)
		}
		defer src.Close()
		return copyReader(dst, src)
	})
	format := doccheck.KindOfName(stored).Label()
	return &DocumentFile{Src: name, Format: format, Size: attrs.Size}
}
