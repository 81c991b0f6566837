package site

import (
	"log/slog"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/site/search"
)

// searchJob reads and indexes a build's sources for search while Hugo
// renders them (both only read the sources; Hugo runs in its own process).
type searchJob struct {
	done chan struct{}
	set  *search.Set
	err  error
}

// startSearch starts indexing the pages of the sources in src, with the
// synonyms of app. A page that does not read is logged and left out; it
// stops nothing.
func startSearch(app core.App, logger *slog.Logger, src string) *searchJob {
	j := &searchJob{done: make(chan struct{})}
	go func() {
		defer close(j.done)
		docs, problems := search.FromSource(src)
		for _, p := range problems {
			logger.Warn("tìm kiếm bỏ qua một trang", "error", p.Error())
		}
		syns, err := search.Synonyms(app)
		if err != nil {
			j.err = err
			return
		}
		j.set = search.Build(docs, syns)
	}()
	return j
}

// finish waits for the index and writes its shards into public (and its
// server file beside it), returning the set and the shards' paths.
func (j *searchJob) finish(public string) (*search.Set, []string, error) {
	<-j.done
	if j.err != nil {
		return nil, nil, j.err
	}
	written, err := j.set.Write(public)
	if err != nil {
		return nil, nil, err
	}
	return j.set, written, nil
}
