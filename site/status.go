package site

import (
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/daison/portal/site/deploy"
	"github.com/daison/portal/site/export"
)

// Report is what one build did. Durations are in milliseconds in JSON.
type Report struct {
	ID               string    `json:"id"`
	Reason           string    `json:"reason"`
	Started          time.Time `json:"started"`
	Duration         Millis    `json:"durationMs"`
	ExportDuration   Millis    `json:"exportMs"`
	HugoDuration     Millis    `json:"hugoMs"`
	CompressDuration Millis    `json:"gzipMs"`
	SwapDuration     Millis    `json:"swapMs"`
	Records          int       `json:"records"`              // record pages exported
	Changed          int       `json:"changed"`              // source files changed since the last build
	Incremental      bool      `json:"incremental"`          // Hugo re-rendered only what changed
	Pages            int       `json:"pages"`                // HTML pages in the build
	Rendered         int       `json:"rendered"`             // files Hugo wrote (all of them in a full build)
	HugoPeakKB       int64     `json:"hugoPeakKB,omitempty"` // Hugo process's peak memory
	NextPublish      time.Time `json:"nextPublish,omitzero"`
	Warnings         string    `json:"warnings,omitempty"` // Hugo's, without the server's folders
	// Error says why the build failed, in Vietnamese for staff (the
	// details go to the log).
	Error string `json:"error,omitempty"`
	// Problems are what the build left out of the site (a record's image
	// that does not decode…), each naming its record; the rest went live.
	// Each of FailedPages is one of them too.
	Problems []export.Problem `json:"problems,omitempty"`
	// FailedPages are the pages Hugo failed to render (a theme edited on
	// the server, a record a template cannot show): the build went live
	// without them, each keeping its last good copy if it had one.
	FailedPages []FailedPage `json:"failedPages,omitempty"`
}

// FailedPage is a page, or every record page of a section, that a build
// left out because Hugo failed to render it.
type FailedPage struct {
	// URL is the page's address ("/huong-dan/lam-cccd/"); with Section,
	// the section's ("/huong-dan/").
	URL string `json:"url"`
	// Section: every record page of the section was left out (its
	// template failed on them all); Collection names their records.
	Section bool `json:"section,omitempty"`
	// Pages counts the pages left out (1 for a page).
	Pages int `json:"pages"`
	// Collection and ID are the record whose page it is (ID empty for a
	// section, a list or a hand-written page); Title is the page's (the
	// section's, with Section).
	Collection string `json:"collection,omitempty"`
	ID         string `json:"id,omitempty"`
	Title      string `json:"title,omitempty"`
	// Template and Line are where Hugo failed (the innermost template:
	// "_partials/chart/bars.html").
	Template string `json:"template,omitempty"`
	Line     int    `json:"line,omitempty"`
	// Kept: the page's last good copy is still served (for a section,
	// every page's). A page without one (a new record) is not on the
	// site; NotLive lists the ids of a section's records in that case.
	Kept    bool     `json:"kept"`
	NotLive []string `json:"notLive,omitempty"`
	// Message says it all to staff, in Vietnamese.
	Message string `json:"message"`
}

// Millis is a duration that reads and writes itself in JSON as a number of
// milliseconds (encoding/json/v2, which PocketBase answers with, has no
// default form for time.Duration).
type Millis time.Duration

// D returns m as a time.Duration.
func (m Millis) D() time.Duration { return time.Duration(m) }

// MarshalJSON writes m in milliseconds.
func (m Millis) MarshalJSON() ([]byte, error) {
	return []byte(strconv.FormatInt(time.Duration(m).Milliseconds(), 10)), nil
}

// UnmarshalJSON reads milliseconds.
func (m *Millis) UnmarshalJSON(b []byte) error {
	ms, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return err
	}
	*m = Millis(time.Duration(ms) * time.Millisecond)
	return nil
}

// OK reports whether the build went live.
func (r Report) OK() bool { return r.Error == "" && r.ID != "" }

// Status is what staff see of the site's builds.
type Status struct {
	Building    bool    `json:"building"`
	Last        *Report `json:"last,omitempty"`        // the last build, good or not
	LastSuccess *Report `json:"lastSuccess,omitempty"` // the build now live
	// FailingSince is when the first of the builds that failed since the
	// last good one began (zero while the last build went live): how long
	// the public site has been held back.
	FailingSince time.Time `json:"failingSince,omitzero"`
	// Deploy is the last publication of a live build to object storage
	// (site/deploy), when one is set up.
	Deploy *deploy.Report `json:"deploy,omitempty"`
}

// Status returns the current status.
func (b *Builder) Status() Status { return b.status.get() }

// SetDeploy records the last deploy's report in the status staff see.
func (b *Builder) SetDeploy(r deploy.Report) { b.status.setDeploy(r) }

// statusBoard is the status staff see, saved in the site folder so that
// it outlives a restart. Builds, deploys and routes read and set it at any
// time: its lock is its own.
type statusBoard struct {
	path   string
	logger *slog.Logger

	mu sync.Mutex
	st Status
}

// newStatusBoard reads the status the last run left at path: staff still
// see the last build after a restart.
func newStatusBoard(path string, logger *slog.Logger) *statusBoard {
	s := &statusBoard{path: path, logger: logger, st: loadStatus(path)}
	s.st.Building = false
	return s
}

func (s *statusBoard) get() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st
}

func (s *statusBoard) setBuilding(on bool) {
	s.mu.Lock()
	s.st.Building = on
	s.mu.Unlock()
}

// finish records a build's report, good or failed.
func (s *statusBoard) finish(rep Report) {
	s.mu.Lock()
	r := rep
	s.st.Building = false
	s.st.Last = &r
	if rep.OK() {
		s.st.LastSuccess = &r
		s.st.FailingSince = time.Time{}
	} else if s.st.FailingSince.IsZero() {
		s.st.FailingSince = rep.Started
	}
	st := s.st
	s.mu.Unlock()
	if err := saveStatus(s.path, st); err != nil {
		s.logger.Warn("không lưu được trạng thái dựng trang", "error", err)
	}
}

func (s *statusBoard) setDeploy(r deploy.Report) {
	s.mu.Lock()
	s.st.Deploy = &r
	st := s.st
	s.mu.Unlock()
	if err := saveStatus(s.path, st); err != nil {
		s.logger.Warn("không lưu được trạng thái xuất bản", "error", err)
	}
}

func loadStatus(path string) Status {
	var st Status
	if b, err := os.ReadFile(path); err == nil {
		_ = json.Unmarshal(b, &st)
	}
	return st
}

// saveStatus writes the status file whole or not at all.
func saveStatus(path string, st Status) error {
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
