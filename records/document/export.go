package document

import (
	"fmt"
	"path"
	"strings"

	"github.com/daison/portal/internal/doccheck"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
	"github.com/daison/portal/records/award"
	"github.com/daison/portal/records/record"
)

// Params are the params of an official document's page
// (/van-ban/<slug>/): its number and symbol, date, issuing body, signer,
// kind and its file, offered for download.
type Params struct {
	record.Common
	Number   string        `json:"number"`             // number and symbol, "105/KH-UBND"
	Kind     record.Choice `json:"kind"`               // ke-hoach, quyet-dinh…
	IssuedOn string        `json:"issuedOn,omitempty"` // dd/mm/yyyy
	Year     int           `json:"year,omitempty"`
	Issuer   string        `json:"issuer"`
	Signer   string        `json:"signer,omitempty"`
	// File is the document's file in the bundle; nil when it is missing
	// from the storage (the page still shows what the document is).
	File *File `json:"file,omitempty"`
	// MovementPlan marks the signed plan of the movement, which the plan's
	// page (/ke-hoach/) links to.
	MovementPlan bool `json:"movementPlan,omitempty"`
	// Awards are the awards this document decided, by honoree.
	Awards []award.Entry `json:"awards,omitempty"`
}

// File is a document's downloadable file.
type File struct {
	Src    string `json:"src"`    // file name in the bundle
	Format string `json:"format"` // "PDF", "Word (DOCX)"…
	Size   int64  `json:"size"`   // bytes
}

// Attachment is a published document an article or an initiative
// attaches, linking to its page.
type Attachment struct {
	record.Ref
	Number string `json:"number"`
	Kind   string `json:"kind"` // the kind's label: "Kế hoạch"…
}

// Attachments are the published documents among ids.
func Attachments(s record.Site, ids []string) []Attachment {
	var out []Attachment
	for _, id := range ids {
		r := s.Record(schema.Documents, id)
		if r == nil {
			continue
		}
		d := Of(r)
		out = append(out, Attachment{Ref: *s.Ref(schema.Documents, id), Number: d.Number(), Kind: vocab.DocumentKinds.Label(d.Kind())})
	}
	return out
}

// export writes a page per published document, its file beside it,
// under the taxonomies of year and kind.
func export(s record.Site) error {
	decided := award.Shown(s).ByDecision
	terms := s.Terms()
	for _, r := range s.Records(schema.Documents) {
		d := Of(r)
		b := s.Bundle(r)
		title := d.Title()
		params := Params{
			Common:       b.Common(title, record.Card{}),
			Number:       d.Number(),
			Kind:         record.ChoiceOf(vocab.DocumentKinds, d.Kind()),
			Issuer:       d.Issuer(),
			Signer:       d.Signer(),
			MovementPlan: d.MovementPlan(),
			Awards:       decided[r.Id],
		}
		if t := d.IssuedOn(); !t.IsZero() {
			t = t.In(schema.Vietnam)
			params.IssuedOn, params.Year = t.Format("02/01/2006"), t.Year()
		}
		params.File = copyFile(s, b, d)
		summary := d.Summary()
		p := record.NewPage(r, title, summary, "", &params.Common, &params)
		if summary == "" {
			p.Description = params.Kind.Label + " số " + params.Number + " của " + params.Issuer + ": " + title
		}
		terms.Choice(&p, "van-ban-loai", vocab.DocumentKinds, params.Kind.Key)
		if y := params.Year; y > 0 {
			terms.Year(&p, "van-ban-nam", y)
		}
		if err := b.Write(p, summary); err != nil {
			return err
		}
	}
	return nil
}

// copyFile copies a document's stored file into its bundle, named after
// the page ("<slug>.pdf"), or returns nil and tells staff when the file is
// missing.
func copyFile(s record.Site, b record.Bundle, d *Document) *File {
	stored := d.File()
	if stored == "" {
		return nil
	}
	name := d.Slug() + strings.ToLower(path.Ext(stored))
	size, err := b.File(stored, name)
	if err != nil {
		s.Problem(record.Problem{Collection: schema.Documents, ID: d.Id, Title: d.Title(), Field: FileField, File: stored,
			Message: fmt.Sprintf("Không tìm thấy tệp “%s” của văn bản “%s” trong kho lưu trữ nên trang văn bản chưa có tệp để tải về; hãy tải tệp lên lại.", stored, d.Title())})
		return nil
	}
	return &File{Src: name, Format: doccheck.KindOfName(stored).Label(), Size: size}
}
