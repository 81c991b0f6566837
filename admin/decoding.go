package admin

import (
	"context"
	"errors"
	"slices"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin/staff"
	"github.com/daison/portal/internal/imagecheck"
)

// decodeBudget bounds the memory of the images decoded at once, on upload
// and for thumbnails: two at the pixel cap (4 bytes a pixel), or many small
// ones.
var decodeBudget = 2 * 4 * int64(imagecheck.Default.MaxPixels)

// decoding hands out decodeBudget.
var decoding = newDecodeQueue(decodeBudget)

// decodeWait is the longest a decode waits for its turn before the upload
// is refused as "busy": with one decode per account at a time, the decodes
// before it are other accounts', each bounded by imagecheck.MaxDecodeTime.
const decodeWait = 2 * imagecheck.MaxDecodeTime

// errDecodeBusy: no turn came within decodeWait.
var errDecodeBusy = errors.New("image decoding busy")

// decodeWeight is the share of decodeBudget an image of info takes.
func decodeWeight(info imagecheck.Info) int64 {
	return min(4*int64(info.Width)*int64(info.Height), decodeBudget)
}

// decodeQueue is a semaphore over a budget of bytes, fair between
// accounts: an account decodes one image at a time, and waiting decodes
// start in their order of arrival, skipping those whose account already
// has one running. So one account sending many large images at once (or
// the slowest images the limits allow) holds one share of the budget, and
// another account's ordinary photo starts as soon as a share is free, not
// after all of them.
type decodeQueue struct {
	mu      sync.Mutex
	budget  int64
	used    int64
	running map[string]int
	waiting []*decodeTurn
}

// decodeTurn is one decode waiting for its turn.
type decodeTurn struct {
	account string
	weight  int64
	ready   chan struct{} // closed when the turn is given
}

func newDecodeQueue(budget int64) *decodeQueue {
	return &decodeQueue{budget: budget, running: map[string]int{}}
}

// acquire waits for account's turn to use weight bytes of the budget, at
// most decodeWait or until ctx ends; release gives them back.
func (q *decodeQueue) acquire(ctx context.Context, account string, weight int64) error {
	t := &decodeTurn{account: account, weight: min(weight, q.budget), ready: make(chan struct{})}
	q.mu.Lock()
	q.waiting = append(q.waiting, t)
	q.dispatch()
	q.mu.Unlock()

	timer := time.NewTimer(decodeWait)
	defer timer.Stop()
	var err error
	select {
	case <-t.ready:
		return nil
	case <-ctx.Done():
		err = ctx.Err()
	case <-timer.C:
		err = errDecodeBusy
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	select {
	case <-t.ready: // given meanwhile: give it back
		q.give(t.account, t.weight)
	default:
		q.waiting = slices.DeleteFunc(q.waiting, func(w *decodeTurn) bool { return w == t })
	}
	q.dispatch()
	return err
}

// release gives back what acquire took for account.
func (q *decodeQueue) release(account string, weight int64) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.give(account, min(weight, q.budget))
	q.dispatch()
}

func (q *decodeQueue) give(account string, weight int64) {
	q.used -= weight
	if q.running[account]--; q.running[account] <= 0 {
		delete(q.running, account)
	}
}

// dispatch gives turns in order of arrival to the waiting decodes of
// accounts with none running, while the budget lasts; the first of them
// that does not fit stops the others (so a large image is not passed over
// for ever by small ones).
func (q *decodeQueue) dispatch() {
	kept := q.waiting[:0]
	blocked := false
	for _, t := range q.waiting {
		switch {
		case blocked || q.running[t.account] > 0:
			kept = append(kept, t)
		case q.used+t.weight > q.budget:
			blocked = true
			kept = append(kept, t)
		default:
			q.used += t.weight
			q.running[t.account]++
			close(t.ready)
		}
	}
	clear(q.waiting[len(kept):])
	q.waiting = kept
}

// decodeAccount names who a decode in a record's save counts against: the
// staff member or superuser behind the change (or the address of a
// guest), or the portal itself for Go code.
func decodeAccount(app core.App) string { return actorAccount(staff.ActorIn(app)) }

// requestAccount is decodeAccount for a request outside a record's save (a
// thumbnail).
func requestAccount(e *core.RequestEvent) string { return actorAccount(staff.RequestActor(e)) }

func actorAccount(a *staff.Actor) string {
	if a.ID == "" {
		return a.Kind + ":" + a.IP
	}
	return a.Kind + ":" + a.ID
}
