package admin

import (
	"context"
	"errors"
	"testing"
	"time"
)

// granted reports whether a turn asked for in the background comes within
// wait: a short wait to see that it does not, a long one that it does.
func granted(ch <-chan error, wait time.Duration) bool {
	select {
	case err := <-ch:
		return err == nil
	case <-time.After(wait):
		return false
	}
}

const (
	notYet = 50 * time.Millisecond
	soon   = 10 * time.Second
)

func acquireAsync(q *decodeQueue, ctx context.Context, account string, weight int64) <-chan error {
	ch := make(chan error, 1)
	go func() { ch <- q.acquire(ctx, account, weight) }()
	return ch
}

// TestDecodeQueueFairness: an account decodes one image at a time, so its
// second large upload waits while another account's photo starts at once;
// a large image that does not fit is not passed over by later small ones;
// a caller that gives up leaves the queue.
func TestDecodeQueueFairness(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	q := newDecodeQueue(100)
	if err := q.acquire(ctx, "staff:a", 60); err != nil {
		t.Fatal(err)
	}
	aAgain := acquireAsync(q, ctx, "staff:a", 10)
	if granted(aAgain, notYet) {
		t.Fatal("a second decode of the same account started beside its first")
	}
	if err := q.acquire(ctx, "staff:b", 30); err != nil {
		t.Fatalf("another account's photo: %v", err)
	}
	q.release("staff:a", 60)
	if !granted(aAgain, soon) {
		t.Fatal("the account's second decode did not start once its first ended")
	}
	q.release("staff:a", 10)

	// b holds 30; c's 80 does not fit; d's 10 would, but waits behind it.
	big := acquireAsync(q, ctx, "staff:c", 80)
	if granted(big, notYet) {
		t.Fatal("80 started beside 30 in a budget of 100")
	}
	small := acquireAsync(q, ctx, "staff:d", 10)
	if granted(small, notYet) {
		t.Fatal("a small decode passed over a large one waiting before it")
	}
	q.release("staff:b", 30)
	if !granted(big, soon) || !granted(small, soon) {
		t.Fatal("the large and then the small decode did not start once the budget was free")
	}

	gone, cancel := context.WithCancel(ctx)
	waiting := acquireAsync(q, gone, "staff:e", 50)
	cancel()
	if err := <-waiting; !errors.Is(err, context.Canceled) {
		t.Fatalf("a caller gone: %v", err)
	}
	q.release("staff:c", 80)
	q.release("staff:d", 10)
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.used != 0 || len(q.running) != 0 || len(q.waiting) != 0 {
		t.Errorf("after every release: used %d, running %v, %d waiting", q.used, q.running, len(q.waiting))
	}
}
