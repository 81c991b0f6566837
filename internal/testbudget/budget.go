// Package testbudget measures what one call costs, for tests and fuzz
// targets that hold a checker or a decoder to a budget per input: the
// processor time of the calling thread (which, unlike the time on the
// clock, does not grow when other programs share the machine) and the
// bytes the process allocated meanwhile.
//
// It is a leaf: it imports nothing of the portal's.
package testbudget

import (
	"runtime"
	"time"
)

// CPUTime returns the processor time f takes on its thread. Outside Linux,
// which alone tells a thread's processor time, it is the time on the clock.
func CPUTime(f func()) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	before, ok := threadTime()
	if !ok {
		start := time.Now()
		f()
		return time.Since(start)
	}
	f()
	after, _ := threadTime()
	return after - before
}

// Allocated returns the bytes allocated on the heap while f ran (by any
// goroutine: run it alone to measure f).
func Allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Measure returns both for one call of f.
func Measure(f func()) (cpu time.Duration, allocated uint64) {
	allocated = Allocated(func() { cpu = CPUTime(f) })
	return cpu, allocated
}
