package search_test

import (
	"strings"
	"testing"

	"github.com/daison/portal/site/search/searchtest"
)

// TestQueries runs the table of real queries on the demo content's index:
// each must find its page first or among the first three.
func TestQueries(t *testing.T) {
	set, _ := demoIndex(t)
	if len(searchtest.Queries) < 40 {
		t.Fatalf("only %d queries", len(searchtest.Queries))
	}
	for _, c := range searchtest.Queries {
		res := set.Index.Search(c.Q)
		var got []string
		for i, h := range res.Hits {
			if i == 5 {
				break
			}
			got = append(got, set.Docs[h.Doc].URL)
		}
		found := false
		for i := 0; i < len(got) && i < c.Top; i++ {
			found = found || got[i] == c.Want
		}
		if !found {
			t.Errorf("%q (%s): %s not in the first %d:\n  %s", c.Q, c.Why, c.Want, c.Top, strings.Join(got, "\n  "))
		}
	}
	if res := set.Index.Search("xyzzyqq"); len(res.Hits) != 0 {
		t.Errorf("xyzzyqq finds %d pages", len(res.Hits))
	}
}
