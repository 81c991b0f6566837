package feedback_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/admin/feedback"
)

// TestHostileLookupLockouts: the receipt lookup's lockouts hold. Misses
// from many addresses of one IPv6 /64 count together; a flood of misses
// from more addresses and codes than the counters hold (which used to
// empty them) unlocks neither a locked address nor a locked code. (Not
// parallel: it fills the package's counters, fresh for it.)
func TestHostileLookupLockouts(t *testing.T) {
	defer feedback.UseFreshLookupMisses()()
	app := admintest.NewApp(t, nil)
	rec, err := feedback.Submit(app, feedback.Input{Kind: "gop-y", Message: "Góp ý có số điện thoại để tra cứu.", Phone: "0987 654 321", Consent: "on"}, "198.51.100.1")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2027, 5, 1, 8, 0, 0, 0, time.UTC)
	miss := func(ip string, i int) {
		if _, status := feedback.Lookup(app, fmt.Sprintf("GY-ZZZZ%02d", i), "", ip, now); status != 404 {
			t.Fatalf("miss %d from %s: %d", i, ip, status)
		}
	}

	// One subscriber's /64, a new address for each miss.
	for i := range 8 {
		miss(fmt.Sprintf("2001:db8:1:2::%x", i+1), i)
	}
	if v, status := feedback.Lookup(app, rec.RefCode, "4321", "2001:db8:1:2:ffff::1", now); status != 429 || v.Found != nil {
		t.Errorf("another address of the same /64: %d %+v", status, v)
	}
	if _, status := feedback.Lookup(app, rec.RefCode, "4321", "2001:db8:1:3::1", now); status != 200 {
		t.Errorf("another /64: %d", status)
	}

	// A locked address and a locked code, then a flood.
	for i := range 8 {
		miss("198.51.100.66", i)
	}
	for i := range 5 {
		feedback.Lookup(app, rec.RefCode, fmt.Sprintf("000%d", i), fmt.Sprintf("198.51.100.%d", 100+i), now)
	}
	feedback.FloodLookupMisses(150_000, now.Add(time.Minute))
	later := now.Add(2 * time.Minute)
	if v, status := feedback.Lookup(app, rec.RefCode, "4321", "198.51.100.66", later); status != 429 || !strings.Contains(v.Problem, "quá nhiều lần") {
		t.Errorf("the locked address after the flood: %d %+v", status, v)
	}
	if v, status := feedback.Lookup(app, rec.RefCode, "4321", "198.51.100.200", later); status != 429 || !strings.Contains(v.Problem, "Mã này đã bị nhập sai") {
		t.Errorf("the locked code after the flood: %d %+v", status, v)
	}
	if _, status := feedback.Lookup(app, rec.RefCode, "4321", "198.51.100.200", now.Add(16*time.Minute)); status != 200 {
		t.Errorf("after the window: %d", status)
	}
}
