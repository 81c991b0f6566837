// Package tmpfile makes temporary files meant to be renamed into a
// published place (a build's page, a share card): unlike os.CreateTemp,
// which makes them 0600 whatever the folder says, they get the mode any
// new file would (0666 less the process's umask, or what the folder's
// default ACL gives), so that a web server allowed to read the folder
// reads them too.
package tmpfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Create makes a new file in dir named prefix plus a random suffix, open
// for writing.
func Create(dir, prefix string) (*os.File, error) {
	for range 10 {
		var b [8]byte
		_, _ = rand.Read(b[:])
		f, err := os.OpenFile(filepath.Join(dir, prefix+hex.EncodeToString(b[:])), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, &fs.PathError{Op: "create", Path: filepath.Join(dir, prefix+"*"), Err: fs.ErrExist}
}
