package admin

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

// TestHostile10PreviewGate: an account's previews leave the count a minute
// after they were made, and past previewsAtOnce at a time the next one
// waits, then is turned away with a 503.
func TestHostile10PreviewGate(t *testing.T) {
	g := newPreviewGate()
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	g.perMinute.Now = func() time.Time { return now }
	for i := 1; i <= previewsPerMinute; i++ {
		if ok, _ := g.perMinute.Allow("staff/a"); !ok {
			t.Fatalf("preview %d refused", i)
		}
		now = now.Add(time.Second)
	}
	ok, after := g.perMinute.Allow("staff/a")
	if ok || after != time.Minute-previewsPerMinute*time.Second {
		t.Fatalf("preview %d: allowed %v, wait %v", previewsPerMinute+1, ok, after)
	}
	if ok, _ := g.perMinute.Allow("staff/b"); !ok {
		t.Fatal("another account is refused")
	}
	now = now.Add(after + time.Millisecond)
	if ok, _ := g.perMinute.Allow("staff/a"); !ok {
		t.Fatal("refused once the first preview left the minute")
	}
	if ok, _ := g.perMinute.Allow("staff/a"); ok {
		t.Fatal("allowed while the minute is still full")
	}

	// Every slot taken: a preview waits g.wait, then gets a 503; once a
	// slot is free, it is rendered.
	g.wait = 20 * time.Millisecond
	for range previewsAtOnce {
		g.slots <- struct{}{}
	}
	staff := core.NewRecord(core.NewBaseCollection("staff"))
	staff.Id = "staff0000000001"
	request := func() (*httptest.ResponseRecorder, error) {
		e := &core.RequestEvent{Auth: staff}
		e.Request = httptest.NewRequest(http.MethodPost, "/api/portal/markdown", strings.NewReader(`{"markdown":"**a**"}`))
		e.Request.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		e.Response = rec
		return rec, g.serve(e)
	}
	_, err := request()
	var apiErr *router.ApiError
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusServiceUnavailable || !strings.Contains(apiErr.Message, "Máy chủ đang bận") {
		t.Fatalf("preview with every slot taken: %v", err)
	}
	<-g.slots
	rec, err := request()
	if err != nil || rec.Code != 200 || !strings.Contains(rec.Body.String(), "<strong>a</strong>") {
		t.Fatalf("preview with a free slot: %v %d %s", err, rec.Code, rec.Body)
	}
	if len(g.slots) != previewsAtOnce-1 {
		t.Fatalf("%d slots taken after the preview, want %d", len(g.slots), previewsAtOnce-1)
	}
}
