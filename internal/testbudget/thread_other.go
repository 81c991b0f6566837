//go:build !linux

package testbudget

import "time"

// threadTime: only Linux tells a thread's processor time.
func threadTime() (time.Duration, bool) { return 0, false }
