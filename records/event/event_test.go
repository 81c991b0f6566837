package event_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/records/event"
	"github.com/daison/portal/records/recordstest"
)

// TestEventRules: an event is refused without its day, and with raw HTML
// in its text; one with its day gets a slug from its title
// and a short link; anonymous readers see the published one only.
func TestEventRules(t *testing.T) {
	app := recordstest.NewApp(t)
	c, err := app.FindCollectionByNameOrId(event.Collection)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []map[string]any{
		{"title": "Hội nghị chưa có ngày", "status": "draft"},
		{"title": "Hội nghị", "date": "2026-07-10 01:00:00.000Z", "summary": "<script>alert(1)</script>", "status": "draft"},
	} {
		r := core.NewRecord(c)
		r.Load(bad)
		err := app.Save(r)
		if err == nil || (!strings.Contains(err.Error(), "date: ") && !strings.Contains(err.Error(), "HTML")) {
			t.Errorf("%v saved: %v", bad, err)
		}
	}

	fields := event.Kind.Sample(1)
	fields["status"], fields["publishAt"] = "published", recordstest.Date(time.Now().Add(-time.Hour))
	pub := event.Of(recordstest.Create(t, app, event.Collection, fields))
	if pub.Slug() != "hoi-nghi-thu-so-1" || pub.ShortCode() == "" || pub.Date().IsZero() {
		t.Errorf("published event: slug %q, short code %q, date %v", pub.Slug(), pub.ShortCode(), pub.Date())
	}
	draft := event.Kind.Sample(2)
	draft["status"] = "draft"
	recordstest.Create(t, app, event.Collection, draft)

	h := recordstest.Handler(t, app)
	code, body := recordstest.Do(h, http.MethodGet, "/api/collections/"+event.Collection+"/records", "", "")
	if code != http.StatusOK || !strings.Contains(body, `"totalItems":1`) || !strings.Contains(body, pub.Title()) || strings.Contains(body, "updatedBy") {
		t.Errorf("anonymous list: %d %s", code, body)
	}
}
