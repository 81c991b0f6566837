// Package clock gives each PocketBase app its own "now": the real time, or
// a time tests move forward (deadlines, late filing, reminders) without
// waiting.
package clock

import (
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

const storeKey = "portalClock"

// Now is the current time of app: time.Now unless a test set another
// clock with Set.
func Now(app core.App) time.Time {
	if app != nil {
		if f, ok := app.Store().Get(storeKey).(func() time.Time); ok && f != nil {
			return f()
		}
	}
	return time.Now()
}

// Set makes now the clock of app (nil restores the real one). For tests.
func Set(app core.App, now func() time.Time) {
	if now == nil {
		app.Store().Remove(storeKey)
		return
	}
	app.Store().Set(storeKey, now)
}

// Fixed is a clock stopped at a time that only Advance and SetTo move,
// for tests; safe for concurrent use.
type Fixed struct {
	mu sync.Mutex
	t  time.Time
}

// NewFixed returns a clock stopped at t.
func NewFixed(t time.Time) *Fixed { return &Fixed{t: t} }

// Now is the clock's time.
func (f *Fixed) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.t
}

// Advance moves the clock by d.
func (f *Fixed) Advance(d time.Duration) { f.SetTo(f.Now().Add(d)) }

// SetTo moves the clock to t.
func (f *Fixed) SetTo(t time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.t = t
}
