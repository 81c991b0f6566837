//go:build !unix

package deploy

import "os"

// identity is unknown here: every file is hashed at each deploy.
func identity(os.FileInfo) (dev, ino uint64) { return 0, 0 }
