package search

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/daison/portal/site/live"
)

// Path is the search page's address.
const Path = "/tim-kiem/"

// maxQuery bounds the query read (in bytes): more is cut.
const maxQuery = 200

// Server answers the search page from the live build's index and passes
// every other request to the site's handler.
type Server struct {
	dir  live.Dir
	next http.Handler

	mu   sync.Mutex
	path string // the build whose set is loaded
	set  *Set

	busy chan struct{} // one token per search running
}

// maxSearches bounds the searches the server runs at once (each takes
// milliseconds, up to a tenth of a second at 10,000 records); more wait
// up to busyWait, then are told to try again.
const (
	maxSearches = 4
	busyWait    = 3 * time.Second
)

// NewServer wraps next, the live site's handler, to answer GET /tim-kiem/
// itself: the page as built, with the results of ?q= (and ?loai=, a kind)
// written into it.
func NewServer(dir live.Dir, next http.Handler) *Server {
	return &Server{dir: dir, next: next, busy: make(chan struct{}, maxSearches)}
}

// Use makes set the index of the build at public (the builder hands over
// the set it built, so that the first search after a build reads nothing
// from disk).
func (s *Server) Use(public string, set *Set) {
	s.mu.Lock()
	s.path, s.set = public, set
	s.mu.Unlock()
}

// current returns the live build's set, loading it when the live build
// changed.
func (s *Server) current(public string) (*Set, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.path == public && s.set != nil {
		return s.set, nil
	}
	set, err := Load(public)
	if err != nil {
		return nil, err
	}
	s.path, s.set = public, set
	return set, nil
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != Path || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
		s.next.ServeHTTP(w, r)
		return
	}
	public, err := s.dir.Current()
	if err != nil || public == "" {
		s.next.ServeHTTP(w, r)
		return
	}
	page, err := os.ReadFile(filepath.Join(public, "tim-kiem", "index.html"))
	if err != nil {
		s.next.ServeHTTP(w, r)
		return
	}
	set, err := s.current(public)
	if err != nil {
		// No index (a build from before search had one): the page as
		// built, which explains how to search.
		s.next.ServeHTTP(w, r)
		return
	}
	q := r.URL.Query().Get("q")
	if len(q) > maxQuery {
		q = q[:maxQuery]
		for !utf8.ValidString(q) {
			q = q[:len(q)-1]
		}
	}
	select {
	case s.busy <- struct{}{}:
		defer func() { <-s.busy }()
	case <-time.After(busyWait):
		live.SecurityHeaders(w.Header())
		w.Header().Set("Retry-After", "5")
		http.Error(w, "Máy chủ đang bận tìm kiếm cho nhiều người. Hãy thử lại sau ít giây.", http.StatusServiceUnavailable)
		return
	case <-r.Context().Done():
		return
	}
	out := Render(page, set, strings.TrimSpace(q), r.URL.Query().Get("loai"))
	live.SecurityHeaders(w.Header())
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(out)
}
