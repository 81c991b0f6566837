package export

import (
	"fmt"
	"path"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// Attachment is a published document (văn bản) an article or an initiative
// attaches, linking to its page.
type Attachment struct {
	Ref
	Number string `json:"number"`
	Kind   string `json:"kind"` // the kind's label: "Kế hoạch"…
}

// attachments are the record's attached documents that are published.
func (x *exporter) attachments(r *core.Record) []Attachment {
	var out []Attachment
	for _, id := range r.GetStringSlice("attachments") {
		d := x.byID[schema.Documents][id]
		if d == nil {
			continue
		}
		ref := x.ref(schema.Documents, id)
		out = append(out, Attachment{Ref: *ref, Number: d.GetString("number"), Kind: vocab.DocumentKinds.Label(d.GetString("kind"))})
	}
	return out
}

// gallery copies the photos of a gallery field into the bundle (anh-1.jpg,
// anh-2.jpg…) with their captions, each caption also the photo's text
// alternative.
func (x *exporter) gallery(r *core.Record, field, dir, title string) []Image {
	var caps map[string]string
	_ = r.UnmarshalJSONField("galleryCaptions", &caps)
	var out []Image
	for i, name := range r.GetStringSlice(field) {
		c := caps[name]
		if img := x.copyImage(r, field, name, dir, fmt.Sprintf("anh-%d", i+1), alt(c, fmt.Sprintf("Ảnh %d: %s", i+1, title))); img != nil {
			img.Caption = c
			out = append(out, *img)
		}
	}
	return out
}

// bodyImages copies the photos uploaded for a record's text into its
// bundle under their stored names, which the Markdown names (the site's
// render-image hook makes each a responsive picture), and returns the body
// with the address of any photo the copy renamed (.jpeg → .jpg) changed.
func (x *exporter) bodyImages(r *core.Record, dir, body string) string {
	for _, name := range r.GetStringSlice("bodyImages") {
		ext := path.Ext(name)
		base := strings.TrimSuffix(name, ext)
		img := x.copyImage(r, "bodyImages", name, dir, base, base)
		if img != nil && img.Src != name {
			body = strings.ReplaceAll(body, "]("+name+")", "]("+img.Src+")")
		}
	}
	return body
}
