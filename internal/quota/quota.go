// Package quota limits what one account (or any key) may ask of the
// portal: Window counts requests in a sliding time window, InFlight the
// requests running at once. Both are safe for concurrent use and forget
// keys that have gone quiet, so their memory stays bounded by the keys
// active lately.
package quota

import (
	"sync"
	"time"
)

// Window allows each key at most N requests in any period of length Per.
type Window struct {
	N   int
	Per time.Duration
	// Now is the clock (time.Now when nil); tests move it.
	Now func() time.Time

	mu     sync.Mutex
	recent map[string][]time.Time // by key: the times of its requests in the last Per
	swept  time.Time
}

// NewWindow allows n requests per key in any period per.
func NewWindow(n int, per time.Duration) *Window {
	return &Window{N: n, Per: per}
}

// Allow counts a request of key and reports whether it is within the
// limit; if not (it is then not counted), how long until the oldest
// request of the period leaves it.
func (w *Window) Allow(key string) (bool, time.Duration) {
	w.mu.Lock()
	defer w.mu.Unlock()
	now := time.Now()
	if w.Now != nil {
		now = w.Now()
	}
	if w.recent == nil {
		w.recent = map[string][]time.Time{}
	}
	since := now.Add(-w.Per)
	if now.Sub(w.swept) > w.Per {
		// Forget the keys that have asked nothing for a period.
		for k, ts := range w.recent {
			if !ts[len(ts)-1].After(since) {
				delete(w.recent, k)
			}
		}
		w.swept = now
	}
	ts := w.recent[key]
	for len(ts) > 0 && !ts[0].After(since) {
		ts = ts[1:]
	}
	if len(ts) >= w.N {
		w.recent[key] = ts
		return false, ts[0].Sub(since)
	}
	w.recent[key] = append(ts, now)
	return true, 0
}

// InFlight allows each key at most Max requests running at once.
type InFlight struct {
	Max int

	mu      sync.Mutex
	running map[string]int
}

// Acquire counts a request of key as running and returns its release
// (call it once, when the request ends), or reports false, counting
// nothing, when key already has Max running.
func (f *InFlight) Acquire(key string) (release func(), ok bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.running == nil {
		f.running = map[string]int{}
	}
	if f.running[key] >= f.Max {
		return nil, false
	}
	f.running[key]++
	var once sync.Once
	return func() {
		once.Do(func() {
			f.mu.Lock()
			defer f.mu.Unlock()
			if f.running[key]--; f.running[key] <= 0 {
				delete(f.running, key)
			}
		})
	}, true
}
