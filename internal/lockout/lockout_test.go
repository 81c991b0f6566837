package lockout

import (
	"fmt"
	"testing"
	"time"
)

var t0 = time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)

// TestLocksAndEnds: a key is locked at its limit of failures in the
// window, stays locked whatever else it does, and is free again once the
// oldest of those failures has left the window.
func TestLocksAndEnds(t *testing.T) {
	c := New(3, 15*time.Minute, 100)
	for i := range 2 {
		c.Fail("a", t0.Add(time.Duration(i)*time.Minute))
	}
	if c.Locked("a", t0.Add(2*time.Minute)) || c.Count("a", t0.Add(2*time.Minute)) != 2 {
		t.Fatal("locked before its limit")
	}
	// Failures spread wider than the window never lock.
	c.Fail("a", t0.Add(16*time.Minute))
	if c.Locked("a", t0.Add(16*time.Minute)) {
		t.Fatal("locked by failures spread over more than the window")
	}
	c.Fail("a", t0.Add(17*time.Minute))
	c.Fail("a", t0.Add(18*time.Minute))
	if !c.Locked("a", t0.Add(18*time.Minute)) {
		t.Fatal("not locked at its limit")
	}
	c.Fail("a", t0.Add(20*time.Minute)) // while locked: nothing changes
	if !c.Locked("a", t0.Add(30*time.Minute)) || c.Locked("a", t0.Add(31*time.Minute)) {
		t.Error("the lock does not end 15 minutes after the oldest of its failures")
	}
	if n := c.Count("a", t0.Add(31*time.Minute)); n != 2 {
		t.Errorf("after the lock: %d failures counted, want the 2 still in the window", n)
	}
	if c.Count("a", t0.Add(time.Hour)) != 0 || c.Len() != 0 {
		t.Errorf("an hour later: %d keys", c.Len())
	}
}

// TestFloodKeepsLocks: a flood of failures from new keys, ten times the
// table, neither unlocks a locked key nor grows the table; the unlocked
// keys it pushes out go first.
func TestFloodKeepsLocks(t *testing.T) {
	const maxKeys = 1000
	c := New(5, 15*time.Minute, maxKeys)
	now := t0
	for range 5 {
		c.Fail("victim", now)
	}
	c.Fail("half-way", now)
	for i := range 10 * maxKeys {
		now = now.Add(time.Millisecond)
		c.Fail(fmt.Sprintf("flood-%d", i), now)
		if c.Len() > maxKeys {
			t.Fatalf("%d keys, over %d", c.Len(), maxKeys)
		}
	}
	if !c.Locked("victim", now) {
		t.Error("a flood of new keys unlocked the victim")
	}
	if c.Count("half-way", now) != 0 {
		t.Error("the oldest unlocked count was kept over newer ones")
	}
}

// TestFullOfLocks: when every key in the table is locked, a new one pushes
// out the lock that ends first, never a later one.
func TestFullOfLocks(t *testing.T) {
	c := New(2, 15*time.Minute, 3)
	for i, k := range []string{"a", "b", "c"} {
		at := t0.Add(time.Duration(i) * time.Minute)
		c.Fail(k, at)
		c.Fail(k, at)
	}
	c.Fail("d", t0.Add(5*time.Minute))
	now := t0.Add(5 * time.Minute)
	if c.Locked("a", now) || !c.Locked("b", now) || !c.Locked("c", now) || c.Count("d", now) != 1 {
		t.Errorf("a %v, b %v, c %v, d %d", c.Locked("a", now), c.Locked("b", now), c.Locked("c", now), c.Count("d", now))
	}
}

func TestNetwork(t *testing.T) {
	for in, want := range map[string]string{
		"203.0.113.7":                "203.0.113.7",
		"::ffff:203.0.113.7":         "203.0.113.7",
		"2001:db8:1:2:aaaa::1":       "2001:db8:1:2::/64",
		"2001:db8:1:2:ffff:ffff:0:9": "2001:db8:1:2::/64",
		"2001:db8:1:3::1":            "2001:db8:1:3::/64",
		"fe80::1%eth0":               "fe80::/64",
		"not an address":             "not an address",
	} {
		if got := Network(in); got != want {
			t.Errorf("Network(%q) = %q, want %q", in, got, want)
		}
	}
}
