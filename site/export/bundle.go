package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/records"
	"github.com/daison/portal/records/record"
)

// bundle writes the page bundle of one published record (record.Bundle).
type bundle struct {
	s   *site
	k   *record.Kind
	r   *core.Record
	dir string // content/<section>/<slug>
}

var _ record.Bundle = (*bundle)(nil)

// Common returns the params every record page has: its id, collection,
// slug and short link (for a linkable record, only one whose redirect is
// written: see planLinks), and for a linkable record its QR code and share
// card.
func (b *bundle) Common(title string, card record.Card) record.Common {
	p := record.Wrap(b.r)
	c := record.Common{ID: b.r.Id, Collection: b.k.Collection, Slug: p.Slug()}
	if code := p.ShortCode(); code != "" {
		c.ShortURL = "/l/" + code + "/"
	}
	if b.k.Linkable {
		c.ShortURL = b.s.links.shortURL(b.r)
		b.s.share.add(b, &c, title, card)
	}
	return c
}

// Image copies a stored image into the bundle (media.copyImage).
func (b *bundle) Image(field, stored, base, alt string) *record.Image {
	return b.s.media.copyImage(b.k, b.r, field, stored, b.dir, base, alt)
}

// Gallery copies the photos of a gallery field into the bundle (anh-1.jpg,
// anh-2.jpg…) with their captions, each caption also the photo's text
// alternative.
func (b *bundle) Gallery(field string, photos []string, captions map[string]string, title string) []record.Image {
	var out []record.Image
	for i, name := range photos {
		c := captions[name]
		if img := b.Image(field, name, fmt.Sprintf("anh-%d", i+1), record.Alt(c, fmt.Sprintf("Ảnh %d: %s", i+1, title))); img != nil {
			img.Caption = c
			out = append(out, *img)
		}
	}
	return out
}

// BodyImages copies the photos uploaded for a record's text into its
// bundle under their stored names, which the Markdown names (the site's
// render-image hook makes each a responsive picture), and returns the body
// with the address of any photo the copy renamed (.jpeg → .jpg) changed.
func (b *bundle) BodyImages(photos []string, body string) string {
	for _, name := range photos {
		ext := path.Ext(name)
		base := strings.TrimSuffix(name, ext)
		img := b.Image("bodyImages", name, base, base)
		if img != nil && img.Src != name {
			body = strings.ReplaceAll(body, "]("+name+")", "]("+img.Src+")")
		}
	}
	return body
}

// File copies a stored file of the record into the bundle as name.
func (b *bundle) File(stored, name string) (int64, error) {
	return b.s.media.copyFile(b.r, stored, b.dir+"/"+name)
}

// Write writes the record's page: index.md with the front matter as JSON
// and the Markdown body after it, and the redirects from its other
// addresses.
func (b *bundle) Write(p record.Page, body string) error {
	data, err := Encode(p, body)
	if err != nil {
		return fmt.Errorf("%s %s: %w", b.k.Collection, b.r.Id, err)
	}
	name := b.dir + "/index.md"
	if b.s.tree.Has(name) {
		return fmt.Errorf("two records of %s have the slug %q", b.k.Collection, record.Wrap(b.r).Slug())
	}
	b.s.tree.Put(name, data)
	b.s.out.res.Pages[b.k.Collection]++
	return b.s.links.writeRedirects(b.s.tree, b.k, b.r, p.Title)
}

// Encode returns a content file: the front matter as indented JSON (which
// Hugo reads and which no title can break out of), a blank line, and the
// body with Hugo shortcode openings neutralised.
func Encode(p record.Page, body string) ([]byte, error) {
	return encodeFrontMatter(p, body)
}

// encodeFrontMatter is Encode for any front matter.
func encodeFrontMatter(p any, body string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(p); err != nil {
		return nil, fmt.Errorf("encode front matter: %w", err)
	}
	buf.WriteByte('\n')
	if body != "" {
		buf.WriteString(record.Neutralize(body))
		buf.WriteByte('\n')
	}
	return buf.Bytes(), nil
}

// pageURL is the site-relative URL of the page of a record of collection
// with slug.
func pageURL(collection, slug string) string {
	return records.ByCollection(collection).PageURL(slug)
}
