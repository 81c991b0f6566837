package deploy

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// state is what deploys keep on the local disk (Config.StateFile) so that
// a deploy after a small change reads neither the bucket's listing nor the
// files of the build that did not change:
//
//   - the bucket's manifest as this portal last wrote or read it, with
//     its hash. The manifest object carries that hash in its metadata: a
//     HEAD of it tells whether the bucket is still as the copy says (no
//     other deploy, no restore of an older copy); if not, the deploy
//     lists the bucket and reads its manifest as a first deploy does.
//   - the hash of each file as last deployed, by the file's identity
//     (device, inode, size, modification time): the gzip copies of
//     pages a build did not change are links to one cached file
//     (site/precompress.go), and an incremental build links unchanged
//     files from the previous build, so they keep their identity.
type state struct {
	Target   string            // the bucket and prefix it describes
	Manifest string            // hash of the manifest object's bytes
	Listed   time.Time         // when the bucket was last listed
	Files    map[string]string // the manifest: key → hash of bytes and headers
	Stats    map[string]fileStat
}

// fileStat identifies the local file a key was last hashed from.
type fileStat struct {
	Dev, Ino uint64
	Size     int64
	Mod      int64  // modification time, Unix nanoseconds
	Headers  string // the headers the hash covers
	Hash     string
}

// relistAfter is how long the bucket is trusted without a listing: once a
// day a deploy lists it, in case objects were changed by other means.
const relistAfter = 24 * time.Hour

// states keeps each state file's content in memory once read or written,
// so that the deploys of a running portal do not decode it each time.
var states sync.Map // path → *state

func target(cfg Config) string { return cfg.Bucket + "\n" + cfg.Prefix }

// loadState returns the state kept at path for cfg's bucket, or nil.
func loadState(path string, cfg Config) *state {
	if path == "" {
		return nil
	}
	if v, ok := states.Load(path); ok {
		if st := v.(*state); st.Target == target(cfg) {
			return st
		}
		return nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	st := &state{}
	if gob.NewDecoder(bytes.NewReader(b)).Decode(st) != nil || st.Target != target(cfg) || st.Files == nil {
		return nil
	}
	if st.Stats == nil {
		st.Stats = map[string]fileStat{}
	}
	states.Store(path, st)
	return st
}

// saveState keeps st as the state at path: in memory at once, on the disk
// in the background (the next deploy of this process uses the copy in
// memory; a process that stops before the file is written finds an older
// one, whose manifest hash no longer matches the bucket's, and lists the
// bucket). WaitSaved waits for the writes.
func saveState(path string, st *state) {
	if path == "" {
		return
	}
	states.Store(path, st)
	writes.Add(1)
	go func() {
		defer writes.Done()
		writeMu.Lock()
		defer writeMu.Unlock()
		// Only the newest state of path is written.
		if v, ok := states.Load(path); !ok || v.(*state) != st {
			return
		}
		// A file not written leaves the older one, which the bucket's
		// manifest hash no longer matches: the next process lists it.
		_ = writeState(path, st)
	}()
}

var (
	writes  sync.WaitGroup // state files being written
	writeMu sync.Mutex     // one written at a time
)

// WaitSaved waits until the state files of the deploys made so far are
// written (a command that deploys once and exits calls it).
func WaitSaved() { writes.Wait() }

// writeState writes st to path whole or not at all.
func writeState(path string, st *state) error {
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(st); err != nil {
		return fmt.Errorf("ghi trạng thái xuất bản: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("ghi trạng thái xuất bản: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".deploy-state-*")
	if err != nil {
		return fmt.Errorf("ghi trạng thái xuất bản: %w", err)
	}
	_, werr := tmp.Write(b.Bytes())
	cerr := tmp.Close()
	if err := firstErr(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("ghi trạng thái xuất bản: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("ghi trạng thái xuất bản: %w", err)
	}
	return nil
}

// forgetState drops the state at path (the bucket is not as it says).
func forgetState(path string) {
	if path == "" {
		return
	}
	states.Delete(path)
	_ = os.Remove(path)
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
