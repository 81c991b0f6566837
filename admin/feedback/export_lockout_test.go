package feedback

import (
	"strconv"
	"time"
)

// UseFreshLookupMisses gives the receipt lookup empty miss counters until
// the returned function puts the old ones back: for tests that fill them.
func UseFreshLookupMisses() (restore func()) {
	old := lookupMisses
	lookupMisses = newMisses()
	return func() { lookupMisses = old }
}

// FloodLookupMisses records one miss from each of n addresses and n codes
// made up, as a flood meant to wipe the counters would.
func FloodLookupMisses(n int, now time.Time) {
	for i := range n {
		lookupMisses.add(lookupIPKey("flood-"+strconv.Itoa(i)), now)
		lookupMisses.add("code:FL-"+strconv.Itoa(i), now)
	}
}
