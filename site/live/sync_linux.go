package live

import (
	"os"

	"golang.org/x/sys/unix"
)

// Sync flushes to disk everything written on the file system of dir: a
// build's files reach the disk before the live link points at them, so a
// power cut cannot leave the site pointing at pages that were never written.
func Sync(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Syncfs(int(f.Fd()))
}
