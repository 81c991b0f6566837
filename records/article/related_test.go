package article

import (
	"github.com/daison/portal/internal/schema"
	"slices"
	"testing"
	"time"
)

func TestRelatedArticles(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 8, 0, 0, 0, schema.Vietnam) }
	art := func(id, cat string, d int, tags ...string) articleInfo {
		return articleInfo{id: id, category: cat, tags: tags, date: day(d), ref: Related{Title: id, URL: "/tin-tuc/" + id + "/"}}
	}
	arts := []articleInfo{
		art("a", "su-kien", 10, "vneid", "so-hoa"),
		art("b", "thong-bao", 1, "vneid", "so-hoa"), // two keywords shared with a: first, though old
		art("c", "thong-bao", 5, "vneid"),           // one shared, newer than d
		art("d", "thong-bao", 4, "so-hoa"),
		art("e", "su-kien", 20), // no keyword: a's newest of its category
		art("f", "su-kien", 21),
		art("g", "khac", 30),
	}
	got := relatedArticles(arts)
	titles := func(id string) []string {
		var out []string
		for _, r := range got[id] {
			out = append(out, r.Title)
		}
		return out
	}
	for id, want := range map[string][]string{
		"a": {"b", "c", "d", "f"}, // keywords first by count then date; then the category's newest
		"e": {"f", "a"},
		"g": nil, // alone in its category, no keyword: nothing
	} {
		if !slices.Equal(titles(id), want) {
			t.Errorf("related to %s: %v, want %v", id, titles(id), want)
		}
	}
	for id, list := range got {
		if len(list) > maxRelated {
			t.Errorf("%s suggests %d articles", id, len(list))
		}
		for _, r := range list {
			if r.Title == id {
				t.Errorf("%s suggests itself", id)
			}
		}
	}
}
