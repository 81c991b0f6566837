package record

import (
	"encoding/json"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// Public is a record of any public collection, typed in the manner of
// PocketBase's own record proxies (core.BaseRecordProxy): the fields every
// public record has. Each kind's wrapper embeds it and adds its own.
type Public struct {
	core.BaseRecordProxy
}

// Wrap returns r as a Public record.
func Wrap(r *core.Record) *Public { return As[Public](r) }

// As returns r in the typed wrapper T of its kind (each kind's Of).
func As[T any, P interface {
	*T
	core.RecordProxy
}](r *core.Record) P {
	p := P(new(T))
	p.SetProxyRecord(r)
	return p
}

// Slug is the last segment of the record's page address.
func (p *Public) Slug() string { return p.GetString("slug") }

// SetSlug changes the record's slug.
func (p *Public) SetSlug(s string) { p.Set("slug", s) }

// Status is the record's state (vocab.Status: draft, review, published,
// archived).
func (p *Public) Status() string { return p.GetString("status") }

// IsPublished reports whether the record's state is published (whether or
// not its time has come).
func (p *Public) IsPublished() bool { return p.Status() == vocab.StatusPublished }

// PublishAt is when the record is (or was) published; the zero time when
// not set.
func (p *Public) PublishAt() time.Time { return p.GetDateTime("publishAt").Time() }

// HasPublishAt reports whether the record has a publishing time.
func (p *Public) HasPublishAt() bool { return !p.GetDateTime("publishAt").IsZero() }

// SetPublishAt sets when the record is published.
func (p *Public) SetPublishAt(d types.DateTime) { p.Set("publishAt", d) }

// Created and Updated are when the record was first and last saved.
func (p *Public) Created() time.Time { return p.GetDateTime("created").Time() }

// Updated is when the record was last saved.
func (p *Public) Updated() time.Time { return p.GetDateTime("updated").Time() }

// UpdatedStamp is the "updated" stamp as stored: what tells one version
// of the record from another.
func (p *Public) UpdatedStamp() string { return p.GetString("updated") }

// ShortCode is a linkable record's short code (/l/<code>/), or "".
func (p *Public) ShortCode() string { return p.GetString("shortCode") }

// SetShortCode gives the record its short code.
func (p *Public) SetShortCode(code string) { p.Set("shortCode", code) }

// OldSlugs returns the slugs a linkable record had before its current one.
func (p *Public) OldSlugs() []string {
	var slugs []string
	if raw := schema.JSONValue(p.Record, "oldSlugs"); len(raw) > 0 {
		_ = json.Unmarshal(raw, &slugs)
	}
	return slugs
}

// SetOldSlugs keeps the slugs the record had (none: nil).
func (p *Public) SetOldSlugs(slugs []string) {
	if len(slugs) == 0 {
		p.Set("oldSlugs", nil)
		return
	}
	p.Set("oldSlugs", slugs)
}

// CaptionsField holds a gallery's captions: a JSON object from a photo's
// stored name to its caption.
const CaptionsField = "galleryCaptions"

// Captions are the gallery captions of r, by stored photo name.
func Captions(r *core.Record) map[string]string {
	var caps map[string]string
	_ = r.UnmarshalJSONField(CaptionsField, &caps)
	return caps
}
