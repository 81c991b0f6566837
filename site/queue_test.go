package site_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site"
)

// builds records the reports of a builder's builds.
type builds struct {
	mu   sync.Mutex
	reps []site.Report
}

func (b *builds) add(r site.Report) { b.mu.Lock(); b.reps = append(b.reps, r); b.mu.Unlock() }
func (b *builds) count() int        { b.mu.Lock(); defer b.mu.Unlock(); return len(b.reps) }

func waitFor(t *testing.T, what string, limit time.Duration, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s", limit, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestQueueMergesBursts(t *testing.T) {
	var done builds
	app := recordstest.NewApp(t)
	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://x.test/", Sources: miniSite(goodPage), OnBuild: done.add})
	q := site.NewQueue(b)
	q.Debounce = 100 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go q.Run(ctx, time.Time{})

	for i := 0; i < 50; i++ {
		q.Trigger("lưu")
		time.Sleep(time.Millisecond)
	}
	waitFor(t, "the burst's build", 10*time.Second, func() bool { return done.count() >= 1 })
	time.Sleep(500 * time.Millisecond)
	if n := done.count(); n != 1 {
		t.Fatalf("50 quick saves made %d builds, want 1", n)
	}
	q.Trigger("lưu nữa")
	waitFor(t, "a later change's build", 10*time.Second, func() bool { return done.count() == 2 })
}

func TestQueueBuildsAtScheduledTime(t *testing.T) {
	var done builds
	app := recordstest.NewApp(t)
	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://x.test/", Sources: miniSite(goodPage), OnBuild: done.add})
	at := time.Now().Add(2 * time.Second)
	recordstest.Create(t, app, schema.Articles, map[string]any{
		"title": "Thông báo hẹn giờ", "category": "thong-bao", "status": "published", "publishAt": recordstest.Date(at),
	})
	rep, err := b.Build("đầu")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := readLive(t, b, "tin-tuc/thong-bao-hen-gio/index.html"); ok {
		t.Fatal("a scheduled article is live before its time")
	}
	if rep.NextPublish.IsZero() {
		t.Fatal("the build did not see the scheduled article")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go site.NewQueue(b).Run(ctx, rep.NextPublish)
	waitFor(t, "the scheduled article to go live by itself", 20*time.Second, func() bool {
		_, ok := readLive(t, b, "tin-tuc/thong-bao-hen-gio/index.html")
		return ok
	})
	if time.Now().Before(at) {
		t.Fatal("went live before its time")
	}
}
