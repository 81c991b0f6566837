package search_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/daison/portal/site/search"
	"github.com/daison/portal/site/search/searchtest"
)

// TestQueries runs the table of real queries on the demo's index and on a
// new commune's (the guide library alone): each must find its page first
// or among the first three. It logs the rates of first and first-three.
func TestQueries(t *testing.T) {
	for _, ds := range []string{searchtest.Demo, searchtest.Library} {
		t.Run(ds, func(t *testing.T) {
			var set *search.Set
			if ds == searchtest.Demo {
				set, _ = demoIndex(t)
			} else {
				set, _ = libraryIndex(t)
			}
			table := searchtest.Table(ds)
			if len(table) < 100 {
				t.Fatalf("only %d queries", len(table))
			}
			top1, top3 := 0, 0
			for _, c := range table {
				got := topURLs(set, c.Q, 5)
				rank := indexOf(got, c.Want)
				if rank == 0 {
					top1++
				}
				if rank >= 0 && rank < 3 {
					top3++
				}
				if rank < 0 || rank >= c.Top {
					t.Errorf("%q (%s): %s not in the first %d:\n  %s", c.Q, c.Why, c.Want, c.Top, strings.Join(got, "\n  "))
				}
			}
			t.Logf("%s: %d queries, top 1 %s, top 3 %s", ds, len(table), rate(top1, len(table)), rate(top3, len(table)))
			if res := set.Index.Search("xyzzyqq"); len(res.Hits) != 0 {
				t.Errorf("xyzzyqq finds %d pages", len(res.Hits))
			}
		})
	}
}

func topURLs(set *search.Set, q string, n int) []string {
	var got []string
	for i, h := range set.Index.Search(q).Hits {
		if i == n {
			break
		}
		got = append(got, set.Docs[h.Doc].URL)
	}
	return got
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

func rate(n, of int) string {
	return fmt.Sprintf("%d/%d (%.1f %%)", n, of, 100*float64(n)/float64(of))
}
