package site

import (
	"github.com/daison/portal/site/search"
)

// indexSearch reads the pages of the sources in src into the search index
// and writes its shards into public (and its server file beside it). A
// page that does not read is logged and left out; it stops nothing.
func (b *Builder) indexSearch(src, public string) (*search.Set, []string, error) {
	docs, problems := search.FromSource(src)
	for _, p := range problems {
		b.logger.Warn("tìm kiếm bỏ qua một trang", "error", p.Error())
	}
	syns, err := search.Synonyms(b.app)
	if err != nil {
		return nil, nil, err
	}
	set := search.Build(docs, syns)
	written, err := set.Write(public)
	if err != nil {
		return nil, nil, err
	}
	return set, written, nil
}
