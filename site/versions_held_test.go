package site

import (
	"reflect"
	"testing"

	"github.com/daison/portal/site/export"
)

func TestHeldVersions(t *testing.T) {
	prev := liveVersions{
		"articles": {"a1": {Updated: "old-a1"}},
		"guides":   {"g1": {Updated: "old-g1"}, "g2": {Updated: "old-g2"}},
	}
	exported := export.Versions{
		"articles": {"a1": "new-a1", "a2": "new-a2", "a3": "new-a3"},
		"guides":   {"g1": "new-g1", "g2": "new-g2", "g3": "new-g3"},
	}
	got := heldVersions(exported, prev, []FailedPage{
		{Collection: "articles", ID: "a1", Kept: true}, // its last good copy serves: the old version
		{Collection: "articles", ID: "a2"},             // a new record held back: not live
		{Collection: "guides", Section: true, Kept: true, NotLive: []string{"g3"}},
	})
	want := export.Versions{
		"articles": {"a1": "old-a1", "a3": "new-a3"},
		"guides":   {"g1": "old-g1", "g2": "old-g2"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("heldVersions = %v, want %v", got, want)
	}
	if exported["articles"]["a1"] != "new-a1" {
		t.Errorf("heldVersions changed the export's own versions")
	}
}

func TestHeldOf(t *testing.T) {
	rep := &Report{FailedPages: []FailedPage{
		{Collection: "articles", ID: "a1", Message: "trang a1"},
		{Collection: "guides", Section: true, Message: "mục hướng dẫn"},
	}}
	if got := heldOf(rep, "articles", []string{"a1", "a2"}); !reflect.DeepEqual(got, map[string]string{"a1": "trang a1"}) {
		t.Errorf("articles: %v", got)
	}
	if got := heldOf(rep, "guides", []string{"g1"}); !reflect.DeepEqual(got, map[string]string{"g1": "mục hướng dẫn"}) {
		t.Errorf("guides: %v", got)
	}
	if got := heldOf(rep, "honorees", []string{"h1"}); got != nil {
		t.Errorf("honorees: %v", got)
	}
	if got := heldOf(nil, "articles", []string{"a1"}); got != nil {
		t.Errorf("no build: %v", got)
	}
}
