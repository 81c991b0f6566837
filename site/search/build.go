// Package search is the portal's site search: it reads every page of a
// build's sources into documents (kinds.go: one mapper per kind of record),
// indexes them with internal/vnsearch, writes the index in shards for the
// search page's script (shards.go), and answers /tim-kiem/?q= on the
// server from the live build's index (handler.go), so that search works
// without JavaScript wherever the portal serves the site.
package search

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/daison/portal/internal/vnsearch"
)

// Set is a build's documents and their index.
type Set struct {
	Docs  []Doc
	Index *vnsearch.Index
}

// Build indexes docs (in the order Sort gives) with the synonyms staff
// keep.
func Build(docs []Doc, synonyms []vnsearch.Synonym) *Set {
	b := vnsearch.NewBuilder()
	for i, d := range docs {
		b.Add(i, vnsearch.Title, d.Title)
		b.Add(i, vnsearch.Summary, d.Summary)
		b.Add(i, vnsearch.Body, d.Body)
	}
	return &Set{Docs: docs, Index: b.Index(synonyms)}
}

// ServerFile is the file beside a build's public folder that keeps its
// documents and synonyms for the server (not served: it holds the full
// texts, which the script does not need).
func ServerFile(public string) string {
	return filepath.Join(filepath.Dir(public), "tim-kiem.json.gz")
}

type serverData struct {
	Docs     []Doc              `json:"docs"`
	Synonyms []vnsearch.Synonym `json:"synonyms"`
}

// Write writes the set's shards into public (public/tim-kiem/chi-muc/) and
// its server file beside public. It returns the shards' paths relative to
// public.
func (s *Set) Write(public string) ([]string, error) {
	written, err := s.writeShards(filepath.Join(public, filepath.FromSlash(ShardDir)))
	if err != nil {
		return nil, err
	}
	name := ServerFile(public)
	f, err := os.Create(name + ".tmp")
	if err != nil {
		return nil, fmt.Errorf("ghi chỉ mục tìm kiếm: %w", err)
	}
	zw := gzip.NewWriter(f)
	err = json.NewEncoder(zw).Encode(serverData{Docs: s.Docs, Synonyms: s.Index.Synonyms})
	if cerr := zw.Close(); err == nil {
		err = cerr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(name+".tmp", name)
	}
	if err != nil {
		return nil, fmt.Errorf("ghi chỉ mục tìm kiếm: %w", err)
	}
	return written, nil
}

// Load reads a set from the server file beside public.
func Load(public string) (*Set, error) {
	f, err := os.Open(ServerFile(public))
	if err != nil {
		return nil, fmt.Errorf("mở chỉ mục tìm kiếm: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("đọc chỉ mục tìm kiếm: %w", err)
	}
	var d serverData
	if err := json.NewDecoder(zr).Decode(&d); err != nil {
		return nil, fmt.Errorf("đọc chỉ mục tìm kiếm: %w", err)
	}
	return Build(d.Docs, d.Synonyms), nil
}
