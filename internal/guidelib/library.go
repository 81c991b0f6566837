// Package guidelib is the library of guides to national and provincial
// online public services that ships with the portal for every commune:
// one TOML file per guide under library/, embedded in the binary. Each
// guide has a library id (its file name), a version raised whenever its
// text changes, and the date its facts were last checked against the law.
//
// A commune adopts the library as it is (Seed creates every guide it does
// not have yet), edits or hides each guide, and adds its own. A newer
// version of a guide replaces the commune's copy only while that copy is
// the library's text untouched; on a guide staff have edited, it becomes a
// proposal that staff accept or dismiss (Accept, Dismiss).
//
// Nothing in the library names a commune: where to go in person says
// "UBND xã, phường nơi bạn cư trú", never a name.
package guidelib

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vntext"
)

//go:embed library/*.toml
var files embed.FS

// Guide is one guide of the library. Its fields are those of the guides
// collection, plus the library's own: ID, Version and Checked.
type Guide struct {
	ID             string        `toml:"-"`
	Version        int           `toml:"version"`
	Checked        string        `toml:"checked"` // yyyy-mm-dd: facts last checked against the law
	Title          string        `toml:"title"`
	Audience       string        `toml:"audience"`
	Summary        string        `toml:"summary"`
	Body           string        `toml:"body"`
	Documents      string        `toml:"documents"`
	Fee            string        `toml:"fee"`
	ProcessingTime string        `toml:"processingTime"`
	Offline        string        `toml:"offline"`
	LegalBasis     string        `toml:"legalBasis"`
	PortalLink     string        `toml:"portalLink"`
	ProcedureCode  string        `toml:"procedureCode"`
	Weight         int           `toml:"weight"`
	Featured       bool          `toml:"featured"`
	Steps          []schema.Step `toml:"steps"`
}

// CheckedDate is the day the guide's facts were last checked.
func (g Guide) CheckedDate() (time.Time, error) {
	return time.Parse(time.DateOnly, g.Checked)
}

// All returns the library's guides, in weight then id order. It fails
// only if a file of the library does not decode (a test keeps that from
// shipping).
func All() ([]Guide, error) {
	return read(files)
}

func read(fsys fs.FS) ([]Guide, error) {
	names, err := fs.Glob(fsys, "library/*.toml")
	if err != nil {
		return nil, fmt.Errorf("thư viện hướng dẫn: %w", err)
	}
	out := make([]Guide, 0, len(names))
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("thư viện hướng dẫn: %w", err)
		}
		var g Guide
		dec := toml.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&g); err != nil {
			return nil, fmt.Errorf("thư viện hướng dẫn %s: %w", name, err)
		}
		g.ID = strings.TrimSuffix(path.Base(name), ".toml")
		g.normalize()
		out = append(out, g)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight < out[j].Weight
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// normalize stores every text NFC, without the blank lines a TOML
// multi-line string leaves at its ends.
func (g *Guide) normalize() {
	for _, f := range []*string{&g.Title, &g.Audience, &g.Summary, &g.Body, &g.Documents, &g.Fee,
		&g.ProcessingTime, &g.Offline, &g.LegalBasis, &g.PortalLink, &g.ProcedureCode} {
		*f = strings.TrimSpace(vntext.NFC(*f))
	}
	for i := range g.Steps {
		s := &g.Steps[i]
		for _, f := range []*string{&s.Title, &s.Text, &s.Link, &s.LinkText, &s.Cost, &s.Logic} {
			*f = strings.TrimSpace(vntext.NFC(*f))
		}
	}
}

// Fields are the record fields a guide of the library fills, by name.
func (g Guide) Fields() map[string]any {
	return map[string]any{
		"title": g.Title, "audience": g.Audience, "summary": g.Summary, "body": g.Body,
		"documents": g.Documents, "fee": g.Fee, "processingTime": g.ProcessingTime,
		"offline": g.Offline, "legalBasis": g.LegalBasis, "portalLink": g.PortalLink,
		"procedureCode": g.ProcedureCode, "steps": g.Steps, "checked": g.Checked + " 00:00:00.000Z",
	}
}
