package quota

import (
	"sync"
	"testing"
	"time"
)

// A key's requests leave the count a period after they were made; other
// keys are counted apart; a refused request is not counted.
func TestWindow(t *testing.T) {
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	w := NewWindow(3, time.Minute)
	w.Now = func() time.Time { return now }
	for i := 1; i <= 3; i++ {
		if ok, _ := w.Allow("a"); !ok {
			t.Fatalf("request %d refused", i)
		}
		now = now.Add(10 * time.Second)
	}
	ok, after := w.Allow("a")
	if ok || after != 30*time.Second {
		t.Fatalf("4th request: allowed %v, wait %v; want refused, 30s", ok, after)
	}
	if ok, _ := w.Allow("b"); !ok {
		t.Fatal("another key is refused")
	}
	now = now.Add(after + time.Millisecond)
	if ok, _ := w.Allow("a"); !ok {
		t.Fatal("refused once the first request left the period")
	}
	if ok, _ := w.Allow("a"); ok {
		t.Fatal("allowed while the period is still full")
	}
	// Quiet keys are forgotten.
	now = now.Add(2 * time.Minute)
	w.Allow("c")
	if _, kept := w.recent["a"]; kept || len(w.recent) != 1 {
		t.Fatalf("keys kept after a quiet period: %v", w.recent)
	}
}

// At most Max requests of a key run at once; a release frees one place,
// once however often it is called; other keys are not held back.
func TestInFlight(t *testing.T) {
	f := &InFlight{Max: 1}
	release, ok := f.Acquire("a")
	if !ok {
		t.Fatal("first request refused")
	}
	if _, ok := f.Acquire("a"); ok {
		t.Fatal("a second request of the same key runs at once")
	}
	rb, ok := f.Acquire("b")
	if !ok {
		t.Fatal("another key is held back")
	}
	rb()
	release()
	release()
	r1, ok := f.Acquire("a")
	if !ok {
		t.Fatal("refused after the release")
	}
	if _, ok := f.Acquire("a"); ok {
		t.Fatal("a double release freed two places")
	}
	r1()

	// Concurrent acquirers of one key: exactly Max win.
	f = &InFlight{Max: 2}
	var mu sync.Mutex
	won := 0
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, ok := f.Acquire("k"); ok {
				mu.Lock()
				won++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if won != 2 {
		t.Fatalf("%d concurrent requests ran, want 2", won)
	}
	if len(f.running) != 1 {
		t.Fatalf("running = %v", f.running)
	}
}
