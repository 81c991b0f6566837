package site

import (
	"context"
	"time"
)

// Queue turns change notifications into builds: a burst of saves becomes
// one build once the changes pause (Debounce) or have waited MaxWait, only
// one build runs at a time, a change during a build brings one more build
// after it, and a scheduled publication brings a build at its time. A failed
// build is retried with growing pauses, so the site heals by itself once the
// cause (a full disk, say) is gone.
//
// Beside the builds, each burst also goes to the builder's ahead lane
// (Builder.RenderAhead), which on a large site puts the saved records' own
// pages live within seconds, even while a build runs.
type Queue struct {
	b        *Builder
	Debounce time.Duration // quiet time that ends a burst (default 300 ms)
	MaxWait  time.Duration // longest a change waits during a burst (default 3 s)
	kick     chan string
	ahead    chan struct{}
}

// NewQueue returns a queue of builds by b. Start it with Run.
func NewQueue(b *Builder) *Queue {
	return &Queue{b: b, Debounce: 300 * time.Millisecond, MaxWait: 3 * time.Second, kick: make(chan string, 1), ahead: make(chan struct{}, 1)}
}

// Trigger asks for a build; it never blocks. Requests made while one is
// pending merge with it.
func (q *Queue) Trigger(reason string) {
	select {
	case q.kick <- reason:
	default:
	}
	select {
	case q.ahead <- struct{}{}:
	default:
	}
}

// Retry pauses after failed builds: 30 s, doubled up to 30 min.
const (
	retryFirst = 30 * time.Second
	retryMax   = 30 * time.Minute
)

// Run builds on demand until ctx ends. next is the first scheduled
// publication known at start (zero if none).
func (q *Queue) Run(ctx context.Context, next time.Time) {
	go q.runAhead(ctx)
	var retry time.Duration
	for {
		var wake <-chan time.Time
		var timer *time.Timer
		wait := time.Duration(-1)
		if !next.IsZero() {
			// One second after the time, so the export sees it as passed.
			wait = time.Until(next) + time.Second
		}
		if retry > 0 && (wait < 0 || retry < wait) {
			wait = retry
		}
		if wait >= 0 {
			timer = time.NewTimer(max(wait, 0))
			wake = timer.C
		}

		reason := ""
		select {
		case <-ctx.Done():
			if timer != nil {
				timer.Stop()
			}
			return
		case reason = <-q.kick:
		case <-wake:
			reason = "đến giờ xuất bản theo lịch"
			if retry > 0 && (next.IsZero() || time.Now().Before(next)) {
				reason = "thử dựng lại sau lỗi"
			}
		}
		if timer != nil {
			timer.Stop()
		}
		if !q.settle(ctx) {
			return
		}
		rep, err := q.b.Build(reason)
		if err != nil {
			retry = min(max(retry*2, retryFirst), retryMax)
			// Keep the schedule known from the last good export.
			continue
		}
		retry = 0
		next = rep.NextPublish
	}
}

// runAhead runs the builder's ahead lane on each burst of changes, until
// ctx ends. Its first run fills the lane's export folder.
func (q *Queue) runAhead(ctx context.Context) {
	select {
	case q.ahead <- struct{}{}:
	default:
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-q.ahead:
		}
		quiet := time.NewTimer(q.Debounce)
	settle:
		for {
			select {
			case <-ctx.Done():
				quiet.Stop()
				return
			case <-q.ahead:
				quiet.Reset(q.Debounce)
			case <-quiet.C:
				break settle
			}
		}
		if n, d, err := q.b.RenderAhead(); err != nil {
			q.b.env.logger.Warn("không dựng trước được các trang vừa lưu; chúng lên trang với bản dựng sau", "error", err.Error())
		} else if n > 0 {
			q.b.env.logger.Info("đã đưa trước các trang vừa lưu lên", "pages", n, "duration", d.Round(time.Millisecond).String())
		}
	}
}

// settle waits until changes pause for Debounce, or MaxWait has passed,
// swallowing the triggers of the burst. It returns false if ctx ended.
func (q *Queue) settle(ctx context.Context) bool {
	deadline := time.NewTimer(q.MaxWait)
	defer deadline.Stop()
	quiet := time.NewTimer(q.Debounce)
	defer quiet.Stop()
	for {
		select {
		case <-ctx.Done():
			return false
		case <-q.kick:
			quiet.Reset(q.Debounce)
		case <-quiet.C:
			return true
		case <-deadline.C:
			return true
		}
	}
}
