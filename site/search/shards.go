package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/daison/portal/internal/vnsearch"
)

// ShardDir is where a build's search shards live, under its public folder.
const ShardDir = "tim-kiem/chi-muc"

// FirstShard is the site path of the first shard, which the search page's
// script loads first: the vocabulary, the synonyms, the kinds and the
// names of the other shards.
const FirstShard = "/" + ShardDir + "/0.json"

// Shard sizes: a term shard holds keys until its JSON passes termShardBytes
// (about a third of that gzipped); a document shard holds docsPerShard
// documents' titles, addresses and summaries.
const (
	termShardBytes = 24 << 10
	docsPerShard   = 100
)

// first is the first shard.
type first struct {
	V      int         `json:"v"`
	N      int         `json:"n"`  // documents
	D      int         `json:"d"`  // documents per document shard
	Kinds  [][2]string `json:"k"`  // [key, label]; a document's kind is an index here
	Vocab  string      `json:"w"`  // the keys, sorted, space-separated
	Starts []int       `json:"b"`  // the first key of each term shard
	Terms  []string    `json:"tf"` // term shards' file names
	Docs   []string    `json:"df"` // document shards' file names
	Syn    [][2]string `json:"s"`  // synonyms [from, to]
	// DocKinds has a character per document, '0' + its kind's index in
	// Kinds, so that the filter counts every result's kind before its
	// document shard is loaded.
	DocKinds string `json:"dk"`
	// The ranking's words and weights (internal/vnsearch): the common
	// words, space-separated; the fillers of a question, each its keys
	// space-separated; each kind's boost, as Kinds.
	Stop      string   `json:"sf"`
	Fillers   []string `json:"fl"`
	KindBoost []int    `json:"kb"`
}

// kindList is the kinds as the first shard lists them.
func kindList() [][2]string {
	out := make([][2]string, 0, len(Kinds)+1)
	for _, k := range Kinds {
		out = append(out, [2]string{k.Section, k.Label})
	}
	return append(out, [2]string{OtherKind, otherLabel})
}

// writeShards writes the shards into dir, emptied first (it may be a hard
// linked copy of the last build's).
func (s *Set) writeShards(dir string) ([]string, error) {
	if err := os.RemoveAll(dir); err != nil {
		return nil, fmt.Errorf("dọn thư mục chỉ mục tìm kiếm: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("tạo thư mục chỉ mục tìm kiếm: %w", err)
	}
	var written []string
	ix := s.Index
	f := first{V: 1, N: len(s.Docs), D: docsPerShard, Kinds: kindList(), Vocab: strings.Join(ix.Vocab, " ")}
	stop := make([]string, 0, len(vnsearch.StopForms))
	for w := range vnsearch.StopForms {
		stop = append(stop, w)
	}
	sort.Strings(stop)
	f.Stop = strings.Join(stop, " ")
	for _, fl := range vnsearch.Fillers {
		f.Fillers = append(f.Fillers, strings.Join(fl, " "))
	}
	for _, k := range f.Kinds {
		f.KindBoost = append(f.KindBoost, kindBoost(k[0]))
	}
	for _, syn := range ix.Synonyms {
		f.Syn = append(f.Syn, [2]string{syn.From, syn.To})
	}
	put := func(prefix string, v any) (string, error) {
		b, err := json.Marshal(v)
		if err != nil {
			return "", fmt.Errorf("mã hóa chỉ mục tìm kiếm: %w", err)
		}
		sum := sha256.Sum256(b)
		name := prefix + "." + hex.EncodeToString(sum[:16]) + ".json"
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return "", fmt.Errorf("ghi chỉ mục tìm kiếm: %w", err)
		}
		written = append(written, ShardDir+"/"+name)
		return name, nil
	}
	shard := map[string]json.RawMessage{}
	size := 0
	flush := func() error {
		if len(shard) == 0 {
			return nil
		}
		name, err := put(fmt.Sprintf("t%d", len(f.Terms)), shard)
		if err != nil {
			return err
		}
		f.Terms = append(f.Terms, name)
		shard, size = map[string]json.RawMessage{}, 0
		return nil
	}
	// A pair lives in the shard of its first word.
	pairsOf := map[string][]string{}
	for p := range ix.Pairs {
		first, _, _ := strings.Cut(p, " ")
		pairsOf[first] = append(pairsOf[first], p)
	}
	for i, k := range ix.Vocab {
		if size == 0 {
			f.Starts = append(f.Starts, i)
		}
		b := encodeTerm(ix.Terms[i])
		shard[k] = b
		size += len(b) + len(k) + 4
		for _, p := range pairsOf[k] {
			b := encodeTerm(ix.Pairs[p])
			shard[p] = b
			size += len(b) + len(p) + 4
		}
		if size >= termShardBytes {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	kindIndex := map[string]int{}
	for i, k := range f.Kinds {
		kindIndex[k[0]] = i
	}
	kinds := make([]byte, len(s.Docs))
	for i, d := range s.Docs {
		kinds[i] = byte('0' + kindIndex[d.Kind])
	}
	f.DocKinds = string(kinds)
	for at := 0; at < len(s.Docs); at += docsPerShard {
		var rows [][]any
		for _, d := range s.Docs[at:min(at+docsPerShard, len(s.Docs))] {
			rows = append(rows, []any{d.Title, d.URL, kindIndex[d.Kind], d.Date, d.Short})
		}
		name, err := put(fmt.Sprintf("d%d", len(f.Docs)), rows)
		if err != nil {
			return nil, err
		}
		f.Docs = append(f.Docs, name)
	}
	b, err := json.Marshal(f)
	if err != nil {
		return nil, fmt.Errorf("mã hóa chỉ mục tìm kiếm: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "0.json"), b, 0o644); err != nil {
		return nil, fmt.Errorf("ghi chỉ mục tìm kiếm: %w", err)
	}
	return append(written, ShardDir+"/0.json"), nil
}

// encodeTerm writes a key's variants as [[form, [posting…]]…], each
// posting the gap from the document before (the first: its number) times 8
// plus its field mask.
func encodeTerm(vs []vnsearch.Variant) json.RawMessage {
	var b strings.Builder
	b.WriteByte('[')
	for i, v := range vs {
		if i > 0 {
			b.WriteByte(',')
		}
		form, _ := json.Marshal(v.Form)
		b.WriteByte('[')
		b.Write(form)
		b.WriteString(",[")
		prev := uint32(0)
		for j, p := range v.Postings {
			if j > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "%d", uint64(p.Doc-prev)<<3|uint64(p.Mask))
			prev = p.Doc
		}
		b.WriteString("]]")
	}
	b.WriteByte(']')
	return json.RawMessage(b.String())
}
