//go:build unix

package deploy

import (
	"os"
	"syscall"
)

// identity is a file's device and inode.
func identity(fi os.FileInfo) (dev, ino uint64) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Dev), uint64(st.Ino)
	}
	return 0, 0
}
