//go:build !linux

package markdown

import "time"

// cpuTime returns the time f takes (on the clock: only Linux tells a
// thread's processor time).
func cpuTime(f func()) time.Duration {
	start := time.Now()
	f()
	return time.Since(start)
}
