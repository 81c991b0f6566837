// Package searchtest holds the table of real queries the portal's search
// must answer (queries.tsv, kept as data): on the demo content over the
// guide library, and on a new commune's guide library alone. The
// server's index (site/search), the no-JavaScript page and the browser's
// script (scripts/sitetest) all run it.
package searchtest

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

// The datasets the table runs on.
const (
	Demo    = "demo"    // "portal serve --demo": the library with the demo over it
	Library = "library" // a new commune: the guide library alone
)

// Query is what a citizen types and the page that must come first (Top 1)
// or among the first three (Top 3).
type Query struct {
	Q    string
	Want string // the page's address
	Top  int
	Why  string
}

//go:embed queries.tsv
var table string

// Table returns the queries of a dataset (Demo or Library), each with the
// address it expects there; a query whose page the dataset lacks is left
// out. It panics on a malformed table (a test of this package reads it).
func Table(dataset string) []Query {
	qs, err := parse(table, dataset)
	if err != nil {
		panic(err)
	}
	return qs
}

// Queries is the demo's table.
var Queries = Table(Demo)

func parse(text, dataset string) ([]Query, error) {
	col := map[string]int{Demo: 1, Library: 2}[dataset]
	if col == 0 {
		return nil, fmt.Errorf("searchtest: unknown dataset %q", dataset)
	}
	pages := map[string]string{}
	var out []Query
	for n, line := range strings.Split(text, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if strings.HasPrefix(line, "@") {
			if len(f) != 3 {
				return nil, fmt.Errorf("searchtest: line %d: a page needs a name and two addresses", n+1)
			}
			addr := f[col]
			if addr == "=" {
				addr = f[1]
			}
			pages[f[0][1:]] = addr
			continue
		}
		if len(f) != 4 {
			return nil, fmt.Errorf("searchtest: line %d: want query, top, page, why; got %q", n+1, line)
		}
		top, err := strconv.Atoi(f[1])
		if err != nil || top < 1 || top > 3 {
			return nil, fmt.Errorf("searchtest: line %d: top %q", n+1, f[1])
		}
		addr, ok := pages[f[2]]
		if !ok {
			return nil, fmt.Errorf("searchtest: line %d: no page named %q", n+1, f[2])
		}
		if addr == "-" {
			continue
		}
		out = append(out, Query{Q: f[0], Want: addr, Top: top, Why: f[3]})
	}
	return out, nil
}
