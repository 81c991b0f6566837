// Package lockout counts failures (a wrong code, wrong digits) by key in a
// sliding window, and locks a key out once it has as many as its limit, in
// memory bounded by a number of keys that nobody can use to unlock a key
// early: a table that forgot everyone once full, or that let new keys push
// out old ones in any order, would let an attacker wipe a lockout by
// sending failures from enough other keys.
//
// Keys are evicted in this order, only when the table is full: a key with
// no failure left in the window; then the unlocked key used least
// recently (its count is lost, so pushing out one count takes as many new
// keys as the table holds); and only when every key in the table is
// locked, the lock that ends first. A locked key thus stays locked until
// its lock ends unless the table fills with that many other locked keys,
// each of which cost its limit of failures.
//
// Network gives the key of a client address: IPv6 addresses count by
// their /64, the block one subscriber (one home, one phone) is given.
//
// It is a leaf: it imports nothing of the portal's.
package lockout

import (
	"container/heap"
	"container/list"
	"net/netip"
	"sync"
	"time"
)

// Counter counts failures by key. Its methods are safe for concurrent use.
type Counter struct {
	limit   int
	window  time.Duration
	maxKeys int

	mu     sync.Mutex
	keys   map[string]*entry
	lru    list.List // unlocked entries, most recently failed first
	locked lockHeap  // locked entries, the lock ending first on top
}

// entry is one key's failures.
type entry struct {
	key   string
	fails []int64 // Unix nanoseconds of the latest failures (at most limit), oldest first
	elem  *list.Element
	until int64 // when locked: when the lock ends
	index int   // when locked: its place in the heap; -1 otherwise
}

// New returns a Counter that locks a key out once it has limit failures
// within window, keeping at most maxKeys keys (each about 150 bytes and
// 8 bytes a failure counted).
func New(limit int, window time.Duration, maxKeys int) *Counter {
	return &Counter{limit: max(1, limit), window: window, maxKeys: max(1, maxKeys), keys: map[string]*entry{}}
}

// Count returns how many failures key had in the window before now, at
// most the limit.
func (c *Counter) Count(key string, now time.Time) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.unlockEnded(now)
	e := c.keys[key]
	if e == nil {
		return 0
	}
	if e.index >= 0 {
		return c.limit
	}
	c.forgetOld(e, now)
	if len(e.fails) == 0 {
		c.remove(e)
		return 0
	}
	return len(e.fails)
}

// Locked reports whether key has reached the limit within the window.
func (c *Counter) Locked(key string, now time.Time) bool { return c.Count(key, now) >= c.limit }

// Fail records a failure of key at now. A key already locked stays as it
// is: its lock ends as it would have.
func (c *Counter) Fail(key string, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.unlockEnded(now)
	e := c.keys[key]
	switch {
	case e == nil:
		c.makeRoom(now)
		e = &entry{key: key, index: -1}
		c.keys[key] = e
		e.elem = c.lru.PushFront(e)
	case e.index >= 0:
		return
	default:
		c.lru.MoveToFront(e.elem)
	}
	c.forgetOld(e, now)
	if len(e.fails) == c.limit {
		e.fails = append(e.fails[:0], e.fails[1:]...)
	}
	e.fails = append(e.fails, now.UnixNano())
	if len(e.fails) >= c.limit {
		c.lru.Remove(e.elem)
		e.elem = nil
		e.until = e.fails[0] + int64(c.window)
		heap.Push(&c.locked, e)
	}
}

// Len returns how many keys the counter holds.
func (c *Counter) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.keys)
}

// forgetOld drops the failures of an unlocked entry that left the window.
func (c *Counter) forgetOld(e *entry, now time.Time) {
	from := now.UnixNano() - int64(c.window)
	i := 0
	for i < len(e.fails) && e.fails[i] <= from {
		i++
	}
	if i > 0 {
		e.fails = append(e.fails[:0], e.fails[i:]...)
	}
}

// unlockEnded moves the entries whose lock has ended back among the
// unlocked ones, with the failures still in the window.
func (c *Counter) unlockEnded(now time.Time) {
	for len(c.locked) > 0 && c.locked[0].until <= now.UnixNano() {
		e := heap.Pop(&c.locked).(*entry)
		c.forgetOld(e, now)
		if len(e.fails) == 0 {
			delete(c.keys, e.key)
			continue
		}
		e.elem = c.lru.PushBack(e)
	}
}

// makeRoom evicts one key when the table is full (see the package
// comment for the order).
func (c *Counter) makeRoom(now time.Time) {
	if len(c.keys) < c.maxKeys {
		return
	}
	if back := c.lru.Back(); back != nil {
		c.remove(back.Value.(*entry)) // the oldest unlocked: expired first, as its latest failure is the oldest
		return
	}
	c.remove(c.locked[0])
}

// remove drops an entry from the table.
func (c *Counter) remove(e *entry) {
	delete(c.keys, e.key)
	if e.index >= 0 {
		heap.Remove(&c.locked, e.index)
		return
	}
	c.lru.Remove(e.elem)
}

// lockHeap orders locked entries by the end of their lock.
type lockHeap []*entry

func (h lockHeap) Len() int           { return len(h) }
func (h lockHeap) Less(i, j int) bool { return h[i].until < h[j].until }
func (h lockHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *lockHeap) Push(x any) {
	e := x.(*entry)
	e.index = len(*h)
	*h = append(*h, e)
}
func (h *lockHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	old[len(old)-1] = nil
	e.index = -1
	*h = old[:len(old)-1]
	return e
}

// Network returns the key a client address counts against: an IPv4
// address itself (an IPv4 address mapped into IPv6 too), or the /64 of an
// IPv6 address, in which a subscriber has as many addresses as they want.
// Anything that does not read as an address comes back as it is.
func Network(ip string) string {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return ip
	}
	a = a.Unmap()
	if a.Is4() {
		return a.String()
	}
	p, err := a.WithZone("").Prefix(64)
	if err != nil {
		return ip
	}
	return p.String()
}
