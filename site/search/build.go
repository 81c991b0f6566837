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
	"strings"

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
	boost := make([]int, len(docs))
	for i, d := range docs {
		head, tail := d.Title, ""
		boost[i] = kindBoost(d.Kind)
		if d.Kind == GuideKind {
			head, tail = titleHead(d.Title)
		}
		b.Add(i, vnsearch.Title, head)
		b.Add(i, vnsearch.Summary, tail)
		b.Add(i, vnsearch.Summary, d.Summary)
		b.Add(i, vnsearch.Body, d.Body)
	}
	ix := b.Index(synonyms)
	ix.Boost = boost
	return &Set{Docs: docs, Index: ix}
}

// kindBoost is a kind's boost (tenths, vnsearch.Index.Boost): guides
// first, then the pages that say who and where (units, the portal's own
// pages), then news, models and people.
func kindBoost(kind string) int {
	switch kind {
	case GuideKind:
		return 20
	case "don-vi", OtherKind:
		return 12
	}
	return vnsearch.BoostNone
}

// GuideKind is the kind of the guides, whose titles name a procedure and
// which come first for a procedure.
const GuideKind = "huong-dan"

// titleHead splits a guide's title into the procedure it names and what
// follows a colon or an opening bracket ("Đăng ký khai tử (liên thông xóa
// đăng ký thường trú…)"): the rest counts as a summary, so that "thường
// trú" finds the residence guide before the death guide that mentions it.
// A short bracket ("(VNeID)", "(sổ đỏ)", "(nhập hộ khẩu)") names the
// procedure too and stays in the head.
func titleHead(title string) (head, tail string) {
	cut := len(title)
	if i := strings.Index(title, ": "); i > 0 {
		cut = i
	}
	for at := 0; ; {
		i := strings.Index(title[at:], " (")
		if i < 0 || at+i >= cut {
			break
		}
		i += at
		end := strings.IndexByte(title[i:], ')')
		if end < 0 || len(strings.Fields(title[i:i+end])) > shortBracket {
			cut = i
			break
		}
		at = i + end
	}
	return title[:cut], title[cut:]
}

// shortBracket is the most words a bracket of a title's head holds.
const shortBracket = 3

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
