//go:build !linux

package live

import "syscall"

// Sync flushes the system's buffers to disk (see sync_linux.go).
func Sync(dir string) error {
	syscall.Sync()
	return nil
}
