package guidelib

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// Report says what Seed did.
type Report struct {
	Added    int // guides the commune did not have
	Updated  int // untouched copies brought to the library's newer version
	Proposed int // edited copies offered a newer version
}

// contentFields are the fields a library guide fills and Hash covers.
var contentFields = []string{"title", "audience", "summary", "body", "documents", "fee", "processingTime",
	"offline", "legalBasis", "portalLink", "procedureCode", "steps", "checked"}

// Hash is a digest of a guide record's text as the library fills it:
// equal to the record's libraryHash while staff have not edited it.
func Hash(r *core.Record) string {
	h := sha256.New()
	for _, f := range contentFields {
		var v string
		switch f {
		case "steps":
			raw, _ := json.Marshal(r.Get("steps"))
			steps, _ := schema.ParseSteps(raw)
			b, _ := json.Marshal(steps)
			v = string(b)
		case "checked":
			if d := r.GetDateTime("checked"); !d.IsZero() {
				v = d.Time().UTC().Format(time.DateOnly)
			}
		default:
			v = r.GetString(f)
		}
		fmt.Fprintf(h, "%s\x00%s\x00", f, v)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Edited reports whether staff changed an adopted guide's text since it
// last came from the library.
func Edited(r *core.Record) bool {
	return r.GetString("libraryId") != "" && Hash(r) != r.GetString("libraryHash")
}

// Seed brings the library to a commune's guides: a guide of the library
// the commune has no record of is added, published; a record still holding
// the library's text untouched takes a newer version; a record staff have
// edited keeps its text and is offered the newer version (libraryProposal),
// once. Hidden guides (any status) stay as they are. It runs at every
// start and after "portal init"; a second run changes nothing.
func Seed(app core.App, now time.Time) (Report, error) {
	var rep Report
	guides, err := All()
	if err != nil {
		return rep, err
	}
	coll, err := app.FindCollectionByNameOrId(schema.Guides)
	if err != nil {
		return rep, fmt.Errorf("thư viện hướng dẫn: %w", err)
	}
	if coll.Fields.GetByName("libraryId") == nil {
		return rep, nil // a database from before the library
	}
	for _, g := range guides {
		r, err := app.FindFirstRecordByData(coll, "libraryId", g.ID)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return rep, fmt.Errorf("thư viện hướng dẫn %s: %w", g.ID, err)
		}
		switch {
		case err != nil:
			r = core.NewRecord(coll)
			r.Set("status", vocab.StatusPublished)
			pub, _ := types.ParseDateTime(now.UTC())
			r.Set("publishAt", pub)
			r.Set("weight", g.Weight)
			r.Set("featured", g.Featured)
			r.Set("libraryId", g.ID)
			if err := apply(app, r, g); err != nil {
				return rep, err
			}
			rep.Added++
		case r.GetInt("libraryVersion") >= g.Version:
		case !Edited(r):
			if err := apply(app, r, g); err != nil {
				return rep, err
			}
			rep.Updated++
		case r.GetInt("libraryProposal") != g.Version:
			r.Set("libraryProposal", g.Version)
			if err := app.SaveNoValidate(r); err != nil {
				return rep, fmt.Errorf("thư viện hướng dẫn %s: đề xuất phiên bản mới: %w", g.ID, err)
			}
			rep.Proposed++
		}
	}
	return rep, nil
}

// apply writes guide g's text into r, saves it and records the version and
// the hash of what was saved.
func apply(app core.App, r *core.Record, g Guide) error {
	for k, v := range g.Fields() {
		r.Set(k, v)
	}
	r.Set("libraryVersion", g.Version)
	r.Set("libraryProposal", 0)
	if err := app.Save(r); err != nil {
		return fmt.Errorf("thư viện hướng dẫn %s: lưu “%s”: %w", g.ID, g.Title, err)
	}
	r.Set("libraryHash", Hash(r))
	if err := app.SaveNoValidate(r); err != nil {
		return fmt.Errorf("thư viện hướng dẫn %s: %w", g.ID, err)
	}
	return nil
}

// Find returns the library's guide id, if there is one.
func Find(id string) (Guide, bool) {
	guides, err := All()
	if err != nil {
		return Guide{}, false
	}
	for _, g := range guides {
		if g.ID == id {
			return g, true
		}
	}
	return Guide{}, false
}

// ErrNoProposal is what Accept and Dismiss answer for a guide the library
// offers nothing new.
var ErrNoProposal = errors.New("hướng dẫn này không có phiên bản mới nào từ thư viện")

// Accept replaces an adopted guide's text with the library's newer version
// staff were offered; its status, weight and slug stay.
func Accept(app core.App, r *core.Record) error {
	g, ok := Find(r.GetString("libraryId"))
	if !ok || r.GetInt("libraryProposal") == 0 || g.Version <= r.GetInt("libraryVersion") {
		return ErrNoProposal
	}
	return apply(app, r, g)
}

// Dismiss keeps staff's text and stops offering the version proposed; a
// later version of the library is offered again.
func Dismiss(app core.App, r *core.Record) error {
	p := r.GetInt("libraryProposal")
	if p == 0 {
		return ErrNoProposal
	}
	r.Set("libraryVersion", p)
	r.Set("libraryProposal", 0)
	if err := app.SaveNoValidate(r); err != nil {
		return fmt.Errorf("bỏ qua đề xuất của thư viện: %w", err)
	}
	return nil
}
